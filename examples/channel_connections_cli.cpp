// channel_connections_cli: a command-line tool for Novu channel connections, built on the
// library and the libcurl example transport (uses CURL).
//
//   channel_connections_cli [global options] list   [filters] [--all] [--max-pages N]
//   channel_connections_cli [global options] get    IDENTIFIER
//   channel_connections_cli [global options] create --integration-identifier ID --workspace-id ID
//                                                   --access-token TOKEN [more fields] | --body FILE
//   channel_connections_cli [global options] update IDENTIFIER --workspace-id ID --access-token TOKEN
//                                                   [more fields] | --body FILE
//   channel_connections_cli [global options] delete IDENTIFIER
//   channel_connections_cli [global options] verify IDENTIFIER
//
// The secret key comes from NOVU_SECRET_KEY. Output is a table for people, or JSON with --json.
// Tokens are masked in all output unless --show-secrets is given. Exit codes: 0 success,
// 2 usage or invalid input, 3 API error (the server said no), 4 transport error (no answer),
// 5 unexpected answer (a body that does not decode or breaks a limit).
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "novu/novu.hpp"
#include "novu/core/printing.hpp"
#include "transports/curl_transport.hpp"

namespace {

constexpr int exit_ok = 0;
constexpr int exit_usage = 2;
constexpr int exit_api = 3;
constexpr int exit_transport = 4;
constexpr int exit_unexpected = 5;

const char* const usage_text =
    "usage: channel_connections_cli [--base-url URL | --eu] [--json] [--verbose] [--show-secrets]\n"
    "                               [--idempotency-key KEY] [--no-retry] COMMAND ...\n"
    "commands:\n"
    "  list   [--after C] [--before C] [--limit N] [--order-direction ASC|DESC]\n"
    "         [--order-by createdAt|updatedAt] [--include-cursor true|false] [--subscriber-id S]\n"
    "         [--connection-mode subscriber|shared] [--channel C] [--provider-id P]\n"
    "         [--integration-identifier I] [--context-key TYPE:ID]... [--without-context]\n"
    "         [--all] [--max-pages N]\n"
    "  get    IDENTIFIER\n"
    "  create (--body FILE | --integration-identifier I --workspace-id W --access-token T)\n"
    "         [--identifier ID] [--subscriber-id S] [--context TYPE=ID]... [--connection-mode M]\n"
    "         [--workspace-name N] [--bot-user-id U] [--refresh-token R] [--expires-at T]\n"
    "         [--refresh-token-expires-at T]\n"
    "  update IDENTIFIER (--body FILE | --workspace-id W --access-token T) [--workspace-name N]\n"
    "         [--bot-user-id U] [--refresh-token R] [--expires-at T] [--refresh-token-expires-at T]\n"
    "  delete IDENTIFIER\n"
    "  verify IDENTIFIER   (checks the stored tokens with the provider, refreshing them when due)\n"
    "The secret key is read from NOVU_SECRET_KEY. FILE may be - for standard input.\n";

// Parsed command line: the command, its positional arguments, and --name value options.
struct command_line {
  std::string command;
  std::vector<std::string> positional;
  std::multimap<std::string, std::string> options;
  std::vector<std::string> flags;

  bool flag(const std::string& name) const {
    for (const std::string& f : flags) {
      if (f == name) return true;
    }
    return false;
  }
  const std::string* option(const std::string& name) const {
    auto found = options.find(name);
    return found == options.end() ? nullptr : &found->second;
  }
  std::vector<std::string> all(const std::string& name) const {
    std::vector<std::string> out;
    auto range = options.equal_range(name);
    for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
    return out;
  }
};

// Options that take no value.
bool is_flag(const std::string& name) {
  static const char* const names[] = {"--eu",       "--json", "--verbose",         "--show-secrets",
                                      "--no-retry", "--all",  "--without-context", "--help"};
  for (const char* n : names) {
    if (name == n) return true;
  }
  return false;
}

// Splits argv; returns an error text for a missing option value.
std::string parse_command_line(int argc, char** argv, command_line& out) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--", 0) == 0) {
      if (is_flag(arg)) {
        out.flags.push_back(arg);
      } else if (i + 1 < argc) {
        out.options.emplace(arg, argv[++i]);
      } else {
        return "option " + arg + " needs a value";
      }
    } else if (out.command.empty()) {
      out.command = arg;
    } else {
      out.positional.push_back(arg);
    }
  }
  return {};
}

