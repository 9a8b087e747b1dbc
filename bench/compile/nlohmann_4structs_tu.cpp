// Compile-time probe: the usual way to map a REST API on nlohmann/json. Four structs mapped
// with nlohmann's macros, one body parsed into them and one written from them.
// SPDX-License-Identifier: MIT
#include <string>  // string
#include <vector>  // vector

#include <nlohmann/json.hpp>

namespace probe {

struct workspace_dto {
  std::string id;
  std::string name;
  std::string botUserId;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(workspace_dto, id, name, botUserId)

struct auth_dto {
  std::string accessToken;
  std::string refreshToken;
  std::string expiresAt;
  std::string refreshTokenExpiresAt;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(auth_dto, accessToken, refreshToken, expiresAt, refreshTokenExpiresAt)

struct update_request_dto {
  workspace_dto workspace;
  auth_dto auth;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(update_request_dto, workspace, auth)

struct connection_dto {
  std::string identifier;
  std::string channel;
  std::string providerId;
  std::string integrationIdentifier;
  std::string subscriberId;
  std::vector<std::string> contextKeys;
  workspace_dto workspace;
  auth_dto auth;
  std::string createdAt;
  std::string updatedAt;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(connection_dto, identifier, channel, providerId, integrationIdentifier, subscriberId,
                                   contextKeys, workspace, auth, createdAt, updatedAt)

}  // namespace probe

std::string round_trip(const std::string& body) {
  const probe::connection_dto c = nlohmann::json::parse(body).at("data").get<probe::connection_dto>();
  probe::update_request_dto u{c.workspace, c.auth};
  return nlohmann::json(u).dump();
}
