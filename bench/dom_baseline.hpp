// Baselines built the usual way on nlohmann/json, for comparison with the library: a DOM
// parse followed by copying into the library's DTOs, and a request body built as a DOM and
// dumped. They check types and required fields like the library does, without error paths.
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>  // optional
#include <string>    // string

#include <nlohmann/json.hpp>

#include "novu/novu.hpp"

namespace bench {

using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;

inline bool dom_string(const json& o, const char* key, std::string& out) {
  auto it = o.find(key);
  if (it == o.end() || !it->is_string()) return false;
  out = it->get_ref<const std::string&>();
  return true;
}

// Optional (or nullable, when `nullable`) string member.
inline bool dom_optional(const json& o, const char* key, std::optional<std::string>& out, bool required) {
  auto it = o.find(key);
  if (it == o.end()) return !required;
  if (it->is_null()) return true;
  if (!it->is_string()) return false;
  out = it->get_ref<const std::string&>();
  return true;
}

inline bool dom_connection(const json& o, novu::channel_connection& c) {
  if (!o.is_object()) return false;
  std::optional<std::string> channel;
  std::optional<std::string> provider;
  if (!dom_string(o, "identifier", c.identifier) || !dom_optional(o, "channel", channel, true) ||
      !dom_optional(o, "providerId", provider, true) ||
      !dom_optional(o, "integrationIdentifier", c.integration_identifier, true) ||
      !dom_optional(o, "subscriberId", c.subscriber_id, true) || !dom_string(o, "createdAt", c.created_at) ||
      !dom_string(o, "updatedAt", c.updated_at)) {
    return false;
  }
  if (channel) c.channel.emplace(*channel);
  if (provider) c.provider_id.emplace(*provider);
  auto keys = o.find("contextKeys");
  if (keys == o.end() || !keys->is_array()) return false;
  c.context_keys.reserve(keys->size());
  for (const json& k : *keys) {
    if (!k.is_string()) return false;
    c.context_keys.push_back(k.get_ref<const std::string&>());
  }
  auto ws = o.find("workspace");
  if (ws == o.end() || !ws->is_object() || !dom_string(*ws, "id", c.workspace.id) ||
      !dom_optional(*ws, "name", c.workspace.name, false) ||
      !dom_optional(*ws, "botUserId", c.workspace.bot_user_id, false)) {
    return false;
  }
  auto au = o.find("auth");
  return au != o.end() && au->is_object() && dom_string(*au, "accessToken", c.auth.access_token) &&
         dom_optional(*au, "refreshToken", c.auth.refresh_token, false) &&
         dom_optional(*au, "expiresAt", c.auth.expires_at, false) &&
         dom_optional(*au, "refreshTokenExpiresAt", c.auth.refresh_token_expires_at, false);
}

// `{"data": {...}}` or a bare connection, through a DOM.
inline std::optional<novu::channel_connection> dom_decode_connection(const std::string& body) {
  json doc = json::parse(body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return std::nullopt;
  auto data = doc.find("data");
  novu::channel_connection c;
  if (!dom_connection(data != doc.end() ? *data : doc, c)) return std::nullopt;
  return c;
}

// A list page, through a DOM.
inline std::optional<novu::channel_connection_page> dom_decode_page(const std::string& body) {
  json doc = json::parse(body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return std::nullopt;
  novu::channel_connection_page page;
  auto data = doc.find("data");
  if (data == doc.end() || !data->is_array()) return std::nullopt;
  page.data.resize(data->size());
  for (std::size_t i = 0; i < data->size(); ++i) {
    if (!dom_connection((*data)[i], page.data[i])) return std::nullopt;
  }
  auto total = doc.find("totalCount");
  auto capped = doc.find("totalCountCapped");
  if (total == doc.end() || !total->is_number_integer() || capped == doc.end() || !capped->is_boolean() ||
      !dom_optional(doc, "next", page.next, true) || !dom_optional(doc, "previous", page.previous, true)) {
    return std::nullopt;
  }
  page.total_count = total->get<std::int64_t>();
  page.total_count_capped = capped->get<bool>();
  return page;
}

// The update body as nlohmann users write it: a DOM, then dump(). `Json` is nlohmann::json
// (keys sorted: "auth" before "workspace") or nlohmann::ordered_json (the SDK's order, the
// bytes the library sends).
template <class Json>
std::string dom_update_body(const novu::update_channel_connection_request& body) {
  Json doc;
  Json& ws = doc["workspace"];
  ws["id"] = body.workspace.id;
  if (body.workspace.name) ws["name"] = *body.workspace.name;
  if (body.workspace.bot_user_id) ws["botUserId"] = *body.workspace.bot_user_id;
  Json& au = doc["auth"];
  au["accessToken"] = body.auth.access_token;
  if (body.auth.refresh_token) au["refreshToken"] = *body.auth.refresh_token;
  if (body.auth.expires_at) au["expiresAt"] = *body.auth.expires_at;
  if (body.auth.refresh_token_expires_at) au["refreshTokenExpiresAt"] = *body.auth.refresh_token_expires_at;
  return doc.dump();
}

}  // namespace bench
