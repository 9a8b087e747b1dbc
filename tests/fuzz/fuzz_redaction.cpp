// libFuzzer target: secrets planted anywhere in a hostile answer never reach an error.
//
// Input: status byte, flags byte (bits 0-1: how the key is configured; bits 2-3: operation),
// then the secret key, the access token and the refresh token, each as a length byte (4..35
// bytes used) and its bytes, then a template: header lines ("name:value", '\n'-separated) up
// to a 0xFF byte, then the body. In the template, bytes 0x01..0x0C stand for a secret in a
// spelling: 0x01-0x03 key/access/refresh verbatim, 0x04-0x06 JSON-escaped, 0x07-0x09 every
// byte \u-escaped, 0x0A-0x0C percent-encoded; 0x0E is "apikey " + the key.
//
// Checks: (1) no field of the error a client call returns (message, location, body, header
// names and values, every api member) nor its debug print holds the key or a token the call
// sent, verbatim, JSON-unescaped or percent-decoded (tests/secret_check.hpp, independent of the
// library); (2) differential: on texts without '\\' or '%', the scrubber's output equals a
// naive reference that marks every occurrence of every secret and replaces each marked run.
#include "../secret_check.hpp"
#include "fuzz_common.hpp"
#include "novu/core/detail/scrub.hpp"

