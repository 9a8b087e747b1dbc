#!/usr/bin/env bash
# The project's test command:  bash tools/test-all.sh
#
# Installs what is missing (Debian, as root), then runs every stage, each in its own build
# directory under build/, prints a summary table and ends with the line "N passed, M failed"
# (N, M = stages). Exits non-zero when a stage failed.
#
# Environment:
#   NOVU_CC_STAGES="gcc17 meson"  run only these stages, in this order (default: all)
#   NOVU_CC_VERBOSE=1             stream every stage's output (default: only a failed stage's tail)
#   NOVU_CC_FRESH=1               delete each stage's build directory first
#   NOVU_CC_NO_INSTALL=1          never call apt-get
#
# Adding a stage: write a function `stage_<name>` (dashes in <name> become underscores) that
# runs its commands under `set -euo pipefail`, and register it with
# `register_stage <name> "<description>"` below, or in a file tools/test-all.d/<anything>.sh,
# which this script sources, so a new stage needs no edit here.
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo" || exit 1

readonly JOBS=2
readonly PACKAGES=(g++ clang cmake ninja-build meson pkg-config python3 nlohmann-json3-dev doctest-dev
                   libcurl4-openssl-dev libcpp-httplib-dev libclang-rt-14-dev llvm-14 curl clang-format
                   libboost-dev libssl-dev openssl)
# Node and npm (Prism, the official SDK) are not listed: machines of this kind ship their own
# Node, which conflicts with Debian's npm package. The scripts that need npm install Debian's
# nodejs and npm only when no `npm` command exists.

STAGES=()
declare -A STAGE_DESCRIPTION=()

# register_stage NAME DESCRIPTION: appends a stage to the default run order.
register_stage() {
  STAGES+=("$1")
  STAGE_DESCRIPTION[$1]=$2
}

# register_stage_hidden NAME DESCRIPTION: a stage run only when NOVU_CC_STAGES names it.
register_stage_hidden() { STAGE_DESCRIPTION[$1]=$2; }

# ---------------------------------------------------------------------------------------------
# Helpers for stages.

# cmake_stage NAME CXX STD [CMAKE ARGS...]: configure, build and ctest in build/NAME.
cmake_stage() {
  local name=$1 cxx=$2 std=$3
  shift 3
  cmake -S . -B "build/$name" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER="$cxx" \
    -DCMAKE_CXX_STANDARD="$std" "$@"
  cmake --build "build/$name" -j "$JOBS"
  ctest --test-dir "build/$name" --output-on-failure --no-tests=error -j "$JOBS"
}

readonly NO_EXCEPTIONS_FLAGS="-fno-exceptions -fno-rtti"
readonly SANITIZER_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"

# ---------------------------------------------------------------------------------------------
# Stages, in their default order.

register_stage amalgamate "single_include/ matches tools/amalgamate.py's output"
stage_amalgamate() { python3 tools/amalgamate.py --check; }

register_stage gcc17 "CMake, g++, C++17"
stage_gcc17() { cmake_stage gcc17 g++ 17; }

# Each compiler and standard is built (with -Werror) and tested once, beside the other flags:
# g++ C++17 (gcc17, gcc17-noexcept, gcc17-single), g++ C++20 (meson), clang++ C++17 (clang17-asan)
# and clang++ C++20 (clang20-noexcept). The unit suite is the slow part of a stage, so the plain
# clang and the CMake g++ C++20 builds, which only repeated those, are not separate stages; they
# can still be run by name.
register_stage_hidden gcc20 "CMake, g++, C++20"
stage_gcc20() { cmake_stage gcc20 g++ 20; }

register_stage_hidden clang17 "CMake, clang++, C++17"
stage_clang17() { cmake_stage clang17 clang++ 17; }

register_stage_hidden clang20 "CMake, clang++, C++20"
stage_clang20() { cmake_stage clang20 clang++ 20; }

register_stage gcc17-noexcept "CMake, g++, C++17, $NO_EXCEPTIONS_FLAGS"
stage_gcc17_noexcept() { cmake_stage gcc17-noexcept g++ 17 -DCMAKE_CXX_FLAGS="$NO_EXCEPTIONS_FLAGS"; }

register_stage clang20-noexcept "CMake, clang++, C++20, $NO_EXCEPTIONS_FLAGS"
stage_clang20_noexcept() { cmake_stage clang20-noexcept clang++ 20 -DCMAKE_CXX_FLAGS="$NO_EXCEPTIONS_FLAGS"; }

register_stage clang17-asan "CMake, clang++, C++17, AddressSanitizer + UndefinedBehaviorSanitizer"
stage_clang17_asan() {
  export ASAN_OPTIONS=detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  cmake_stage clang17-asan clang++ 17 -DCMAKE_CXX_FLAGS="$SANITIZER_FLAGS"
}

