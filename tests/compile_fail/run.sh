#!/usr/bin/env bash
# Compile-fail checks: each tests/compile_fail/*.cpp breaks one requirement on an Environment or
# a transport and must fail to compile with the static_assert message its first line names
# (`// expect: <text>`). Compiled with -fsyntax-only in the fast-compile mode (declarations only,
# no nlohmann/json), by g++ and clang++ when present. Last line: `N passed, M failed`.
#   bash tests/compile_fail/run.sh
# SPDX-License-Identifier: MIT
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root" || exit 1
out_dir="build/compile_fail"
mkdir -p "$out_dir"

passed=0
failed=0
for compiler in g++ clang++; do
  command -v "$compiler" >/dev/null || continue
  for source in tests/compile_fail/*.cpp; do
    name="$(basename "$source" .cpp).$compiler"
    expected="$(sed -n '1s|^// expect: ||p' "$source")"
    if [ -z "$expected" ]; then
      printf 'FAIL %s: no "// expect:" line\n' "$name"; failed=$((failed + 1)); continue
    fi
    if "$compiler" -std=c++17 -fsyntax-only -DNOVU_CC_SEPARATE_COMPILATION -I include "$source" \
        >"$out_dir/$name.log" 2>&1; then
      printf 'FAIL %s: compiled, expected an error\n' "$name"; failed=$((failed + 1))
    elif grep -qF -- "$expected" "$out_dir/$name.log"; then
      printf 'ok %s\n' "$name"; passed=$((passed + 1))
    else
      printf 'FAIL %s: no "%s" in the errors (%s)\n' "$name" "$expected" "$out_dir/$name.log"; failed=$((failed + 1))
    fi
  done
done
printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
