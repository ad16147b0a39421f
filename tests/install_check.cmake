# Installs the build into PREFIX and checks that the installed binary runs and reads the
# installed packs. Run by CTest: cmake -DBUILD=... -DPREFIX=... -P install_check.cmake
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD}" --prefix "${PREFIX}"
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${rc})")
endif()
set(pack "${PREFIX}/share/credcheck/rules/xijiang-daily.yaml")
foreach(f "${PREFIX}/bin/credcheck" "${pack}")
  if(NOT EXISTS "${f}")
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
execute_process(COMMAND "${PREFIX}/bin/credcheck" rules validate "${pack}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the installed binary refused the installed pack (${rc}): ${out}")
endif()
