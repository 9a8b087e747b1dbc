// The `endpoints` commands of channel_connections_cli (`novu-channels endpoints list|get|create|
// update|delete`), included by examples/channel_connections_cli.cpp inside its anonymous
// namespace, after the command-line parser, the output helpers and client_type: it uses them,
// and adds its rows to the command table through endpoint_commands().
// SPDX-License-Identifier: MIT
#pragma once

// The payload options of `endpoints create` and `endpoints update`: one per member of the common
// endpoint types, each written into the `endpoint` object under its wire name.
struct payload_option {
  const char* option;  // "--channel-id"
  const char* member;  // "channelId"
  const char* help;    // for --help
};

const std::vector<payload_option>& payload_options() {
  static const std::vector<payload_option> table = {
      {"--channel-id", "channelId", "endpoint.channelId (slack_channel, ms_teams_channel)"},
      {"--team-id", "teamId", "endpoint.teamId (ms_teams_channel)"},
      {"--user-id", "userId", "endpoint.userId (slack_user, ms_teams_user, line_user)"},
      {"--url", "url", "endpoint.url (webhook, grafana_oncall_integration, tool_webhook)"},
      {"--phone-number", "phoneNumber", "endpoint.phoneNumber (phone, E.164)"},
      {"--chat-id", "chatId", "endpoint.chatId (telegram_chat)"},
      {"--room-id", "roomId", "endpoint.roomId (webex_room)"},
      {"--person-email", "personEmail", "endpoint.personEmail (webex_person)"},
      {"--routing-key", "routingKey", "endpoint.routingKey (pagerduty_service; a secret)"},
      {"--api-key", "apiKey", "endpoint.apiKey (opsgenie_integration; a secret)"},
      {"--region", "region", "endpoint.region (pagerduty_service, opsgenie_integration: us|eu)"},
  };
  return table;
}

// The payload the options give, as a JSON object; `given` says whether any was.
std::string payload_from_options(const command_line& cl, bool& given) {
  std::string json = "{";
  given = false;
  for (const payload_option& p : payload_options()) {
    const std::string* v = cl.option(p.option);
    if (v == nullptr) continue;
    json +=
        std::string(given ? "," : "") + "\"" + p.member + "\":" + novu::json_string(*v).value_or(novu::any_json{}).text;
    given = true;
  }
  return json + "}";
}

// The payload of a create or update: --endpoint JSON, or the payload options; typed by `type`
// when there is one (a missing member is an error naming it), raw otherwise. An error text
// when neither was given or the payload is not the type's.
std::string endpoint_payload(const command_line& cl, const std::optional<novu::endpoint_type>& type,
                             novu::endpoint_data& out) {
  bool from_options = false;
  std::string json = payload_from_options(cl, from_options);
  if (const std::string* v = cl.option("--endpoint")) {
    json = *v;
  } else if (!from_options) {
    return "give the endpoint's members (--channel-id, --url, ... or --endpoint JSON)";
  }
  if (!type) {
    novu::result<novu::any_json> raw = novu::parse_any_json(json);
    if (!raw) return "--endpoint: " + raw.error().message;
    if (raw->text.empty() || raw->text[0] != '{') return "--endpoint takes a JSON object";
    out = novu::raw_alternative{std::move(*raw)};
    return {};
  }
  novu::result<novu::endpoint_data> typed = novu::decode_endpoint_data(*type, json);
  if (!typed) {
    return "endpoint of type " + type->value() + ": " + typed.error().message +
           (typed.error().location.empty() ? "" : " (at " + typed.error().location + ")");
  }
  out = std::move(*typed);
  return {};
}

// An endpoint as JSON, its secrets masked unless the user asked to see them.
std::string endpoint_json(const novu::channel_endpoint& e, bool show_secrets) {
  const std::string json = novu::encode_json(e).value_or("{}");
  return show_secrets ? json : novu::redact_json_secrets(json);
}

// The payload of an endpoint for a table cell, secrets masked unless asked for.
std::string endpoint_cell(const novu::channel_endpoint& e, bool show_secrets) {
  novu::update_channel_endpoint_request only;
  only.endpoint = e.endpoint;
  std::string json = novu::encode_json(only).value_or("{\"endpoint\":{}}");
  if (!show_secrets) json = novu::redact_json_secrets(json);
  // {"endpoint":X} -> X
  return json.size() > 13 ? json.substr(12, json.size() - 13) : json;
}

