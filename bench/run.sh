#!/usr/bin/env bash
# Runs every benchmark of bench/ in one go and ends with `metric <name> <value>` lines:
#   C++ (Google Benchmark, counting allocator): the library against nlohmann/json's own floor;
#   Node: Novu's official SDK (@novu/api 3.19.1) on the same calls over a fake fetcher;
#   callgrind: deterministic instruction counts of the same operations;
#   compile time of four translation units, and the size of a stripped example binary;
#   the cost of scrubbing secrets from an 8 MiB hostile error answer (hardening_bench.cpp).
#
#   bench/run.sh [--quick]
#
# --quick: fewer repetitions, for a smoke test (figures are then rough).
# Environment: NOVU_BENCH_OUT (work directory, default bench/out), NOVU_BENCH_CPU (the CPU the
# timed runs are pinned to, default the last one), NOVU_BENCH_NO_CALLGRIND=1 (skip callgrind).
# Missing tools are installed with apt-get (Debian/Ubuntu) and the SDK with npm ci.
# SPDX-License-Identifier: MIT
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
out=${NOVU_BENCH_OUT:-$here/out}
quick=0
[[ "${1:-}" == "--quick" ]] && quick=1

log() { printf '== %s\n' "$*" >&2; }

# ---- 1. tools ----
missing=()
command -v g++ >/dev/null || missing+=(g++)
command -v strip >/dev/null || missing+=(binutils)
command -v taskset >/dev/null || missing+=(util-linux)
[[ -f /usr/include/benchmark/benchmark.h ]] || missing+=(libbenchmark-dev)
[[ -f /usr/include/nlohmann/json.hpp ]] || missing+=(nlohmann-json3-dev)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [[ "${NOVU_BENCH_NO_CALLGRIND:-0}" != 1 ]]; then command -v valgrind >/dev/null || missing+=(valgrind); fi
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# ---- 2. the official SDK, pinned by bench/node/package-lock.json ----
sdk_version=$(cd "$here/node" && node -p 'try { require("./node_modules/@novu/api/package.json").version } catch { "" }')
if [[ "$sdk_version" != "3.19.1" ]]; then
  log "npm ci in bench/node"
  (cd "$here/node" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

mkdir -p "$out"
cpu=${NOVU_BENCH_CPU:-$(($(nproc) - 1))}
pin=(taskset -c "$cpu")
reps=5
runs=3
min_time=0.3
((quick)) && reps=2 && runs=1 && min_time=0.05

# ---- 3. the bodies every benchmark reads ----
node "$here/tools/make_fixtures.mjs" "$out/data"

# ---- 4. C++ benchmarks: -O2 -DNDEBUG (nlohmann's asserts cost 12-17% otherwise) ----
log "building bench/novu_bench.cpp"
cxx=(g++ -std=c++17 -O2 -DNDEBUG -I"$root/include" -I"$here")
"${cxx[@]}" "$here/novu_bench.cpp" -o "$out/novu_bench" -lbenchmark -lpthread
# Several processes: one process once measured nlohmann's lexer at 2.5 times its usual time in
# every repetition (whatever it was, address layout or the host, it lasted the process's life),
# so each figure is the median over the repetitions of all runs.
log "running C++ benchmarks on CPU $cpu ($runs runs x $reps repetitions, interleaved)"
rm -f "$out"/cpp-*.json
for run in $(seq "$runs"); do
  "${pin[@]}" "$out/novu_bench" --data="$out/data" --heap-out="$out/heap.json" \
    --benchmark_repetitions="$reps" --benchmark_enable_random_interleaving=true \
    --benchmark_display_aggregates_only=true \
    --benchmark_min_time="$min_time" --benchmark_out="$out/cpp-$run.json" --benchmark_out_format=json >&2
done

# ---- 5. the official SDK, same machine, same CPU, same run ----
log "running @novu/api benchmarks on CPU $cpu"
node_args=()
((quick)) && node_args+=(--quick)
"${pin[@]}" node "$here/node/sdk_bench.mjs" "$out/data" "${node_args[@]}" > "$out/node.json"

# ---- 6. instruction counts (deterministic) ----
if [[ "${NOVU_BENCH_NO_CALLGRIND:-0}" != 1 ]]; then
  log "counting instructions with callgrind"
  "${cxx[@]}" -g "$here/instr_probe.cpp" -o "$out/instr_probe"
  count() {  # count OPERATION N -> instructions of the whole process
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$out/instr_probe" "$out/data" "$1" "$2" 2>&1 |
      sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
  }
  {
    printf '{'
    sep=""
    for op in decode_single decode_single_sax_floor decode_list100 decode_list100_sax_floor decode_single_into \
              decode_list100_into decode_endpoints100 decode_endpoints100_sax_floor build_update \
              build_update_body_nlohmann_ordered_dump; do
      n=200
      [[ $op == decode_list100* || $op == decode_endpoints100* ]] && n=10
      a=$(count "$op" "$n")
      b=$(count "$op" $((2 * n)))
      printf '%s"%s": %s' "$sep" "$op" $(((b - a) / n))
      sep=", "
    done
    printf '}\n'
  } > "$out/instructions.json"
fi

# ---- 7. compile time: g++ -O0 -c, median of 5, CPU seconds of the compiler ----
log "timing compilations"
compile_seconds() {  # compile_seconds ARGS... -> median user+sys seconds of 5 runs
  local runs=()
  for _ in 1 2 3 4 5; do
    local t
    t=$( { TIMEFORMAT='%U %S'; time g++ -std=c++17 -O0 -I"$root/include" -c "$@" -o "$out/probe.o"; } 2>&1 | tail -1)
    runs+=("$(awk '{printf "%.3f", $1 + $2}' <<<"$t")")
  done
  printf '%s\n' "${runs[@]}" | sort -n | sed -n 3p
}
{
  printf '{"client_tu": %s, ' "$(compile_seconds "$here/compile/client_tu.cpp")"
  printf '"light_tu": %s, ' "$(compile_seconds -DNOVU_CC_SEPARATE_COMPILATION "$here/compile/client_tu.cpp")"
  printf '"nlohmann_only_tu": %s, ' "$(compile_seconds "$here/compile/nlohmann_only_tu.cpp")"
  printf '"nlohmann_4structs_tu": %s}\n' "$(compile_seconds "$here/compile/nlohmann_4structs_tu.cpp")"
} > "$out/compile.json"

# ---- 8. footprint: the stripped example (update + parse) at -O2 ----
log "building the example binary variants"
size_of() {  # size_of NAME FLAGS... -> bytes of the stripped binary
  g++ -std=c++17 -O2 -DNDEBUG -I"$root/include" "${@:2}" "$here/example/update_and_parse.cpp" -o "$out/example_$1"
  strip "$out/example_$1"
  "$out/example_$1" >/dev/null
  stat -c %s "$out/example_$1"
}
gc=(-ffunction-sections -fdata-sections -Wl,--gc-sections)
{
  printf '{"plain": %s, ' "$(size_of plain)"
  printf '"gc_sections": %s, ' "$(size_of gc "${gc[@]}")"
  printf '"gc_sections_no_exceptions": %s, ' "$(size_of gc_noexc "${gc[@]}" -fno-exceptions)"
  printf '"gc_sections_no_exceptions_os": %s}\n' "$(size_of gc_noexc_os "${gc[@]}" -fno-exceptions -Os)"
} > "$out/size.json"

# ---- 9. the cost of the secret guarantees on an 8 MiB hostile answer ----
log "building bench/hardening_bench.cpp"
"${cxx[@]}" "$here/hardening_bench.cpp" -o "$out/hardening_bench"
"${pin[@]}" "$out/hardening_bench" > "$out/hardening.txt"

# ---- 10. report ----
node "$here/tools/report.mjs" "$out"
cat "$out/hardening.txt"
cat "$out/hardening.txt" >> "$out/metrics.txt"
