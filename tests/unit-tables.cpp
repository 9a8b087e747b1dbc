// The table-driven JSON engine on synthetic tables: the tagged-union kind (payload before or
// after its tag, unknown tags, wrong shapes, repeated tags, limits), the encoder's string
// escaping against nlohmann's dump(), secret fields, and the response auth that may lack a token.
// NOVU_CC_TEST_HEADER_ONLY
// (built in header-only mode, in novu_tests_header_only: it reads the implementation's internals (core/detail), which
// the fast-compile mode does not declare)
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

// The header-only umbrella brings the engine (novu::detail) too, also from single_include/.
#include "novu/novu.hpp"

namespace synthetic {

struct room {
  std::string room_id;
  std::optional<std::string> parent_id;
};
struct person {
  std::optional<std::string> person_id;
  std::optional<std::string> person_email;
};
struct hook {
  std::string url;
  std::optional<std::string> method;
  std::vector<std::string> tags;
};
using target = novu::tagged_union<room, person, hook>;

struct delivery {
  std::string identifier;
  std::string type;
  target endpoint;
  std::optional<std::string> note;
};
struct typed_delivery {  // the tag as an open enum (a channel type)
  std::optional<novu::channel_type> channel;
  target endpoint;
};
struct payload_only {  // an update body: the payload alone, no tag
  target endpoint;
};
struct delivery_page {
  std::vector<delivery> data;
};

}  // namespace synthetic

NOVU_CC_NAMESPACE_BEGIN
namespace detail {
using namespace synthetic;

inline constexpr field_desc room_fields[] = {field<&room::room_id>("roomId", field_required),
                                             field<&room::parent_id>("parentId")};
inline constexpr type_desc room_type = struct_type<room, room_fields>();
inline constexpr field_desc person_fields[] = {field<&person::person_id>("personId"),
                                               field<&person::person_email>("personEmail")};
inline constexpr type_desc person_type = struct_type<person, person_fields>();
inline constexpr field_desc hook_fields[] = {field<&hook::url>("url", field_required | field_secret),
                                             field<&hook::method>("method"), field<&hook::tags>("tags")};
inline constexpr type_desc hook_type = struct_type<hook, hook_fields>();
inline constexpr variant_alternative target_alternatives[] = {
    {"room", &room_type}, {"person", &person_type}, {"hook", &hook_type}};
inline constexpr variant_desc target_type = variant_type<target, target_alternatives>();
template <>
inline constexpr const variant_desc* variant_table_of<target> = &target_type;

inline constexpr field_desc delivery_fields[] = {
    field<&delivery::identifier>("identifier", field_required), field<&delivery::type>("type", field_required),
    variant_field<&delivery::endpoint>("endpoint", 1, field_required), field<&delivery::note>("note")};
inline constexpr type_desc delivery_type = list_type<delivery, delivery_fields>();
template <>
inline constexpr const type_desc* table_of<delivery> = &delivery_type;

inline constexpr field_desc typed_fields[] = {field<&typed_delivery::channel>("channel", field_required),
                                              variant_field<&typed_delivery::endpoint>("endpoint", 0)};
inline constexpr type_desc typed_type = struct_type<typed_delivery, typed_fields>();

inline constexpr field_desc payload_fields[] = {
    variant_field<&payload_only::endpoint>("endpoint", no_tag, field_required)};
inline constexpr type_desc payload_type = struct_type<payload_only, payload_fields>();

inline constexpr field_desc page_fields_test[] = {field<&delivery_page::data>("data", field_required)};
inline constexpr type_desc delivery_page_type = struct_type<delivery_page, page_fields_test>();

// Compile-time checks of the builders: kinds deduced from member types.
static_assert(room_fields[0].kind == field_kind::string);
static_assert(room_fields[1].kind == field_kind::optional_string);
static_assert(hook_fields[2].kind == field_kind::string_list);
static_assert(delivery_fields[2].kind == field_kind::variant && delivery_fields[2].tag_field == 1);
static_assert(typed_fields[0].kind == field_kind::open_enum);
static_assert(page_fields_test[0].kind == field_kind::object_list && page_fields_test[0].nested == &delivery_type);
static_assert(delivery_type.field_count == 4);

}  // namespace detail
NOVU_CC_NAMESPACE_END

