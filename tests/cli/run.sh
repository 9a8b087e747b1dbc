#!/usr/bin/env bash
# Tests examples/channel_connections_cli against a loopback fake Novu server and against the
# Prism mock of Novu's OpenAPI document: every command, JSON and table output, secrets masked,
# exit codes; the command line as a Unix tool reads it (each usage error one line with "see
# --help", exit 2, nothing sent; --opt=value; -h/--help and --version; strerror for files; the
# progress line only on a terminal); and `cmake --install` installing it as bin/novu-channels.
# Ends with "N passed, M failed".
set -uo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo" || exit 1
out=build/cli
mkdir -p "$out"
CXX=${CXX:-g++}
flags=(-std=c++17 -O1 -Wall -Wextra -Wpedantic -Werror -Iinclude -Iexamples)
$CXX "${flags[@]}" examples/channel_connections_cli.cpp -lcurl -o "$out/cli" || exit 1
if [ ! -f /usr/include/httplib.h ]; then
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && apt-get install -y -qq libcpp-httplib-dev >/dev/null
fi
# Debian ships cpp-httplib as a compiled library; its pkg-config file gives the flags.
read -r -a httplib_cflags <<<"$(pkg-config --cflags cpp-httplib 2>/dev/null)"
read -r -a httplib_libs <<<"$(pkg-config --libs cpp-httplib 2>/dev/null)"
$CXX "${flags[@]}" "${httplib_cflags[@]}" tests/cli/serve_fake.cpp "${httplib_libs[@]}" -pthread -o "$out/serve_fake" || exit 1

passed=0
failed=0
check() {  # check NAME CONDITION-RESULT(0/1) [DETAIL]
  if [ "$2" -eq 0 ]; then
    passed=$((passed + 1))
    echo "ok $1"
  else
    failed=$((failed + 1))
    echo "FAIL $1 ${3:-}"
  fi
}
# run EXPECTED_EXIT NAME ARGS...: runs the tool, keeps stdout/stderr in $stdout/$stderr.
run() {
  local expected=$1 name=$2
  shift 2
  stdout=$("$out/cli" "$@" 2>"$out/stderr")
  local code=$?
  stderr=$(cat "$out/stderr")
  if [ "$code" -eq "$expected" ]; then check "$name" 0; else check "$name" 1 "(exit $code, wanted $expected): $stderr"; fi
}
no_secret() {  # the secret key and tokens never appear in any output
  case "$stdout$stderr" in
    *sk_cli_test_SECRET*|*xoxb-cli-TOKEN*|*xoxe-cli-REFRESH*) check "$1: no secret in output" 1 ;;
    *) check "$1: no secret in output" 0 ;;
  esac
}

coproc SERVER { exec "$out/serve_fake"; }
server_pid=$SERVER_PID
trap 'kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null' EXIT
read -r -t 10 base <&"${SERVER[0]}" || { echo "fake server did not start"; exit 1; }

export NOVU_SECRET_KEY=sk_cli_test_SECRET
g=(--base-url "$base" --no-retry)

run 2 "usage: no command" "${g[@]}"
run 2 "usage: unknown command" "${g[@]}" frobnicate
run 2 "usage: bad --limit" "${g[@]}" list --limit 0
run 2 "usage: --order-direction" "${g[@]}" list --order-direction sideways
run 2 "usage: . identifier" "${g[@]}" get ..
(unset NOVU_SECRET_KEY; stdout=$("$out/cli" "${g[@]}" list 2>/dev/null); exit $?)
check "usage: missing NOVU_SECRET_KEY exits 2" $([ $? -eq 2 ]; echo $?)

