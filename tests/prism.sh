# Shared by the scripts that test against Prism serving Novu's OpenAPI document
# (tests/contract/run.sh, tests/transport/run.sh, tests/cli/run.sh). Source it from the repo root.
#   prism_install           node/npm from Debian when no npm exists, then Prism into build/prism
#                           with `npm ci` from tests/prism/package.json + package-lock.json (the
#                           same tree everywhere: Prism 5.14.2, which runs on Debian 12's Node 18
#                           and on Node 20; reinstalled when the committed lock file changes)
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
  if ! command -v npm >/dev/null; then
    echo "prism.sh: npm not found: installing Debian's nodejs and npm with apt-get" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  fi
  # The installed tree matches the committed lock file, or it is installed again from it.
  if [ ! -x "$prism" ] || ! cmp -s tests/prism/package-lock.json "$prism_dir/package-lock.json"; then
    echo "prism.sh: npm ci of tests/prism (Prism $(prism_pinned_version)) into $prism_dir with node $(node --version)" >&2
    rm -rf "$prism_dir"
    mkdir -p "$prism_dir"
    cp tests/prism/package.json tests/prism/package-lock.json "$prism_dir/"
    (cd "$prism_dir" && timeout 600 npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
}

# The @stoplight/prism-cli version tests/prism/package.json pins.
prism_pinned_version() {
  sed -n 's/.*"@stoplight\/prism-cli": *"\([^"]*\)".*/\1/p' tests/prism/package.json | head -n 1
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