// The exit code an error stands for.
int exit_code_for(const novu::error& e) {
  switch (e.kind) {
    case novu::error_kind::invalid_argument: return exit_usage;
    case novu::error_kind::api:
    case novu::error_kind::validation:
    case novu::error_kind::http: return exit_api;
    case novu::error_kind::transport: return exit_transport;
    case novu::error_kind::decode:
    case novu::error_kind::limit_exceeded: return exit_unexpected;
  }
  return exit_unexpected;
}

// Masks the tokens of a connection unless the user asked to see them.
novu::channel_connection shown(novu::channel_connection c, bool show_secrets) {
  if (!show_secrets) {
    c.auth.access_token = "[redacted]";
    if (c.auth.refresh_token) c.auth.refresh_token = "[redacted]";
  }
  return c;
}

// Prints connections as a table.
void print_table(const std::vector<novu::channel_connection>& rows) {
  std::printf("%-36s %-8s %-16s %-24s %-20s %-12s %s\n", "IDENTIFIER", "CHANNEL", "PROVIDER", "SUBSCRIBER",
              "INTEGRATION", "WORKSPACE", "UPDATED");
  for (const novu::channel_connection& c : rows) {
    std::printf("%-36s %-8s %-16s %-24s %-20s %-12s %s\n", c.identifier.c_str(),
                c.channel ? c.channel->value().c_str() : "-", c.provider_id ? c.provider_id->value().c_str() : "-",
                c.subscriber_id.value_or("-").c_str(), c.integration_identifier.value_or("-").c_str(),
                c.workspace.id.c_str(), c.updated_at.c_str());
  }
}

// Prints one connection as JSON or as a one-row table.
void print_connection(const novu::channel_connection& c, bool json, bool show_secrets) {
  const novu::channel_connection visible = shown(c, show_secrets);
  if (json) {
    std::printf("%s\n", novu::encode_json(visible).value_or("{}").c_str());
  } else {
    print_table({visible});
  }
}

// Reads a whole file, or standard input for "-".
bool read_body_file(const std::string& name, std::string& out) {
  std::ostringstream text;
  if (name == "-") {
    text << std::cin.rdbuf();
  } else {
    std::ifstream in(name, std::ios::binary);
    if (!in) return false;
    text << in.rdbuf();
  }
  out = text.str();
  return true;
}

// Fills `w` and `a` from --workspace-*/--access-token-style options.
void fill_workspace_and_auth(const command_line& cl, novu::workspace& w, novu::auth& a) {
  if (const std::string* v = cl.option("--workspace-id")) w.id = *v;
  if (const std::string* v = cl.option("--workspace-name")) w.name = *v;
  if (const std::string* v = cl.option("--bot-user-id")) w.bot_user_id = *v;
  if (const std::string* v = cl.option("--access-token")) a.access_token = *v;
  if (const std::string* v = cl.option("--refresh-token")) a.refresh_token = *v;
  if (const std::string* v = cl.option("--expires-at")) a.expires_at = *v;
  if (const std::string* v = cl.option("--refresh-token-expires-at")) a.refresh_token_expires_at = *v;
}

// A usage error: message on stderr, exit code 2.
int usage_error(const std::string& message) {
  std::fprintf(stderr, "error: %s\n\n%s", message.c_str(), usage_text);
  return exit_usage;
}

// Reports an error from the library and returns its exit code.
int report_error(const novu::error& e, bool verbose) {
  std::fprintf(stderr, "error (%s", std::string(novu::to_string(e.kind)).c_str());
  if (e.status != 0) std::fprintf(stderr, ", HTTP %d", e.status);
  std::fprintf(stderr, "): %s\n", e.message.c_str());
  if (verbose) std::fprintf(stderr, "%s\n", novu::to_debug_string(e).c_str());
  return exit_code_for(e);
}

