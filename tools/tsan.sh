#!/usr/bin/env bash
# ThreadSanitizer run of the thread-safety tests: builds tests/unit-threads.cpp,
# tests/unit-async-hardening.cpp (async completions and timers called twice, from two threads at
# once, page walks completed on worker threads) and tests/unit-cancel.cpp (cancel() racing
# completions and timers on worker threads) with a doctest main (clang++ -fsanitize=thread
# -O1 -g) into build/tsan/ and runs them. Fails on a test failure or any TSan report.
#   tools/tsan.sh            CXX_TSAN=clang++-14 tools/tsan.sh
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/build/tsan"
cxx="${CXX_TSAN:-clang++}"
mkdir -p "$out"
started_ns=$(date +%s%N)

main="$out/doctest_main.cpp"
printf '#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN\n#include <doctest/doctest.h>\n' >"$main"

sources=("$root/tests/unit-threads.cpp" "$root/tests/unit-async-hardening.cpp" "$root/tests/unit-cancel.cpp")
echo "== building $out/unit-threads from ${sources[*]##*/} with $cxx -fsanitize=thread"
if ! "$cxx" -std=c++17 -fsanitize=thread -O1 -g -fno-omit-frame-pointer -pthread \
    -Wall -Wextra -Wpedantic -Werror \
    -I"$root/include" -DNOVU_CC_TEST_DATA_DIR="\"$root/tests/data\"" \
    "${sources[@]}" "$main" -o "$out/unit-threads"; then
  echo "tsan: build failed"
  exit 1
fi

# TSan in LLVM 14 cannot map its shadow memory under the large mmap randomisation of newer
# kernels; run without ASLR when setarch can turn it off.
runner=()
if command -v setarch >/dev/null 2>&1 && setarch "$(uname -m)" -R true 2>/dev/null; then
  runner=(setarch "$(uname -m)" -R)
fi

echo "== running"
TSAN_OPTIONS="halt_on_error=1 exitcode=66 ${TSAN_OPTIONS:-}" "${runner[@]}" "$out/unit-threads" --no-intro=true \
  2>&1 | tee "$out/log.txt"
rc=${PIPESTATUS[0]}

elapsed_ms=$((($(date +%s%N) - started_ns) / 1000000))
reports=$(grep -c "WARNING: ThreadSanitizer" "$out/log.txt" || true)
echo "tsan: exit code $rc, $reports ThreadSanitizer report(s), $((elapsed_ms / 1000)).$((elapsed_ms % 1000 / 100))s wall"
if [ "$rc" -ne 0 ] || [ "$reports" -ne 0 ]; then
  echo "tsan: FAILED"
  exit 1
fi
echo "tsan: passed"
