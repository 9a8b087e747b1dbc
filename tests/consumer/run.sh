#!/usr/bin/env bash
# Builds and runs the consumer projects under tests/consumer/, each the way a user of the
# library would integrate it:
#   find_package     CMake find_package after `cmake --install` into a scratch prefix
#   add_subdirectory CMake add_subdirectory of the repository
#   fetch_content    CMake FetchContent from the local source tree (no network)
#   meson_subproject meson subproject (the repository linked into subprojects/)
#   pkg_config       compiler flags from `pkg-config --cflags novu-channels`
#   single_include   a plain compile with -I single_include
#
# Usage: bash tests/consumer/run.sh [WORK_DIR]   (default: build/consumer, wiped first)
# Environment: CXX (default g++); NOVU_CC_CONSUMERS="pkg_config single_include" runs a subset.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=${1:-$repo/build/consumer}
cxx=${CXX:-g++}
all_consumers="find_package add_subdirectory fetch_content meson_subproject pkg_config single_include"
consumers=${NOVU_CC_CONSUMERS:-$all_consumers}

rm -rf "$work"
mkdir -p "$work/logs"
work=$(cd "$work" && pwd)
prefix="$work/prefix"

cmake_generator=()
if command -v ninja >/dev/null 2>&1; then cmake_generator=(-G Ninja); fi

# Configures, builds and runs one CMake consumer project.
cmake_consumer() {
  local name=$1
  shift
  cmake -S "$here/$name" -B "$work/$name" "${cmake_generator[@]}" -DCMAKE_CXX_COMPILER="$cxx" "$@" &&
    cmake --build "$work/$name" -j2 &&
    "$work/$name/consumer"
}

# Installs the library into $prefix once (for find_package and pkg_config).
installed=0
install_library() {
  if [[ $installed == 1 ]]; then return 0; fi
  cmake -S "$repo" -B "$work/install-build" "${cmake_generator[@]}" -DCMAKE_CXX_COMPILER="$cxx" \
    -DNOVU_CC_BUILD_TESTS=OFF -DNOVU_CC_BUILD_EXAMPLES=OFF &&
    cmake --install "$work/install-build" --prefix "$prefix" &&
    installed=1
}

consumer_find_package() {
  install_library && cmake_consumer find_package -DCMAKE_PREFIX_PATH="$prefix"
}

consumer_add_subdirectory() {
  cmake_consumer add_subdirectory -DNOVU_CC_SOURCE_DIR="$repo"
}

consumer_fetch_content() {
  cmake_consumer fetch_content -DNOVU_CC_SOURCE_DIR="$repo" -DFETCHCONTENT_FULLY_DISCONNECTED=ON
}

consumer_meson_subproject() {
  local src="$work/meson_subproject-src"
  mkdir -p "$src/subprojects" &&
    cp "$here/meson_subproject/meson.build" "$here/main.cpp" "$src/" &&
    ln -s "$repo" "$src/subprojects/novu_channels" &&
    CXX="$cxx" meson setup "$work/meson_subproject" "$src" --wrap-mode=nodownload &&
    meson compile -C "$work/meson_subproject" &&
    "$work/meson_subproject/consumer"
}

consumer_pkg_config() {
  install_library || return 1
  local pc_path="$prefix/share/pkgconfig" cflags version
  cflags=$(PKG_CONFIG_PATH="$pc_path" pkg-config --cflags novu-channels) || return 1
  version=$(PKG_CONFIG_PATH="$pc_path" pkg-config --modversion novu-channels) || return 1
  echo "pkg-config --cflags: $cflags (version $version)"
  local flag found=0
  for flag in $cflags; do
    if [[ $flag == -I* && $(realpath -m "${flag#-I}") == "$prefix/include" ]]; then found=1; fi
  done
  [[ $found == 1 ]] || { echo "no -I flag points at $prefix/include" >&2; return 1; }
  # shellcheck disable=SC2086  # word splitting of the flags is intended
  "$cxx" -std=c++17 -Wall -Wextra -Werror $cflags "-DNOVU_CC_EXPECTED_VERSION=\"$version\"" \
    "$here/main.cpp" -o "$work/pkg_config-consumer" &&
    "$work/pkg_config-consumer"
}

consumer_single_include() {
  "$cxx" -std=c++17 -Wall -Wextra -Werror -I "$repo/single_include" "$here/main.cpp" \
    -o "$work/single_include-consumer" &&
    "$work/single_include-consumer"
}

passed=0
failed=0
results=()
for name in $consumers; do
  if ! declare -F "consumer_$name" >/dev/null; then
    echo "unknown consumer '$name' (known: $all_consumers)" >&2
    results+=("$name: unknown")
    failed=$((failed + 1))
    continue
  fi
  log="$work/logs/$name.log"
  if "consumer_$name" >"$log" 2>&1; then
    results+=("$name: ok")
    passed=$((passed + 1))
    echo "consumer $name: ok ($(tail -n 1 "$log"))"
  else
    results+=("$name: FAILED")
    failed=$((failed + 1))
    echo "consumer $name: FAILED; last lines of $log:"
    tail -n 40 "$log" | sed 's/^/    /'
  fi
done
echo "consumers: $passed passed, $failed failed"
[[ $failed == 0 ]]
