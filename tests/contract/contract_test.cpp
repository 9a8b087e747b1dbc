// Contract test: the library's five requests, sent over libcurl to Prism mocking Novu's OpenAPI
// document, must be accepted (documented success status, no `sl-violations` header), use only
// documented names, and come back as bodies the library's parsers decode. A request broken on
// purpose must get 422, and one without Authorization 401, which proves the mock validates.
//
// Usage: contract_test BASE_URL OPENAPI_JSON (tests/contract/run.sh starts Prism and runs it).
// Prints `ok <name>` or `FAIL <name>: <why>` per check, then `N passed, M failed`.
// SPDX-License-Identifier: MIT

#include <chrono>       // milliseconds
#include <cstdio>       // fprintf
#include <optional>     // nullopt
#include <string>       // string
#include <string_view>  // string_view
#include <vector>       // vector

#include "novu/novu.hpp"
#include "../sample_values.hpp"
#include "contract_support.hpp"

namespace {

using contract::describe;
using contract::exchange;
using contract::json;

using contract::secret_key;

using transport_test::checks;
using transport_test::failure_of;
using transport_test::with_key;

// Why a decoded connection does not carry the document's example workspace and token.
std::string not_example_connection(const novu::channel_connection& c) {
  if (c.workspace.id != "T123456") return "workspace.id is \"" + c.workspace.id + "\", expected \"T123456\"";
  if (c.auth.access_token != "Workspace access token") return "auth.accessToken is not the example value";
  if (c.context_keys.size() != 2) return "contextKeys has " + std::to_string(c.context_keys.size()) + " entries";
  return {};
}

// Every list filter set, with values the document allows; one cursor only (the server answers
// 400 to `before` with `after`, and the builder refuses them together).
novu::list_channel_connections_params all_filters() {
  novu::list_channel_connections_params p;
  p.after = "cursor-after";
  p.limit = 10;
  p.order_direction = novu::order_direction::descending;
  p.order_by = novu::order_by::updated_at;
  p.include_cursor = true;
  p.subscriber_id = "subscriber-123";
  p.connection_mode = novu::connection_mode::subscriber;
  p.channel = novu::channel_type::chat;
  p.provider_id = novu::provider_id::slack;
  p.integration_identifier = "slack-prod";
  p.context_keys = std::vector<std::string>{"tenant:org-123", "region:us-east-1"};
  return p;
}

// A create body with every optional field set.
novu::create_channel_connection_request full_create_body() {
  novu::create_channel_connection_request body;
  body.identifier = "slack-prod-user123-abc4";
  body.subscriber_id = "subscriber-123";
  body.context = std::vector<novu::context_entry>{
      {"tenant", "org-acme", std::nullopt},
      {"region", "us-east-1", novu::any_json::from_text(novu::json_type::object, R"({"name":"US East","zones":3})")},
  };
  body.connection_mode = novu::connection_mode::shared;
  body.integration_identifier = "slack-prod";
  body.workspace = {"T123456", std::string("Acme HQ"), std::string("U0123456789")};
  body.auth = {"Workspace access token", std::string("Workspace refresh token"),
               std::string("2026-06-15T12:00:00.000Z"), std::string("2026-09-15T12:00:00.000Z")};
  return body;
}

}  // namespace