namespace {
using namespace synthetic;
namespace nd = novu::detail;

template <class T>
novu::result<T> decode(const std::string& text, const nd::type_desc& type, const novu::decode_limits& limits = {}) {
  T out{};
  novu::result<void> r = nd::decode_into(text, &type, &out, true, limits);
  if (!r) return std::move(r).error();
  return out;
}

std::string encode(const nd::type_desc& type, const void* object) {
  novu::result<std::string> r = nd::encode_with_table(type, object);
  REQUIRE_MESSAGE(r.has_value(), r.error().message);
  return *r;
}

bool same(const target& a, const target& b) {
  if (a.index() != b.index()) return false;
  if (const auto* x = std::get_if<room>(&a)) {
    const auto& y = std::get<room>(b);
    return x->room_id == y.room_id && x->parent_id == y.parent_id;
  }
  if (const auto* x = std::get_if<person>(&a)) {
    const auto& y = std::get<person>(b);
    return x->person_id == y.person_id && x->person_email == y.person_email;
  }
  if (const auto* x = std::get_if<hook>(&a)) {
    const auto& y = std::get<hook>(b);
    return x->url == y.url && x->method == y.method && x->tags == y.tags;
  }
  const auto& x = std::get<novu::raw_alternative>(a);
  const auto& y = std::get<novu::raw_alternative>(b);
  return x.json.type == y.json.type && x.json.text == y.json.text;
}

}  // namespace

TEST_CASE("tagged union: the payload decodes as the alternative its tag names, before or after it") {
  const std::string tag_first = R"({"identifier":"d1","type":"room","endpoint":{"roomId":"R1","parentId":"P"}})";
  const std::string tag_last = R"({"identifier":"d1","endpoint":{"parentId":"P","roomId":"R1"},"type":"room"})";
  for (const std::string& text : {tag_first, tag_last}) {
    novu::result<delivery> d = decode<delivery>(text, nd::delivery_type);
    REQUIRE_MESSAGE(d.has_value(), d.error().message);
    const room* r = std::get_if<room>(&d->endpoint);
    REQUIRE(r != nullptr);
    CHECK(r->room_id == "R1");
    CHECK(r->parent_id == std::optional<std::string>("P"));
    CHECK(encode(nd::delivery_type, &*d) == tag_first);
  }
  // Inside an envelope and a list page too, with the tag as an open enum.
  novu::result<typed_delivery> t =
      decode<typed_delivery>(R"({"data":{"endpoint":{"personEmail":"a@b.c"},"channel":"person"}})", nd::typed_type);
  REQUIRE(t.has_value());
  REQUIRE(std::get_if<person>(&t->endpoint) != nullptr);
  CHECK(std::get<person>(t->endpoint).person_email == std::optional<std::string>("a@b.c"));
}

TEST_CASE("tagged union: an unknown tag keeps the payload as raw JSON, re-encoded unchanged, also in a list") {
  const std::string text =
      R"({"data":[{"identifier":"a","endpoint":{"x":[1,{"y":null}],"z":"\u00e9"},"type":"pigeon"},)"
      R"({"identifier":"b","type":"hook","endpoint":{"url":"https://h","tags":["t"]}}]})";
  novu::result<delivery_page> page = decode<delivery_page>(text, nd::delivery_page_type);
  REQUIRE_MESSAGE(page.has_value(), page.error().message);
  REQUIRE(page->data.size() == 2);
  const auto* raw = std::get_if<novu::raw_alternative>(&page->data[0].endpoint);
  REQUIRE(raw != nullptr);
  CHECK(raw->json.type == novu::json_type::object);
  CHECK(raw->json.text == "{\"x\":[1,{\"y\":null}],\"z\":\"\xc3\xa9\"}");
  CHECK(page->data[0].type == "pigeon");
  REQUIRE(std::get_if<hook>(&page->data[1].endpoint) != nullptr);
  CHECK(encode(nd::delivery_type, &page->data[0]) ==
        "{\"identifier\":\"a\",\"type\":\"pigeon\",\"endpoint\":{\"x\":[1,{\"y\":null}],\"z\":\"\xc3\xa9\"}}");
  // A scalar payload of an unknown tag is kept too.
  novu::result<delivery> scalar =
      decode<delivery>(R"({"identifier":"s","type":"new","endpoint":"plain"})", nd::delivery_type);
  REQUIRE(scalar.has_value());
  CHECK(std::get<novu::raw_alternative>(scalar->endpoint).json.text == "\"plain\"");
}

