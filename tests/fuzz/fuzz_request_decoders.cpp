// libFuzzer target: decode_update_request and decode_create_request, as a server or proxy
// reads a request body. Input: flags byte (bit 0: tiny limits), then the body. A decoded body
// re-encodes to a fixpoint and builds into a request carrying exactly that encoding.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::string body(reinterpret_cast<const char*>(data + 1), size - 1);
  const novu::decode_limits limits = fuzz::limits_of((data[0] & 1) != 0);
  novu::client_config config;
  config.secret_key = "sk_test_fuzz";

  const novu::result<novu::update_channel_connection_request> update =
      novu::connections::decode_update_request(body, limits);
  if (update) {
    fuzz::check_round_trip(*update,
                           [](const std::string& text) { return novu::connections::decode_update_request(text); });
    const novu::result<novu::http_request> request = novu::connections::build_update_request(config, "conn-1", *update);
    // An empty workspace.id or auth.accessToken is refused before sending.
    const bool empty_required = update->workspace.id.empty() || update->auth.access_token.empty();
    NOVU_FUZZ_CHECK(empty_required ? !request && request.error().kind == novu::error_kind::invalid_argument
                                   : request && request->body == novu::encode_json(*update).value_or(""),
                    "update request body");
    if (request) fuzz::check_printable(novu::to_debug_string(*request), "to_debug_string(request) is not printable");
  } else {
    fuzz::check_error(update.error());
  }

  const novu::result<novu::create_channel_connection_request> create =
      novu::connections::decode_create_request(body, limits);
  bool known_bug = false;
#ifdef NOVU_FUZZ_SKIP_KNOWN_BUGS
  // Known bug: the decoder keeps duplicate context types, which the encoder refuses.
  if (create && create->context) {
    for (std::size_t i = 0; i < create->context->size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        known_bug = known_bug || (*create->context)[i].type == (*create->context)[j].type;
      }
    }
  }
#endif
  if (create && !known_bug) {
    fuzz::check_round_trip(*create,
                           [](const std::string& text) { return novu::connections::decode_create_request(text); });
    const novu::result<novu::http_request> request = novu::connections::build_create_request(config, *create);
    // An empty integrationIdentifier, workspace.id or auth.accessToken is refused before sending.
    const bool empty_required =
        create->integration_identifier.empty() || create->workspace.id.empty() || create->auth.access_token.empty();
    NOVU_FUZZ_CHECK(empty_required ? !request && request.error().kind == novu::error_kind::invalid_argument
                                   : request && request->body == novu::encode_json(*create).value_or(""),
                    "create request body");
    if (request) fuzz::check_printable(novu::to_debug_string(*request), "to_debug_string(request) is not printable");
  } else if (!create) {
    fuzz::check_error(create.error());
  }
  return 0;
}
