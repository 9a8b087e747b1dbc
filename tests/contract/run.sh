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

prism_dir="build/prism"
prism="$prism_dir/node_modules/.bin/prism"
out_dir="build/contract"
spec="tests/data/openapi-channel-connections.json"
ready_timeout_s=60   # longest wait for Prism to listen
test_timeout_s=120   # longest run of the test program

log() { printf 'run.sh: %s\n' "$*" >&2; }

# Node and npm from Debian when missing (needs root, as in CI containers).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  log "node/npm not found: installing them with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi

# Prism, into its own folder (a package.json there stops npm from using a parent folder).
if [ ! -x "$prism" ]; then
  log "installing @stoplight/prism-cli@5 into $prism_dir"
  mkdir -p "$prism_dir"
  [ -f "$prism_dir/package.json" ] || printf '{ "private": true }\n' >"$prism_dir/package.json"
  (cd "$prism_dir" && npm install --no-audit --no-fund --loglevel=error @stoplight/prism-cli@5 >&2)
fi

mkdir -p "$out_dir"
log "building $out_dir/contract_test"
"${CXX:-g++}" -std=c++17 -Wall -Wextra -Wpedantic -Werror -I include -I examples \
  tests/contract/contract_test.cpp -o "$out_dir/contract_test" -lcurl

# A free loopback port: bind port 0, read the number, release it.
port="$(node -e 'const s = require("net").createServer();
s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')"
base_url="http://127.0.0.1:$port"

prism_pid=""
# shellcheck disable=SC2317  # reached through the EXIT trap
stop_prism() {
  if [ -n "$prism_pid" ] && kill -0 "$prism_pid" 2>/dev/null; then
    kill "$prism_pid" 2>/dev/null || true
    wait "$prism_pid" 2>/dev/null || true
  fi
  prism_pid=""
}
trap stop_prism EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "starting Prism on $base_url (log: $out_dir/prism.log)"
"$prism" mock -h 127.0.0.1 -p "$port" "$spec" >"$out_dir/prism.log" 2>&1 &
prism_pid=$!

# Wait, bounded, until the port accepts connections; give up early if Prism died.
deadline=$((SECONDS + ready_timeout_s))
until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
  if ! kill -0 "$prism_pid" 2>/dev/null; then
    log "Prism exited before listening:"; cat "$out_dir/prism.log" >&2; exit 1
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    log "Prism did not listen within ${ready_timeout_s}s:"; cat "$out_dir/prism.log" >&2; exit 1
  fi
  sleep 0.25
done

status=0
timeout "$test_timeout_s" "$out_dir/contract_test" "$base_url" "$spec" || status=$?
exit "$status"
