// An independent oracle for the channel endpoint decoders, written against nlohmann's DOM and
// sharing nothing with the library's tables: what each of the 14 types' payload holds, which
// members are secrets, whether a body repeats a member name, and the typed alternatives read
// back member by member. Used by fuzz_parse_endpoint.cpp and fuzz_endpoint_requests.cpp.
#pragma once

#include <cstddef>      // size_t
#include <optional>     // optional
#include <set>          // set
#include <string>       // string
#include <string_view>  // string_view
#include <variant>      // visit
#include <vector>       // vector

#include <nlohmann/json.hpp>

#include "novu/novu.hpp"

namespace fuzz {
namespace oracle {

using ojson = nlohmann::ordered_json;

// How the oracle reads one payload member.
enum class member_kind { text, headers };

// One member of a type's payload.
struct member {
  const char* name;
  member_kind kind;
  bool required;
  bool secret;
};

// One type: its wire name and its members, in the DTO's order.
struct type_spec {
  const char* name;
  std::vector<member> members;
};

// The 14 types, in endpoint_data's order (alternative index - 1).
inline const std::vector<type_spec>& specs() {
  static const std::vector<type_spec> all = {
      {"slack_channel", {{"channelId", member_kind::text, true, false}}},
      {"slack_user", {{"userId", member_kind::text, true, false}}},
      {"webhook", {{"url", member_kind::text, true, false}, {"channel", member_kind::text, false, false}}},
      {"phone", {{"phoneNumber", member_kind::text, true, false}}},
      {"ms_teams_channel", {{"teamId", member_kind::text, true, false}, {"channelId", member_kind::text, true, false}}},
      {"ms_teams_user", {{"userId", member_kind::text, true, false}}},
      {"telegram_chat", {{"chatId", member_kind::text, true, false}}},
      {"webex_room", {{"roomId", member_kind::text, true, false}, {"parentId", member_kind::text, false, false}}},
      {"webex_person",
       {{"personId", member_kind::text, false, false}, {"personEmail", member_kind::text, false, false}}},
      {"line_user", {{"userId", member_kind::text, true, false}}},
      {"pagerduty_service",
       {{"routingKey", member_kind::text, true, true}, {"region", member_kind::text, true, false}}},
      {"opsgenie_integration", {{"apiKey", member_kind::text, true, true}, {"region", member_kind::text, true, false}}},
      {"grafana_oncall_integration",
       {{"url", member_kind::text, true, false}, {"authToken", member_kind::text, false, true}}},
      {"tool_webhook",
       {{"url", member_kind::text, true, true},
        {"headers", member_kind::headers, false, true},
        {"method", member_kind::text, false, false}}},
  };
  return all;
}

// The spec of `type`, or nullptr for a type the library does not know.
inline const type_spec* spec_of(std::string_view type) {
  for (const type_spec& s : specs()) {
    if (type == s.name) return &s;
  }
  return nullptr;
}

// What a payload of `spec`'s type should decode to, as an object of its members in the spec's
// order (absent and null optionals left out); nullopt when the payload is not of that shape.
inline std::optional<ojson> expected(const type_spec& spec, const ojson& payload) {
  if (!payload.is_object()) return std::nullopt;
  ojson out = ojson::object();
  for (const member& m : spec.members) {
    const auto it = payload.find(m.name);
    if (it == payload.end() || it->is_null()) {
      if (m.required) return std::nullopt;
      continue;
    }
    if (m.kind == member_kind::text) {
      if (!it->is_string()) return std::nullopt;
    } else {
      if (!it->is_object()) return std::nullopt;
      for (const auto& h : it->items()) {
        if (!h.value().is_string()) return std::nullopt;
      }
    }
    out[m.name] = *it;
  }
  return out;
}

// A typed alternative read back member by member (the same shape as expected()).
inline ojson actual(const novu::endpoint_data& data) {
  ojson out = ojson::object();
  auto put = [&](const char* name, const std::string& v) { out[name] = v; };
  auto put_opt = [&](const char* name, const std::optional<std::string>& v) {
    if (v) out[name] = *v;
  };
  switch (data.index()) {
    case 1: put("channelId", std::get<1>(data).channel_id); break;
    case 2: put("userId", std::get<2>(data).user_id); break;
    case 3:
      put("url", std::get<3>(data).url);
      put_opt("channel", std::get<3>(data).channel);
      break;
    case 4: put("phoneNumber", std::get<4>(data).phone_number); break;
    case 5:
      put("teamId", std::get<5>(data).team_id);
      put("channelId", std::get<5>(data).channel_id);
      break;
    case 6: put("userId", std::get<6>(data).user_id); break;
    case 7: put("chatId", std::get<7>(data).chat_id); break;
    case 8:
      put("roomId", std::get<8>(data).room_id);
      put_opt("parentId", std::get<8>(data).parent_id);
      break;
    case 9:
      put_opt("personId", std::get<9>(data).person_id);
      put_opt("personEmail", std::get<9>(data).person_email);
      break;
    case 10: put("userId", std::get<10>(data).user_id); break;
    case 11:
      put("routingKey", std::get<11>(data).routing_key);
      put("region", std::string(std::get<11>(data).region.value()));
      break;
    case 12:
      put("apiKey", std::get<12>(data).api_key);
      put("region", std::string(std::get<12>(data).region.value()));
      break;
    case 13:
      put("url", std::get<13>(data).url);
      put_opt("authToken", std::get<13>(data).auth_token);
      break;
    case 14: {
      const novu::tool_webhook_endpoint& t = std::get<14>(data);
      put("url", t.url);
      if (t.headers) {
        ojson h = ojson::object();
        for (const novu::webhook_header& one : *t.headers) h[one.name] = one.value;
        out["headers"] = h;
      }
      if (t.method) out["method"] = std::string(t.method->value());
      break;
    }
    default: break;
  }
  return out;
}

// Whether `text` parses (nlohmann) with no object repeating a member name and holds no NUL byte:
// only then is the DOM (which keeps one of the repeats) a faithful view of what the library read.
inline bool unique_members(const std::string& text) {
  // nlohmann's lexer ends the input at a NUL byte; the library refuses it anywhere.
  if (text.find('\0') != std::string::npos) return false;
  struct handler : nlohmann::json_sax<ojson> {
    std::vector<std::set<std::string>> stack;
    bool dup = false;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override {
      stack.emplace_back();
      return true;
    }
    bool key(string_t& k) override {
      if (!stack.back().insert(k).second) dup = true;
      return true;
    }
    bool end_object() override {
      stack.pop_back();
      return true;
    }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
  } h;
  const bool ok = ojson::sax_parse(text, &h, nlohmann::detail::input_format_t::json, true, false);
  return ok && !h.dup;
}

// The secret values a DOM holds in endpoint payloads: every `endpoint` member's routingKey,
// apiKey, authToken, url of a tool webhook and header values, at any depth, at least
// `min_length` bytes long.
inline void collect_secrets(const ojson& doc, std::vector<std::string>& out, std::size_t min_length = 4) {
  if (doc.is_array()) {
    for (const ojson& e : doc) collect_secrets(e, out, min_length);
    return;
  }
  if (!doc.is_object()) return;
  const auto endpoint = doc.find("endpoint");
  if (endpoint != doc.end() && endpoint->is_object()) {
    for (const char* name : {"routingKey", "apiKey", "authToken", "url"}) {
      const auto it = endpoint->find(name);
      if (it != endpoint->end() && it->is_string() && it->get<std::string>().size() >= min_length) {
        out.push_back(it->get<std::string>());
      }
    }
    const auto headers = endpoint->find("headers");
    if (headers != endpoint->end() && headers->is_object()) {
      for (const auto& h : headers->items()) {
        if (h.value().is_string() && h.value().get<std::string>().size() >= min_length) {
          out.push_back(h.value().get<std::string>());
        }
      }
    }
  }
  for (const auto& m : doc.items()) collect_secrets(m.value(), out, min_length);
}

// `doc` without the members collect_secrets() reads, so that a secret also found in what is
// left is not one (the server put it in a plain field too).
inline ojson without_secrets(ojson doc) {
  if (doc.is_array()) {
    for (ojson& e : doc) e = without_secrets(e);
    return doc;
  }
  if (!doc.is_object()) return doc;
  const auto endpoint = doc.find("endpoint");
  if (endpoint != doc.end() && endpoint->is_object()) {
    for (const char* name : {"routingKey", "apiKey", "authToken", "url", "headers"}) endpoint->erase(name);
  }
  for (auto& m : doc.items()) m.value() = without_secrets(m.value());
  return doc;
}

}  // namespace oracle
}  // namespace fuzz
