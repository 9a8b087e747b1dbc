// libFuzzer target: parse_create_response, parse_retrieve_response and parse_update_response
// (they share the connection decoder). Input: status byte, flags byte (bits 0-1: operation,
// bit 2: tiny limits), then the body.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  novu::http_response response;
  response.status = fuzz::status_of(data[0]);
  response.body.assign(reinterpret_cast<const char*>(data + 2), size - 2);
  const novu::decode_limits limits = fuzz::limits_of((data[1] & 4) != 0);
  novu::result<novu::channel_connection> (*const parsers[])(const novu::http_response&, const novu::decode_limits&) = {
      &novu::connections::parse_create_response, &novu::connections::parse_retrieve_response,
      &novu::connections::parse_update_response, &novu::connections::parse_retrieve_response};
  const novu::result<novu::channel_connection> connection = parsers[data[1] & 3](response, limits);
  if (connection) {
    NOVU_FUZZ_CHECK(fuzz::is_2xx(response.status), "a non-2xx response succeeded");
    fuzz::check_round_trip(*connection, [](const std::string& text) { return novu::decode_channel_connection(text); });
    // The three operations decode a body the same way.
    for (auto parse : parsers) {
      const novu::result<novu::channel_connection> other = parse(response, limits);
      NOVU_FUZZ_CHECK(other && novu::encode_json(*other).value_or("") == novu::encode_json(*connection).value_or("-"),
                      "create/retrieve/update disagree");
    }
  } else {
    fuzz::check_error_kind(connection.error(), response.status);
    fuzz::check_error(connection.error());
    NOVU_FUZZ_CHECK(fuzz::is_kept_body(connection.error().body, response, limits),
                    "error.body is not the response body");
  }
  fuzz::check_printable(novu::to_debug_string(response), "to_debug_string(response) is not printable");
  return 0;
}
