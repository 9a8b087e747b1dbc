// split_url: a built request's URL in the pieces a transport sends (scheme, host, port, target,
// Host value), errors for malformed URLs, and a property test over random URLs built from parts.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace {

// The parts of `url`, which must split.
novu::url_parts parts_of(const std::string& url) {
  const novu::result<novu::url_parts> r = novu::split_url(url);
  REQUIRE_MESSAGE(r.has_value(), url << ": " << (r ? std::string() : r.error().message));
  return *r;
}

// The error message of `url`, which must not split.
std::string error_of(const std::string& url) {
  const novu::result<novu::url_parts> r = novu::split_url(url);
  REQUIRE_MESSAGE(!r.has_value(), url << " split");
  CHECK(r.error().kind == novu::error_kind::invalid_argument);
  CHECK(r.error().location == "url");
  return r.error().message;
}

}  // namespace

TEST_CASE("split_url: a built request's URL") {
  novu::client_config config;
  config.secret_key = "sk_test";
  const auto request = novu::connections::build_retrieve_request(config, "<value>");
  REQUIRE(request);
  const novu::result<novu::url_parts> p = novu::split_url(*request);
  REQUIRE(p);
  CHECK(p->scheme == "https");
  CHECK(p->tls());
  CHECK(p->host == "api.novu.co");
  CHECK(p->port == 443);
  CHECK_FALSE(p->explicit_port);
  CHECK_FALSE(p->ip_literal);
  CHECK(p->target == request->path);
  CHECK(p->target == "/v1/channel-connections/%3Cvalue%3E");
  CHECK(p->host_header == "api.novu.co");

  config.server_url = "http://127.0.0.1:4010/prefix/";
  novu::list_channel_connections_params params;
  params.limit = 5;
  const auto list = novu::connections::build_list_request(config, params);
  REQUIRE(list);
  const novu::url_parts l = parts_of(list->url);
  CHECK(l.scheme == "http");
  CHECK_FALSE(l.tls());
  CHECK(l.host == "127.0.0.1");
  CHECK(l.ip_literal);
  CHECK(l.port == 4010);
  CHECK(l.explicit_port);
  CHECK(l.target == list->path);
  CHECK(l.target == "/prefix/v1/channel-connections?limit=5");
  CHECK(l.host_header == "127.0.0.1:4010");
}

TEST_CASE("split_url: ports, defaults and the Host value") {
  CHECK(parts_of("http://example.com").port == 80);
  CHECK(parts_of("https://example.com").port == 443);
  CHECK(parts_of("http://example.com").target == "/");
  CHECK(parts_of("http://example.com?a=b").target == "/?a=b");
  CHECK(parts_of("http://example.com/").target == "/");
  CHECK(parts_of("HTTPS://Example.COM/x").scheme == "https");
  CHECK(parts_of("HTTPS://Example.COM/x").host == "Example.COM");
  // The default port, even when written, is left out of Host.
  const novu::url_parts written = parts_of("https://example.com:443/x");
  CHECK(written.explicit_port);
  CHECK(written.port == 443);
  CHECK(written.host_header == "example.com");
  CHECK(parts_of("http://example.com:80/").host_header == "example.com");
  CHECK(parts_of("http://example.com:443/").host_header == "example.com:443");
  CHECK(parts_of("https://example.com:80/").host_header == "example.com:80");
  CHECK(parts_of("http://h:1/").port == 1);
  CHECK(parts_of("http://h:65535/").port == 65535);
  CHECK(parts_of("http://h:00080/").port == 80);
}

