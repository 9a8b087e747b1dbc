#!/usr/bin/env bash
# Transport tests: compiles the example transport headers warning-free (g++ and clang++, C++17
# and C++20), builds and runs the loopback test (libcurl, cpp-httplib and the async worker
# transport against a fake_novu served on 127.0.0.1, with scripted faults and, given openssl,
# TLS checks), the Boost.Beast loopback test (beast_test: sync and async; TLS against a
# throw-away CA made here with openssl: SNI, IP and name verification, deadlines), then the
# libcurl, httplib and async transports against Prism mocking Novu's OpenAPI document.
# Installs libcpp-httplib-dev (apt-get) and Prism (npm, into build/prism) when missing; stops
# the Prism it started. With TSAN=1 the loopback test also runs under -fsanitize=thread.
# Last line: `N passed, M failed`; exits non-zero when anything failed.
#
# Usage: bash tests/transport/run.sh        (from anywhere; CXX selects the compiler, default g++)
# SPDX-License-Identifier: MIT
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

out_dir="build/transport"
cxx="${CXX:-g++}"
warnings=(-Wall -Wextra -Wpedantic -Werror)
includes=(-I include -I examples)
test_timeout_s=300   # longest run of one test program

log() { printf 'run.sh: %s\n' "$*" >&2; }

