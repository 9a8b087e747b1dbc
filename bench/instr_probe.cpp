// Runs one operation N times, for valgrind --tool=callgrind: instruction counts are
// deterministic where timings on a shared machine are not. bench/run.sh runs each operation
// for N and 2N iterations and reports (count(2N) - count(N)) / N per operation.
//
//   instr_probe DATA_DIR OPERATION N
//   OPERATION: decode_single | decode_single_sax_floor | decode_list100 | decode_list100_sax_floor
//              | decode_single_into | decode_list100_into | decode_endpoints100
//              | decode_endpoints100_sax_floor
//              | build_update | build_update_body_nlohmann_ordered_dump
// SPDX-License-Identifier: MIT
#include <cstdio>   // fprintf
#include <cstdlib>  // atoi
#include <fstream>  // ifstream
#include <sstream>  // ostringstream
#include <string>   // string

#include "dom_baseline.hpp"
#include "novu/novu.hpp"
#include "null_sax.hpp"

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s DATA_DIR OPERATION N\n", argv[0]);
    return 2;
  }
  const std::string dir = argv[1];
  const std::string op = argv[2];
  const int n = std::atoi(argv[3]);
  const std::string single = read_file(dir + "/single.json");
  const std::string list = read_file(dir + "/list100.json");
  const std::string endpoints = read_file(dir + "/endpoints100.json");
  novu::client_config config;
  config.secret_key = "sk_test_123";
  config.server_url = "http://127.0.0.1:9";
  novu::update_channel_connection_request body;
  body.workspace.id = "T123456";
  body.workspace.name = "Acme HQ";
  body.auth.access_token = "Workspace access token";

  novu::channel_connection reused_connection;  // decode_*_into: one value decoded into again and again
  novu::channel_connection_page reused_page;
  std::size_t sum = 0;
  for (int i = 0; i < n; ++i) {
    if (op == "decode_single") {
      sum += novu::decode_channel_connection(single)->identifier.size();
    } else if (op == "decode_list100") {
      sum += novu::decode_channel_connection_page(list)->data.size();
    } else if (op == "decode_single_into") {
      sum += novu::decode_channel_connection_into(single, reused_connection) ? reused_connection.identifier.size() : 0;
    } else if (op == "decode_list100_into") {
      sum += novu::decode_channel_connection_page_into(list, reused_page) ? reused_page.data.size() : 0;
    } else if (op == "decode_endpoints100") {
      sum += novu::decode_channel_endpoint_page(endpoints)->data.size();
    } else if (op == "decode_single_sax_floor" || op == "decode_list100_sax_floor" ||
               op == "decode_endpoints100_sax_floor") {
      const std::string& text = op == "decode_single_sax_floor"    ? single
                                : op == "decode_list100_sax_floor" ? list
                                                                   : endpoints;
      bench::null_sax handler;
      sum += nlohmann::json::sax_parse(text.data(), text.data() + text.size(), &handler);
    } else if (op == "build_update") {
      sum += novu::connections::build_update_request(config, "<value>", body)->body.size();
    } else if (op == "build_update_body_nlohmann_ordered_dump") {
      sum += bench::dom_update_body<nlohmann::ordered_json>(body).size();
    } else {
      std::fprintf(stderr, "unknown operation %s\n", op.c_str());
      return 2;
    }
  }
  return sum == 0 && n > 0 ? 1 : 0;
}