// The list filters given on the command line; an error text when one is malformed.
std::string list_params_from(const command_line& cl, novu::list_channel_connections_params& p) {
  if (const std::string* v = cl.option("--after")) p.after = *v;
  if (const std::string* v = cl.option("--before")) p.before = *v;
  if (const std::string* v = cl.option("--limit")) {
    char* end = nullptr;
    const long limit = std::strtol(v->c_str(), &end, 10);
    if (end == v->c_str() || *end != '\0' || limit < -1000000 || limit > 1000000) return "--limit takes a number";
    p.limit = static_cast<int>(limit);
  }
  if (const std::string* v = cl.option("--order-direction")) {
    if (*v != "ASC" && *v != "DESC") return "--order-direction takes ASC or DESC";
    p.order_direction = *v == "DESC" ? novu::order_direction::descending : novu::order_direction::ascending;
  }
  if (const std::string* v = cl.option("--order-by")) {
    if (*v != "createdAt" && *v != "updatedAt") return "--order-by takes createdAt or updatedAt";
    p.order_by = *v == "updatedAt" ? novu::order_by::updated_at : novu::order_by::created_at;
  }
  if (const std::string* v = cl.option("--include-cursor")) {
    if (*v != "true" && *v != "false") return "--include-cursor takes true or false";
    p.include_cursor = *v == "true";
  }
  if (const std::string* v = cl.option("--subscriber-id")) p.subscriber_id = *v;
  if (const std::string* v = cl.option("--connection-mode")) {
    if (*v != "subscriber" && *v != "shared") return "--connection-mode takes subscriber or shared";
    p.connection_mode = *v == "shared" ? novu::connection_mode::shared : novu::connection_mode::subscriber;
  }
  if (const std::string* v = cl.option("--channel")) p.channel = novu::channel_type(*v);
  if (const std::string* v = cl.option("--provider-id")) p.provider_id = novu::provider_id(*v);
  if (const std::string* v = cl.option("--integration-identifier")) p.integration_identifier = *v;
  const std::vector<std::string> keys = cl.all("--context-key");
  if (cl.flag("--without-context")) {
    if (!keys.empty()) return "--without-context and --context-key exclude each other";
    p.context_keys = std::vector<std::string>{};
  } else if (!keys.empty()) {
    p.context_keys = keys;
  }
  return {};
}

template <class Client>
int run_list(Client& client, const command_line& cl, bool json, bool show_secrets, bool verbose,
             const novu::call_options& options) {
  novu::list_channel_connections_params params;
  const std::string bad = list_params_from(cl, params);
  if (!bad.empty()) return usage_error(bad);
  if (!cl.flag("--all")) {
    novu::result<novu::channel_connection_page> page = client.list(params, options);
    if (!page) return report_error(page.error(), verbose);
    for (novu::channel_connection& c : page->data) c = shown(std::move(c), show_secrets);
    if (json) {
      std::printf("%s\n", novu::encode_json(*page).value_or("{}").c_str());
    } else {
      print_table(page->data);
      std::printf("%zu of %lld%s; next cursor: %s\n", page->data.size(), static_cast<long long>(page->total_count),
                  page->total_count_capped ? "+" : "", page->next.value_or("none").c_str());
    }
    return exit_ok;
  }
  novu::pagination_options paging;
  if (const std::string* v = cl.option("--max-pages")) {
    char* end = nullptr;
    const unsigned long pages = std::strtoul(v->c_str(), &end, 10);
    if (end == v->c_str() || *end != '\0' || pages == 0) return usage_error("--max-pages takes a positive number");
    paging.max_pages = pages;
  }
  std::vector<novu::channel_connection> rows;
  novu::result<std::size_t> pages = client.for_each_page(
      params,
      [&](const novu::channel_connection_page& page) {
        for (const novu::channel_connection& c : page.data) rows.push_back(shown(c, show_secrets));
        std::fprintf(stderr, "\rfetched %zu of %lld connection(s)...", rows.size(),
                     static_cast<long long>(page.total_count));
        return true;
      },
      paging, options);
  std::fprintf(stderr, "\n");
  if (!pages) return report_error(pages.error(), verbose);
  if (json) {
    std::string out = "[";
    for (std::size_t i = 0; i < rows.size(); ++i) out += (i ? "," : "") + novu::encode_json(rows[i]).value_or("{}");
    std::printf("%s]\n", out.c_str());
  } else {
    print_table(rows);
    std::printf("%zu connection(s) in %zu page(s)\n", rows.size(), *pages);
  }
  return exit_ok;
}