TEST_CASE("split_url: IP literals") {
  const novu::url_parts v6 = parts_of("http://[::1]:8080/v1");
  CHECK(v6.host == "::1");
  CHECK(v6.ip_literal);
  CHECK(v6.port == 8080);
  CHECK(v6.host_header == "[::1]:8080");
  CHECK(parts_of("https://[2001:db8::1]/").host_header == "[2001:db8::1]");
  CHECK(parts_of("https://[::ffff:192.0.2.1]/").host == "::ffff:192.0.2.1");
  CHECK(parts_of("https://[1:2:3:4:5:6:7:8]/").ip_literal);
  CHECK(parts_of("https://[1:2:3:4:5:6:1.2.3.4]/").ip_literal);
  CHECK(parts_of("https://[::]/").host == "::");
  CHECK(parts_of("https://10.0.0.1/").ip_literal);
  CHECK_FALSE(parts_of("https://10.0.0.1.example/").ip_literal);
  CHECK_FALSE(parts_of("https://256.0.0.1/").ip_literal);
  CHECK_FALSE(parts_of("https://1.2.3/").ip_literal);
}

TEST_CASE("split_url: malformed URLs are errors naming the problem") {
  CHECK(error_of("").find("://") != std::string::npos);
  CHECK(error_of("api.novu.co/v1").find("://") != std::string::npos);
  CHECK(error_of("ftp://h/").find("scheme") != std::string::npos);
  CHECK(error_of("://h/").find("scheme") != std::string::npos);
  CHECK(error_of("httpx://h/").find("scheme") != std::string::npos);
  CHECK(error_of("http:///v1").find("empty host") != std::string::npos);
  CHECK(error_of("http://").find("empty host") != std::string::npos);
  CHECK(error_of("http://:80/").find("empty host") != std::string::npos);
  CHECK(error_of("http://user:pw@h/").find("userinfo") != std::string::npos);
  CHECK(error_of("http://h:/").find("port") != std::string::npos);
  CHECK(error_of("http://h:0/").find("port") != std::string::npos);
  CHECK(error_of("http://h:65536/").find("port") != std::string::npos);
  CHECK(error_of("http://h:123456/").find("port") != std::string::npos);
  CHECK(error_of("http://h:8a/").find("port") != std::string::npos);
  CHECK(error_of("http://h:-1/").find("port") != std::string::npos);
  CHECK(error_of("http://h:80:81/").find("port") != std::string::npos);
  CHECK(error_of("http://h/a#frag").find("fragment") != std::string::npos);
  CHECK(error_of("http://h/a b").find("space") != std::string::npos);
  CHECK(error_of("http://h/a\r\nX: y").find("control") != std::string::npos);
  CHECK(error_of(std::string("http://h/\0", 10)).find("control") != std::string::npos);
  CHECK(error_of("http://h\xC3\xA9/").find("non-ASCII") != std::string::npos);
  CHECK(error_of("http://h\\x/").find("host name") != std::string::npos);
  CHECK(error_of("http://[::1/").find("]") != std::string::npos);
  CHECK(error_of("http://[h]/").find("IPv6") != std::string::npos);
  CHECK(error_of("http://[]/").find("IPv6") != std::string::npos);
  CHECK(error_of("http://[1:2:3:4:5:6:7:8:9]/").find("IPv6") != std::string::npos);
  CHECK(error_of("http://[1::2::3]/").find("IPv6") != std::string::npos);
  CHECK(error_of("http://[12345::]/").find("IPv6") != std::string::npos);
  CHECK(error_of("http://[:1]/").find("IPv6") != std::string::npos);
  CHECK(error_of("http://[1:]/").find("IPv6") != std::string::npos);
  CHECK(error_of("http://[1:2:3:4:5:6:7]/").find("IPv6") != std::string::npos);
  CHECK(error_of("http://[::1]x/").find(":port") != std::string::npos);
  CHECK(error_of("http://[::1]:/").find("port") != std::string::npos);
}

