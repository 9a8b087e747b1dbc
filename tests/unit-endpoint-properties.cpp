// Properties of the channel endpoint JSON mapping over random values (a fixed seed, so every run
// checks the same values): random endpoints of every type (strings with escapes, control
// characters and non-ASCII text, optional members present or not, header maps of random size,
// raw payloads of unknown types), encoded, their members shuffled and written back by nlohmann
// (another spelling of the same JSON), decode to the same values; a shuffled page decodes to the
// shuffled values; and encode(decode(text)) is the canonical text.
#include <doctest/doctest.h>

#include <algorithm>  // shuffle
#include <cstddef>    // size_t
#include <cstdint>    // uint32_t
#include <optional>   // optional
#include <random>     // mt19937
#include <string>     // string
#include <utility>    // move
#include <vector>     // vector

#include <nlohmann/json.hpp>

#include "novu/novu.hpp"

namespace {

using ojson = nlohmann::ordered_json;

struct generator {
  std::mt19937 rng{20260104u};

  std::size_t below(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); }
  bool coin() { return below(2) == 0; }

  // A valid UTF-8 string of 1..12 characters: letters, JSON's escapes, control characters,
  // two- to four-byte sequences, U+2028.
  std::string text() {
    static const char* const pieces[] = {"a",
                                         "Z",
                                         "7",
                                         "-",
                                         ":",
                                         "/",
                                         "\"",
                                         "\\",
                                         "\n",
                                         "\t",
                                         "\x01",
                                         "\x1f",
                                         "\x7f",
                                         "\xc3\xa9",
                                         "\xe2\x80\xa8",
                                         "\xe6\x97\xa5",
                                         "\xf0\x9f\x98\x80",
                                         " ",
                                         "+",
                                         "@"};
    std::string out;
    const std::size_t n = 1 + below(12);
    for (std::size_t i = 0; i < n; ++i) out += pieces[below(sizeof(pieces) / sizeof(pieces[0]))];
    return out;
  }
  std::optional<std::string> maybe_text() { return coin() ? std::optional<std::string>(text()) : std::nullopt; }

  // A JSON value for a raw payload (integers only: a float may be spelled another way).
  ojson raw_value(int depth) {
    switch (depth <= 0 ? below(4) : below(6)) {
      case 0: return nullptr;
      case 1: return coin();
      case 2: return static_cast<std::int64_t>(below(2000000)) - 1000000;
      case 3: return text();
      case 4: {
        ojson a = ojson::array();
        for (std::size_t i = below(4); i > 0; --i) a.push_back(raw_value(depth - 1));
        return a;
      }
      default: {
        ojson o = ojson::object();
        for (std::size_t i = below(4); i > 0; --i) o[text()] = raw_value(depth - 1);
        return o;
      }
    }
  }

  // A payload of alternative `index` (0: raw, an object).
  novu::endpoint_data payload(std::size_t index) {
    switch (index) {
      case 1: return novu::slack_channel_endpoint{text()};
      case 2: return novu::slack_user_endpoint{text()};
      case 3: return novu::webhook_endpoint{text(), maybe_text()};
      case 4: return novu::phone_endpoint{text()};
      case 5: return novu::ms_teams_channel_endpoint{text(), text()};
      case 6: return novu::ms_teams_user_endpoint{text()};
      case 7: return novu::telegram_chat_endpoint{text()};
      case 8: return novu::webex_room_endpoint{text(), maybe_text()};
      case 9: return novu::webex_person_endpoint{maybe_text(), maybe_text()};
      case 10: return novu::line_user_endpoint{text()};
      case 11: return novu::pagerduty_service_endpoint{text(), region()};
      case 12: return novu::opsgenie_integration_endpoint{text(), region()};
      case 13: return novu::grafana_oncall_endpoint{text(), maybe_text()};
      case 14: {
        novu::tool_webhook_endpoint t;
        t.url = text();
        if (coin()) {
          t.headers.emplace();
          std::vector<std::string> names;
          for (std::size_t i = below(6); i > 0; --i) {
            std::string name = text();
            if (std::find(names.begin(), names.end(), name) != names.end()) continue;  // member names are unique
            names.push_back(name);
            t.headers->push_back({name, text()});
          }
        }
        if (coin()) {
          static const std::string_view methods[] = {novu::webhook_method::post, novu::webhook_method::put,
                                                     novu::webhook_method::patch, "DELETE"};
          t.method = novu::webhook_method(std::string(methods[below(4)]));
        }
        return t;
      }
      default: {
        ojson o = ojson::object();
        for (std::size_t i = below(5); i > 0; --i) o[text()] = raw_value(3);
        return novu::raw_alternative{novu::any_json::from_text(novu::json_type::object, o.dump())};
      }
    }
  }
  novu::endpoint_region region() {
    return coin() ? novu::endpoint_region(novu::endpoint_region::eu) : novu::endpoint_region("ap-" + text());
  }
  // The type of alternative `index`; an unknown one for 0.
  novu::endpoint_type type_of(std::size_t index) {
    if (index == 0) return novu::endpoint_type("custom_" + std::to_string(below(1000)));
    return novu::endpoint_type(std::string(novu::endpoint_type::known_values[index - 1]));
  }