TEST_CASE("tagged union: a known tag with the wrong shape is a decode error located inside the payload") {
  struct row {
    std::string text;
    std::string location;
  };
  const row rows[] = {
      {R"({"data":{"identifier":"a","type":"room","endpoint":{"parentId":"P"}}})", "/data/endpoint/roomId"},
      {R"({"data":{"identifier":"a","endpoint":{"parentId":"P"},"type":"room"}})", "/data/endpoint/roomId"},
      {R"({"identifier":"a","endpoint":{"roomId":7},"type":"room"})", "/endpoint/roomId"},
      {R"({"identifier":"a","type":"room","endpoint":{"roomId":7}})", "/endpoint/roomId"},
      {R"({"identifier":"a","endpoint":{"url":"u","tags":[1]},"type":"hook"})", "/endpoint/tags/0"},
      {R"({"identifier":"a","endpoint":"room?","type":"room"})", "/endpoint"},
      {R"({"identifier":"a","type":"room","endpoint":[]})", "/endpoint"},
      // The tag repeated with another value after the payload was decoded by the first one.
      {R"({"identifier":"a","type":"room","endpoint":{"roomId":"R"},"type":"person"})", "/type"},
      // ... or before it, or both after it: two types for one payload, whatever the order.
      {R"({"identifier":"a","type":"room","type":"person","endpoint":{"personId":"P"}})", "/type"},
      {R"({"identifier":"a","endpoint":{"personId":"P"},"type":"room","type":"person"})", "/type"},
      // No tag at all: the required tag is missing.
      {R"({"identifier":"a","endpoint":{"roomId":"R"}})", "/type"},
      {R"({"identifier":"a","type":"room"})", "/endpoint"},
  };
  for (const row& r : rows) {
    CAPTURE(r.text);
    novu::result<delivery> d = decode<delivery>(r.text, nd::delivery_type);
    REQUIRE_FALSE(d.has_value());
    CHECK(d.error().kind == novu::error_kind::decode);
    CHECK(d.error().location == r.location);
    CHECK(d.error().message.rfind(r.location + ": ", 0) == 0);
  }
  // The same tag twice with the same value is fine (the last one wins, and it agrees).
  CHECK(
      decode<delivery>(R"({"identifier":"a","type":"room","endpoint":{"roomId":"R"},"type":"room"})", nd::delivery_type)
          .has_value());
}

TEST_CASE("tagged union: a payload kept as text for a late tag stays within the decode limits") {
  std::string deep = "1";
  for (int i = 0; i < 200; ++i) deep = "[" + deep + "]";
  novu::decode_limits limits;
  limits.max_depth = 64;
  for (const std::string& text : {R"({"identifier":"a","endpoint":)" + deep + R"(,"type":"room"})",
                                  R"({"identifier":"a","type":"zzz","endpoint":)" + deep + "}"}) {
    novu::result<delivery> d = decode<delivery>(text, nd::delivery_type, limits);
    REQUIRE_FALSE(d.has_value());
    CHECK(d.error().kind == novu::error_kind::limit_exceeded);
  }
  std::string wide = "[";
  for (int i = 0; i < 2000; ++i) wide += (i ? ",0" : "0");
  wide += "]";
  limits = novu::decode_limits{};
  limits.max_elements = 1000;
  novu::result<delivery> d = decode<delivery>(
      R"({"identifier":"a","endpoint":{"url":"u","tags":)" + wide + R"(},"type":"hook"})", nd::delivery_type, limits);
  REQUIRE_FALSE(d.has_value());
  CHECK(d.error().kind == novu::error_kind::limit_exceeded);
}

