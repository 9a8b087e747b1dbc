// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/endpoints/dto.hpp"

int main() {
  novu::create_channel_endpoint_request body;
  body.type = novu::endpoint_type::slack_channel;
  body.endpoint = novu::slack_channel_endpoint{"C1"};
  return body.type.is_known() && body.endpoint.index() == 1 ? 0 : 1;
}