  novu::channel_endpoint endpoint() {
    novu::channel_endpoint e;
    const std::size_t index = below(15);
    e.identifier = text();
    if (coin()) e.channel = novu::channel_type(novu::channel_type::chat);
    if (coin()) e.provider_id = novu::provider_id(std::string("slack"));
    e.integration_identifier = maybe_text();
    e.connection_identifier = maybe_text();
    e.subscriber_id = maybe_text();
    for (std::size_t i = below(3); i > 0; --i) e.context_keys.push_back(text() + ":" + text());
    e.type = type_of(index);
    e.endpoint = payload(index);
    e.created_at = text();
    e.updated_at = text();
    return e;
  }

  // `object`'s members in a random order (nested objects as they are: a payload's order is its
  // own, and a raw payload keeps its text).
  ojson shuffled(const ojson& object) {
    std::vector<std::pair<std::string, ojson>> members;
    for (const auto& m : object.items()) members.emplace_back(m.key(), m.value());
    std::shuffle(members.begin(), members.end(), rng);
    ojson out = ojson::object();
    for (auto& m : members) out[m.first] = std::move(m.second);
    return out;
  }
  // An endpoint object shuffled, its typed payload too (a tool webhook's headers keep their order).
  ojson shuffled_endpoint(const ojson& object, bool typed) {
    ojson out = shuffled(object);
    if (typed) out["endpoint"] = shuffled(object["endpoint"]);
    return out;
  }
};

// The encoding of `value`, or a text no encoding has.
template <class T>
std::string text_of(const T& value) {
  novu::result<std::string> text = novu::encode_json(value);
  return text ? *text : "<" + text.error().message + ">";
}

std::string encoded(const novu::channel_endpoint& e) {
  novu::result<std::string> text = novu::encode_json(e);
  REQUIRE_MESSAGE(text.has_value(), text.error().message);
  return *text;
}

}  // namespace

TEST_CASE("endpoint properties: random endpoints of every type survive shuffling and respelling") {
  generator g;
  std::size_t per_index[15] = {};
  for (int round = 0; round < 600; ++round) {
    const novu::channel_endpoint e = g.endpoint();
    ++per_index[e.endpoint.index()];
    const std::string canonical = encoded(e);
    CAPTURE(canonical);
    const ojson doc = ojson::parse(canonical);
    const std::string respelled = g.shuffled_endpoint(doc, e.endpoint.index() != 0).dump();
    CAPTURE(respelled);
    novu::result<novu::channel_endpoint> back = novu::decode_channel_endpoint(respelled);
    REQUIRE_MESSAGE(back.has_value(), back.error().message);
    CHECK(back->endpoint.index() == e.endpoint.index());
    CHECK(back->type.value() == e.type.value());
    CHECK(encoded(*back) == canonical);
    // Enveloped, too, and the payload alone given its type.
    novu::result<novu::channel_endpoint> enveloped = novu::decode_channel_endpoint("{\"data\":" + respelled + "}");
    REQUIRE(enveloped.has_value());
    CHECK(encoded(*enveloped) == canonical);
    novu::result<novu::endpoint_data> data =
        novu::decode_endpoint_data(e.type, ojson::parse(respelled)["endpoint"].dump());
    REQUIRE(data.has_value());
    CHECK(text_of(novu::update_channel_endpoint_request{*data}) ==
          text_of(novu::update_channel_endpoint_request{e.endpoint}));
  }
  for (std::size_t i = 0; i < 15; ++i) CHECK_MESSAGE(per_index[i] > 10, "alternative " << i);
}

