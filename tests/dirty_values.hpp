// Values filled with other data, to decode "into" (decode_channel_connection_into and friends):
// the result must equal a fresh decode. Shared by the unit tests and the fuzz targets, so it
// needs only the library's declarations.
// SPDX-License-Identifier: MIT
#pragma once

#include <string>  // string, to_string

#include "novu/channel_connections.hpp"

namespace test_support {

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
