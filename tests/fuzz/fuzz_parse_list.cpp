// libFuzzer target: parse_list_response, and parse_list_response_into a page that holds other
// data (it must give the same value or the same error). Input: status byte, flags byte (bit 0:
// tiny limits), then the body.
#include "../sample_values.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  novu::http_response response;
  response.status = fuzz::status_of(data[0]);
  response.body.assign(reinterpret_cast<const char*>(data + 2), size - 2);
  const novu::decode_limits limits = fuzz::limits_of((data[1] & 1) != 0);
  const novu::result<novu::channel_connection_page> page = novu::connections::parse_list_response(response, limits);
  if (page) {
    NOVU_FUZZ_CHECK(fuzz::is_2xx(response.status), "a non-2xx list response succeeded");
    fuzz::check_round_trip(*page, [](const std::string& text) { return novu::decode_channel_connection_page(text); });
    const std::optional<novu::list_channel_connections_params> next = novu::connections::next_page_params({}, *page);
    NOVU_FUZZ_CHECK(next.has_value() == (page->next.has_value() && !page->next->empty()), "next_page_params");
  } else {
    fuzz::check_error_kind(page.error(), response.status);
    fuzz::check_error(page.error());
    NOVU_FUZZ_CHECK(fuzz::is_kept_body(page.error().body, response, limits), "error.body is not the response body");
  }
  novu::channel_connection_page reused = test_support::dirty_page(2);
  const novu::result<void> into = novu::connections::parse_list_response_into(response, reused, limits);
  NOVU_FUZZ_CHECK(into.has_value() == page.has_value(), "parse_list_response_into succeeds where the other fails");
  if (page) {
    const novu::result<std::string> fresh_text = novu::encode_json(*page);
    const novu::result<std::string> into_text = novu::encode_json(reused);
    NOVU_FUZZ_CHECK(fresh_text.has_value() == into_text.has_value() && (!fresh_text || *fresh_text == *into_text),
                    "parse_list_response_into gives another page than parse_list_response");
  } else {
    NOVU_FUZZ_CHECK(into.error().kind == page.error().kind && into.error().message == page.error().message &&
                        into.error().location == page.error().location,
                    "parse_list_response_into gives another error than parse_list_response");
  }
  fuzz::check_printable(novu::to_debug_string(response), "to_debug_string(response) is not printable");
  return 0;
}
