// channel_connections_cli: a command-line tool for Novu channel connections, built on the
// library and the libcurl example transport (uses CURL). `cmake --install` installs it as
// `novu-channels`; `--help` lists the commands, options, environment and exit codes.
//
// The command line is read by a small table-driven parser (below): every option is declared
// once, with whether it takes a value, may repeat, and which options it excludes; `--opt value`
// and `--opt=value` both work; anything unknown, missing or extra is a one-line error and exit
// code 2. To add a command, write its `run_<name>` function and add one row to `commands()`.
#include <unistd.h>  // isatty, STDERR_FILENO

#include <cerrno>    // errno
#include <cstdio>    // printf, fprintf, fopen, fread
#include <cstdlib>   // getenv, strtol, strtoul
#include <cstring>   // strerror
#include <map>       // map
#include <optional>  // optional
#include <set>       // set
#include <string>    // string
#include <utility>   // move
#include <vector>    // vector

#include "novu/novu.hpp"
#include "novu/core/printing.hpp"
#include "transports/curl_transport.hpp"

namespace {

constexpr int exit_ok = 0;
constexpr int exit_usage = 2;
constexpr int exit_api = 3;
constexpr int exit_transport = 4;
constexpr int exit_unexpected = 5;

// The program's name in messages: argv[0] without its folder.
std::string program = "channel_connections_cli";

// ---------------------------------------------------------------------------------------------
// The command line.

// One option: its name ("--limit"), the placeholder of its value (empty: a flag), whether it
// may be given more than once, and its help line.
struct option_spec {
  std::string name;
  std::string value;
  bool repeatable;
  std::string help;
};

// What was given: the command's positional arguments, option values in order, and flags.
struct command_line {
  std::vector<std::string> positional;
  std::map<std::string, std::vector<std::string>> values;
  std::set<std::string> flags;

