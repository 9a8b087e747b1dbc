# Stages that talk to servers on 127.0.0.1 or run long-lived tools; sourced by tools/test-all.sh.

register_stage contract "Prism mocks of Novu's OpenAPI documents (connections, then endpoints): all five operations of each over libcurl, every endpoint type"
stage_contract() { bash tests/contract/run.sh; }

register_stage transport "libcurl, cpp-httplib, Boost.Beast and async transports over loopback (TLS too) and against Prism"
stage_transport() { bash tests/transport/run.sh; }

register_stage cli "command-line tool against a loopback fake Novu and against Prism"
stage_cli() { bash tests/cli/run.sh; }

register_stage example "the README's example and the endpoints guide's run end to end against the fake Novu"
stage_example() {
  local out
  out=$(bash tools/run-example.sh)
  printf '%s\n' "$out"
  grep -q '^updated slack-prod-user123-abc4: workspace T123456 (Acme HQ)' <<<"$out"
  grep -q '^  invalid_argument: identifier' <<<"$out"
  ! grep -q 'sk_test_example' <<<"$out"
  # The endpoints guide's example (docs/guides/deliver-to-slack.md): connection, then endpoint.
  mkdir -p build/examples
  g++ -std=c++17 -O1 -Wall -Wextra -Wpedantic -Werror -Iinclude -Iexamples examples/deliver_to_slack.cpp -lcurl \
    -o build/examples/deliver_to_slack
  out=$(build/examples/deliver_to_slack)
  printf '%s\n' "$out"
  grep -q '^connection slack-prod-subscriber-123-1: workspace T123456' <<<"$out"
  grep -q '^endpoint chendp_[0-9a-z]*: slack_channel channel C0123456789 via slack-prod-subscriber-123-1' <<<"$out"
  grep -q '^1 endpoint(s) for subscriber-123' <<<"$out"
  grep -q '^refused: invalid_argument: /endpoint' <<<"$out"
  ! grep -q 'xoxb-example-token\|sk_test_example' <<<"$out"
}