TEST_CASE("split_url: never crashes on prefixes and byte flips of valid URLs") {
  const std::vector<std::string> seeds = {"https://api.novu.co/v1/channel-connections?limit=5",
                                          "http://[2001:db8::1]:8080/a?b=c", "http://127.0.0.1:1/"};
  for (const std::string& seed : seeds) {
    for (std::size_t n = 0; n <= seed.size(); ++n) (void)novu::split_url(std::string_view(seed).substr(0, n));
    for (std::size_t i = 0; i < seed.size(); ++i) {
      for (int b = 0; b < 256; b += 7) {
        std::string flipped = seed;
        flipped[i] = static_cast<char>(b);
        const auto r = novu::split_url(flipped);
        if (r) CHECK(r->port != 0);
      }
    }
  }
}

TEST_CASE("split_url property: random URLs built from parts split back into those parts") {
  std::mt19937 random(20261204);
  const auto pick = [&random](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  const std::string name_chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_~";
  const std::string target_chars = "abcXYZ019-._~%!$&'()*+,;=:@/?";
  const std::string hex = "0123456789abcdefABCDEF";
  for (int round = 0; round < 5000; ++round) {
    CAPTURE(round);
    const bool https = pick(2) == 1;
    const std::string scheme = https ? (pick(4) == 0 ? "HTTPS" : "https") : (pick(4) == 0 ? "Http" : "http");
    std::string host;
    bool v6 = false;
    bool v4 = false;
    switch (pick(3)) {
      case 0: {
        const int length = 1 + pick(20);
        for (int i = 0; i < length; ++i) host += name_chars[static_cast<std::size_t>(pick(26))];
        for (int i = 0; i < pick(3); ++i) {
          host += name_chars[static_cast<std::size_t>(pick(static_cast<int>(name_chars.size())))];
        }
        break;
      }
      case 1:
        v4 = true;
        for (int i = 0; i < 4; ++i) host += (i ? "." : "") + std::to_string(pick(256));
        break;
      default: {
        v6 = true;
        const int groups = 1 + pick(8);
        const int elide_at = groups == 8 ? -1 : pick(groups + 1);
        for (int i = 0; i < groups; ++i) {
          if (i == elide_at)
            host += "::";
          else if (i)
            host += ":";
          for (int d = 0, digits = 1 + pick(4); d < digits; ++d) host += hex[static_cast<std::size_t>(pick(22))];
        }
        if (elide_at == groups) host += "::";
        break;
      }
    }
    const int port_choice = pick(4);  // 0: none, 1: the default written, 2-3: any
    const std::uint16_t default_port = https ? 443 : 80;
    const std::uint16_t port = port_choice == 0   ? default_port
                               : port_choice == 1 ? default_port
                                                  : static_cast<std::uint16_t>(1 + pick(65535));
    std::string target;
    if (pick(5) != 0) {
      target = "/";
      for (int i = 0, n = pick(30); i < n; ++i) {
        target += target_chars[static_cast<std::size_t>(pick(static_cast<int>(target_chars.size())))];
      }
    }
    const std::string written_host = v6 ? "[" + host + "]" : host;
    const std::string url =
        scheme + "://" + written_host + (port_choice == 0 ? "" : ":" + std::to_string(port)) + target;
    CAPTURE(url);
    const novu::url_parts p = parts_of(url);
    CHECK(p.scheme == (https ? "https" : "http"));
    CHECK(p.tls() == https);
    CHECK(p.host == host);
    CHECK(p.port == port);
    CHECK(p.explicit_port == (port_choice != 0));
    CHECK(p.ip_literal == (v4 || v6));
    const std::string expected_target = target.empty() ? "/" : target;
    CHECK(p.target == expected_target);
    CHECK(p.host_header == written_host + (port == default_port ? "" : ":" + std::to_string(port)));
    // And back: the parts make a URL that splits into the same parts.
    const novu::url_parts again = parts_of(p.scheme + "://" + p.host_header + p.target);
    CHECK(again.host == p.host);
    CHECK(again.port == p.port);
    CHECK(again.target == p.target);
    CHECK(again.host_header == p.host_header);
  }
}
