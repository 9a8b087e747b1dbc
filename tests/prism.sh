# Shared by the scripts that test against Prism serving Novu's OpenAPI document
# (tests/contract/run.sh, tests/transport/run.sh, tests/cli/run.sh). Source it from the repo root.
#   prism_install           node/npm from Debian when missing, Prism 5 into build/prism
#   prism_start LOG         serve tests/data/openapi-channel-connections.json on 127.0.0.1 and a
#                           free port; sets prism_pid and prism_url; fails when Prism does not
#                           listen within 60 s (its log then goes to stderr)
#   prism_stop              stops it by PID (idempotent; call it from an EXIT trap)
# SPDX-License-Identifier: MIT

prism_dir="build/prism"
prism="$prism_dir/node_modules/.bin/prism"
prism_spec="tests/data/openapi-channel-connections.json"
prism_pid=""
prism_url=""

prism_install() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "prism.sh: node/npm not found: installing them with apt-get" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  fi
  if [ ! -x "$prism" ]; then
    echo "prism.sh: installing @stoplight/prism-cli@5 into $prism_dir" >&2
    mkdir -p "$prism_dir"
    # A package.json here stops npm from using a parent folder.
    [ -f "$prism_dir/package.json" ] || printf '{ "private": true }\n' >"$prism_dir/package.json"
    (cd "$prism_dir" && timeout 600 npm install --no-audit --no-fund --loglevel=error @stoplight/prism-cli@5 >&2)
  fi
}

prism_start() {
  local log=$1 port deadline
  # A free loopback port: bind port 0, read the number, release it.
  port="$(node -e 'const s = require("net").createServer();
  s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')"
  prism_url="http://127.0.0.1:$port"
  echo "prism.sh: starting Prism on $prism_url (log: $log)" >&2
  "$prism" mock -h 127.0.0.1 -p "$port" "$prism_spec" >"$log" 2>&1 &
  prism_pid=$!
  # Wait, bounded, until the port accepts connections; give up early if Prism died.
  deadline=$((SECONDS + 60))
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    if ! kill -0 "$prism_pid" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
      echo "prism.sh: Prism did not listen:" >&2
      cat "$log" >&2
      return 1
    fi
    sleep 0.25
  done
}

# shellcheck disable=SC2317  # reached through EXIT traps
prism_stop() {
  if [ -n "$prism_pid" ] && kill -0 "$prism_pid" 2>/dev/null; then
    kill "$prism_pid" 2>/dev/null || true
    wait "$prism_pid" 2>/dev/null || true
  fi
  prism_pid=""
}