// Prints endpoints as a table.
void print_endpoint_table(const std::vector<novu::channel_endpoint>& rows, bool show_secrets) {
  std::printf("%-28s %-20s %-20s %-20s %-24s %s\n", "IDENTIFIER", "TYPE", "SUBSCRIBER", "INTEGRATION", "CONNECTION",
              "ENDPOINT");
  for (const novu::channel_endpoint& e : rows) {
    std::printf("%-28s %-20s %-20s %-20s %-24s %s\n", e.identifier.c_str(), e.type.value().c_str(),
                e.subscriber_id.value_or("-").c_str(), e.integration_identifier.value_or("-").c_str(),
                e.connection_identifier.value_or("-").c_str(), endpoint_cell(e, show_secrets).c_str());
  }
}

// Prints one endpoint as JSON or as a one-row table.
void print_endpoint(const novu::channel_endpoint& e, const command_line& cl) {
  const bool show_secrets = cl.flag("--show-secrets");
  if (cl.flag("--json")) {
    std::printf("%s\n", endpoint_json(e, show_secrets).c_str());
  } else {
    print_endpoint_table({e}, show_secrets);
  }
}

int run_endpoints_list(client_type& client, const command_line& cl) {
  novu::list_channel_endpoints_params params;
  std::string bad = common_list_params(cl, params);
  if (!bad.empty()) return usage_error(bad);
  if (const std::string* v = cl.option("--connection-identifier")) params.connection_identifier = *v;
  const bool json = cl.flag("--json");
  const bool show_secrets = cl.flag("--show-secrets");
  std::vector<novu::channel_endpoint> rows;
  if (!cl.flag("--all")) {
    if (cl.given("--max-pages")) return usage_error("--max-pages needs --all");
    novu::result<novu::channel_endpoint_page> page = client.channel_endpoints().list(params, call_options_of(cl));
    if (!page) return report_error(page.error(), cl);
    if (json) {
      const std::string text = novu::encode_json(*page).value_or("{}");
      std::printf("%s\n", (show_secrets ? text : novu::redact_json_secrets(text)).c_str());
    } else {
      print_endpoint_table(page->data, show_secrets);
      std::printf("%zu of %lld%s; next cursor: %s\n", page->data.size(), static_cast<long long>(page->total_count),
                  page->total_count_capped ? "+" : "", page->next.value_or("none").c_str());
    }
    return exit_ok;
  }
  novu::pagination_options paging;
  bad = max_pages_of(cl, paging);
  if (!bad.empty()) return usage_error(bad);
  novu::result<std::size_t> pages = client.channel_endpoints().for_each_page(
      params,
      [&](const novu::channel_endpoint_page& page) {
        rows.insert(rows.end(), page.data.begin(), page.data.end());
        return true;
      },
      paging, call_options_of(cl));
  if (!pages) return report_error(pages.error(), cl);
  if (json) {
    std::string out = "[";
    for (std::size_t i = 0; i < rows.size(); ++i) out += (i ? "," : "") + endpoint_json(rows[i], show_secrets);
    std::printf("%s]\n", out.c_str());
  } else {
    print_endpoint_table(rows, show_secrets);
    std::printf("%zu endpoint(s) in %zu page(s)\n", rows.size(), *pages);
  }
  return exit_ok;
}

int run_endpoints_get(client_type& client, const command_line& cl) {
  novu::result<novu::channel_endpoint> got = client.channel_endpoints().retrieve(cl.positional[0], call_options_of(cl));
  if (!got) return report_error(got.error(), cl);
  print_endpoint(*got, cl);
  return exit_ok;
}

int run_endpoints_delete(client_type& client, const command_line& cl) {
  return report_deleted(client.channel_endpoints().remove(cl.positional[0], call_options_of(cl)), cl);
}

int run_endpoints_create(client_type& client, const command_line& cl) {
  novu::create_channel_endpoint_request body;
  if (const std::string* file = cl.option("--body")) {
    const std::string bad =
        body_from_file(*file, body, [](const std::string& t) { return novu::endpoints::decode_create_request(t); });
    if (!bad.empty()) return usage_error(bad);
  } else {
    for (const char* required : {"--type", "--subscriber-id", "--integration-identifier"}) {
      if (!cl.given(required))
        return usage_error(std::string("endpoints create needs ") + required + " (or --body FILE)");
    }
    body.type = novu::endpoint_type(*cl.option("--type"));
    body.subscriber_id = *cl.option("--subscriber-id");
    body.integration_identifier = *cl.option("--integration-identifier");
    if (const std::string* v = cl.option("--identifier")) body.identifier = *v;
    if (const std::string* v = cl.option("--connection-identifier")) body.connection_identifier = *v;
    if (cl.flag("--create-subscriber-if-missing")) body.create_subscriber_if_missing = true;
    const std::string bad_context = context_of(cl, body.context);
    if (!bad_context.empty()) return usage_error(bad_context);
    // A type this version does not know is sent with its payload as given.
    std::optional<novu::endpoint_type> typed;
    if (body.type.is_known()) typed = body.type;
    const std::string bad = endpoint_payload(cl, typed, body.endpoint);
    if (!bad.empty()) return usage_error(bad);
  }
  novu::result<novu::channel_endpoint> created = client.channel_endpoints().create(body, call_options_of(cl));
  if (!created) return report_error(created.error(), cl);
  print_endpoint(*created, cl);
  return exit_ok;
}

