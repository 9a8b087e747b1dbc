#!/usr/bin/env bash
# The documentation cannot drift from the code:
#   - every C++ snippet of README.md and docs/ compiles (tests/docs/snippets.py), and none
#     assigns std::getenv's result unchecked;
#   - every public name of include/novu/**/*.hpp (outside detail/ and impl/) is in
#     docs/reference.md (tests/docs/reference_names.py).
# Then proves that both checks fail when they should: in a scratch copy of the sources, a
# snippet is broken and a public name is removed from the reference, and each check must fail
# naming what broke.
#   bash tests/docs/run.sh [BUILD_DIR]        (CXX: compiler, default g++)
# The last line is "N passed, M failed".
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out=${1:-$root/build/docs}
mkdir -p "$out"
passed=0
failed=0
check() {  # check NAME STATUS
  if [ "$2" -eq 0 ]; then passed=$((passed + 1)); echo "ok $1"; else failed=$((failed + 1)); echo "FAIL $1"; fi
}

python3 "$root/tests/docs/snippets.py" "$out/snippets"
check "snippets: every C++ block of README.md and docs/ compiles" $?
python3 "$root/tests/docs/reference_names.py"
check "reference: every public name is in docs/reference.md" $?

# The checks catch breakage: a scratch copy with one snippet broken and one name undocumented.
scratch="$out/scratch"
rm -rf "$scratch"
mkdir -p "$scratch/tests"
cp -r "$root/README.md" "$root/docs" "$root/include" "$root/examples" "$scratch/"
cp -r "$root/tests/docs" "$scratch/tests/"
python3 - "$scratch" <<'PY'
import pathlib, re, sys
root = pathlib.Path(sys.argv[1])
readme = root / "README.md"
text = readme.read_text()
# The quick start calls a member that does not exist.
broken = text.replace("client.channel_connections().update(", "client.channel_connections().updat(", 1)
assert broken != text, "the README's quick start changed: update this self-test"
readme.write_text(broken)
reference = root / "docs" / "reference.md"
text = reference.read_text()
undocumented = re.sub(r"\bdefault_port\b", "default_p0rt", text)
assert undocumented != text, "default_port is not in the reference: update this self-test"
reference.write_text(undocumented)
PY
python3 "$scratch/tests/docs/snippets.py" "$scratch/build" >"$out/broken-snippets.log" 2>&1
status=$?
[ "$status" -eq 1 ] && grep -q '^README.md:[0-9]*:.*updat' "$out/broken-snippets.log" &&
  grep -q '^FAIL README.md: its snippets do not compile' "$out/broken-snippets.log"
check "snippets: a broken README block fails, the error at its markdown line" $?
python3 "$scratch/tests/docs/reference_names.py" >"$out/broken-reference.log" 2>&1
status=$?
[ "$status" -eq 1 ] && grep -q '^FAIL include/novu/core/url.hpp:[0-9]*: function default_port() is not in docs/reference.md' \
  "$out/broken-reference.log"
check "reference: a public name missing from the reference fails, naming its header and line" $?
printf '    | %s\n' "$(grep -m1 'updat' "$out/broken-snippets.log")" "$(grep -m1 '^FAIL' "$out/broken-reference.log")"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
