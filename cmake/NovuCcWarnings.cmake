# Warnings as errors for this project's own executables (tests, examples); never imposed on
# consumers through the INTERFACE target.
function(novu_cc_set_warnings target)
  if(MSVC)
    target_compile_options(${target} PRIVATE /W4 /WX /permissive-)
  else()
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror)
  endif()
endfunction()