template <class Client>
int run_command(Client& client, const command_line& cl) {
  const bool json = cl.flag("--json");
  const bool show_secrets = cl.flag("--show-secrets");
  const bool verbose = cl.flag("--verbose");
  novu::call_options options;
  if (const std::string* key = cl.option("--idempotency-key")) options.idempotency_key = *key;

  if (cl.command == "list") return run_list(client, cl, json, show_secrets, verbose, options);
  if (cl.command == "get" || cl.command == "delete" || cl.command == "verify") {
    if (cl.positional.size() != 1) return usage_error(cl.command + " takes one IDENTIFIER");
    if (cl.command == "delete") {
      novu::result<void> gone = client.remove(cl.positional[0], options);
      if (!gone) return report_error(gone.error(), verbose);
      if (json) {
        std::printf("{\"deleted\":%s}\n", novu::json_string(cl.positional[0]).value_or(novu::any_json{}).text.c_str());
      } else {
        std::printf("deleted %s\n", cl.positional[0].c_str());
      }
      return exit_ok;
    }
    novu::result<novu::channel_connection> got =
        cl.command == "verify" ? client.verify(cl.positional[0], options) : client.retrieve(cl.positional[0], options);
    if (!got) return report_error(got.error(), verbose);
    print_connection(*got, json, show_secrets);
    return exit_ok;
  }
  if (cl.command == "create") {
    novu::create_channel_connection_request body;
    if (const std::string* file = cl.option("--body")) {
      std::string text;
      if (!read_body_file(*file, text)) return usage_error("cannot read " + *file);
      novu::result<novu::create_channel_connection_request> decoded = novu::connections::decode_create_request(text);
      if (!decoded) return usage_error("--body: " + decoded.error().message);
      body = std::move(*decoded);
    } else {
      if (!cl.option("--integration-identifier") || !cl.option("--workspace-id") || !cl.option("--access-token")) {
        return usage_error("create needs --integration-identifier, --workspace-id and --access-token (or --body)");
      }
      body.integration_identifier = *cl.option("--integration-identifier");
      if (const std::string* v = cl.option("--identifier")) body.identifier = *v;
      if (const std::string* v = cl.option("--subscriber-id")) body.subscriber_id = *v;
      if (const std::string* v = cl.option("--connection-mode")) {
        if (*v != "subscriber" && *v != "shared") return usage_error("--connection-mode takes subscriber or shared");
        body.connection_mode = *v == "shared" ? novu::connection_mode::shared : novu::connection_mode::subscriber;
      }
      for (const std::string& entry : cl.all("--context")) {
        const std::string::size_type eq = entry.find('=');
        if (eq == std::string::npos || eq == 0) return usage_error("--context takes TYPE=ID");
        if (!body.context) body.context.emplace();
        body.context->push_back({entry.substr(0, eq), entry.substr(eq + 1), std::nullopt});
      }
      fill_workspace_and_auth(cl, body.workspace, body.auth);
    }
    novu::result<novu::channel_connection> created = client.create(body, options);
    if (!created) return report_error(created.error(), verbose);
    print_connection(*created, json, show_secrets);
    return exit_ok;
  }
  if (cl.command == "update") {
    if (cl.positional.size() != 1) return usage_error("update takes one IDENTIFIER");
    novu::update_channel_connection_request body;
    if (const std::string* file = cl.option("--body")) {
      std::string text;
      if (!read_body_file(*file, text)) return usage_error("cannot read " + *file);
      novu::result<novu::update_channel_connection_request> decoded = novu::connections::decode_update_request(text);
      if (!decoded) return usage_error("--body: " + decoded.error().message);
      body = std::move(*decoded);
    } else {
      if (!cl.option("--workspace-id") || !cl.option("--access-token")) {
        return usage_error("update needs --workspace-id and --access-token (or --body)");
      }
      fill_workspace_and_auth(cl, body.workspace, body.auth);
    }
    novu::result<novu::channel_connection> updated = client.update(cl.positional[0], body, options);
    if (!updated) return report_error(updated.error(), verbose);
    print_connection(*updated, json, show_secrets);
    return exit_ok;
  }
  return usage_error(cl.command.empty() ? "no command given" : "unknown command " + cl.command);
}

// A transport that prints each exchange, secrets masked, on stderr.
struct verbose_transport {
  novu_examples::curl_transport inner;
  bool verbose;
  novu::transport_result operator()(const novu::http_request& request) const {
    if (verbose) std::fprintf(stderr, "--> %s\n", novu::to_debug_string(request).c_str());
    novu::transport_result answer = inner(request);
    if (verbose && answer) std::fprintf(stderr, "<-- %s\n", novu::to_debug_string(*answer).c_str());
    return answer;
  }
};

}  // namespace

int main(int argc, char** argv) {
  command_line cl;
  const std::string bad = parse_command_line(argc, argv, cl);
  if (!bad.empty()) return usage_error(bad);
  if (cl.flag("--help")) {
    std::printf("%s", usage_text);
    return exit_ok;
  }
  const char* key = std::getenv("NOVU_SECRET_KEY");
  if (key == nullptr || *key == '\0') return usage_error("NOVU_SECRET_KEY is not set");

  novu::client_config config;
  config.secret_key = key;
  if (cl.flag("--eu")) config.server_url = std::string(novu::server_eu);
  if (const std::string* url = cl.option("--base-url")) config.server_url = *url;
  if (cl.flag("--no-retry")) config.retry = novu::retry_policy::disabled();

  novu_examples::curl_global curl;
  if (!curl.ok()) {
    std::fprintf(stderr, "error: libcurl failed to initialise\n");
    return exit_transport;
  }
  novu::client<verbose_transport> client(
      config,
      verbose_transport{novu_examples::curl_transport(novu_examples::curl_transport_options{}), cl.flag("--verbose")});
  return run_command(client, cl);
}
