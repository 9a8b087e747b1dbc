// Sample values the test programs share: the reference page's update body, a configuration that
// stays in the process, and values filled with other data to decode "into". Only the library's
// declarations are needed, so the fast-compile test (tests/separate) and the fuzz targets use
// it as well as the unit tests.
// SPDX-License-Identifier: MIT
#pragma once

#include <string>  // string, to_string

#include "novu/novu.hpp"

namespace test_support {

// The update body of Novu's reference page: workspace {T123456, Acme HQ}, auth {Workspace
// access token}.
inline novu::update_channel_connection_request seed_update_body() {
  novu::update_channel_connection_request body;
  body.workspace.id = "T123456";
  body.workspace.name = "Acme HQ";
  body.auth.access_token = "Workspace access token";
  return body;
}

// Test key, a local server nobody listens on, no retries: for clients over in-process transports.
inline novu::client_config offline_config() {
  novu::client_config config;
  config.secret_key = "sk_test_123";
  config.server_url = "http://127.0.0.1:9";
  config.retry = novu::retry_policy::disabled();
  return config;
}

// offline_config() retrying up to `attempts` times with no wait at all (zero intervals and
// jitter, no deadline).
inline novu::client_config instant_retry_config(int attempts) {
  novu::client_config config = offline_config();
  config.retry = novu::retry_policy{};
  config.retry.max_attempts = attempts;
  config.retry.initial_interval_ms = 0;
  config.retry.jitter_ms = 0;
  config.retry.max_interval_ms = 0;
  config.retry.max_elapsed_ms = ~std::uint64_t{0} / 2;
  return config;
}

// A channel connection with every field set to long values: what decoding "into" must fully
// overwrite or reset (decode_channel_connection_into and friends).
inline novu::channel_connection dirty_connection(int n = 0) {
  const std::string tag = "-left-over-from-an-earlier-body-" + std::to_string(n);
  novu::channel_connection c;
  c.identifier = "identifier" + tag;
  c.channel = novu::channel_type("channel" + tag);
  c.provider_id = novu::provider_id("provider" + tag);
  c.integration_identifier = "integration" + tag;
  c.subscriber_id = "subscriber" + tag;
  c.context_keys = {"tenant:a" + tag, "team:b" + tag, "region:c" + tag};
  c.workspace.id = "workspace" + tag;
  c.workspace.name = "name" + tag;
  c.workspace.bot_user_id = "bot" + tag;
  c.auth.access_token = "token" + tag;
  c.auth.refresh_token = "refresh" + tag;
  c.auth.expires_at = "expires" + tag;
  c.auth.refresh_token_expires_at = "refresh-expires" + tag;
  c.created_at = "created" + tag;
  c.updated_at = "updated" + tag;
  return c;
}

// A page of `count` dirty connections with cursors and counts set.
inline novu::channel_connection_page dirty_page(int count = 3) {
  novu::channel_connection_page page;
  for (int i = 0; i < count; ++i) page.data.push_back(dirty_connection(i));
  page.next = "next-cursor-left-over-from-an-earlier-body";
  page.previous = "previous-cursor-left-over-from-an-earlier-body";
  page.total_count = 12345;
  page.total_count_capped = true;
  return page;
}

}  // namespace test_support