register_stage gcc17-single "CMake, g++, C++17, against single_include/ (header-only unit binary, fast-compile pair, memory)"
stage_gcc17_single() {
  # single_include/ is include/ concatenated by tools/amalgamate.py (the amalgamate stage checks
  # it is current): here the header-only unit binary, the fast-compile pair and the memory test
  # build and run against it; the whole suite runs against include/ in the other stages.
  local dir=build/gcc17-single
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=g++ -DCMAKE_CXX_STANDARD=17 \
    -DNOVU_CC_USE_SINGLE_INCLUDE=ON
  cmake --build "$dir" -j "$JOBS" --target novu_tests_header_only novu_tests_separate novu_memory_tests
  ctest --test-dir "$dir" --output-on-failure --no-tests=error -j "$JOBS" \
    -R '^(novu_tests_header_only|novu_tests_separate|novu_memory_tests|amalgamation_up_to_date)$'
}

register_stage meson "meson, system compiler (g++), C++20, meson test"
stage_meson() {
  # Always reconfigure: meson takes the list of tests/unit-*.cpp at configure time. C++20 here,
  # so that g++ C++20 is built and tested without a stage of its own.
  if [[ -f build/meson/build.ninja ]]; then
    meson setup --reconfigure -Dcpp_std=c++20 build/meson
  else
    meson setup -Dcpp_std=c++20 build/meson
  fi
  meson compile -C build/meson -j "$JOBS"
  meson test -C build/meson --print-errorlogs
}

register_stage consumer "consumer projects: find_package, add_subdirectory, FetchContent, meson subproject, pkg-config, single header"
stage_consumer() { CXX=g++ bash tests/consumer/run.sh build/consumer; }

# Stages contributed by other files.
shopt -s nullglob
for extra in tools/test-all.d/*.sh; do
  # shellcheck source=/dev/null
  source "$extra"
done
shopt -u nullglob

# ---------------------------------------------------------------------------------------------
# Packages.

install_missing_packages() {
  if [[ ${NOVU_CC_NO_INSTALL:-0} == 1 ]] || ! command -v dpkg-query >/dev/null 2>&1; then
    return 0
  fi
  local missing=() pkg
  for pkg in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed"; then
      missing+=("$pkg")
    fi
  done
  [[ ${#missing[@]} == 0 ]] && return 0
  echo "== installing missing packages: ${missing[*]}"
  local sudo=()
  if [[ $(id -u) != 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo -n)
    else
      echo "== not root and no sudo: install them yourself; stages that need them will fail" >&2
      return 0
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update &&
    "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}" ||
    echo "== apt-get failed; stages that need ${missing[*]} will fail" >&2
}

# ---------------------------------------------------------------------------------------------
# Runner.

install_missing_packages

if [[ -n ${NOVU_CC_STAGES:-} ]]; then
  read -r -a selected <<<"$NOVU_CC_STAGES"
else
  selected=("${STAGES[@]}")
fi

mkdir -p build/logs
passed=0
failed=0
rows=()
started=$SECONDS
for stage in "${selected[@]}"; do
  fn="stage_${stage//-/_}"
  if ! declare -F "$fn" >/dev/null; then
    echo "== $stage: unknown stage (known: ${STAGES[*]})"
    rows+=("$(printf '%-18s %-7s %6s' "$stage" unknown -)")
    failed=$((failed + 1))
    continue
  fi
  echo "== $stage: ${STAGE_DESCRIPTION[$stage]:-}"
  log="build/logs/$stage.log"
  if [[ ${NOVU_CC_FRESH:-0} == 1 && -d build/$stage ]]; then rm -rf "build/$stage"; fi
  stage_start=$SECONDS
  if [[ ${NOVU_CC_VERBOSE:-0} == 1 ]]; then
    (set -euo pipefail; "$fn") 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
  else
    (set -euo pipefail; "$fn") >"$log" 2>&1
    rc=$?
  fi
  seconds=$((SECONDS - stage_start))
  if [[ $rc == 0 ]]; then
    result=pass
    passed=$((passed + 1))
    echo "== $stage: pass (${seconds}s)"
  else
    result=FAIL
    failed=$((failed + 1))
    if [[ ${NOVU_CC_VERBOSE:-0} != 1 ]]; then
      echo "== $stage: last 80 lines of $log:"
      tail -n 80 "$log" | sed 's/^/   | /'
    fi
    echo "== $stage: FAIL, exit code $rc (${seconds}s); full log: $log"
  fi
  rows+=("$(printf '%-18s %-7s %6s' "$stage" "$result" "$seconds")")
done

echo
printf '%-18s %-7s %6s\n' stage result seconds
printf '%-18s %-7s %6s\n' ------------------ ------- ------
printf '%s\n' "${rows[@]}"
echo "total wall time: $((SECONDS - started))s"
echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
