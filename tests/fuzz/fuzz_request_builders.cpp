// libFuzzer target: the five request builders fed arbitrary strings. FuzzedDataProvider splits
// the input into the identifier, secret key, server URL, user agent, idempotency key, list
// filters and body fields. Whatever the input, a built request has safe header values, a
// request target of visible ASCII only, the identifier as exactly one path segment, and a body
// that decodes back to what was given; a refused input is an invalid_argument error.
#include <fuzzer/FuzzedDataProvider.h>

#include "fuzz_common.hpp"

namespace {

bool safe_header_value(std::string_view value) {
  for (char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t') || c == 0x7F) return false;
  }
  return true;
}

// The checks every built request passes.
void check_request(const novu::http_request& r, const novu::client_config& config, bool has_body) {
  for (const novu::http_header& h : r.headers) {
    NOVU_FUZZ_CHECK(safe_header_value(h.name) && safe_header_value(h.value), "header holds CR, LF, NUL or a control");
  }
  for (char ch : r.path) {
    const auto c = static_cast<unsigned char>(ch);
    NOVU_FUZZ_CHECK(c > 0x20 && c < 0x7F, "request target holds a raw space, control or non-ASCII byte");
  }
  NOVU_FUZZ_CHECK(
      r.url.size() > r.path.size() && r.url.compare(r.url.size() - r.path.size(), r.path.size(), r.path) == 0,
      "url does not end with the path");
  NOVU_FUZZ_CHECK(r.origin().find('/', r.origin().find("://") + 3) == std::string_view::npos, "origin holds a path");
  NOVU_FUZZ_CHECK(r.path.find("/v1/channel-connections") != std::string::npos, "path misses the collection");
  const novu::http_header* auth = novu::find_header(r.headers, "authorization");
  NOVU_FUZZ_CHECK(auth != nullptr && auth->value.rfind("ApiKey ", 0) == 0, "Authorization: ApiKey ...");
  NOVU_FUZZ_CHECK(auth->value.size() > 7, "Authorization without a key");
  NOVU_FUZZ_CHECK(auth->value == "ApiKey " + std::string(novu::detail::secret_core(config.secret_key)),
                  "Authorization value");
  const novu::http_header* key = novu::find_header(r.headers, "idempotency-key");
  NOVU_FUZZ_CHECK(key != nullptr && !key->value.empty() && key->value.size() <= 255, "idempotency-key");
  NOVU_FUZZ_CHECK((novu::find_header(r.headers, "content-type") != nullptr) == has_body, "Content-Type iff body");
  fuzz::check_printable(novu::to_debug_string(r), "to_debug_string(request) is not printable");
}

// The identifier is the last path segment, percent-encoded, and decodes back exactly.
void check_item_path(const novu::http_request& r, const std::string& identifier) {
  const std::string marker = "/v1/channel-connections/";
  const std::size_t at = r.path.rfind(marker);
  NOVU_FUZZ_CHECK(at != std::string::npos, "item path");
  const std::string segment = r.path.substr(at + marker.size());
  NOVU_FUZZ_CHECK(segment.find_first_of("/?#") == std::string::npos, "identifier escapes its segment");
  NOVU_FUZZ_CHECK(segment != "." && segment != "..", "dot segment");
  std::string decoded;
  NOVU_FUZZ_CHECK(novu::detail::percent_decode(segment, decoded, false) && decoded == identifier,
                  "segment does not decode to the identifier");
}

void check_refused(const novu::error& e) {
  NOVU_FUZZ_CHECK(e.kind == novu::error_kind::invalid_argument, "a refused input is not invalid_argument");
  NOVU_FUZZ_CHECK(!e.location.empty(), "a refused input names no location");
  fuzz::check_error(e);
}

std::optional<std::string> maybe(FuzzedDataProvider& in, std::size_t max_length) {
  if (!in.ConsumeBool()) return std::nullopt;
  return in.ConsumeRandomLengthString(max_length);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const std::string identifier = in.ConsumeRandomLengthString(64);
  novu::client_config config;
  config.secret_key = in.ConsumeRandomLengthString(64);
  const std::string url_tail = in.ConsumeRandomLengthString(48);
  switch (in.ConsumeIntegralInRange<int>(0, 3)) {
    case 0: config.server_url = "https://api.novu.co"; break;
    case 1: config.server_url = "http://proxy.local/" + url_tail; break;
    case 2: config.server_url = "https://" + url_tail; break;
    default: config.server_url = url_tail; break;
  }
  if (in.ConsumeBool()) config.user_agent = in.ConsumeRandomLengthString(48);
  novu::call_options options;
  options.idempotency_key = in.ConsumeRandomLengthString(300);

  novu::list_channel_connections_params params;
  params.after = maybe(in, 32);
  params.before = maybe(in, 32);
  params.subscriber_id = maybe(in, 32);
  params.integration_identifier = maybe(in, 32);
  if (std::optional<std::string> v = maybe(in, 16)) params.channel = novu::channel_type(*v);
  if (std::optional<std::string> v = maybe(in, 16)) params.provider_id = novu::provider_id(*v);
  if (in.ConsumeBool()) {
    params.context_keys.emplace();
    for (int n = in.ConsumeIntegralInRange<int>(0, 4); n > 0; --n)
      params.context_keys->push_back(in.ConsumeRandomLengthString(24));
  }
  if (in.ConsumeBool()) params.limit = in.ConsumeIntegral<int>();
  if (in.ConsumeBool()) params.include_cursor = in.ConsumeBool();

  novu::update_channel_connection_request update;
  update.workspace.id = in.ConsumeRandomLengthString(32);
  update.workspace.name = maybe(in, 32);
  update.workspace.bot_user_id = maybe(in, 32);
  update.auth.access_token = in.ConsumeRandomLengthString(48);
  update.auth.refresh_token = maybe(in, 48);
  update.auth.expires_at = maybe(in, 32);
  update.auth.refresh_token_expires_at = maybe(in, 32);

  novu::create_channel_connection_request create;
  create.identifier = maybe(in, 32);
  create.subscriber_id = maybe(in, 32);
  create.integration_identifier = in.ConsumeRandomLengthString(32);
  if (in.ConsumeBool())
    create.connection_mode = in.ConsumeBool() ? novu::connection_mode::shared : novu::connection_mode::subscriber;
  if (in.ConsumeBool()) {
    create.context.emplace();
    for (int n = in.ConsumeIntegralInRange<int>(0, 4); n > 0; --n) {
      novu::context_entry entry;
      entry.type = in.ConsumeRandomLengthString(16);
      entry.id = in.ConsumeRandomLengthString(16);
      if (in.ConsumeBool())
        entry.data = novu::any_json::from_text(novu::json_type::object, in.ConsumeRandomLengthString(48));
      create.context->push_back(std::move(entry));
    }
  }
  create.workspace = update.workspace;
  create.auth = update.auth;

  const novu::result<novu::http_request> list = novu::connections::build_list_request(config, params, options);
  if (list) {
    check_request(*list, config, false);
    NOVU_FUZZ_CHECK(list->method == "GET" && list->body.empty(), "list method/body");
  } else {
    check_refused(list.error());
  }

  const novu::result<novu::http_request> retrieve =
      novu::connections::build_retrieve_request(config, identifier, options);
  const novu::result<novu::http_request> removal = novu::connections::build_delete_request(config, identifier, options);
  const novu::result<novu::http_request> patch =
      novu::connections::build_update_request(config, identifier, update, options);
  for (const auto* r : {&retrieve, &removal, &patch}) {
    if (*r) {
      check_request(**r, config, r == &patch);
      check_item_path(**r, identifier);
    } else {
      check_refused(r->error());
    }
  }
  NOVU_FUZZ_CHECK(retrieve.has_value() == removal.has_value(), "retrieve and delete disagree on the same input");
  if (patch) {
    const novu::result<novu::update_channel_connection_request> back =
        novu::connections::decode_update_request(patch->body);
    NOVU_FUZZ_CHECK(
        back && back->workspace.id == update.workspace.id && back->workspace.name == update.workspace.name &&
            back->workspace.bot_user_id == update.workspace.bot_user_id &&
            back->auth.access_token == update.auth.access_token &&
            back->auth.refresh_token == update.auth.refresh_token && back->auth.expires_at == update.auth.expires_at &&
            back->auth.refresh_token_expires_at == update.auth.refresh_token_expires_at,
        "the update body does not decode to the given values");
  }

  const novu::result<novu::http_request> post = novu::connections::build_create_request(config, create, options);
  if (post) {
    check_request(*post, config, true);
    NOVU_FUZZ_CHECK(
        post->path.size() >= 23 && post->path.compare(post->path.size() - 23, 23, "/v1/channel-connections") == 0,
        "create path");
    const novu::result<novu::create_channel_connection_request> back =
        novu::connections::decode_create_request(post->body);
    NOVU_FUZZ_CHECK(back && back->identifier == create.identifier && back->subscriber_id == create.subscriber_id &&
                        back->integration_identifier == create.integration_identifier &&
                        back->connection_mode == create.connection_mode && back->workspace.id == create.workspace.id &&
                        back->auth.access_token == create.auth.access_token &&
                        back->context.has_value() == create.context.has_value(),
                    "the create body does not decode to the given values");
    NOVU_FUZZ_CHECK(novu::encode_json(*back).value_or("") == post->body, "the create body is not a fixpoint");
  } else {
    check_refused(post.error());
  }
  return 0;
}
