#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz/ (clang++ -fsanitize=fuzzer,address,undefined)
# into build/fuzz/, writes seed corpora from tests/data into build/fuzz-corpus/, runs every
# target for a bounded time and reports executions per target. Exits non-zero when a target
# fails to build or finds anything (crash, sanitizer report, violated invariant, leak, timeout).
#   tools/fuzz.sh [seconds-per-target]          default 20
#   NOVU_FUZZ_LENIENT=1 tools/fuzz.sh           skip the checks for already reported bugs
#                                               (built into build/fuzz-lenient/)
#   CXX_FUZZ=clang++-14 tools/fuzz.sh
#   NOVU_FUZZ_JOBS=1 tools/fuzz.sh              one target at a time (default 2, one per core)
# The last line of output is "N passed, M failed".
set -uo pipefail

seconds="${1:-20}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/build/fuzz"
if [ "${NOVU_FUZZ_LENIENT:-0}" = 1 ]; then
  out="$root/build/fuzz-lenient"
fi
corpus="$root/build/fuzz-corpus"
cxx="${CXX_FUZZ:-clang++}"
targets=(fuzz_redaction fuzz_parse_list fuzz_parse_connection fuzz_parse_delete fuzz_error_from_response
         fuzz_request_decoders fuzz_request_builders fuzz_printing fuzz_retry fuzz_parse_endpoint
         fuzz_endpoint_requests)
flags=(-std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
       -Wall -Wextra -Wpedantic -Werror -I"$root/include")
if [ "${NOVU_FUZZ_LENIENT:-0}" = 1 ]; then
  flags+=(-DNOVU_FUZZ_SKIP_KNOWN_BUGS)
fi

started_ns=$(date +%s%N)
mkdir -p "$out"
rm -rf "$out/artifacts"
mkdir -p "$out/artifacts"

# A target is rebuilt when its source, a header or the flags changed since its last build.
stamp="$out/flags.txt"
echo "$cxx ${flags[*]}" >"$stamp.new"
if ! cmp -s "$stamp.new" "$stamp"; then
  rm -f "${targets[@]/#/$out/}"
  mv "$stamp.new" "$stamp"
fi
rm -f "$stamp.new"
echo "== building ${#targets[@]} targets with $cxx (2 at a time, unchanged ones skipped)"
for t in "${targets[@]}"; do
  if [ -x "$out/$t" ] && [ -z "$(find "$root/include" "$root/tests/fuzz" -newer "$out/$t" -type f | head -1)" ]; then
    continue
  fi
  while [ "$(jobs -rp | wc -l)" -ge 2 ]; do sleep 0.2; done
  ("$cxx" "${flags[@]}" "$root/tests/fuzz/$t.cpp" -o "$out/$t" >"$out/$t.build.log" 2>&1 || rm -f "$out/$t") &
done
wait

echo "== seeding $corpus from tests/data"
python3 "$root/tests/fuzz/make_seeds.py" "$corpus" || echo "seeding failed: running with empty corpora"

# fuzz_one TARGET: runs one target for the bounded time; its report line(s) go to $out/TARGET.result
# and its status to $out/TARGET.status (0: clean).
fuzz_one() {
  local t=$1 log="$out/$1.log" result="$out/$1.result"
  if [ ! -x "$out/$t" ]; then
    printf '%-26s BUILD FAILED (see %s)\n' "$t" "$out/$t.build.log" >"$result"
    echo 1 >"$out/$t.status"
    return
  fi
  mkdir -p "$corpus/$t"
  "$out/$t" "$corpus/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$out/artifacts/$t-" -print_final_stats=1 >"$log" 2>&1
  local rc=$?
  local execs rate findings
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  if [ -z "$execs" ]; then
    execs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
  fi
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  findings=$(find "$out/artifacts" -name "$t-*" | wc -l)
  if [ "$rc" -eq 0 ] && [ "$findings" -eq 0 ]; then
    printf '%-26s %10s executions %8s exec/s  ok\n' "$t" "${execs:-?}" "${rate:-?}" >"$result"
    echo 0 >"$out/$t.status"
  else
    {
      printf '%-26s %10s executions %8s exec/s  FAILED (exit %s, %s artifact(s))\n' "$t" "${execs:-?}" "${rate:-?}" "$rc" "$findings"
      grep -m 6 -E 'invariant violated|offending error|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|SUMMARY' "$log" |
        sed 's/^/    /'
      find "$out/artifacts" -name "$t-*" | sed 's/^/    artifact: /'
    } >"$result"
    echo 1 >"$out/$t.status"
  fi
}

passed=0
failed=0
jobs_at_once=${NOVU_FUZZ_JOBS:-2}  # one target per core: each runs its full time
echo "== fuzzing ${seconds}s per target, $jobs_at_once at a time"
for t in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs_at_once" ]; do sleep 0.2; done
  rm -f "$out/$t.result" "$out/$t.status"
  fuzz_one "$t" &
done
wait
for t in "${targets[@]}"; do
  cat "$out/$t.result"
  if [ "$(cat "$out/$t.status" 2>/dev/null)" = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done

elapsed_ms=$((($(date +%s%N) - started_ns) / 1000000))
echo "fuzz: $((elapsed_ms / 1000)).$((elapsed_ms % 1000 / 100))s wall; logs in $out"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
