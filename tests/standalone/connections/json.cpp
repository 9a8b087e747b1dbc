// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/connections/json.hpp"

int main() {
  novu::update_channel_connection_request body;
  body.workspace.id = "T1";
  body.auth.access_token = "xoxb-1";
  const novu::result<std::string> text = novu::encode_json(body);
  if (!text) return 1;
  const novu::result<novu::update_channel_connection_request> back = novu::connections::decode_update_request(*text);
  return back && back->workspace.id == "T1" ? 0 : 1;
}
