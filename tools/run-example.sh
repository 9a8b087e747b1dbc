#!/usr/bin/env bash
# Builds and runs examples/update_channel_connection: with no arguments against an in-process
# fake Novu; with BASE_URL IDENTIFIER (and NOVU_SECRET_KEY set) against a real server.
# Installs the compiler, nlohmann/json and libcurl from Debian when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v g++ >/dev/null 2>&1 || need+=(g++)
[ -f /usr/include/nlohmann/json.hpp ] || need+=(nlohmann-json3-dev)
[ -f /usr/include/x86_64-linux-gnu/curl/curl.h ] || [ -f /usr/include/curl/curl.h ] || need+=(libcurl4-openssl-dev)
if [ "${#need[@]}" -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

mkdir -p build/examples
out=build/examples/update_channel_connection
if [ ! -x "$out" ] || [ -n "$(find include examples -newer "$out" -name '*.[hi]pp' -o -newer "$out" -name '*.cpp' | head -n 1)" ]; then
  echo "building $out" >&2
  g++ -std=c++17 -O2 -Wall -Wextra -Wpedantic -Werror -Iinclude -Iexamples \
    examples/update_channel_connection.cpp -lcurl -o "$out"
fi
exec "$out" "$@"