passed=0
failed=0
# record NAME STATUS: one check of this script.
record() {
  if [ "$2" -eq 0 ]; then
    passed=$((passed + 1)); printf 'ok %s\n' "$1"
  else
    failed=$((failed + 1)); printf 'FAIL %s (exit %s)\n' "$1" "$2"
  fi
}
# run_program NAME COMMAND...: runs a test program, adds its `N passed, M failed` line to the
# totals, and counts one failure more if it printed no summary or exited non-zero anyway.
run_program() {
  local name="$1" status=0 summary
  shift
  timeout "$test_timeout_s" "$@" | tee "$out_dir/$name.out" || status=$?
  summary="$(tail -n 1 "$out_dir/$name.out")"
  if [[ "$summary" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    passed=$((passed + BASH_REMATCH[1]))
    failed=$((failed + BASH_REMATCH[2]))
    if [ "$status" -ne 0 ] && [ "${BASH_REMATCH[2]}" -eq 0 ]; then record "$name.exit_status" "$status"; fi
  else
    [ "$status" -ne 0 ] || status=1
    record "$name.summary_line" "$status"
  fi
}

# shellcheck source=tests/prism.sh
source tests/prism.sh
trap prism_stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# cpp-httplib from Debian when missing (needs root, as in CI containers).
if [ ! -f /usr/include/httplib.h ]; then
  log "httplib.h not found: installing libcpp-httplib-dev with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcpp-httplib-dev >/dev/null
fi
# Debian ships the split build (code in libcpp-httplib.so, built with OpenSSL): use its flags.
# A header-only httplib.h without a pkg-config file needs none.
httplib_cflags=()
httplib_libs=()
if pkg-config --exists cpp-httplib 2>/dev/null; then
  read -r -a httplib_cflags <<<"$(pkg-config --cflags cpp-httplib)"
  read -r -a httplib_libs <<<"$(pkg-config --libs cpp-httplib)"
fi

mkdir -p "$out_dir"

# Both test programs build in the background while the header matrix runs.
log "building $out_dir/loopback_test and $out_dir/prism_test"
build() {
  "$cxx" -std=c++17 "${warnings[@]}" "${includes[@]}" "${httplib_cflags[@]}" "tests/transport/$1.cpp" \
    -o "$out_dir/$1" -lcurl "${httplib_libs[@]}" -lpthread
}
build loopback_test & loopback_build=$!
build prism_test & prism_build=$!
# Boost.Beast (Debian libboost-dev) over OpenSSL (libssl-dev).
"$cxx" -std=c++17 "${warnings[@]}" "${includes[@]}" "${httplib_cflags[@]}" tests/transport/beast_test.cpp \
  -o "$out_dir/beast_test" "${httplib_libs[@]}" -lssl -lcrypto -lpthread & beast_build=$!

for compiler in g++ clang++; do
  if ! command -v "$compiler" >/dev/null; then
    log "$compiler not found: skipping its header checks"
    continue
  fi
  for std in c++17 c++20; do
    status=0
    "$compiler" -std="$std" "${warnings[@]}" "${includes[@]}" "${httplib_cflags[@]}" -fsyntax-only \
      tests/transport/header_check.cpp || status=$?
    record "headers.$compiler.$std" "$status"
  done
done
status=0
"$cxx" -std=c++17 "${warnings[@]}" "${includes[@]}" -fsyntax-only \
  tests/transport/header_check.cpp || status=$?
record "headers.without_openssl_support" "$status"
# The Beast header: C++17 with g++ is the test build itself; the other three here.
for combination in g++:c++20 clang++:c++17 clang++:c++20; do
  compiler=${combination%%:*}
  std=${combination#*:}
  command -v "$compiler" >/dev/null || continue
  status=0
  "$compiler" -std="$std" "${warnings[@]}" "${includes[@]}" -fsyntax-only tests/transport/beast_header_check.cpp ||
    status=$?
  record "headers.beast.$compiler.$std" "$status"
done

status=0; wait "$loopback_build" || status=$?; record "build.loopback_test" "$status"
loopback_built=$status
status=0; wait "$prism_build" || status=$?; record "build.prism_test" "$status"
prism_built=$status
status=0; wait "$beast_build" || status=$?; record "build.beast_test" "$status"
beast_built=$status

# A throw-away certificate for 127.0.0.1 enables the TLS checks.
tls_args=()
if command -v openssl >/dev/null; then
  if openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" \
      -addext "subjectAltName=IP:127.0.0.1" -keyout "$out_dir/tls-key.pem" -out "$out_dir/tls-cert.pem" \
      >/dev/null 2>&1; then
    tls_args=("$out_dir/tls-cert.pem" "$out_dir/tls-key.pem")
  fi
fi

if [ "$loopback_built" -eq 0 ]; then
  log "running the loopback test"
  run_program loopback_test "$out_dir/loopback_test" "${tls_args[@]}"
fi

# A throw-away CA and two server certificates it signs: one for IP:127.0.0.1 and
# DNS:localhost, one for DNS:other.example only (a name the client never asks for).
beast_tls_args=()
tls_dir="$out_dir/beast-tls"
if command -v openssl >/dev/null; then
  rm -rf "$tls_dir"
  mkdir -p "$tls_dir"
  made=0
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=novu-cc throw-away test CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign" \
    -keyout "$tls_dir/ca-key.pem" -out "$tls_dir/ca.pem" >/dev/null 2>&1 || made=1
  for leaf in "server IP:127.0.0.1,DNS:localhost" "other DNS:other.example"; do
    name=${leaf%% *}
    printf 'subjectAltName=%s\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' "${leaf#* }" \
      >"$tls_dir/$name.ext"
    openssl req -newkey rsa:2048 -nodes -subj "/CN=$name" -keyout "$tls_dir/$name-key.pem" \
      -out "$tls_dir/$name.csr" >/dev/null 2>&1 &&
      openssl x509 -req -in "$tls_dir/$name.csr" -CA "$tls_dir/ca.pem" -CAkey "$tls_dir/ca-key.pem" \
        -CAcreateserial -days 1 -extfile "$tls_dir/$name.ext" -out "$tls_dir/$name.pem" >/dev/null 2>&1 || made=1
  done
  record "beast.tls_certificates_made" "$made"
  if [ "$made" -eq 0 ]; then
    beast_tls_args=("$tls_dir/ca.pem" "$tls_dir/server.pem" "$tls_dir/server-key.pem" "$tls_dir/other.pem"
      "$tls_dir/other-key.pem")
  fi
else
  log "openssl not found: the Beast TLS checks are skipped"
fi
if [ "$beast_built" -eq 0 ]; then
  log "running the Beast loopback test"
  run_program beast_test "$out_dir/beast_test" "${beast_tls_args[@]}"
fi

if [ "${TSAN:-0}" = "1" ]; then
  log "building and running the loopback test under ThreadSanitizer"
  status=0
  "$cxx" -std=c++17 -O1 -g -fsanitize=thread "${warnings[@]}" "${includes[@]}" "${httplib_cflags[@]}" \
    tests/transport/loopback_test.cpp -o "$out_dir/loopback_test_tsan" -lcurl "${httplib_libs[@]}" -lpthread ||
    status=$?
  record "build.loopback_test_tsan" "$status"
  if [ "$status" -eq 0 ]; then
    TSAN_OPTIONS="halt_on_error=1 exitcode=66" run_program loopback_test_tsan \
      "$out_dir/loopback_test_tsan" "${tls_args[@]}"
  fi
fi

prism_install

if [ "$prism_built" -eq 0 ]; then
  prism_ready=1
  prism_start "$out_dir/prism.log" || prism_ready=0
  record "prism.listening" "$((1 - prism_ready))"
  if [ "$prism_ready" -eq 1 ]; then run_program prism_test "$out_dir/prism_test" "$prism_url"; fi
  prism_stop
fi

printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