# A Unix tool: every usage error is one line on stderr naming the problem, "see ... --help",
# exit 2, nothing on stdout and nothing sent.
# usage_case NAME WANTED-TEXT ARGS...
usage_case() {
  local name=$1 wanted=$2
  shift 2
  local before
  before=$(request_count)
  run 2 "usage: $name" "$@"
  local lines
  lines=$(printf '%s\n' "$stderr" | grep -c .)
  if [ "$lines" -eq 1 ] && [[ $stderr == *"$wanted"* ]] && [[ $stderr == *"--help)"* ]] && [ -z "$stdout" ]; then
    check "usage: $name: one line naming it" 0
  else
    check "usage: $name: one line naming it" 1 "($lines lines, wanted \"$wanted\"): $stderr"
  fi
  [[ $before =~ ^[0-9]+$ ]] && [ "$(request_count)" = "$before" ]
  check "usage: $name: nothing sent" $?
}
# The fake counts the requests it served: GET /__test/count (not a Novu path).
request_count() { curl -s "$base/__test/count" 2>/dev/null || echo "?"; }
usage_case "misspelt option" "unknown option --limt" "${g[@]}" list --limt 5
usage_case "option of another command" "unknown option --workspace-id for list" "${g[@]}" list --workspace-id T1
usage_case "command option before the command" "--limit belongs after the command" "${g[@]}" --limit 5 list
usage_case "single-dash option" "unknown option -x" "${g[@]}" -x list
usage_case "missing value" "--limit needs a value" "${g[@]}" list --limit
usage_case "option as a value" "--after needs a value" "${g[@]}" list --after --json
usage_case "flag with a value" "--json takes no value" "${g[@]}" --json=yes list
usage_case "option given twice" "--limit given twice" "${g[@]}" list --limit 1 --limit 2
usage_case "missing argument" "get needs IDENTIFIER" "${g[@]}" get
usage_case "extra argument" "unexpected argument b for get" "${g[@]}" get a b
usage_case "extra argument of delete" "unexpected argument b for delete" "${g[@]}" delete a b
usage_case "--body with field options" "--body and --workspace-id exclude each other" \
  "${g[@]}" update X --body "$out/body-none.json" --workspace-id T2
usage_case "--without-context with --context-key" "--without-context and --context-key exclude each other" \
  "${g[@]}" list --without-context --context-key a:b
usage_case "--max-pages without --all" "--max-pages needs --all" "${g[@]}" list --max-pages 2
usage_case "--eu with --base-url" "--eu and --base-url exclude each other" "${g[@]}" --eu list
usage_case "unreadable --body says why" "cannot read $out/missing.json: No such file or directory" \
  "${g[@]}" update X --body "$out/missing.json"
usage_case "directory as --body says why" "cannot read $out: Is a directory" "${g[@]}" create --body "$out"
usage_case "update without fields" "update needs --workspace-id" "${g[@]}" update X --access-token t

# Help and version: stdout, exit 0, even with other arguments.
for h in -h --help; do
  run 0 "help: $h" "$h"
  case "$stdout" in usage:*) check "help: $h prints usage on stdout" 0 ;; *) check "help: $h prints usage on stdout" 1 ;; esac
  [ -z "$stderr" ]
  check "help: $h prints nothing on stderr" $?
done
run 0 "help: after a command" "${g[@]}" list --limt 5 --help
case "$stdout" in
  *"exit codes:"*"2  usage error"*"3  the server answered"*"4  transport error"*"5  unexpected answer"*)
    check "help: lists the exit codes" 0 ;;
  *) check "help: lists the exit codes" 1 ;;
esac
case "$stdout" in *"environment:"*NOVU_SECRET_KEY*) check "help: lists NOVU_SECRET_KEY" 0 ;; *) check "help: lists NOVU_SECRET_KEY" 1 ;; esac
(unset NOVU_SECRET_KEY; "$out/cli" --version >"$out/version" 2>&1); check "--version exits 0 without a key" $?
version=$(sed -n 's/^#define NOVU_CC_VERSION_STRING "\(.*\)"$/\1/p' include/novu/core/version.hpp)
[ "$(cat "$out/version")" = "cli $version" ]
check "--version prints the library version ($version)" $?

for i in 1 2 3; do
  run 0 "create $i" "${g[@]}" --json create --integration-identifier slack-prod --subscriber-id "sub-$i" \
    --context tenant=acme --workspace-id T1 --workspace-name "Acme $i" --access-token xoxb-cli-TOKEN \
    --refresh-token xoxe-cli-REFRESH
  no_secret "create $i"
