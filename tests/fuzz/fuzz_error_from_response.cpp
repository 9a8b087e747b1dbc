// libFuzzer target: error_from_response and the ErrorDto/ValidationErrorDto decoders. Input:
// status byte, flags byte (bit 0: tiny limits), then the body.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  novu::http_response response;
  response.status = fuzz::status_of(data[0]);
  response.headers.push_back({"Retry-After", "1"});
  response.body.assign(reinterpret_cast<const char*>(data + 2), size - 2);
  const novu::decode_limits limits = fuzz::limits_of((data[1] & 1) != 0);
  const novu::error e = novu::error_from_response(response, limits);
  if (!fuzz::is_2xx(response.status)) fuzz::check_error_kind(e, response.status);
  fuzz::check_error(e);
  NOVU_FUZZ_CHECK(fuzz::is_kept_body(e.body, response, limits) && e.headers.size() == 1, "the response is kept");

  const novu::result<novu::api_error> plain = novu::decode_api_error(response.body, limits);
  if (plain) {
    fuzz::check_round_trip(*plain, [](const std::string& text) { return novu::decode_api_error(text); });
    if (fuzz::documents_error_dto(response.status))
      NOVU_FUZZ_CHECK(e.kind == novu::error_kind::api, "ErrorDto not used");
  } else {
    fuzz::check_error(plain.error());
  }
  const novu::result<novu::api_error> validation = novu::decode_validation_error(response.body, limits);
  if (validation) {
    fuzz::check_round_trip(*validation, [](const std::string& text) { return novu::decode_validation_error(text); });
    NOVU_FUZZ_CHECK(plain.has_value(), "a ValidationErrorDto is also an ErrorDto");
    if (response.status == 422)
      NOVU_FUZZ_CHECK(e.kind == novu::error_kind::validation, "422 ValidationErrorDto not used");
  }
  return 0;
}
