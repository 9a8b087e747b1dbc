# Every examples/*.cpp becomes an executable (example_<name>). Examples that use libcurl (their text contains
# "CURL") are built only when libcurl is found.
file(GLOB NOVU_CC_EXAMPLE_SOURCES CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/examples/*.cpp")
if(NOVU_CC_EXAMPLE_SOURCES)
  find_package(Threads REQUIRED)
  find_package(CURL QUIET)
endif()
foreach(source IN LISTS NOVU_CC_EXAMPLE_SOURCES)
  get_filename_component(name "${source}" NAME_WE)
  file(READ "${source}" text)
  string(FIND "${text}" "CURL" uses_curl)
  if(NOT uses_curl EQUAL -1 AND NOT CURL_FOUND)
    message(STATUS "novu-channels: skipping example ${name} (libcurl not found)")
    continue()
  endif()
  add_executable(example_${name} "${source}")
  target_include_directories(example_${name} PRIVATE "${PROJECT_SOURCE_DIR}/examples")
  target_link_libraries(example_${name} PRIVATE novu::channels Threads::Threads)
  if(NOT uses_curl EQUAL -1)
    target_link_libraries(example_${name} PRIVATE CURL::libcurl)
  endif()
  novu_cc_set_warnings(example_${name})
endforeach()

# The command-line tool is installed (cmake --install) as `novu-channels` when it is built.
if(NOVU_CC_INSTALL AND TARGET example_channel_connections_cli)
  install(PROGRAMS "$<TARGET_FILE:example_channel_connections_cli>"
          DESTINATION "${CMAKE_INSTALL_BINDIR}"
          RENAME novu-channels)
endif()
