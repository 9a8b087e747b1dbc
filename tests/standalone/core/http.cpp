// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/core/http.hpp"

int main() {
  novu::http_request request;
  request.url = "https://api.novu.co/v1/channel-connections";
  request.path = "/v1/channel-connections";
  request.headers.push_back({"Accept", "application/json"});
  return request.origin() == "https://api.novu.co" && novu::find_header(request.headers, "accept") != nullptr ? 0 : 1;
}
