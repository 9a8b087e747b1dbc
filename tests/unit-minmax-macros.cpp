// A translation unit that defines `min` and `max` as function-like macros, as <windows.h> does
// without NOMINMAX, between the standard headers and ours: every public header must still
// compile (no `std::min(`, no `numeric_limits<T>::max()` unparenthesised) and work.
// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

// Every standard header the library includes, first, as a Windows TU would have them.
#include <algorithm>
#include <atomic>
#include <cassert>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))

#include "novu/connections/async_client.hpp"
#include "novu/novu.hpp"
#include "novu/testing/fake_novu.hpp"
#include "novu/core/printing.hpp"

TEST_CASE("min/max macros: the headers compile after them, and paging through the fake works") {
  novu::fake_novu server;
  novu::client_config config;
  config.secret_key = "sk_test_minmax";
  config.retry = novu::retry_policy::disabled();
  novu::client<novu::fake_novu::sync_transport> client(config, server.transport());
  for (int i = 0; i < 5; ++i) {
    novu::create_channel_connection_request body;
    body.integration_identifier = "slack-prod";
    body.subscriber_id = "sub-" + std::to_string(i);  // one connection per subscriber (409 otherwise)
    body.workspace.id = "T" + std::to_string(i);
    body.auth.access_token = "xoxb-" + std::to_string(i);
    REQUIRE(client.create(body).has_value());
  }
  novu::list_channel_connections_params params;
  params.limit = 2;
  std::size_t items = 0;
  const novu::result<std::size_t> pages = client.for_each_page(params, [&](const novu::channel_connection_page& page) {
    items += page.data.size();
    return true;
  });
  REQUIRE(pages.has_value());
  CHECK(*pages == 3);
  CHECK(items == 5);
  // The macros are still the caller's: the library neither undefined nor redefined them.
  CHECK(min(2, 3) == 2);
  CHECK(max(2, 3) == 3);
}