  bool flag(const std::string& name) const { return flags.count(name) != 0; }
  const std::string* option(const std::string& name) const {
    auto found = values.find(name);
    return found == values.end() ? nullptr : &found->second.back();
  }
  std::vector<std::string> all(const std::string& name) const {
    auto found = values.find(name);
    return found == values.end() ? std::vector<std::string>{} : found->second;
  }
  bool given(const std::string& name) const { return flag(name) || values.count(name) != 0; }
};

struct client_type;  // the client every command runs with (defined below)

// One command: its name, its positional arguments (e.g. "IDENTIFIER"; each is required), its
// options, groups whose first option excludes the others, a summary, and what runs it.
struct command_spec {
  std::string name;
  std::vector<std::string> arguments;
  std::vector<option_spec> options;
  std::vector<std::vector<std::string>> exclusive;
  std::string summary;
  int (*run)(client_type&, const command_line&);
};

// Options every command takes, before or after the command's name.
const std::vector<option_spec>& global_options() {
  static const std::vector<option_spec> options = {
      {"--base-url", "URL", false, "server (default https://api.novu.co)"},
      {"--eu", "", false, "the EU server, https://eu.api.novu.co"},
      {"--json", "", false, "print JSON instead of a table"},
      {"--verbose", "", false, "print each request and response on stderr, secrets masked"},
      {"--show-secrets", "", false, "print tokens instead of [redacted]"},
      {"--idempotency-key", "KEY", false, "idempotency key of a create or update (default: generated)"},
      {"--no-retry", "", false, "one attempt only"},
      {"--help", "", false, "print this help and exit (also -h)"},
      {"--version", "", false, "print the version and exit"},
  };
  return options;
}

// The options of update, which create also takes.
std::vector<option_spec> connection_body_options() {
  return {
      {"--body", "FILE", false, "the request body as JSON (- reads standard input)"},
      {"--workspace-id", "W", false, "workspace.id"},
      {"--workspace-name", "N", false, "workspace.name"},
      {"--bot-user-id", "U", false, "workspace.botUserId"},
      {"--access-token", "T", false, "auth.accessToken"},
      {"--refresh-token", "R", false, "auth.refreshToken"},
      {"--expires-at", "TIME", false, "auth.expiresAt"},
      {"--refresh-token-expires-at", "TIME", false, "auth.refreshTokenExpiresAt"},
  };
}

// The options that --body replaces.
std::vector<std::string> body_exclusive(const std::vector<option_spec>& options) {
  std::vector<std::string> names;
  for (const option_spec& o : options) names.push_back(o.name);
  return names;
}

const std::vector<command_spec>& commands();

// Finds `name` among `options`; nullptr when it is not there.
const option_spec* find_option(const std::vector<option_spec>& options, const std::string& name) {
  for (const option_spec& o : options) {
    if (o.name == name) return &o;
  }
  return nullptr;
}

// The command called `name`; nullptr when there is none.
const command_spec* find_command(const std::string& name) {
  for (const command_spec& c : commands()) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

// What parse() found: a command (nullptr for none), its arguments, or an error text.
struct parse_result {
  const command_spec* command = nullptr;
  command_line line;
  std::string error;
  bool help = false;
  bool version = false;
};

// Reads argv: global options anywhere, then the command's own options after its name; "--"
// ends the options. An option that takes a value takes the rest after "=" or the next argument
// (which must not look like an option: write --opt=--value for that).
parse_result parse(int argc, char** argv) {
  parse_result out;
  // -h or --help anywhere before "--" wins over everything else, errors included.
  for (int i = 1; i < argc && std::string(argv[i]) != "--"; ++i) {
    if (std::string(argv[i]) == "-h" || std::string(argv[i]) == "--help") out.help = true;
  }
  if (out.help) return out;
  bool options_end = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (!options_end && arg == "--") {
      options_end = true;
      continue;
    }
    if (!options_end && arg.size() > 1 && arg[0] == '-') {
      const std::string::size_type eq = arg.find('=');
      const std::string name = arg.substr(0, eq);
      const option_spec* spec = find_option(global_options(), name);
      if (spec == nullptr && out.command != nullptr) spec = find_option(out.command->options, name);
      if (spec == nullptr) {
        const bool later = out.command == nullptr && [&name] {
          for (const command_spec& c : commands()) {
            if (find_option(c.options, name) != nullptr) return true;
          }
          return false;
        }();
        out.error = later ? "option " + name + " belongs after the command's name"
                          : "unknown option " + name + (out.command ? " for " + out.command->name : std::string());
        return out;
      }
      if (spec->name == "--version") {
        out.version = true;
        continue;
      }
      if (out.line.given(name) && !spec->repeatable) {
        out.error = "option " + name + " given twice";
        return out;
      }
      if (spec->value.empty()) {
        if (eq != std::string::npos) {
          out.error = "option " + name + " takes no value";
          return out;
        }
        out.line.flags.insert(name);
        continue;
      }
      std::string value;
      if (eq != std::string::npos) {
        value = arg.substr(eq + 1);
      } else if (i + 1 < argc && !(argv[i + 1][0] == '-' && argv[i + 1][1] == '-')) {
        value = argv[++i];
      } else {
        out.error = "option " + name + " needs a value (" + spec->value + ")";
        return out;
      }
      out.line.values[name].push_back(std::move(value));
      continue;
    }
    if (out.command == nullptr) {
      // "endpoints" takes its operation as a second word: `endpoints list`.
      std::string name = arg;
      if (arg == "endpoints") {
        if (i + 1 >= argc || argv[i + 1][0] == '-') {
          out.error = "endpoints needs an operation: list, get, create, update or delete";
          return out;
        }
        name += " " + std::string(argv[++i]);
      }
      out.command = find_command(name);
      if (out.command == nullptr) {
        out.error = "unknown command " + name;
        return out;
      }
      continue;
    }
    if (out.line.positional.size() == out.command->arguments.size()) {
      out.error = "unexpected argument " + arg + " for " + out.command->name;
      return out;
    }
    out.line.positional.push_back(arg);
  }
  if (out.version) return out;
  if (out.command == nullptr) {
    out.error = "no command given";
    return out;
  }
  if (out.line.positional.size() < out.command->arguments.size()) {
    out.error = out.command->name + " needs " + out.command->arguments[out.line.positional.size()];
    return out;
  }
  for (const std::vector<std::string>& group : out.command->exclusive) {
    if (!out.line.given(group.front())) continue;
    for (std::size_t i = 1; i < group.size(); ++i) {
      if (out.line.given(group[i])) {
        out.error = "options " + group.front() + " and " + group[i] + " exclude each other";
        return out;
      }
    }
  }
  return out;
}

// A usage error: one line on stderr, exit code 2.
int usage_error(const std::string& message) {
  std::fprintf(stderr, "%s: %s (see %s --help)\n", program.c_str(), message.c_str(), program.c_str());
  return exit_usage;
}

// Prints one option's help line.
void print_option(const option_spec& o) {
  const std::string left = o.name + (o.value.empty() ? "" : " " + o.value);
  std::printf("  %-36s %s%s\n", left.c_str(), o.help.c_str(), o.repeatable ? " (repeatable)" : "");
}

// The --help text, on stdout.
void print_help() {
  std::printf("usage: %s [global options] COMMAND [ARGUMENTS] [options]\n", program.c_str());
  std::printf(
      "Lists, creates, reads, updates and deletes Novu channel connections and channel endpoints.\n\ncommands:\n");
  for (const command_spec& c : commands()) {
    std::string head = c.name;
    for (const std::string& a : c.arguments) head += " " + a;
    std::printf("  %-36s %s\n", head.c_str(), c.summary.c_str());
  }
  std::printf("\nglobal options (anywhere; --opt VALUE or --opt=VALUE):\n");
  for (const option_spec& o : global_options()) print_option(o);
  for (const command_spec& c : commands()) {
    if (c.options.empty()) continue;
    std::printf("\n%s options:\n", c.name.c_str());
    for (const option_spec& o : c.options) print_option(o);
    for (const std::vector<std::string>& group : c.exclusive) {
      std::string line = "  " + group.front() + " excludes";
      for (std::size_t i = 1; i < group.size(); ++i) {
        if (line.size() + group[i].size() > 98) {
          std::printf("%s\n", line.c_str());
          line = "   ";
        }
        line += " " + group[i];
      }
      std::printf("%s\n", line.c_str());
    }
  }
  std::printf(
      "\nenvironment:\n"
      "  NOVU_SECRET_KEY                      your Novu secret key (required; never printed)\n"
      "\nexit codes:\n"
      "  0  success\n"
      "  2  usage error or invalid input (nothing was sent)\n"
      "  3  the server answered with an error (4xx, 5xx)\n"
      "  4  transport error: no answer (connection, TLS, timeout)\n"
      "  5  unexpected answer: a body that does not decode or breaks a limit\n");
}

// ---------------------------------------------------------------------------------------------
// Output and errors.

// The exit code an error stands for.
int exit_code_for(const novu::error& e) {
  switch (e.kind) {
    case novu::error_kind::invalid_argument: return exit_usage;
    case novu::error_kind::api:
    case novu::error_kind::validation:
    case novu::error_kind::http: return exit_api;
    case novu::error_kind::transport:
    case novu::error_kind::cancelled: return exit_transport;
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
void print_connection(const novu::channel_connection& c, const command_line& cl) {
  const novu::channel_connection visible = shown(c, cl.flag("--show-secrets"));
  if (cl.flag("--json")) {
    std::printf("%s\n", novu::encode_json(visible).value_or("{}").c_str());
  } else {
    print_table({visible});
  }
}

// Reads a whole file, or standard input for "-"; on failure `why` says what the system said.
bool read_body_file(const std::string& name, std::string& out, std::string& why) {
  std::FILE* in = name == "-" ? stdin : std::fopen(name.c_str(), "rb");
  if (in == nullptr) {
    why = std::strerror(errno);
    return false;
  }
  char buffer[65536];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, in)) > 0) out.append(buffer, got);
  const bool failed = std::ferror(in) != 0;
  if (failed) why = std::strerror(errno);
  if (in != stdin) std::fclose(in);
  return !failed;
}

