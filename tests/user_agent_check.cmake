# cmake -DSOURCE=DIR -P tests/user_agent_check.cmake: the default User-Agent as the build
# makes it (cmake/user_agent.cmake), for each way CREDCHECK_HOMEPAGE may be given.
include(${SOURCE}/cmake/user_agent.cmake)
credcheck_user_agent("1.2.3" "" plain)
if(NOT plain STREQUAL "credcheck/1.2.3")
  message(FATAL_ERROR "without a home page: got '${plain}'")
endif()
credcheck_user_agent("1.2.3" "https://credcheck.example/about" homed)
if(NOT homed STREQUAL "credcheck/1.2.3 (+https://credcheck.example/about)")
  message(FATAL_ERROR "with a home page: got '${homed}'")
endif()
# A home page that would break the header is refused at configure time.
foreach(bad "credcheck.example" "https://a.example/x y" "https://a.example/\"q\"" "ftp://a.example/")
  file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/ua_bad.cmake
       "include(${SOURCE}/cmake/user_agent.cmake)\ncredcheck_user_agent(\"1\" [==[${bad}]==] out)\n")
  execute_process(COMMAND ${CMAKE_COMMAND} -P ${CMAKE_CURRENT_BINARY_DIR}/ua_bad.cmake
                  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
  if(rc EQUAL 0 OR NOT err MATCHES "CREDCHECK_HOMEPAGE: expected an http")
    message(FATAL_ERROR "'${bad}' was not refused: ${err}")
  endif()
endforeach()
file(REMOVE ${CMAKE_CURRENT_BINARY_DIR}/ua_bad.cmake)
message(STATUS "default User-Agent: ok")