TEST_CASE("tagged union: the encoder refuses a payload its tag does not name") {
  delivery d;
  d.identifier = "a";
  d.type = "person";
  d.endpoint = room{"R", std::nullopt};
  novu::result<std::string> r = nd::encode_with_table(nd::delivery_type, &d);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().kind == novu::error_kind::invalid_argument);
  CHECK(r.error().location == "/endpoint");
  // Raw JSON for a tag this version knows: refused (build the typed alternative).
  d.type = "room";
  d.endpoint = novu::raw_alternative{novu::any_json::from_text(novu::json_type::object, "{\"roomId\":\"R\"}")};
  CHECK_FALSE(nd::encode_with_table(nd::delivery_type, &d).has_value());
  // Raw JSON for an unknown tag: written as given (vetted).
  d.type = "carrier-pigeon";
  CHECK(encode(nd::delivery_type, &d) == R"({"identifier":"a","type":"carrier-pigeon","endpoint":{"roomId":"R"}})");
  d.endpoint = novu::raw_alternative{novu::any_json::from_text(novu::json_type::object, "{\"roomId\":")};
  CHECK_FALSE(nd::encode_with_table(nd::delivery_type, &d).has_value());
  // An update body carries the payload alone.
  payload_only update;
  update.endpoint = hook{"https://h", std::string("POST"), {}};
  CHECK(encode(nd::payload_type, &update) == R"({"endpoint":{"url":"https://h","method":"POST","tags":[]}})");
  // An open-enum tag that is not set names no payload type.
  typed_delivery t;
  t.endpoint = person{};
  CHECK_FALSE(nd::encode_with_table(nd::typed_type, &t).has_value());
}

TEST_CASE("tagged union property: random deliveries round-trip and decode alike whatever the member order") {
  std::mt19937 rng(20261204);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  auto text = [&] {
    static const char* const pieces[] = {"a", "Z", "\xc3\xa9", "\"", "\\", "\n", "\x01", "/", " ", "\xf0\x9f\x98\x80"};
    std::string s;
    for (std::size_t i = 0, n = pick(6); i < n; ++i) s += pieces[pick(10)];
    return s;
  };
  auto maybe = [&]() -> std::optional<std::string> {
    if (pick(2) != 0) return std::nullopt;
    return text();
  };
  for (int iteration = 0; iteration < 2000; ++iteration) {
    delivery d;
    d.identifier = text();
    d.note = maybe();
    switch (pick(4)) {
      case 0:
        d.type = "room";
        d.endpoint = room{text(), maybe()};
        break;
      case 1:
        d.type = "person";
        d.endpoint = person{maybe(), maybe()};
        break;
      case 2: {
        hook h{text(), maybe(), {}};
        for (std::size_t i = 0, n = pick(3); i < n; ++i) h.tags.push_back(text());
        d.type = "hook";
        d.endpoint = h;
        break;
      }
      default:
        d.type = "unknown-" + std::to_string(pick(5));
        d.endpoint = novu::raw_alternative{novu::any_json::from_text(
            novu::json_type::object, nlohmann::ordered_json{{"k", text()}, {"n", pick(100)}}.dump())};
    }
    const std::string canonical = encode(nd::delivery_type, &d);
    // The oracle: nlohmann reads the canonical text; every permutation of its members decodes alike.
    nlohmann::ordered_json dom = nlohmann::ordered_json::parse(canonical);
    std::vector<std::pair<std::string, nlohmann::ordered_json>> members;
    for (auto& item : dom.items()) members.emplace_back(item.key(), item.value());
    std::shuffle(members.begin(), members.end(), rng);
    nlohmann::ordered_json shuffled = nlohmann::ordered_json::object();
    for (auto& [k, v] : members) shuffled[k] = v;
    for (const std::string& body : {canonical, shuffled.dump(), "{\"data\":" + shuffled.dump(2) + "}"}) {
      novu::result<delivery> back = decode<delivery>(body, nd::delivery_type);
      REQUIRE_MESSAGE(back.has_value(), body);
      CHECK(back->identifier == d.identifier);
      CHECK(back->type == d.type);
      CHECK(back->note == d.note);
      CHECK(same(back->endpoint, d.endpoint));
      CHECK(encode(nd::delivery_type, &*back) == canonical);
    }
  }
}