done
python3 - "$stdout" <<'PY'
import json, sys
c = json.loads(sys.argv[1])
assert c["identifier"] == "slack-prod-sub-3-3", c
assert c["auth"]["accessToken"] == "[redacted]" and c["auth"]["refreshToken"] == "[redacted]"
assert c["contextKeys"] == ["tenant:acme"]
PY
check "create: JSON output, tokens masked" $?

# The server needs a subscriberId or a context on create.
printf '{"identifier":"from-file","integrationIdentifier":"slack-prod","subscriberId":"sub-file","workspace":{"id":"T2"},"auth":{"accessToken":"xoxb-cli-TOKEN"}}' >"$out/body.json"
run 0 "create --body FILE" "${g[@]}" create --body "$out/body.json"
run 3 "create: duplicate identifier is an API error (409)" "${g[@]}" create --body "$out/body.json"
run 0 "create --body - (stdin)" "${g[@]}" create --body - <<<'{"integrationIdentifier":"slack-prod","subscriberId":"sub-shared","connectionMode":"shared","workspace":{"id":"T3"},"auth":{"accessToken":"x"}}'
run 2 "create: --body that does not decode" "${g[@]}" create --body - <<<'{"workspace":{"id":5}}'

run 0 "list --all" "${g[@]}" --json list --all --limit 2
python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert len(d)==5, len(d)' "$stdout"
check "list --all: follows cursors to all 5 connections" $?
case "$stderr" in *fetched*) check "list --all: no progress line when stderr is not a terminal" 1 "$stderr" ;; *) check "list --all: no progress line when stderr is not a terminal" 0 ;; esac
# On a terminal (script(1) gives the tool a pseudo-terminal) the progress line appears.
if command -v script >/dev/null; then
  script -qec "$(printf '%q ' "$out/cli" "${g[@]}" list --all --limit 2)" /dev/null >"$out/tty.out" 2>&1
  grep -q "fetched 5 of 5" "$out/tty.out"
  check "list --all: progress line on a terminal" $?
fi
run 0 "--opt=value and a global option after the command" list --json --limit=2 --base-url "$base" --no-retry
python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert len(d["data"])==2, d' "$stdout"
check "--limit=2 --base-url URL: both read, the loopback server answered" $?
run 0 "list --all --max-pages 1" "${g[@]}" --json list --all --limit 2 --max-pages 1
python3 -c 'import json,sys; assert len(json.loads(sys.argv[1]))==2' "$stdout"
check "list --max-pages caps the walk" $?
run 0 "list filters" "${g[@]}" --json list --subscriber-id sub-2 --context-key tenant:acme --connection-mode subscriber \
  --channel chat --provider-id slack --integration-identifier slack-prod --order-by updatedAt --order-direction DESC \
  --include-cursor false --limit 10
python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert [c["identifier"] for c in d["data"]]==["slack-prod-sub-2-2"], d' "$stdout"
check "list filters select one connection" $?
run 0 "list --without-context" "${g[@]}" --json list --without-context
python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert sorted(c["identifier"] for c in d["data"])==["from-file","slack-prod-shared-5"], d' "$stdout"
check "list --without-context sends contextKeys=" $?
run 0 "list table" "${g[@]}" list --limit 2 --order-direction ASC
case "$stdout" in *IDENTIFIER*"next cursor: slack-prod-sub-2-2"*) check "list: readable table" 0 ;; *) check "list: readable table" 1 "$stdout" ;; esac

run 0 "get" "${g[@]}" get slack-prod-sub-1-1
case "$stdout" in *slack-prod-sub-1-1*chat*slack*) check "get: table row" 0 ;; *) check "get: table row" 1 "$stdout" ;; esac
run 0 "get --show-secrets" "${g[@]}" --json --show-secrets get slack-prod-sub-1-1
case "$stdout" in *xoxb-cli-TOKEN*) check "--show-secrets shows tokens" 0 ;; *) check "--show-secrets shows tokens" 1 ;; esac
run 0 "update" "${g[@]}" --json --verbose update slack-prod-sub-1-1 --workspace-id=T9 --access-token xoxb-cli-TOKEN \
  --idempotency-key=cli-key-1
