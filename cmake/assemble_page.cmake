# Writes the browser calculator as one HTML file: TEMPLATE (web/index.html) with
# its placeholders replaced by STYLE (the CSS), MODULE (the Emscripten module,
# WebAssembly inlined) and APP (the page's script). Run with cmake -P.
file(READ "${TEMPLATE}" page)
file(READ "${STYLE}" style)
file(READ "${MODULE}" module)
file(READ "${APP}" app)
# A script's text must not close its own element.
string(REPLACE "</script" "<\\/script" module "${module}")
string(REPLACE "</script" "<\\/script" app "${app}")
foreach(part STYLE MODULE APP)
  string(FIND "${page}" "/*@TRAINPRINT_${part}@*/" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${TEMPLATE}: the placeholder /*@TRAINPRINT_${part}@*/ is missing")
  endif()
endforeach()
string(REPLACE "/*@TRAINPRINT_STYLE@*/" "${style}" page "${page}")
string(REPLACE "/*@TRAINPRINT_MODULE@*/" "${module}" page "${page}")
string(REPLACE "/*@TRAINPRINT_APP@*/" "${app}" page "${page}")
file(WRITE "${OUTPUT}" "${page}")
