// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/endpoints/endpoints.hpp"

int main() {
  novu::http_response response;
  response.status = 200;
  response.body = R"({"data":{"identifier":"e1","channel":"chat","providerId":"slack","integrationIdentifier":"s",)"
                  R"("connectionIdentifier":null,"subscriberId":"u","contextKeys":[],"endpoint":{"channelId":"C1"},)"
                  R"("type":"slack_channel","createdAt":"x","updatedAt":"y"}})";
  const novu::result<novu::channel_endpoint> e = novu::endpoints::parse_retrieve_response(response);
  return e && std::get_if<novu::slack_channel_endpoint>(&e->endpoint) != nullptr ? 0 : 1;
}
