// libFuzzer target: parse_list_response. Input: status byte, flags byte (bit 0: tiny limits),
// then the body.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  novu::http_response response;
  response.status = fuzz::status_of(data[0]);
  response.body.assign(reinterpret_cast<const char*>(data + 2), size - 2);
  const novu::decode_limits limits = fuzz::limits_of((data[1] & 1) != 0);
  const novu::result<novu::channel_connection_page> page = novu::parse_list_response(response, limits);
  if (page) {
    NOVU_FUZZ_CHECK(fuzz::is_2xx(response.status), "a non-2xx list response succeeded");
    fuzz::check_round_trip(*page, [](const std::string& text) { return novu::decode_channel_connection_page(text); });
    const std::optional<novu::list_channel_connections_params> next = novu::next_page_params({}, *page);
    NOVU_FUZZ_CHECK(next.has_value() == (page->next.has_value() && !page->next->empty()), "next_page_params");
  } else {
    fuzz::check_error_kind(page.error(), response.status);
    fuzz::check_error(page.error());
    NOVU_FUZZ_CHECK(page.error().body == response.body, "error.body is not the response body");
  }
  fuzz::check_printable(novu::to_debug_string(response), "to_debug_string(response) is not printable");
  return 0;
}
