# The default User-Agent: "credcheck/VERSION", or "credcheck/VERSION (+URL)" when the build
# names the project's home page (-DCREDCHECK_HOMEPAGE=URL), so a site's owner can read what
# the crawler is. A home page that is not an http(s) URL fit for a header is refused.
function(credcheck_user_agent version homepage out)
  set(agent "credcheck/${version}")
  if(homepage)
    if(NOT homepage MATCHES "^https?://[!#-~]+$" OR homepage MATCHES "[\"\\\\()]")
      message(FATAL_ERROR "CREDCHECK_HOMEPAGE: expected an http(s) URL without spaces, quotes, "
                          "backslashes or parentheses, got '${homepage}'")
    endif()
    string(APPEND agent " (+${homepage})")
  endif()
  set(${out} "${agent}" PARENT_SCOPE)
endfunction()