TEST_CASE("endpoint properties: a shuffled page decodes to the shuffled endpoints") {
  generator g;
  for (int round = 0; round < 120; ++round) {
    novu::channel_endpoint_page page;
    for (std::size_t i = g.below(7); i > 0; --i) page.data.push_back(g.endpoint());
    page.next = g.maybe_text();
    page.previous = g.maybe_text();
    page.total_count = static_cast<std::int64_t>(g.below(50001));
    page.total_count_capped = g.coin();
    std::shuffle(page.data.begin(), page.data.end(), g.rng);
    novu::result<std::string> canonical = novu::encode_json(page);
    REQUIRE(canonical.has_value());
    ojson doc = ojson::parse(*canonical);
    for (std::size_t i = 0; i < page.data.size(); ++i) {
      doc["data"][i] = g.shuffled_endpoint(doc["data"][i], page.data[i].endpoint.index() != 0);
    }
    const std::string respelled = g.shuffled(doc).dump();
    CAPTURE(respelled);
    novu::result<novu::channel_endpoint_page> back = novu::decode_channel_endpoint_page(respelled);
    REQUIRE_MESSAGE(back.has_value(), back.error().message);
    REQUIRE(back->data.size() == page.data.size());
    for (std::size_t i = 0; i < page.data.size(); ++i) CHECK(encoded(back->data[i]) == encoded(page.data[i]));
    CHECK(text_of(*back) == *canonical);
  }
}

TEST_CASE("endpoint properties: random create and update requests decode back from shuffled text") {
  generator g;
  for (int round = 0; round < 300; ++round) {
    const std::size_t index = g.below(15);
    novu::create_channel_endpoint_request body;
    body.identifier = g.maybe_text();
    body.subscriber_id = g.text();
    if (g.coin()) body.create_subscriber_if_missing = g.coin();
    body.integration_identifier = g.text();
    body.connection_identifier = g.maybe_text();
    body.type = g.type_of(index);
    body.endpoint = g.payload(index);
    novu::result<std::string> canonical = novu::encode_json(body);
    REQUIRE_MESSAGE(canonical.has_value(), canonical.error().message);
    const std::string respelled = g.shuffled_endpoint(ojson::parse(*canonical), index != 0).dump();
    CAPTURE(respelled);
    novu::result<novu::create_channel_endpoint_request> back = novu::endpoints::decode_create_request(respelled);
    REQUIRE_MESSAGE(back.has_value(), back.error().message);
    CHECK(back->endpoint.index() == index);
    CHECK(text_of(*back) == *canonical);
    // The update body of the same payload: raw when read back (no type), typed again with it.
    const novu::update_channel_endpoint_request update{body.endpoint};
    novu::result<std::string> update_text = novu::encode_json(update);
    REQUIRE(update_text.has_value());
    novu::result<novu::update_channel_endpoint_request> raw = novu::endpoints::decode_update_request(*update_text);
    REQUIRE(raw.has_value());
    REQUIRE(raw->endpoint.index() == 0);
    CHECK(text_of(*raw) == *update_text);
    novu::result<novu::endpoint_data> typed =
        novu::decode_endpoint_data(body.type, std::get<novu::raw_alternative>(raw->endpoint).json.text);
    REQUIRE(typed.has_value());
    CHECK(typed->index() == index);
    CHECK(text_of(novu::update_channel_endpoint_request{*typed}) == *update_text);
  }
}