namespace {

std::string take(const std::uint8_t*& p, const std::uint8_t* end) {
  if (p >= end) return "tok_default";
  std::size_t n = 4 + *p++ % 32;
  if (static_cast<std::size_t>(end - p) < n) n = static_cast<std::size_t>(end - p);
  std::string s(reinterpret_cast<const char*>(p), n);
  p += n;
  return s;
}

std::string spelled(const std::string& secret, int how) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (char ch : secret) {
    const auto c = static_cast<unsigned char>(ch);
    if (how == 0) {
      out += ch;
    } else if (how == 1) {
      if (ch == '"' || ch == '\\') out += '\\';
      if (c < 0x20) {
        out += "\\u00";
        out += digits[c >> 4];
        out += digits[c & 15];
      } else {
        out += ch;
      }
    } else if (how == 2) {
      out += "\\u00";
      out += digits[c >> 4];
      out += digits[c & 15];
    } else {
      out += '%';
      out += digits[c >> 4];
      out += digits[c & 15];
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const int status = fuzz::status_of(data[0]);
  const std::uint8_t flags = data[1];
  const std::uint8_t* p = data + 2;
  const std::uint8_t* end = data + size;
  const std::string key = take(p, end);
  const std::string access = take(p, end);
  const std::string refresh = take(p, end);
  const std::string spellings[4][3] = {
      {spelled(key, 0), spelled(access, 0), spelled(refresh, 0)},
      {spelled(key, 1), spelled(access, 1), spelled(refresh, 1)},
      {spelled(key, 2), spelled(access, 2), spelled(refresh, 2)},
      {spelled(key, 3), spelled(access, 3), spelled(refresh, 3)},
  };
  std::string headers_text;
  std::string body;
  bool in_body = false;
  for (; p < end; ++p) {
    std::string& out = in_body ? body : headers_text;
    const std::uint8_t b = *p;
    if (b == 0xFF && !in_body) {
      in_body = true;
    } else if (b >= 0x01 && b <= 0x0C) {
      out += spellings[(b - 1) / 3][(b - 1) % 3];
    } else if (b == 0x0E) {
      out += "apikey " + key;
    } else {
      out += static_cast<char>(b);
    }
  }

  novu::http_response answer;
  answer.status = status;
  std::size_t line_start = 0;
  while (line_start < headers_text.size()) {
    std::size_t line_end = headers_text.find('\n', line_start);
    if (line_end == std::string::npos) line_end = headers_text.size();
    const std::string line = headers_text.substr(line_start, line_end - line_start);
    const std::size_t colon = line.find(':');
    answer.headers.push_back({line.substr(0, colon), colon == std::string::npos ? "" : line.substr(colon + 1)});
    line_start = line_end + 1;
  }
  answer.body = body;

  novu::client_config config;
  config.retry = novu::retry_policy::disabled();
  switch (flags & 3) {
    case 0: config.secret_key = key; break;
    case 1: config.secret_key = "ApiKey " + key; break;
    case 2: config.secret_key = " apikey\t" + key + "\r\n"; break;
    default: config.secret_key = "  " + key; break;
  }
  auto transport = [&](const novu::http_request&) -> novu::transport_result { return answer; };
  novu::client<decltype(transport)> client(config, transport);
  novu::update_channel_connection_request update;
  update.workspace.id = "T1";
  update.auth.access_token = access;
  update.auth.refresh_token = refresh;
  std::vector<std::string> secrets;
  for (const std::string& s : {key, access, refresh}) {
    const std::string_view core = novu::detail::secret_core(s);
    if (core.size() >= novu::detail::min_secret_length) secrets.emplace_back(core);
  }

  std::optional<novu::error> e;
  bool only_key = false;
  switch ((flags >> 2) & 3) {
    case 0: {
      novu::result<novu::channel_connection> r = client.update("conn-1", update);
      if (!r) e = r.error();
      break;
    }
    case 1: {
      novu::create_channel_connection_request create;
      create.integration_identifier = "slack";
      create.workspace = update.workspace;
      create.auth = update.auth;
      novu::result<novu::channel_connection> r = client.create(create);
      if (!r) e = r.error();
      break;
    }
    case 2: {
      novu::result<novu::channel_connection_page> r = client.list();
      if (!r) e = r.error();
      only_key = true;  // the call sent no token
      break;
    }
    default: {
      novu::result<void> r = client.remove("conn-1");
      if (!r) e = r.error();
      only_key = true;
      break;
    }
  }
  if (only_key) {
    secrets.clear();
    const std::string_view core = novu::detail::secret_core(key);
    if (core.size() >= novu::detail::min_secret_length) secrets.emplace_back(core);
  }
  if (e) {
    // The printer joins the fields with its own words ("error api: ", "\nlocation: ",
    // "Name: value", "... [N more bytes]") and escapes control bytes as "\xNN": a secret that is
    // part of those words, or could be spelled across a seam (it holds ':', a line feed, "...",
    // '[' or a backslash), is searched for in the fields only (above), not in the printout.
    static const std::string vocabulary =
        "error invalid_argument transport api validation http decode limit_exceeded location status "
        "[redacted] more bytes";
    // A secret with a control byte can only be printed escaped (the printer writes every control
    // byte and DEL as "\n", "\r", "\t" or "\xHH"), so it is searched for in that spelling in
    // the raw printout. (Its bytes from 0x80 up are searched for raw, as valid UTF-8 is printed.)
    // A secret the printer's own words or line breaks could spell across a seam (it holds ':', a
    // line feed, "...", '[' or a backslash) is searched for in the fields only (below).
    auto seam = [](const std::string& s) {
      return s.find(':') != std::string::npos || s.find('\n') != std::string::npos ||
             s.find("...") != std::string::npos || s.find('[') != std::string::npos ||
             s.find('\\') != std::string::npos;
    };
    std::vector<std::string> escaped_secrets;
    std::vector<std::string> printable_secrets;
    for (const std::string& s : secrets) {
      if (seam(s)) continue;
      bool control = false;
      std::string escaped;
      for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x20 && c != 0x7F) {
          escaped += ch;
          continue;
        }
        control = true;
        static const char digits[] = "0123456789ABCDEF";
        escaped += c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : "";
        if (c != '\n' && c != '\r' && c != '\t') escaped += std::string("\\x") + digits[c >> 4] + digits[c & 15];
      }
      if (control) {
        escaped_secrets.push_back(escaped);
      } else if (vocabulary.find(s) == std::string::npos) {
        printable_secrets.push_back(s);
      }
    }
    // The printout read as units: an escape ("\xHH", "\n", "\r", "\t") is one unit, any other
    // byte another. In `printed` each escape becomes one placeholder byte, so that a secret
    // starting with the escape's tail ("0klv" after "\xA0") is not taken for a leak (secrets
    // holding a control byte, the placeholder's kind, are searched for apart, below).
    std::string printed;
    const std::string raw = novu::to_debug_string(*e);
    std::vector<bool> unit_start(raw.size() + 1, false);
    for (std::size_t i = 0; i < raw.size();) {
      unit_start[i] = true;
      std::size_t unit = 1;
      if (raw[i] == '\\' && i + 3 < raw.size() && raw[i + 1] == 'x' && secret_check::hex(raw[i + 2]) >= 0 &&
          secret_check::hex(raw[i + 3]) >= 0) {
        unit = 4;
      } else if (raw[i] == '\\' && i + 1 < raw.size() &&
                 (raw[i + 1] == 'n' || raw[i + 1] == 'r' || raw[i + 1] == 't')) {
        unit = 2;
      }
      printed += unit == 1 ? raw[i] : '\x01';
      i += unit;
    }
    unit_start[raw.size()] = true;
    for (const std::string& s : printable_secrets) {
      if (secret_check::holds(printed, s)) {
        std::fprintf(stderr, "leak in the debug print: %s\n--- printout:\n%s\n---\n", s.c_str(), printed.c_str());
      }
      NOVU_FUZZ_CHECK(!secret_check::holds(printed, s), "a secret reached a debug print");
    }
    // The printer writes a backslash as is, so text that spells "\x00" in the input prints the
    // same as a NUL byte of a secret: a secret whose escaped spelling the input holds as plain
    // text is searched for in the fields only (its real bytes, above).
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    // An escaped secret counts only where it starts and ends on unit boundaries, so "7\x17" is
    // not found inside "\x17\x17" (the tail of one escape, a seam).
    auto printed_escaped = [&](const std::string& s) {
      for (std::size_t at = raw.find(s); at != std::string::npos; at = raw.find(s, at + 1)) {
        if (unit_start[at] && unit_start[at + s.size()]) return true;
      }
      return false;
    };
    for (const std::string& s : escaped_secrets) {
      if (input.find(s) != std::string_view::npos) continue;
      const bool leaked = printed_escaped(s);
      if (leaked) {
        std::fprintf(stderr, "leak in the debug print (escaped): %s\n--- printout:\n%s\n---\n", s.c_str(), raw.c_str());
      }
      NOVU_FUZZ_CHECK(!leaked, "a secret reached a debug print, escaped");
    }
    const std::string leak = secret_check::first_leak_in_fields(*e, secrets);
    if (!leak.empty()) std::fprintf(stderr, "leak: %s\n", leak.c_str());
    NOVU_FUZZ_CHECK(leak.empty(), "a secret reached an error");
    fuzz::check_printable(raw, "to_debug_string(error) is not printable");
    for (char ch : e->message) {
      const auto c = static_cast<unsigned char>(ch);
      NOVU_FUZZ_CHECK(c >= 0x20 && c != 0x7F, "a control character in an error message");
    }
    NOVU_FUZZ_CHECK(e->message.size() <= 4096, "an error message over 4 KB");
  }

  // Differential: the verbatim view against the naive reference.
  if (body.find('\\') == std::string::npos && body.find('%') == std::string::npos) {
    novu::detail::secret_scrubber scrubber;
    std::vector<std::string> cores;
    for (const std::string& s : {key, access, refresh}) {
      scrubber.add(s);
      const std::string_view core = novu::detail::secret_core(s);
      if (core.size() >= novu::detail::min_secret_length) cores.emplace_back(core);
    }
    std::string scrubbed = body;
    scrubber.scrub(scrubbed);
    const std::string expected = secret_check::naive_scrub(body, cores, scrubber.marker());
    bool reference_clean = !expected.empty() || body.empty();
    for (const std::string& c : cores) reference_clean = reference_clean && expected.find(c) == std::string::npos;
    if (reference_clean && !scrubber.marker().empty()) {
      NOVU_FUZZ_CHECK(scrubbed == expected, "the scrubber differs from the naive reference");
    }
  }
  return 0;
}
