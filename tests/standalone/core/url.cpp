// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/core/url.hpp"

int main() {
  novu::http_request request;
  request.url = "http://[::1]:8080/v1/channel-connections?limit=5";
  request.path = "/v1/channel-connections?limit=5";
  const novu::result<novu::url_parts> parts = novu::split_url(request);
  const bool split = parts && parts->scheme == "http" && parts->host == "::1" && parts->port == 8080 &&
                     parts->target == request.path && parts->host_header == "[::1]:8080" && !parts->tls();
  const bool refused = !novu::split_url("ftp://h/") && novu::default_port("https") == 443;
  return split && refused ? 0 : 1;
}
