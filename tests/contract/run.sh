#!/usr/bin/env bash
# Contract test against Novu's OpenAPI document: installs Prism (@stoplight/prism-cli 5) under
# build/prism if needed, builds tests/contract/contract_test.cpp, serves
# tests/data/openapi-channel-connections.json with `prism mock` on 127.0.0.1 and a free port,
# runs the test program against it and stops Prism again. Exits with the program's status.
#
# Usage: bash tests/contract/run.sh        (from anywhere; CXX selects the compiler, default g++)
# SPDX-License-Identifier: MIT
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

out_dir="build/contract"
test_timeout_s=120   # longest run of the test program

log() { printf 'run.sh: %s\n' "$*" >&2; }

# shellcheck source=tests/prism.sh
source tests/prism.sh
prism_install

mkdir -p "$out_dir"
log "building $out_dir/contract_test"
"${CXX:-g++}" -std=c++17 -Wall -Wextra -Wpedantic -Werror -I include -I examples \
  tests/contract/contract_test.cpp -o "$out_dir/contract_test" -lcurl

trap prism_stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
prism_start "$out_dir/prism.log"

status=0
timeout "$test_timeout_s" "$out_dir/contract_test" "$prism_url" "$prism_spec" || status=$?
exit "$status"
