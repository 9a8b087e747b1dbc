#!/usr/bin/env bash
# Every public header include/novu/**.hpp (not detail/ or impl/) stands alone:
# tests/standalone/<path>.cpp (same path, .cpp for .hpp) includes
# only that header, uses what it declares, and must compile (-Wall -Wextra -Wpedantic -Werror),
# link and run in the header-only mode and in the fast-compile mode (linked with the one
# implementation file, tests/separate/impl.cpp). Fails when a public header has no file here.
#   bash tests/standalone/run.sh [BUILD_DIR]      (CXX: compiler, default g++)
# The last line is "N passed, M failed".
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out=${1:-$root/build/standalone}
cxx=${CXX:-g++}
flags=(-std=c++17 -Wall -Wextra -Wpedantic -Werror -I"$root/include")
mkdir -p "$out"
passed=0
failed=0

public_headers=$(cd "$root/include/novu" && find . -name '*.hpp' -not -path '*/detail/*' -not -path '*/impl/*' | sed 's#^\./##; s#\.hpp$##' | sort)
sources=$(cd "$root/tests/standalone" && find . -name '*.cpp' | sed 's#^\./##; s#\.cpp$##' | sort)
for name in $public_headers; do
  if [[ ! -f $root/tests/standalone/$name.cpp ]]; then
    echo "FAIL $name: no tests/standalone/$name.cpp uses include/novu/$name.hpp alone"
    failed=$((failed + 1))
  fi
done
for name in $sources; do
  src=$root/tests/standalone/$name.cpp
  includes=$(grep -c '^#include' "$src")
  if [[ $includes != 1 ]] || ! grep -q "^#include \"novu/$name.hpp\"" "$src"; then
    echo "FAIL $name: must include \"novu/$name.hpp\" and nothing else"
    failed=$((failed + 1))
  fi
done

"$cxx" "${flags[@]}" -c "$root/tests/separate/impl.cpp" -o "$out/impl.o" || { echo "FAIL: tests/separate/impl.cpp"; exit 1; }

# check NAME MODE: build and run one file in one mode.
check() {
  local name=$1 mode=$2 exe="$out/${1//\//_}-$2" log="$out/${1//\//_}-$2.log"
  local extra=()
  [[ $mode == separate ]] && extra=(-DNOVU_CC_SEPARATE_COMPILATION "$out/impl.o")
  if "$cxx" "${flags[@]}" "$root/tests/standalone/$name.cpp" "${extra[@]}" -o "$exe" >"$log" 2>&1 && "$exe" >>"$log" 2>&1; then
    echo "ok   $name ($mode)"
  else
    echo "FAIL $name ($mode):"
    sed 's/^/    /' "$log" | head -20
    return 1
  fi
}
export -f check
export cxx out root
export flags_joined="${flags[*]}"
results=$(for name in $sources; do
  printf '%s header-only\n%s separate\n' "$name" "$name"
done | xargs -P 2 -L 1 bash -c 'flags=($flags_joined); check "$0" "$1"')
printf '%s\n' "$results"
passed=$((passed + $(grep -c '^ok' <<<"$results")))
failed=$((failed + $(grep -c '^FAIL' <<<"$results")))
echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