// Reports an error from the library and returns its exit code.
int report_error(const novu::error& e, const command_line& cl) {
  std::fprintf(stderr, "%s: error (%s", program.c_str(), std::string(novu::to_string(e.kind)).c_str());
  if (e.status != 0) std::fprintf(stderr, ", HTTP %d", e.status);
  std::fprintf(stderr, "): %s\n", e.message.c_str());
  if (cl.flag("--verbose")) std::fprintf(stderr, "%s\n", novu::to_debug_string(e).c_str());
  return exit_code_for(e);
}

// The call options of the command line.
novu::call_options call_options_of(const command_line& cl) {
  novu::call_options options;
  if (const std::string* key = cl.option("--idempotency-key")) options.idempotency_key = *key;
  return options;
}

// ---------------------------------------------------------------------------------------------
// The client.

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

struct client_type : novu::client<verbose_transport> {
  using novu::client<verbose_transport>::client;
};

// ---------------------------------------------------------------------------------------------
// Commands.

// The list filters every resource shares, from the command line; an error text when one is
// malformed.
template <class Params>
std::string common_list_params(const command_line& cl, Params& p) {
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
  if (const std::string* v = cl.option("--channel")) p.channel = novu::channel_type(*v);
  if (const std::string* v = cl.option("--provider-id")) p.provider_id = novu::provider_id(*v);
  if (const std::string* v = cl.option("--integration-identifier")) p.integration_identifier = *v;
  if (cl.flag("--without-context")) {
    p.context_keys = std::vector<std::string>{};
  } else if (cl.given("--context-key")) {
    p.context_keys = cl.all("--context-key");
  }
  return {};
}