no_secret "update --verbose"
python3 -c 'import json,sys; assert json.loads(sys.argv[1])["workspace"]["id"]=="T9"' "$stdout"
check "update: new workspace returned" $?
case "$stderr" in *"idempotency-key: cli-key-1"*) check "update: caller's idempotency key sent" 0 ;; *) check "update: caller's idempotency key sent" 1 ;; esac
run 0 "verify" "${g[@]}" --json verify slack-prod-sub-2-2
no_secret "verify"
python3 -c 'import json,sys; c=json.loads(sys.argv[1]); assert c["identifier"]=="slack-prod-sub-2-2" and c["auth"]["expiresAt"], c' "$stdout"
check "verify: the connection, its refresh token's expiry moved on" $?
run 3 "verify: unknown identifier is an API error (404)" "${g[@]}" verify no-such-connection
case "$stderr" in *"HTTP 404"*) check "verify: 404 reported" 0 ;; *) check "verify: 404 reported" 1 "$stderr" ;; esac
run 2 "usage: verify without IDENTIFIER" "${g[@]}" verify
run 0 "delete" "${g[@]}" delete slack-prod-sub-1-1
run 3 "get after delete: API error exit code" "${g[@]}" get slack-prod-sub-1-1
case "$stderr" in *"HTTP 404"*) check "get after delete: 404 reported" 0 ;; *) check "get after delete: 404 reported" 1 "$stderr" ;; esac
# Channel endpoints: `endpoints list|get|create|update|delete`, typed flags or --body FILE.
usage_case "endpoints without an operation" "endpoints needs an operation" "${g[@]}" endpoints
usage_case "endpoints: unknown operation" "unknown command endpoints frob" "${g[@]}" endpoints frob
usage_case "endpoints create: missing --type" "endpoints create needs --type" "${g[@]}" endpoints create \
  --subscriber-id sub-2 --integration-identifier slack-prod --channel-id C1
usage_case "endpoints create: payload missing a member" "endpoint of type slack_channel" "${g[@]}" endpoints create \
  --type slack_channel --subscriber-id sub-2 --integration-identifier slack-prod --user-id U1
usage_case "endpoints create: --endpoint with payload flags" "--endpoint and --channel-id exclude each other" \
  "${g[@]}" endpoints create --type slack_channel --subscriber-id s --integration-identifier slack-prod \
  --endpoint '{"channelId":"C1"}' --channel-id C2
run 0 "endpoints create slack_channel (typed flags)" "${g[@]}" --json endpoints create --type slack_channel \
  --subscriber-id sub-2 --integration-identifier slack-prod --connection-identifier slack-prod-sub-2-2 \
  --identifier ep-slack --context tenant=acme --channel-id C0123456789
python3 -c 'import json,sys; e=json.loads(sys.argv[1]); assert e["identifier"]=="ep-slack" and e["type"]=="slack_channel" and e["endpoint"]=={"channelId":"C0123456789"} and e["connectionIdentifier"]=="slack-prod-sub-2-2", e' "$stdout"
check "endpoints create: the stored endpoint, typed" $?
run 3 "endpoints create: a connection of another integration is a 404" "${g[@]}" endpoints create \
  --type ms_teams_channel --subscriber-id sub-2 --integration-identifier msteams-prod \
  --connection-identifier slack-prod-sub-2-2 --team-id T1 --channel-id C1
case "$stderr" in *"HTTP 404"*) check "endpoints create: 404 reported" 0 ;; *) check "endpoints create: 404 reported" 1 "$stderr" ;; esac
run 3 "endpoints create: webex without a connection is a 400" "${g[@]}" endpoints create --type webex_room \
  --subscriber-id sub-2 --integration-identifier webex-prod --room-id R1