TEST_CASE("table encoder: strings are written exactly as nlohmann's dump() writes them") {
  std::mt19937 rng(7);
  for (int i = 0; i < 5000; ++i) {
    std::string s;
    for (std::size_t n = rng() % 12; n > 0; --n) {
      const unsigned r = rng() % 6;
      if (r == 0)
        s.push_back(static_cast<char>(rng() % 0x20));
      else if (r == 1)
        s += "\xe2\x82\xac";
      else if (r == 2)
        s.push_back("\"\\/\x7f"[rng() % 4]);
      else
        s.push_back(static_cast<char>(' ' + rng() % 95));
    }
    std::string ours;
    nd::append_json_string(ours, s);
    CHECK(ours == nlohmann::json(s).dump());
  }
}

TEST_CASE("secret fields: the table's secret flags give a call's secrets, nested and in variants") {
  novu::auth a;
  a.access_token = "xoxb-access-token-123";
  a.refresh_token = "xoxe-refresh-token-456";
  a.expires_at = "2027-01-01T00:00:00Z";
  nd::secret_scrubber secrets;
  nd::add_secret_fields(secrets, nd::auth_type, &a);
  std::string text = "echo xoxb-access-token-123 and xoxe-refresh-token-456 until 2027-01-01T00:00:00Z";
  secrets.scrub(text);
  CHECK(text.find("xoxb-access-token-123") == std::string::npos);
  CHECK(text.find("xoxe-refresh-token-456") == std::string::npos);
  CHECK(text.find("2027-01-01T00:00:00Z") != std::string::npos);  // not a secret
  delivery d;
  d.type = "hook";
  d.endpoint = hook{"https://hooks.example/T0/B0/secretpath", std::nullopt, {}};
  nd::secret_scrubber endpoint_secrets;
  nd::add_secret_fields(endpoint_secrets, nd::delivery_type, &d);
  std::string echo = "bad url https://hooks.example/T0/B0/secretpath";
  endpoint_secrets.scrub(echo);
  CHECK(echo.find("secretpath") == std::string::npos);
  // Every secret field of the connection tables is also a name the printer masks in bodies it
  // cannot decode, so the two never disagree about a token.
  for (const nd::type_desc* type : {&nd::auth_type, &nd::auth_response_type}) {
    for (std::size_t i = 0; i < type->field_count; ++i) {
      const nd::field_desc& f = type->fields[i];
      CAPTURE(f.name);
      CHECK(((f.flags & nd::field_secret) != 0) == nd::is_secret_name(nd::normalized_key(f.name)));
    }
  }
}

TEST_CASE("responses that hide tokens: auth without accessToken, or with extra members, decodes") {
  const std::string base =
      R"({"identifier":"c1","channel":"chat","providerId":"slack","integrationIdentifier":"i","subscriberId":"s",)"
      R"("contextKeys":[],"workspace":{"id":"T1"},"createdAt":"x","updatedAt":"y","auth":)";
  novu::result<novu::channel_connection> hidden =
      novu::decode_channel_connection(base + R"({"hasAccessToken":true,"connected":true}})");
  REQUIRE_MESSAGE(hidden.has_value(), hidden.error().message);
  CHECK(hidden->auth.access_token.empty());
  novu::result<novu::channel_connection> empty = novu::decode_channel_connection(base + R"({"accessToken":""}})");
  REQUIRE(empty.has_value());
  CHECK(empty->auth.access_token.empty());
  novu::result<novu::channel_connection> null_token =
      novu::decode_channel_connection(base + R"({"accessToken":null}})");
  REQUIRE_FALSE(null_token.has_value());
  CHECK(null_token.error().location == "/auth/accessToken");
  // A request body still needs the token.
  novu::result<novu::update_channel_connection_request> update =
      novu::connections::decode_update_request(R"({"workspace":{"id":"T1"},"auth":{}})");
  REQUIRE_FALSE(update.has_value());
  CHECK(update.error().location == "/auth/accessToken");
}