// The connections' list filters: the shared ones and the connection mode.
std::string list_params_from(const command_line& cl, novu::list_channel_connections_params& p) {
  if (const std::string* v = cl.option("--connection-mode")) {
    if (*v != "subscriber" && *v != "shared") return "--connection-mode takes subscriber or shared";
    p.connection_mode = *v == "shared" ? novu::connection_mode::shared : novu::connection_mode::subscriber;
  }
  return common_list_params(cl, p);
}

// --max-pages into `paging`; an error text when it is not a positive number.
std::string max_pages_of(const command_line& cl, novu::pagination_options& paging) {
  if (const std::string* v = cl.option("--max-pages")) {
    char* end = nullptr;
    const unsigned long pages = std::strtoul(v->c_str(), &end, 10);
    if (end == v->c_str() || *end != '\0' || pages == 0 || (*v)[0] == '-') return "--max-pages takes a positive number";
    paging.max_pages = pages;
  }
  return {};
}

// The --context TYPE=ID entries into `context`; an error text for a malformed one.
std::string context_of(const command_line& cl, std::optional<std::vector<novu::context_entry>>& context) {
  for (const std::string& entry : cl.all("--context")) {
    const std::string::size_type eq = entry.find('=');
    if (eq == std::string::npos || eq == 0) return "--context takes TYPE=ID, not " + entry;
    if (!context) context.emplace();
    context->push_back({entry.substr(0, eq), entry.substr(eq + 1), std::nullopt});
  }
  return {};
}

