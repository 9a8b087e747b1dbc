#!/usr/bin/env bash
# Compile-time checks of the table builders (include/novu/core/detail/json_fields.hpp): each
# tests/static_checks/*.cpp must FAIL to compile, with the static_assert message its first line
# names (`// expect: <text>`), and compile once NOVU_STATIC_CHECK_OK is defined (so the file
# fails for the reason it states, not for a typo). Ends with "N passed, M failed".
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$(dirname "$here")")
cxx=${CXX:-g++}
passed=0
failed=0
for src in "$here"/*.cpp; do
  name=$(basename "$src")
  expect=$(sed -n '1s|^// expect: ||p' "$src")
  out=$("$cxx" -std=c++17 -fsyntax-only -I"$root/include" "$src" 2>&1)
  if [[ $? -eq 0 ]]; then
    echo "$name: compiled, but should not"; failed=$((failed + 1)); continue
  fi
  if ! grep -qF -- "$expect" <<<"$out"; then
    echo "$name: failed without the message \"$expect\":"; head -5 <<<"$out"; failed=$((failed + 1)); continue
  fi
  if ! ok=$("$cxx" -std=c++17 -fsyntax-only -Wall -Wextra -Werror -DNOVU_STATIC_CHECK_OK -I"$root/include" "$src" 2>&1); then
    echo "$name: the valid variant does not compile:"; head -5 <<<"$ok"; failed=$((failed + 1)); continue
  fi
  echo "$name: refused with \"$expect\""
  passed=$((passed + 1))
done
echo "$passed passed, $failed failed"
[[ $failed -eq 0 && $passed -gt 0 ]]
