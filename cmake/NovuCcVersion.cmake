# Reads NOVU_CC_VERSION_STRING from novu/core/version.hpp, the single source of the version.
function(novu_cc_read_version out_var header)
  file(STRINGS "${header}" version_line REGEX "^#define[ \t]+NOVU_CC_VERSION_STRING[ \t]+\"[^\"]*\"")
  if(NOT version_line MATCHES "\"([0-9]+\\.[0-9]+\\.[0-9]+)\"")
    message(FATAL_ERROR "novu-channels: no NOVU_CC_VERSION_STRING \"X.Y.Z\" in ${header}")
  endif()
  set(${out_var} "${CMAKE_MATCH_1}" PARENT_SCOPE)
endfunction()