int run_list(client_type& client, const command_line& cl) {
  novu::list_channel_connections_params params;
  const std::string bad = list_params_from(cl, params);
  if (!bad.empty()) return usage_error(bad);
  const bool json = cl.flag("--json");
  const bool show_secrets = cl.flag("--show-secrets");
  if (!cl.flag("--all")) {
    if (cl.given("--max-pages")) return usage_error("--max-pages needs --all");
    novu::result<novu::channel_connection_page> page = client.channel_connections().list(params, call_options_of(cl));
    if (!page) return report_error(page.error(), cl);
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
  const std::string bad_pages = max_pages_of(cl, paging);
  if (!bad_pages.empty()) return usage_error(bad_pages);
  const bool progress = isatty(STDERR_FILENO) == 1;  // a \r line only where a person watches
  std::vector<novu::channel_connection> rows;
  novu::result<std::size_t> pages = client.channel_connections().for_each_page(
      params,
      [&](const novu::channel_connection_page& page) {
        for (const novu::channel_connection& c : page.data) rows.push_back(shown(c, show_secrets));
        if (progress) {
          std::fprintf(stderr, "\rfetched %zu of %lld connection(s)...", rows.size(),
                       static_cast<long long>(page.total_count));
        }
        return true;
      },
      paging, call_options_of(cl));
  if (progress) std::fprintf(stderr, "\n");
  if (!pages) return report_error(pages.error(), cl);
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

int run_get(client_type& client, const command_line& cl) {
  novu::result<novu::channel_connection> got =
      client.channel_connections().retrieve(cl.positional[0], call_options_of(cl));
  if (!got) return report_error(got.error(), cl);
  print_connection(*got, cl);
  return exit_ok;
}

int run_verify(client_type& client, const command_line& cl) {
  novu::result<novu::channel_connection> got =
      client.channel_connections().verify(cl.positional[0], call_options_of(cl));
  if (!got) return report_error(got.error(), cl);
  print_connection(*got, cl);
  return exit_ok;
}

// Reports the outcome of a delete of cl.positional[0] (either resource) and returns the exit code.
int report_deleted(const novu::result<void>& gone, const command_line& cl) {
  if (!gone) return report_error(gone.error(), cl);
  if (cl.flag("--json")) {
    std::printf("{\"deleted\":%s}\n", novu::json_string(cl.positional[0]).value_or(novu::any_json{}).text.c_str());
  } else {
    std::printf("deleted %s\n", cl.positional[0].c_str());
  }
  return exit_ok;
}

int run_delete(client_type& client, const command_line& cl) {
  return report_deleted(client.channel_connections().remove(cl.positional[0], call_options_of(cl)), cl);
}

// Decodes the --body file with `decode`; an error text when it cannot be read or decoded.
template <class Body, class Decode>
std::string body_from_file(const std::string& file, Body& body, Decode decode) {
  std::string text;
  std::string why;
  if (!read_body_file(file, text, why)) return "cannot read " + file + ": " + why;
  auto decoded = decode(text);
  if (!decoded) return "--body " + file + ": " + decoded.error().message;
  body = std::move(*decoded);
  return {};
}

// Fills `w` and `a` from the --workspace-*/--access-token-style options.
void fill_workspace_and_auth(const command_line& cl, novu::workspace& w, novu::auth& a) {
  if (const std::string* v = cl.option("--workspace-id")) w.id = *v;
  if (const std::string* v = cl.option("--workspace-name")) w.name = *v;
  if (const std::string* v = cl.option("--bot-user-id")) w.bot_user_id = *v;
  if (const std::string* v = cl.option("--access-token")) a.access_token = *v;
  if (const std::string* v = cl.option("--refresh-token")) a.refresh_token = *v;
  if (const std::string* v = cl.option("--expires-at")) a.expires_at = *v;
  if (const std::string* v = cl.option("--refresh-token-expires-at")) a.refresh_token_expires_at = *v;
}

int run_create(client_type& client, const command_line& cl) {
  novu::create_channel_connection_request body;
  if (const std::string* file = cl.option("--body")) {
    const std::string bad =
        body_from_file(*file, body, [](const std::string& t) { return novu::connections::decode_create_request(t); });
    if (!bad.empty()) return usage_error(bad);
  } else {
    for (const char* required : {"--integration-identifier", "--workspace-id", "--access-token"}) {
      if (!cl.given(required)) return usage_error(std::string("create needs ") + required + " (or --body FILE)");
    }
    body.integration_identifier = *cl.option("--integration-identifier");
    if (const std::string* v = cl.option("--identifier")) body.identifier = *v;
    if (const std::string* v = cl.option("--subscriber-id")) body.subscriber_id = *v;
    if (const std::string* v = cl.option("--connection-mode")) {
      if (*v != "subscriber" && *v != "shared") return usage_error("--connection-mode takes subscriber or shared");
      body.connection_mode = *v == "shared" ? novu::connection_mode::shared : novu::connection_mode::subscriber;
    }
    const std::string bad_context = context_of(cl, body.context);
    if (!bad_context.empty()) return usage_error(bad_context);
    fill_workspace_and_auth(cl, body.workspace, body.auth);
  }
  novu::result<novu::channel_connection> created = client.channel_connections().create(body, call_options_of(cl));
  if (!created) return report_error(created.error(), cl);
  print_connection(*created, cl);
  return exit_ok;
}

int run_update(client_type& client, const command_line& cl) {
  novu::update_channel_connection_request body;
  if (const std::string* file = cl.option("--body")) {
    const std::string bad =
        body_from_file(*file, body, [](const std::string& t) { return novu::connections::decode_update_request(t); });
    if (!bad.empty()) return usage_error(bad);
  } else {
    for (const char* required : {"--workspace-id", "--access-token"}) {
      if (!cl.given(required)) return usage_error(std::string("update needs ") + required + " (or --body FILE)");
    }
    fill_workspace_and_auth(cl, body.workspace, body.auth);
  }
  novu::result<novu::channel_connection> updated =
      client.channel_connections().update(cl.positional[0], body, call_options_of(cl));
  if (!updated) return report_error(updated.error(), cl);
  print_connection(*updated, cl);
  return exit_ok;
}

// The options of a list command (both resources).
std::vector<option_spec> list_option_specs() {
  return {
      {"--after", "CURSOR", false, "start after this identifier"},
      {"--before", "CURSOR", false, "end before this identifier"},
      {"--limit", "N", false, "page size, 1..100 (default 10)"},
      {"--order-direction", "ASC|DESC", false, "sort direction"},
      {"--order-by", "createdAt|updatedAt", false, "sort field"},
      {"--include-cursor", "true|false", false, "include the cursor's own item"},
      {"--subscriber-id", "S", false, "filter: subscriberId"},
      {"--channel", "C", false, "filter: channel (chat, ...)"},
      {"--provider-id", "P", false, "filter: providerId (slack, ...)"},
      {"--integration-identifier", "I", false, "filter: integrationIdentifier"},
      {"--context-key", "TYPE:ID", true, "filter: contextKeys"},
      {"--without-context", "", false, "filter: only those without context (contextKeys=)"},
      {"--all", "", false, "follow the cursors through every page"},
      {"--max-pages", "N", false, "with --all: stop after N pages (default 1000)"},
  };
}

#include "cli_endpoint_commands.hpp"

// Every command, in the order --help lists them. A new command is one more row.
const std::vector<command_spec>& commands() {
  static const std::vector<command_spec> table = [] {
    std::vector<option_spec> connection_list_options = list_option_specs();
    connection_list_options.insert(
        connection_list_options.begin() + 7,
        option_spec{"--connection-mode", "subscriber|shared", false, "filter: connectionMode"});
    const std::vector<option_spec> body_options = connection_body_options();
    std::vector<option_spec> create_options = {
        {"--integration-identifier", "I", false, "integrationIdentifier (required without --body)"},
        {"--identifier", "ID", false, "identifier (default: generated by the server)"},
        {"--subscriber-id", "S", false, "subscriberId"},
        {"--context", "TYPE=ID", true, "a context entry"},
        {"--connection-mode", "subscriber|shared", false, "connectionMode"},
    };
    std::vector<std::string> create_exclusive = body_exclusive(create_options);
    create_options.insert(create_options.end(), body_options.begin(), body_options.end());
    std::vector<std::string> update_exclusive = body_exclusive(body_options);
    create_exclusive.insert(create_exclusive.begin(), update_exclusive.begin(), update_exclusive.end());
    std::vector<command_spec> rows{
        {"list",
         {},
         connection_list_options,
         {{"--without-context", "--context-key"}},
         "list connections (one page, or --all)",
         &run_list},
        {"get", {"IDENTIFIER"}, {}, {}, "show one connection", &run_get},
        {"create",
         {},
         create_options,
         {create_exclusive},
         "create a connection from options or --body FILE",
         &run_create},
        {"update",
         {"IDENTIFIER"},
         body_options,
         {update_exclusive},
         "replace a connection's workspace and auth from options or --body FILE",
         &run_update},
        {"delete", {"IDENTIFIER"}, {}, {}, "delete a connection", &run_delete},
        {"verify",
         {"IDENTIFIER"},
         {},
         {},
         "check the stored tokens with the provider, refreshing them when due",
         &run_verify},
    };
    std::vector<command_spec> endpoints = endpoint_commands();
    rows.insert(rows.end(), endpoints.begin(), endpoints.end());
    return rows;
  }();
  return table;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 0 && argv[0] != nullptr && *argv[0] != '\0') {
    program = argv[0];
    const std::string::size_type slash = program.rfind('/');
    if (slash != std::string::npos) program.erase(0, slash + 1);
  }
  const parse_result parsed = parse(argc, argv);
  if (parsed.help) {
    print_help();
    return exit_ok;
  }
  if (!parsed.error.empty()) return usage_error(parsed.error);
  if (parsed.version) {
    std::printf("%s %s\n", program.c_str(), NOVU_CC_VERSION_STRING);
    return exit_ok;
  }
  const command_line& cl = parsed.line;
  const char* key = std::getenv("NOVU_SECRET_KEY");
  if (key == nullptr || *key == '\0') return usage_error("NOVU_SECRET_KEY is not set");
  if (cl.flag("--eu") && cl.given("--base-url")) return usage_error("options --eu and --base-url exclude each other");

  novu::client_config config;
  config.secret_key = key;
  if (cl.flag("--eu")) config.server_url = std::string(novu::server_eu);
  if (const std::string* url = cl.option("--base-url")) config.server_url = *url;
  if (cl.flag("--no-retry")) config.retry = novu::retry_policy::disabled();

  novu_examples::curl_global curl;
  if (!curl.ok()) {
    std::fprintf(stderr, "%s: libcurl failed to initialise\n", program.c_str());
    return exit_transport;
  }
  client_type client(config, verbose_transport{novu_examples::curl_transport(novu_examples::curl_transport_options{}),
                                               cl.flag("--verbose")});
  return parsed.command->run(client, cl);
}
