// libFuzzer target: the channel endpoint request side. decode_endpoint_data,
// endpoints::decode_create_request and decode_update_request read a fuzzed body; what decodes
// builds (build_create_request / build_update_request) into a request whose body decodes back to
// the same value, or into a clean invalid_argument error; build_list_request gets the parameters
// the body spells (keys as in the list vectors). decode_endpoint_data is compared with an
// independent nlohmann-DOM oracle both ways (success iff the oracle accepts, and the same values).
// Input: flags byte (bit 0: tiny limits; bits 1-4: the type, endpoint_data's order, then
// "carrier_pigeon" and ""), then the body.
#include <climits>  // INT_MIN, INT_MAX

#include "endpoint_oracle.hpp"
#include "fuzz_common.hpp"

namespace {

using fuzz::oracle::ojson;

const novu::client_config& config() {
  static const novu::client_config c = [] {
    novu::client_config k;
    k.secret_key = "sk_test_fuzz_endpoints";
    return k;
  }();
  return c;
}

// A built request failed cleanly, or carries `expected_body`.
void check_built(const novu::result<novu::http_request>& request, const std::string& expected_body) {
  if (!request) {
    NOVU_FUZZ_CHECK(request.error().kind == novu::error_kind::invalid_argument, "a refusal is not invalid_argument");
    fuzz::check_error(request.error());
    return;
  }
  NOVU_FUZZ_CHECK(request->body == expected_body, "the built body is not the encoding");
  const std::string printed = novu::to_debug_string(*request);
  fuzz::check_printable(printed, "to_debug_string(request) is not printable");
  // The body's endpoint secrets (those not also in a plain member) never show in the print.
  const ojson doc = ojson::parse(request->body, nullptr, false);
  std::vector<std::string> secrets;
  fuzz::oracle::collect_secrets(doc, secrets, 8);
  const std::string rest = fuzz::oracle::without_secrets(doc).dump();
  for (const std::string& s : secrets) {
    if (rest.find(s) != std::string::npos || request->body.find(s) != request->body.rfind(s) ||
        s.find(novu::redacted_marker) != std::string::npos) {
      continue;
    }
    if (secret_check::holds(printed, s)) std::fprintf(stderr, "leak of %s in: %s\n", s.c_str(), printed.c_str());
    NOVU_FUZZ_CHECK(!secret_check::holds(printed, s), "an endpoint secret shows in to_debug_string(request)");
  }
}

// What an endpoint payload of `type` becomes in an update and a create request.
void check_payload_requests(const novu::endpoint_type& type, const novu::endpoint_data& data) {
  const std::string payload_text = novu::encode_json(novu::update_channel_endpoint_request{data}).value_or("");
  const novu::result<novu::http_request> update =
      novu::endpoints::build_update_request(config(), "e1", novu::update_channel_endpoint_request{data});
  NOVU_FUZZ_CHECK(update.has_value() == !payload_text.empty(), "update builds iff its body encodes");
  if (update) {
    check_built(update, payload_text);
    // The update body has no type: its payload comes back raw, and typed again with the type.
    const auto back = novu::endpoints::decode_update_request(update->body);
    NOVU_FUZZ_CHECK(back && back->endpoint.index() == 0, "an update body does not decode raw");
    const auto typed = novu::decode_endpoint_data(type, std::get<0>(back->endpoint).json.text);
    NOVU_FUZZ_CHECK(
        typed && novu::encode_json(novu::update_channel_endpoint_request{*typed}).value_or("-") == payload_text,
        "the update body's payload is not the payload");
  }
  novu::create_channel_endpoint_request create;
  create.subscriber_id = "s";
  create.integration_identifier = "i";
  create.type = type;
  create.endpoint = data;
  const novu::result<novu::http_request> built = novu::endpoints::build_create_request(config(), create);
  const bool buildable = !type.value().empty();
  NOVU_FUZZ_CHECK(built.has_value() == buildable, "a create request of a decoded payload does not build");
  if (built) {
    check_built(built, novu::encode_json(create).value_or(""));
    const auto back = novu::endpoints::decode_create_request(built->body);
    NOVU_FUZZ_CHECK(back && novu::encode_json(*back).value_or("-") == built->body, "the create body decodes back");
  } else {
    check_built(built, "");
  }
}

void check_endpoint_data(const novu::endpoint_type& type, const std::string& body, const novu::decode_limits& limits,
                         bool faithful, const ojson& doc) {
  const novu::result<novu::endpoint_data> data = novu::decode_endpoint_data(type, body, limits);
  if (!data) fuzz::check_error(data.error());
  const bool limited = !data && data.error().kind == novu::error_kind::limit_exceeded;
  if (faithful && !limited && !type.value().empty()) {
    const fuzz::oracle::type_spec* spec = fuzz::oracle::spec_of(type.value());
    if (spec == nullptr) {
      NOVU_FUZZ_CHECK(data.has_value(), "any JSON is a payload of an unknown type");
      const auto* raw = std::get_if<novu::raw_alternative>(&*data);
      NOVU_FUZZ_CHECK(raw != nullptr && raw->json.text == doc.dump(), "an unknown type's payload is not kept raw");
    } else {
      const std::optional<ojson> expected = fuzz::oracle::expected(*spec, doc);
      if (data.has_value() != expected.has_value()) {
        std::fprintf(stderr, "type %s: library %s, oracle %s\n", spec->name,
                     data ? "accepts" : data.error().message.c_str(), expected ? "accepts" : "refuses");
      }
      NOVU_FUZZ_CHECK(data.has_value() == expected.has_value(), "the library and the oracle disagree on a payload");
      if (data) {
        const std::size_t index = static_cast<std::size_t>(spec - fuzz::oracle::specs().data()) + 1;
        NOVU_FUZZ_CHECK(data->index() == index, "a payload decodes as another type");
        NOVU_FUZZ_CHECK(fuzz::oracle::actual(*data) == *expected, "a payload decodes to other values");
      }
    }
  }
  if (data) check_payload_requests(type, *data);
}

void check_create(const std::string& body, const novu::decode_limits& limits, bool faithful, const ojson& doc) {
  const auto create = novu::endpoints::decode_create_request(body, limits);
  if (!create) {
    fuzz::check_error(create.error());
    return;
  }
  fuzz::check_round_trip(*create, [](const std::string& text) { return novu::endpoints::decode_create_request(text); });
  const fuzz::oracle::type_spec* spec = fuzz::oracle::spec_of(create->type.value());
  if (faithful && spec != nullptr) {
    const std::optional<ojson> expected = fuzz::oracle::expected(*spec, doc["endpoint"]);
    NOVU_FUZZ_CHECK(expected && fuzz::oracle::actual(create->endpoint) == *expected,
                    "a create body's payload is not what the oracle reads");
  } else if (faithful) {
    NOVU_FUZZ_CHECK(create->endpoint.index() == 0 && std::get<0>(create->endpoint).json.text == doc["endpoint"].dump(),
                    "a create body's unknown payload is not kept raw");
  }
  const novu::result<novu::http_request> built = novu::endpoints::build_create_request(config(), *create);
  // Empty required strings are refused; so is a context the encoder refuses (repeated types).
  const bool refusable = create->subscriber_id.empty() || create->integration_identifier.empty() ||
                         create->type.value().empty() || create->context.has_value();
  NOVU_FUZZ_CHECK(built.has_value() || refusable, "a decoded create body does not build");
  check_built(built, novu::encode_json(*create).value_or(""));
}

void check_update(const std::string& body, const novu::decode_limits& limits, bool faithful, const ojson& doc) {
  const auto update = novu::endpoints::decode_update_request(body, limits);
  if (!update) {
    fuzz::check_error(update.error());
    return;
  }
  NOVU_FUZZ_CHECK(update->endpoint.index() == 0, "an update body's payload is not raw");
  if (faithful) {
    NOVU_FUZZ_CHECK(std::get<0>(update->endpoint).json.text == doc["endpoint"].dump(),
                    "an update body's payload is not the oracle's");
  }
  fuzz::check_round_trip(*update, [](const std::string& text) { return novu::endpoints::decode_update_request(text); });
  const novu::result<novu::http_request> built = novu::endpoints::build_update_request(config(), "e1", *update);
  NOVU_FUZZ_CHECK(built.has_value(), "a decoded update body does not build");
  check_built(built, novu::encode_json(*update).value_or(""));
}

std::optional<std::string> text_at(const ojson& doc, const char* name) {
  const auto it = doc.find(name);
  if (it == doc.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

void check_list(const ojson& doc) {
  if (!doc.is_object()) return;
  novu::list_channel_endpoints_params p;
  p.after = text_at(doc, "after");
  p.before = text_at(doc, "before");
  p.subscriber_id = text_at(doc, "subscriberId");
  p.integration_identifier = text_at(doc, "integrationIdentifier");
  p.connection_identifier = text_at(doc, "connectionIdentifier");
  if (auto c = text_at(doc, "channel")) p.channel = novu::channel_type(*c);
  if (auto c = text_at(doc, "providerId")) p.provider_id = novu::provider_id(*c);
  if (auto d = text_at(doc, "orderDirection")) {
    p.order_direction = *d == "ASC" ? novu::order_direction::ascending : novu::order_direction::descending;
  }
  if (auto d = text_at(doc, "orderBy")) {
    p.order_by = *d == "createdAt" ? novu::order_by::created_at : novu::order_by::updated_at;
  }
  const auto limit = doc.find("limit");
  if (limit != doc.end() && limit->is_number_integer()) {
    const auto v = limit->get<long long>();
    p.limit = static_cast<int>(v < INT_MIN ? INT_MIN : v > INT_MAX ? INT_MAX : v);
  }
  const auto cursor = doc.find("includeCursor");
  if (cursor != doc.end() && cursor->is_boolean()) p.include_cursor = cursor->get<bool>();
  const auto keys = doc.find("contextKeys");
  if (keys != doc.end() && keys->is_array()) {
    p.context_keys.emplace();
    for (const ojson& k : *keys) {
      if (k.is_string()) p.context_keys->push_back(k.get<std::string>());
    }
  }
  const novu::result<novu::http_request> r = novu::endpoints::build_list_request(config(), p);
  if (p.limit && (*p.limit < 1 || *p.limit > 100)) NOVU_FUZZ_CHECK(!r, "a limit outside 1..100 builds");
  if (p.after && p.before) NOVU_FUZZ_CHECK(!r, "after and before together build");
  if (!r) {
    NOVU_FUZZ_CHECK(r.error().kind == novu::error_kind::invalid_argument, "a list refusal is not invalid_argument");
    fuzz::check_error(r.error());
    return;
  }
  NOVU_FUZZ_CHECK(r->method == "GET" && r->path.rfind("/v1/channel-endpoints", 0) == 0 && r->body.empty(),
                  "a list request is not a GET of the collection");
  if (p.limit) {
    NOVU_FUZZ_CHECK(r->path.find("limit=" + std::to_string(*p.limit)) != std::string::npos, "limit not sent");
  }
  NOVU_FUZZ_CHECK(
      (r->path.find('?') != std::string::npos) ==
          (p.after || p.before || p.subscriber_id || p.integration_identifier || p.connection_identifier || p.channel ||
           p.provider_id || p.order_direction || p.order_by || p.limit || p.include_cursor || p.context_keys),
      "a query iff a parameter is set");
  fuzz::check_printable(novu::to_debug_string(*r), "to_debug_string(request) is not printable");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::string body(reinterpret_cast<const char*>(data + 1), size - 1);
  const bool tiny = (data[0] & 1) != 0;
  const novu::decode_limits limits = fuzz::limits_of(tiny);
  const std::size_t type_index = (data[0] >> 1) & 15;
  const novu::endpoint_type type(type_index < 14    ? std::string(novu::endpoint_type::known_values[type_index])
                                 : type_index == 14 ? std::string("carrier_pigeon")
                                                    : std::string());
  const bool faithful = fuzz::oracle::unique_members(body);
  const ojson doc = faithful ? ojson::parse(body) : ojson();
  check_endpoint_data(type, body, limits, faithful, doc);
  check_create(body, limits, faithful, doc);
  check_update(body, limits, faithful, doc);
  if (faithful) check_list(doc);
  return 0;
}