case "$stderr" in *"HTTP 400"*) check "endpoints create: webex 400 reported" 0 ;; *) check "endpoints create: webex 400 reported" 1 "$stderr" ;; esac
routing=R0UTINGK3Y0000SECRET000000000001
run 0 "endpoints create pagerduty_service" "${g[@]}" --json --verbose endpoints create --type pagerduty_service \
  --subscriber-id sub-2 --integration-identifier pagerduty-prod --identifier ep-pd --routing-key "$routing" --region eu
case "$stdout$stderr" in *"$routing"*) check "endpoints create: routing key masked in output and --verbose" 1 ;; *) check "endpoints create: routing key masked in output and --verbose" 0 ;; esac
run 0 "endpoints get --show-secrets" "${g[@]}" --json --show-secrets endpoints get ep-pd
case "$stdout" in *"$routing"*) check "endpoints get --show-secrets shows the routing key" 0 ;; *) check "endpoints get --show-secrets shows the routing key" 1 "$stdout" ;; esac
printf '{"subscriberId":"sub-3","integrationIdentifier":"slack-prod","type":"webhook","endpoint":{"url":"https://hooks.example.com/x","channel":"alerts"},"identifier":"ep-hook"}' >"$out/endpoint.json"
run 0 "endpoints create --body FILE" "${g[@]}" endpoints create --body "$out/endpoint.json"
run 3 "endpoints create: duplicate identifier (409)" "${g[@]}" endpoints create --body "$out/endpoint.json"
run 0 "endpoints list --all" "${g[@]}" --json endpoints list --all --limit 1
python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert sorted(e["identifier"] for e in d)==["ep-hook","ep-pd","ep-slack"], d' "$stdout"
check "endpoints list --all: follows cursors to all 3 endpoints" $?
case "$stdout" in *"$routing"*) check "endpoints list: routing key masked" 1 ;; *) check "endpoints list: routing key masked" 0 ;; esac
run 0 "endpoints list filters" "${g[@]}" --json endpoints list --subscriber-id sub-2 --integration-identifier slack-prod \
  --connection-identifier slack-prod-sub-2-2 --context-key tenant:acme --channel chat --provider-id slack
python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert [e["identifier"] for e in d["data"]]==["ep-slack"], d' "$stdout"
check "endpoints list filters select one endpoint" $?
run 0 "endpoints list table" "${g[@]}" endpoints list
case "$stdout" in *IDENTIFIER*TYPE*ep-hook*webhook*) check "endpoints list: readable table" 0 ;; *) check "endpoints list: readable table" 1 "$stdout" ;; esac
run 0 "endpoints update (typed flags, --type checks)" "${g[@]}" --json endpoints update ep-slack --type slack_channel \
  --channel-id C999
python3 -c 'import json,sys; e=json.loads(sys.argv[1]); assert e["endpoint"]=={"channelId":"C999"} and e["type"]=="slack_channel", e' "$stdout"
check "endpoints update: new payload, same type" $?
run 3 "endpoints update: payload of another type is refused by the server" "${g[@]}" endpoints update ep-slack \
  --url https://example.com/not-a-channel
printf '{"endpoint":{"url":"https://hooks.example.com/y"}}' >"$out/endpoint-update.json"
run 0 "endpoints update --body FILE" "${g[@]}" --json endpoints update ep-hook --body "$out/endpoint-update.json"
# Every `url` member is masked by default: without its type a body cannot say which is a tool
# webhook's capability URL.
python3 -c 'import json,sys; e=json.loads(sys.argv[1]); assert e["endpoint"]["url"]=="[redacted]", e' "$stdout"
check "endpoints update --body: url masked in the output" $?
run 0 "endpoints get --show-secrets after the update" "${g[@]}" --json --show-secrets endpoints get ep-hook
python3 -c 'import json,sys; e=json.loads(sys.argv[1]); assert e["endpoint"]=={"url":"https://hooks.example.com/y"}, e' "$stdout"
check "endpoints update --body: stored as sent" $?
run 0 "endpoints delete" "${g[@]}" endpoints delete ep-hook
run 3 "endpoints get after delete: 404" "${g[@]}" endpoints get ep-hook
run 0 "deleting a connection leaves its endpoints" "${g[@]}" delete slack-prod-sub-2-2
run 0 "endpoints get after its connection was deleted" "${g[@]}" --json endpoints get ep-slack
no_secret "endpoints"

