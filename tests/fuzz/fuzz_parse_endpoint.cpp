// libFuzzer target: the channel endpoint parsers (endpoints::parse_list_response and
// parse_create/retrieve/update/delete_response). Input: status byte, flags byte (bits 0-2:
// operation, list create retrieve update delete, then list retrieve update again; bit 3: tiny
// limits), then the body. Beyond the connection targets' invariants (no crash, well-formed errors
// that keep the masked body, a value that re-encodes to a fixpoint), a decoded endpoint must
// decode the same with `type` moved before or after `endpoint`, must hold what an independent
// nlohmann-DOM oracle reads from the body, and no endpoint secret of the body may show in an
// error or a debug print.
#include <algorithm>  // find_if

#include "endpoint_oracle.hpp"
#include "fuzz_common.hpp"

namespace {

using fuzz::oracle::ojson;

// `object` with its `type` member moved to the front (front) or the end (!front).
ojson with_type_moved(const ojson& object, bool front) {
  if (!object.is_object() || object.find("type") == object.end()) return object;
  ojson out = ojson::object();
  if (front) out["type"] = object["type"];
  for (const auto& m : object.items()) {
    if (m.key() != "type") out[m.key()] = m.value();
  }
  if (!front) out["type"] = object["type"];
  return out;
}

// A channel endpoint decoded from `object` holds what the oracle reads there.
bool oracle_agrees(const ojson& object, const novu::channel_endpoint& e) {
  if (!object.is_object()) return false;
  const auto type = object.find("type");
  const auto payload = object.find("endpoint");
  if (type == object.end() || !type->is_string() || payload == object.end()) return false;
  if (type->get<std::string>() != e.type.value()) return false;
  const fuzz::oracle::type_spec* spec = fuzz::oracle::spec_of(e.type.value());
  if (spec == nullptr) {
    const auto* raw = std::get_if<novu::raw_alternative>(&e.endpoint);
    return raw != nullptr && raw->json.text == payload->dump();
  }
  const std::optional<ojson> expected = fuzz::oracle::expected(*spec, *payload);
  const std::size_t index = static_cast<std::size_t>(spec - fuzz::oracle::specs().data()) + 1;
  return expected && e.endpoint.index() == index && fuzz::oracle::actual(e.endpoint) == *expected;
}

// The canonical text of `value` decodes to the same text with every endpoint's `type` moved
// before and after its `endpoint`.
template <class T, class Decode>
void check_member_order(const T& value, Decode decode, bool page) {
  const std::string canonical = novu::encode_json(value).value_or("");
  const ojson doc = ojson::parse(canonical);
  for (bool front : {true, false}) {
    ojson moved = doc;
    if (page) {
      for (ojson& e : moved["data"]) e = with_type_moved(e, front);
    } else {
      moved = with_type_moved(moved, front);
    }
    const auto again = decode(moved.dump());
    NOVU_FUZZ_CHECK(again.has_value(), "moving `type` around `endpoint` breaks decoding");
    NOVU_FUZZ_CHECK(novu::encode_json(*again).value_or("-") == canonical,
                    "moving `type` around `endpoint` changes the value");
  }
}

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// Secrets of the body's endpoints that appear nowhere else in it: once in the body, spelled
// as-is and unescaped (a repeated member may hold it where the DOM, which keeps the last
// repeat, does not show it), and not in any other member of the DOM.
std::vector<std::string> body_secrets(const std::string& body) {
  std::vector<std::string> secrets;
  const ojson doc = ojson::parse(body, nullptr, false);
  if (doc.is_discarded()) return secrets;
  std::vector<std::string> all;
  fuzz::oracle::collect_secrets(doc, all, 8);
  const std::string rest = fuzz::oracle::without_secrets(doc).dump();
  for (const std::string& s : all) {
    // A value holding the mask's marker may be spelled by the masking of another value.
    if (s.find(novu::redacted_marker) != std::string::npos) continue;
    if (rest.find(s) == std::string::npos && occurrences(body, "\"" + s + "\"") == 1 && occurrences(body, s) == 1 &&
        occurrences(secret_check::naive_json_unescape(body), s) == 1) {
      secrets.push_back(s);
    }
  }
  return secrets;
}

void check_no_leak(const novu::error& e, const std::vector<std::string>& secrets) {
  const std::string leak = secret_check::first_leak(e, secrets);
  if (!leak.empty()) std::fprintf(stderr, "leak: %s\n", leak.c_str());
  NOVU_FUZZ_CHECK(leak.empty(), "an endpoint secret of the body shows in an error");
}

void check_failure(const novu::error& e, const novu::http_response& response, const novu::decode_limits& limits,
                   const std::vector<std::string>& secrets) {
  fuzz::check_error_kind(e, response.status);
  fuzz::check_error(e);
  NOVU_FUZZ_CHECK(fuzz::is_kept_body(e.body, response, limits), "error.body is not the response body");
  check_no_leak(e, secrets);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  novu::http_response response;
  response.status = fuzz::status_of(data[0]);
  response.body.assign(reinterpret_cast<const char*>(data + 2), size - 2);
  const novu::decode_limits limits = fuzz::limits_of((data[1] & 8) != 0);
  static constexpr int operations[] = {0, 1, 2, 3, 4, 0, 2, 3};
  const int operation = operations[data[1] & 7];
  const std::vector<std::string> secrets = body_secrets(response.body);
  const bool faithful = fuzz::oracle::unique_members(response.body);
  const ojson doc = faithful ? ojson::parse(response.body, nullptr, false) : ojson();

  if (operation == 0) {
    const novu::result<novu::channel_endpoint_page> page = novu::endpoints::parse_list_response(response, limits);
    if (page) {
      NOVU_FUZZ_CHECK(fuzz::is_2xx(response.status), "a non-2xx list response succeeded");
      auto decode = [](const std::string& text) { return novu::decode_channel_endpoint_page(text); };
      fuzz::check_round_trip(*page, decode);
      check_member_order(*page, decode, true);
      if (faithful) {
        NOVU_FUZZ_CHECK(doc.is_object() && doc.contains("data") && doc["data"].is_array() &&
                            doc["data"].size() == page->data.size(),
                        "the oracle sees another page");
        for (std::size_t i = 0; i < page->data.size(); ++i) {
          NOVU_FUZZ_CHECK(oracle_agrees(doc["data"][i], page->data[i]), "the oracle reads another page element");
        }
      }
      const std::optional<novu::list_channel_endpoints_params> next = novu::endpoints::next_page_params({}, *page);
      NOVU_FUZZ_CHECK(next.has_value() == (page->next.has_value() && !page->next->empty()), "next_page_params");
    } else {
      check_failure(page.error(), response, limits, secrets);
    }
  } else if (operation == 4) {
    const novu::result<void> done = novu::endpoints::parse_delete_response(response, limits);
    NOVU_FUZZ_CHECK(done.has_value() == fuzz::is_2xx(response.status), "delete succeeds iff 2xx");
    if (!done) check_failure(done.error(), response, limits, secrets);
  } else {
    novu::result<novu::channel_endpoint> (*const parsers[])(const novu::http_response&, const novu::decode_limits&) = {
        &novu::endpoints::parse_create_response, &novu::endpoints::parse_retrieve_response,
        &novu::endpoints::parse_update_response};
    const novu::result<novu::channel_endpoint> endpoint = parsers[operation - 1](response, limits);
    if (endpoint) {
      NOVU_FUZZ_CHECK(fuzz::is_2xx(response.status), "a non-2xx response succeeded");
      auto decode = [](const std::string& text) { return novu::decode_channel_endpoint(text); };
      fuzz::check_round_trip(*endpoint, decode);
      check_member_order(*endpoint, decode, false);
      const std::string text = novu::encode_json(*endpoint).value_or("-");
      for (auto parse : parsers) {
        const novu::result<novu::channel_endpoint> other = parse(response, limits);
        NOVU_FUZZ_CHECK(other && novu::encode_json(*other).value_or("") == text, "create/retrieve/update disagree");
      }
      if (faithful) {
        // Bare or enveloped: one of the two views must be what the library read.
        bool agrees = oracle_agrees(doc, *endpoint);
        if (!agrees && doc.is_object() && doc.contains("data")) agrees = oracle_agrees(doc["data"], *endpoint);
        NOVU_FUZZ_CHECK(agrees, "the oracle reads another endpoint");
      }
    } else {
      check_failure(endpoint.error(), response, limits, secrets);
    }
  }
  const std::string printed = novu::to_debug_string(response);
  fuzz::check_printable(printed, "to_debug_string(response) is not printable");
  for (const std::string& s : secrets) {
    NOVU_FUZZ_CHECK(!secret_check::holds(printed, s), "an endpoint secret shows in to_debug_string(response)");
  }
  return 0;
}
