# Install rules: headers, the exported novu::channels target, a CMake package
# (find_package(novu_channels)) and a pkg-config file (novu-channels).
include(CMakePackageConfigHelpers)

set(NOVU_CC_CMAKE_DIR "${CMAKE_INSTALL_DATADIR}/cmake/novu_channels"
    CACHE STRING "Where the CMake package files are installed, relative to the prefix")
set(NOVU_CC_PKGCONFIG_DIR "${CMAKE_INSTALL_DATADIR}/pkgconfig"
    CACHE STRING "Where novu-channels.pc is installed, relative to the prefix")
mark_as_advanced(NOVU_CC_CMAKE_DIR NOVU_CC_PKGCONFIG_DIR)

# The headers the target uses go to <includedir>/novu. In the default (multi-header) layout the
# amalgamated headers are installed too, outside the include path, for projects that vendor them.
install(DIRECTORY "${NOVU_CC_INCLUDE_DIR}/novu" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
        FILES_MATCHING PATTERN "*.hpp" PATTERN "*.ipp")
if(NOT NOVU_CC_USE_SINGLE_INCLUDE)
  install(DIRECTORY "${PROJECT_SOURCE_DIR}/single_include/novu"
          DESTINATION "${CMAKE_INSTALL_DATADIR}/novu_channels/single_include"
          FILES_MATCHING PATTERN "*.hpp")
endif()

install(TARGETS novu_channels EXPORT novu_channelsTargets)
install(EXPORT novu_channelsTargets
        NAMESPACE novu::
        DESTINATION "${NOVU_CC_CMAKE_DIR}")

configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/novu_channelsConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/novu_channelsConfig.cmake"
  INSTALL_DESTINATION "${NOVU_CC_CMAKE_DIR}")
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/novu_channelsConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}"
  COMPATIBILITY SameMajorVersion
  ARCH_INDEPENDENT)
install(FILES
  "${PROJECT_BINARY_DIR}/novu_channelsConfig.cmake"
  "${PROJECT_BINARY_DIR}/novu_channelsConfigVersion.cmake"
  DESTINATION "${NOVU_CC_CMAKE_DIR}")

# The .pc file finds its prefix from its own location, so `cmake --install --prefix X` works.
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(NOVU_CC_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(NOVU_CC_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
if(IS_ABSOLUTE "${NOVU_CC_PKGCONFIG_DIR}")
  set(NOVU_CC_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH NOVU_CC_PC_UP "/prefix/${NOVU_CC_PKGCONFIG_DIR}" "/prefix")
  string(REGEX REPLACE "/$" "" NOVU_CC_PC_UP "${NOVU_CC_PC_UP}")
  set(NOVU_CC_PC_PREFIX "\${pcfiledir}/${NOVU_CC_PC_UP}")
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/novu-channels.pc.in"
               "${PROJECT_BINARY_DIR}/novu-channels.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/novu-channels.pc" DESTINATION "${NOVU_CC_PKGCONFIG_DIR}")
