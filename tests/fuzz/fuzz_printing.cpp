// libFuzzer target: the redacting printer. Input: flags byte (printing limit), then a body.
// The printout is always printable, redact_json_secrets is idempotent, and when the body
// decodes as a connection its tokens never show in the printout of its canonical, pretty and
// enveloped encodings unless they also show once the tokens are replaced.
#include <nlohmann/json.hpp>

#include "fuzz_common.hpp"

namespace {

std::string print(const std::string& body, std::size_t limit) {
  novu::http_response r;
  r.status = 200;
  r.headers.push_back({"Authorization", body.substr(0, 40)});
  r.body = body;
  novu::debug_print_options options;
  options.max_body_bytes = limit;
  return novu::to_debug_string(r, options);
}

// Bodies that carry `c`: compact, pretty-printed, enveloped.
std::vector<std::string> encodings(const novu::channel_connection& c) {
  std::vector<std::string> out;
  const novu::result<std::string> compact = novu::encode_json(c);
  if (!compact) return out;
  out.push_back(*compact);
  out.push_back(nlohmann::json::parse(*compact, nullptr, false).dump(2));
  out.push_back("{\"data\" : " + *compact + "}");
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::size_t limit = data[0] < 128 ? data[0] : std::size_t{1} << 20;
  const std::string body(reinterpret_cast<const char*>(data + 1), size - 1);

  fuzz::check_printable(print(body, limit), "to_debug_string(response) is not printable");
  const std::string once = novu::redact_json_secrets(body);
  NOVU_FUZZ_CHECK(novu::redact_json_secrets(once) == once, "redact_json_secrets is not idempotent");

  const novu::result<novu::channel_connection> c = novu::decode_channel_connection(body);
  if (!c) return 0;
  novu::channel_connection scrubbed = *c;
  scrubbed.auth.access_token = "A";
  if (scrubbed.auth.refresh_token) scrubbed.auth.refresh_token = "R";
  const std::vector<std::string> with = encodings(*c);
  const std::vector<std::string> without = encodings(scrubbed);
  NOVU_FUZZ_CHECK(with.size() == without.size(), "encodings");
  std::vector<std::string> tokens{c->auth.access_token};
  if (c->auth.refresh_token) tokens.push_back(*c->auth.refresh_token);
  for (std::size_t i = 0; i < with.size(); ++i) {
    const std::string shown = print(with[i], std::size_t{1} << 20);
    const std::string baseline = print(without[i], std::size_t{1} << 20);
    for (const std::string& token : tokens) {
      if (token.size() < 6) continue;
      NOVU_FUZZ_CHECK(shown.find(token) == std::string::npos || baseline.find(token) != std::string::npos,
                      "a token shows in the printout");
    }
  }
  return 0;
}