int run_endpoints_update(client_type& client, const command_line& cl) {
  novu::update_channel_endpoint_request body;
  if (const std::string* file = cl.option("--body")) {
    const std::string bad =
        body_from_file(*file, body, [](const std::string& t) { return novu::endpoints::decode_update_request(t); });
    if (!bad.empty()) return usage_error(bad);
  } else {
    // With --type the payload is checked against that type before sending (the type itself is
    // not sent: the server keeps the stored one).
    std::optional<novu::endpoint_type> type;
    if (const std::string* v = cl.option("--type")) type = novu::endpoint_type(*v);
    if (type && !type->is_known()) type.reset();
    const std::string bad = endpoint_payload(cl, type, body.endpoint);
    if (!bad.empty()) return usage_error(bad);
  }
  novu::result<novu::channel_endpoint> updated =
      client.channel_endpoints().update(cl.positional[0], body, call_options_of(cl));
  if (!updated) return report_error(updated.error(), cl);
  print_endpoint(*updated, cl);
  return exit_ok;
}

// The options of `endpoints create` and `endpoints update` that describe the payload.
std::vector<option_spec> payload_option_specs() {
  std::vector<option_spec> out = {{"--endpoint", "JSON", false, "the endpoint object as JSON"}};
  for (const payload_option& p : payload_options()) out.push_back({p.option, "V", false, p.help});
  return out;
}

// The rows of the `endpoints` commands, appended to the command table.
std::vector<command_spec> endpoint_commands() {
  std::vector<option_spec> payload = payload_option_specs();
  std::vector<std::string> payload_exclusive = {"--endpoint"};
  for (const payload_option& p : payload_options()) payload_exclusive.push_back(p.option);

  std::vector<option_spec> create_options = {
      {"--body", "FILE", false, "the request body as JSON (- reads standard input)"},
      {"--type", "T", false, "type: slack_channel, webhook, phone, ... (required without --body)"},
      {"--subscriber-id", "S", false, "subscriberId (required without --body)"},
      {"--integration-identifier", "I", false, "integrationIdentifier (required without --body)"},
      {"--connection-identifier", "C", false, "connectionIdentifier: a connection of that integration"},
      {"--identifier", "ID", false, "identifier (default: generated by the server)"},
      {"--context", "TYPE=ID", true, "a context entry"},
      {"--create-subscriber-if-missing", "", false, "createSubscriberIfMissing: true"},
  };
  std::vector<std::string> create_exclusive = {"--body"};
  for (std::size_t i = 1; i < create_options.size(); ++i) create_exclusive.push_back(create_options[i].name);
  create_exclusive.insert(create_exclusive.end(), payload_exclusive.begin(), payload_exclusive.end());
  create_options.insert(create_options.end(), payload.begin(), payload.end());

  std::vector<option_spec> update_options = {
      {"--body", "FILE", false, "the request body as JSON, {\"endpoint\":{...}}"},
      {"--type", "T", false, "check the payload against this type first (not sent)"},
  };
  update_options.insert(update_options.end(), payload.begin(), payload.end());
  std::vector<std::string> update_exclusive = {"--body", "--type"};
  update_exclusive.insert(update_exclusive.end(), payload_exclusive.begin(), payload_exclusive.end());

  std::vector<option_spec> list_options = list_option_specs();
  list_options.insert(list_options.end() - 3,
                      option_spec{"--connection-identifier", "C", false, "filter: connectionIdentifier"});
  return {
      {"endpoints list",
       {},
       list_options,
       {{"--without-context", "--context-key"}},
       "list channel endpoints",
       &run_endpoints_list},
      {"endpoints get", {"IDENTIFIER"}, {}, {}, "show one endpoint", &run_endpoints_get},
      {"endpoints create",
       {},
       create_options,
       {create_exclusive, payload_exclusive},
       "create an endpoint from options or --body FILE",
       &run_endpoints_create},
      {"endpoints update",
       {"IDENTIFIER"},
       update_options,
       {update_exclusive, payload_exclusive},
       "replace an endpoint's payload (the type stays) from options or --body FILE",
       &run_endpoints_update},
      {"endpoints delete", {"IDENTIFIER"}, {}, {}, "delete an endpoint", &run_endpoints_delete},
  };
}