int main(int argc, char** argv) {
  return contract::contract_main(argc, argv, [](checks& out, const contract::setup& with) {
    const json& doc = with.doc;
    const novu::client_config& config = with.config;
    const novu_examples::curl_transport& transport = with.transport;

    auto connection_is_example = [](const novu::result<novu::channel_connection>& c) {
      return not_example_connection(*c);
    };

    // The five operations, built by the library, sent as they are.
    const novu::result<novu::http_request> list =
        novu::connections::build_list_request(config, all_filters(), with_key("contract-list"));
    // `before` goes in a request of its own: with `after` the builder refuses it (the server's 400).
    if (list) {
      out.record("list.query_names",
                 contract::query_names_problem(doc, "/v1/channel-connections", *list, "contextKeys", "before"));
    }
    novu::list_channel_connections_params before_only;
    before_only.before = "cursor-before";
    const novu::result<novu::http_request> list_before =
        novu::connections::build_list_request(config, before_only, with_key("contract-list-before"));
    exchange(out, transport, "list_before", list_before, 200, &novu::connections::parse_list_response,
             [](const novu::result<novu::channel_connection_page>&) -> std::string { return {}; });
    exchange(out, transport, "list", list, 200, &novu::connections::parse_list_response,
             [](const novu::result<novu::channel_connection_page>& page) -> std::string {
               if (page->data.empty()) return "the page holds no connection";
               return not_example_connection(page->data.front());
             });

    const novu::result<novu::http_request> create =
        novu::connections::build_create_request(config, full_create_body(), with_key("contract-create"));
    if (create) {
      out.record("create.body_names",
                 contract::body_names_problem(doc, "/v1/channel-connections", "post", *create, true));
    }
    exchange(out, transport, "create", create, 201, &novu::connections::parse_create_response, connection_is_example);

    exchange(out, transport, "retrieve",
             novu::connections::build_retrieve_request(config, "conn-1", with_key("contract-retrieve")), 200,
             &novu::connections::parse_retrieve_response, connection_is_example);

    const novu::result<novu::http_request> update = novu::connections::build_update_request(
        config, "<value>", test_support::seed_update_body(), with_key("contract-update"));
    if (update) {
      std::string why =
          contract::body_names_problem(doc, "/v1/channel-connections/{identifier}", "patch", *update, false);
      if (why.empty() && update->path != "/v1/channel-connections/%3Cvalue%3E") why = "path is " + update->path;
      out.record("update.request_shape", why);
    }
    exchange(out, transport, "update", update, 200, &novu::connections::parse_update_response, connection_is_example);

    exchange(out, transport, "delete",
             novu::connections::build_delete_request(config, "conn-1", with_key("contract-delete")), 204,
             &novu::connections::parse_delete_response, [](const novu::result<void>&) { return std::string(); });

    // The same operations through the synchronous client over the same transport.
    novu::client<novu_examples::curl_transport> client(config, transport);
    {
      const auto page = client.list(all_filters(), with_key("contract-client-list"));
      out.record("client.list", failure_of(page));
      const auto created = client.create(full_create_body(), with_key("contract-client-create"));
      out.record("client.create", failure_of(created));
      const auto got = client.retrieve("conn-1", with_key("contract-client-retrieve"));
      out.record("client.retrieve", failure_of(got));
      const auto updated =
          client.update("<value>", test_support::seed_update_body(), with_key("contract-client-update"));
      out.record("client.update", failure_of(updated));
      const auto removed = client.remove("conn-1", with_key("contract-client-delete"));
      out.record("client.delete", failure_of(removed));
    }

    // A body that breaks the schema, put in around the builder: Prism must refuse it.
    if (update) {
      novu::http_request bad = *update;
      bad.body = R"({"workspace":{"id":123},"auth":{}})";
      const novu::transport_result answer = transport(bad);
      const std::string why = contract::not_rejected(bad, answer);
      out.record("invalid_update.rejected_422", why);
      if (answer) {
        const auto parsed = novu::connections::parse_update_response(*answer);
        std::string parse_why;
        if (parsed) {
          parse_why = "the parser accepted a 422";
        } else if (parsed.error().status != 422) {
          parse_why = "error status " + std::to_string(parsed.error().status);
        }
        out.record("invalid_update.parsed_as_error", parse_why);
      }
    }

    // Without Authorization, the security scheme is not met.
    const novu::result<novu::http_request> retrieve =
        novu::connections::build_retrieve_request(config, "conn-1", with_key("contract-401"));
    contract::check_unauthorized(out, transport, retrieve, [](const novu::http_response& r) {
      return novu::connections::parse_retrieve_response(r);
    });

    // A transport failure (nothing listens on loopback port 1) names no secret.
    if (retrieve) {
      novu::http_request unreachable = *retrieve;
      unreachable.url = "http://127.0.0.1:1" + unreachable.path;
      const novu::transport_result answer = transport(unreachable);
      std::string why;
      if (answer) {
        why = "got status " + std::to_string(answer->status) + " from 127.0.0.1:1";
      } else if (answer.error().kind != novu::error_kind::transport) {
        why = "error kind " + std::string(novu::to_string(answer.error().kind));
      } else if (answer.error().message.find(secret_key) != std::string::npos) {
        why = "the message holds the secret key";
      }
      out.record("transport.refused_error", why);
    }
  });
}
