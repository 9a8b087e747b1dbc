// libFuzzer target: parse_delete_response. Input: status byte, flags byte (bit 0: tiny
// limits), then the body. Any 2xx is a success whatever the body.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  novu::http_response response;
  response.status = fuzz::status_of(data[0]);
  response.body.assign(reinterpret_cast<const char*>(data + 2), size - 2);
  const novu::result<void> removed =
      novu::connections::parse_delete_response(response, fuzz::limits_of((data[1] & 1) != 0));
  NOVU_FUZZ_CHECK(removed.has_value() == fuzz::is_2xx(response.status), "delete succeeds exactly on 2xx");
  if (!removed) {
    fuzz::check_error_kind(removed.error(), response.status);
    fuzz::check_error(removed.error());
  }
  return 0;
}
