#!/usr/bin/env bash
# Contract tests against Novu's OpenAPI document, one document at a time: installs Prism
# (@stoplight/prism-cli 5) under build/prism if needed, builds tests/contract/contract_test.cpp
# and tests/contract/endpoint_contract_test.cpp, then for each serves its document with
# `prism mock` on 127.0.0.1 and a free port, runs the program against it and stops Prism again:
#   contract_test            tests/data/openapi-channel-connections.json
#   endpoint_contract_test   tests/data/openapi-channel-endpoints.json (trim_openapi.py's copy,
#                            with the document's broken patterns and unions repaired)
# Both always run; exits non-zero when either fails (or Prism does not start).
#
# Usage: bash tests/contract/run.sh        (from anywhere; CXX selects the compiler, default g++)
# SPDX-License-Identifier: MIT
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

out_dir="build/contract"
test_timeout_s=120   # longest run of one test program

log() { printf 'run.sh: %s\n' "$*" >&2; }

# shellcheck source=tests/prism.sh
source tests/prism.sh
prism_install

mkdir -p "$out_dir"
for program in contract_test endpoint_contract_test; do
  log "building $out_dir/$program"
  "${CXX:-g++}" -std=c++17 -Wall -Wextra -Wpedantic -Werror -I include -I examples \
    "tests/contract/$program.cpp" -o "$out_dir/$program" -lcurl
done

trap prism_stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Serves document $2 (prism_start reads prism_spec), runs program $1 against it, stops Prism.
run_against() {
  local program=$1 status=0
  prism_spec=$2
  prism_start "$out_dir/prism-$program.log" || return 1
  log "$program against $prism_spec"
  timeout "$test_timeout_s" "$out_dir/$program" "$prism_url" "$prism_spec" || status=$?
  prism_stop
  log "$program: exit status $status"
  return "$status"
}

failed=0
run_against contract_test tests/data/openapi-channel-connections.json || failed=1
run_against endpoint_contract_test tests/data/openapi-channel-endpoints.json || failed=1
exit "$failed"
