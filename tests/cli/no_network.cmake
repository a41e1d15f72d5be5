cmake_minimum_required(VERSION 3.25)
# No network, no code from data (issue 10): the binaries import no socket, name
# lookup, process or dynamic-loading function. Run as
#   cmake -DNM=<nm> -DFILES="<binary>;<library>;..." -P no_network.cmake
set(_forbidden socket socketpair connect getaddrinfo gethostbyname gethostbyname_r gethostbyaddr bind listen
    accept accept4 send sendto sendmsg recv recvfrom recvmsg system popen fork vfork execl execlp execle execv
    execvp execve execvpe posix_spawn posix_spawnp dlopen dlmopen)
set(_status 0)
foreach(_file IN LISTS FILES)
  execute_process(COMMAND ${NM} -D --undefined-only ${_file} OUTPUT_VARIABLE _out RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "${NM} failed on ${_file}")
  endif()
  string(REPLACE "\n" ";" _lines "${_out}")
  foreach(_line IN LISTS _lines)
    if(_line MATCHES "U ([A-Za-z0-9_]+)(@|$)" AND CMAKE_MATCH_1 IN_LIST _forbidden)
      message(SEND_ERROR "${_file} imports ${CMAKE_MATCH_1}")
      set(_status 1)
    endif()
  endforeach()
endforeach()
if(_status EQUAL 0)
  message(STATUS "no network, process or dlopen imports in: ${FILES}")
endif()