run 0 "-- ends the options: an identifier that starts with -" "${g[@]}" --json create --identifier=-dash \
  --integration-identifier slack-prod --subscriber-id sub-dash --workspace-id T1 --access-token xoxb-cli-TOKEN
run 0 "get -- -dash" "${g[@]}" get -- -dash
NOVU_SECRET_KEY=sk_wrong run 3 "wrong secret key is an API error (401)" "${g[@]}" list
run 4 "transport error exit code" --base-url http://127.0.0.1:1 --no-retry list
no_secret "transport error"

# cmake --install installs the tool as bin/novu-channels when the examples are built.
if [ "${NOVU_CC_SKIP_INSTALL_CHECK:-0}" != 1 ]; then
  rm -rf "$out/prefix"
  cmake -S . -B "$out/cmake" -G Ninja -DNOVU_CC_BUILD_TESTS=OFF >"$out/cmake.log" 2>&1 &&
    cmake --build "$out/cmake" --target example_channel_connections_cli -j 2 >>"$out/cmake.log" 2>&1 &&
    cmake --install "$out/cmake" --prefix "$out/prefix" >>"$out/cmake.log" 2>&1
  check "cmake --install: configured, built and installed" $? "$(tail -n 5 "$out/cmake.log")"
  [ "$("$out/prefix/bin/novu-channels" --version 2>&1)" = "novu-channels $version" ]
  check "cmake --install: bin/novu-channels --version" $?
fi

# Against Prism (installed and started by the contract test's machinery).
if [ "${NOVU_CC_SKIP_PRISM:-0}" != 1 ]; then
  # shellcheck source=tests/prism.sh
  source tests/prism.sh
  prism_install
  trap 'kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; prism_stop' EXIT
  prism_start "$out/prism.log" || { echo "FAIL prism did not start"; exit 1; }
  p=(--base-url "$prism_url" --no-retry)
  run 0 "prism: list with filters" "${p[@]}" --json list --limit 10 --subscriber-id s --context-key tenant:a \
    --context-key region:b --channel chat --provider-id slack --connection-mode shared --order-by createdAt \
    --order-direction ASC --include-cursor true --integration-identifier i --after a
  run 0 "prism: get" "${p[@]}" get "<value>"
  run 0 "prism: create" "${p[@]}" create --integration-identifier slack-prod --workspace-id T1 --access-token t \
    --context tenant=org --connection-mode subscriber --subscriber-id s --identifier id --bot-user-id U
  run 0 "prism: update" "${p[@]}" update "<value>" --workspace-id T123456 --workspace-name "Acme HQ" \
    --access-token "Workspace access token"
  run 0 "prism: delete" "${p[@]}" delete "<value>"
  # The endpoints document is served by its own Prism (the contract test's copy).
  prism_stop
  prism_spec=tests/data/openapi-channel-endpoints.json
  prism_start "$out/prism-endpoints.log" || { echo "FAIL prism (endpoints) did not start"; exit 1; }
  p=(--base-url "$prism_url" --no-retry)
  run 0 "prism: endpoints list with filters" "${p[@]}" --json endpoints list --limit 10 --subscriber-id s     --context-key tenant:a --channel chat --provider-id slack --integration-identifier i --connection-identifier c     --order-by createdAt --order-direction ASC --include-cursor true --after a
  run 0 "prism: endpoints create" "${p[@]}" endpoints create --type slack_channel --subscriber-id s     --integration-identifier slack-prod --connection-identifier c --context tenant=org --channel-id C1
  run 0 "prism: endpoints create pagerduty" "${p[@]}" endpoints create --type pagerduty_service --subscriber-id s     --integration-identifier pd --routing-key e93facc04764012d7bfb002500d5d1a6 --region us
  run 0 "prism: endpoints update" "${p[@]}" endpoints update "<value>" --type slack_channel --channel-id C2
  run 0 "prism: endpoints delete" "${p[@]}" endpoints delete "<value>"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
