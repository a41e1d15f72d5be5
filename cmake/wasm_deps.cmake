# The header-only dependencies of a WebAssembly (Emscripten) build. find_package
# cannot see Debian's packages from inside the Emscripten sysroot, and
# -I/usr/include would pull glibc's headers into the WebAssembly build, so each
# library's header folder is linked into a folder of its own and given as an
# imported target with the name find_package would have made. fmt is used
# header-only (FMT_HEADER_ONLY): no libfmt to link.
set(TRAINPRINT_WASM_HEADER_ROOT "/usr/include" CACHE PATH
    "Where the host's fmt, nlohmann and boost header folders are (Debian: /usr/include)")
set(_tp_wasm_inc ${CMAKE_BINARY_DIR}/wasm-include)
file(MAKE_DIRECTORY ${_tp_wasm_inc})
foreach(_dir fmt nlohmann boost)
  if(NOT EXISTS ${TRAINPRINT_WASM_HEADER_ROOT}/${_dir})
    message(FATAL_ERROR "WebAssembly build: ${TRAINPRINT_WASM_HEADER_ROOT}/${_dir} is missing; "
                        "run scripts/bootstrap (libfmt-dev, nlohmann-json3-dev, libboost-dev)")
  endif()
  if(NOT EXISTS ${_tp_wasm_inc}/${_dir})
    file(CREATE_LINK ${TRAINPRINT_WASM_HEADER_ROOT}/${_dir} ${_tp_wasm_inc}/${_dir} SYMBOLIC)
  endif()
endforeach()

add_library(fmt::fmt INTERFACE IMPORTED)
set_target_properties(fmt::fmt PROPERTIES INTERFACE_INCLUDE_DIRECTORIES ${_tp_wasm_inc}
                                          INTERFACE_COMPILE_DEFINITIONS FMT_HEADER_ONLY=1)
add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
set_target_properties(nlohmann_json::nlohmann_json PROPERTIES INTERFACE_INCLUDE_DIRECTORIES ${_tp_wasm_inc})
add_library(Boost::headers INTERFACE IMPORTED)
set_target_properties(Boost::headers PROPERTIES INTERFACE_INCLUDE_DIRECTORIES ${_tp_wasm_inc})
