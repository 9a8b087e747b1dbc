// A synchronous libcurl transport for novu::client: one easy handle per call, nothing shared.
// Example code (not part of the library): copy it into your project and adapt it.
//
// Thread safety: every call creates, uses and frees its own CURL easy handle, so one
// curl_transport (or copies of it) may serve several threads at once; the object itself only
// holds immutable options. libcurl needs curl_global_init() once before any thread starts
// (see curl_global below); CURLOPT_NOSIGNAL keeps timeouts from raising signals in threads.
// Connections are not reused between calls: simple and safe, at the cost of one TCP (and TLS)
// handshake per request.
// SPDX-License-Identifier: MIT
#pragma once

#include <curl/curl.h>  // curl_easy_*, curl_slist_*, curl_global_*

#include <algorithm>    // min
#include <chrono>       // milliseconds
#include <cstddef>      // size_t
#include <memory>       // unique_ptr
#include <string>       // string
#include <string_view>  // string_view
#include <utility>      // move

#include "novu/core/error.hpp"
#include "novu/core/http.hpp"
#include "novu/core/result.hpp"

namespace novu_examples {

/// Settings of a curl_transport. TLS certificate and host name verification are always on.
struct curl_transport_options {
  /// Longest wait for the TCP and TLS handshake.
  std::chrono::milliseconds connect_timeout{10000};
  /// Longest time one request may take, connection and body included, unless the request
  /// carries its own deadline (`http_request::timeout_ms`, from `call_options::timeout_ms`).
  std::chrono::milliseconds total_timeout{30000};
  /// Larger response bodies abort the call with a transport error instead of growing memory.
  std::size_t max_response_bytes = 16u * 1024u * 1024u;
};

/// Calls curl_global_init on construction and curl_global_cleanup on destruction. Create one
/// in main() before any thread uses a curl_transport, and keep it alive until they are done.
class curl_global {
 public:
  /// Initialises libcurl (SSL included); check ok() before use.
  curl_global() noexcept : code_(curl_global_init(CURL_GLOBAL_DEFAULT)) {}
  /// Releases libcurl's global state if the constructor acquired it.
  ~curl_global() {
    if (code_ == CURLE_OK) curl_global_cleanup();
  }
  /// Not copyable: exactly one object owns the initialisation.
  curl_global(const curl_global&) = delete;
  /// Not assignable, for the same reason.
  curl_global& operator=(const curl_global&) = delete;

  /// True when libcurl initialised.
  bool ok() const noexcept { return code_ == CURLE_OK; }

 private:
  CURLcode code_;
};

namespace detail {

// Frees an easy handle.
struct easy_deleter {
  void operator()(CURL* handle) const noexcept { curl_easy_cleanup(handle); }
};
// Frees a header list.
struct slist_deleter {
  void operator()(curl_slist* list) const noexcept { curl_slist_free_all(list); }
};

// What the callbacks fill in while a transfer runs.
struct transfer_state {
  novu::http_response response;
  std::size_t max_body = 0;
  bool body_too_large = false;
};

// `text` without leading and trailing spaces, tabs, CR and LF.
inline std::string_view trim(std::string_view text) noexcept {
  const char* const blanks = " \t\r\n";
  const std::size_t first = text.find_first_not_of(blanks);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

// True when a header name or value could break the request framing.
inline bool has_control_character(std::string_view text) noexcept {
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t') || c == 0x7F) return true;
  }
  return false;
}

// Runs `work`; false when it threw. libcurl is C: no exception may unwind through it.
template <class Work>
bool run_without_throwing(Work&& work) noexcept {
#if defined(__cpp_exceptions)
  try {
    work();
  } catch (...) {
    return false;
  }
#else
  work();
#endif
  return true;
}

// CURLOPT_WRITEFUNCTION: appends body bytes; returning less than `size * count` aborts.
inline std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) noexcept {
  auto& state = *static_cast<transfer_state*>(user);
  const std::size_t bytes = size * count;
  if (bytes > state.max_body - state.response.body.size()) {
    state.body_too_large = true;
    return 0;
  }
  return run_without_throwing([&] { state.response.body.append(data, bytes); }) ? bytes : 0;
}

// CURLOPT_HEADERFUNCTION: one header line at a time, status lines and the blank line included.
inline std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) noexcept {
  auto& headers = static_cast<transfer_state*>(user)->response.headers;
  const std::size_t bytes = size * count;
  const std::string_view line(data, bytes);
  const bool ok = run_without_throwing([&] {
    if (line.compare(0, 5, "HTTP/") == 0) {
      headers.clear();  // a new response begins (after 100 Continue): keep only the final one
    } else if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
      const std::string_view more = trim(line);  // obsolete line folding continues the last value
      if (!headers.empty() && !more.empty()) {
        headers.back().value += ' ';
        headers.back().value.append(more.data(), more.size());
      }
    } else if (const std::size_t colon = line.find(':'); colon != std::string_view::npos) {
      const std::string_view name = trim(line.substr(0, colon));
      const std::string_view value = trim(line.substr(colon + 1));
      headers.push_back({std::string(name), std::string(value)});
    }
  });
  return ok ? bytes : 0;
}

}  // namespace detail

/// A copyable transport for novu::client over libcurl's easy interface, safe to call from several
/// threads at once: `novu::client<novu_examples::curl_transport> c(config, {});`.
class curl_transport {
 public:
  /// A transport with default timeouts (connect 10 s, total 30 s).
  curl_transport() = default;
  /// A transport with the given options.
  explicit curl_transport(curl_transport_options options) : options_(std::move(options)) {}

  /// The options every call uses.
  const curl_transport_options& options() const noexcept { return options_; }

  /// Sends `request` and returns status, headers and body of the answer, whatever its status,
  /// or a transport error carrying curl's message (never a header value).
  novu::transport_result operator()(const novu::http_request& request) const {
    std::unique_ptr<CURL, detail::easy_deleter> handle(curl_easy_init());
    if (!handle) return novu::transport_error("curl: curl_easy_init failed");
    CURL* const curl = handle.get();

    // curl_slist_append returns the list's head, or nullptr (list untouched) when out of memory.
    std::unique_ptr<curl_slist, detail::slist_deleter> header_list;
    auto append = [&header_list](const std::string& line) {
      curl_slist* head = curl_slist_append(header_list.get(), line.c_str());
      if (head == nullptr) return false;
      header_list.release();
      header_list.reset(head);
      return true;
    };
    for (const novu::http_header& h : request.headers) {
      if (h.name.empty() || h.name.find(':') != std::string::npos || detail::has_control_character(h.name) ||
          detail::has_control_character(h.value)) {
        return novu::transport_error("curl: refusing to send a malformed header field named \"" +
                                     (detail::has_control_character(h.name) ? std::string("?") : h.name) + "\"");
      }
      // "Name;" is curl's spelling for a header with an empty value ("Name:" would remove it).
      if (!append(h.value.empty() ? h.name + ";" : h.name + ": " + h.value)) {
        return novu::transport_error("curl: out of memory building the header list");
      }
    }
    // Without this, libcurl may add "Expect: 100-continue" to larger bodies and wait for it.
    if (!append("Expect:")) return novu::transport_error("curl: out of memory building the header list");

    detail::transfer_state state;
    state.max_body = options_.max_response_bytes;
    char error_text[CURL_ERROR_SIZE] = {};
    const bool sends_body = request.method == "POST" || request.method == "PATCH" || !request.body.empty();

    CURLcode code = CURLE_OK;
    auto set = [&code](CURLcode result) {
      if (code == CURLE_OK) code = result;
    };
    set(curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text));
    set(curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str()));
    set(curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str()));
    set(curl_easy_setopt(curl, CURLOPT_HTTPHEADER, header_list.get()));
    if (sends_body) {
      set(curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size())));
      set(curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data()));
    }
#if LIBCURL_VERSION_NUM >= 0x075500  // 7.85.0 replaced CURLOPT_PROTOCOLS
    set(curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https"));
#else
    set(curl_easy_setopt(curl, CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS)));
#endif
    set(curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L));
    set(curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L));
    set(curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L));
    // The request's own deadline replaces the total timeout and caps the connect timeout.
    const long total_ms = request.timeout_ms != 0 ? static_cast<long>(request.timeout_ms)
                                                  : static_cast<long>(options_.total_timeout.count());
    const long connect_ms = std::min(static_cast<long>(options_.connect_timeout.count()), total_ms);
    set(curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, connect_ms));
    set(curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, total_ms));
    set(curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &detail::on_body));
    set(curl_easy_setopt(curl, CURLOPT_WRITEDATA, static_cast<void*>(&state)));
    set(curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &detail::on_header));
    set(curl_easy_setopt(curl, CURLOPT_HEADERDATA, static_cast<void*>(&state)));
    if (code != CURLE_OK) {
      return novu::transport_error(std::string("curl: setting up the request failed: ") + curl_easy_strerror(code));
    }

    code = curl_easy_perform(curl);
    if (state.body_too_large) {
      return novu::transport_error("curl: response body exceeds " + std::to_string(options_.max_response_bytes) +
                                   " bytes");
    }
    if (code != CURLE_OK) {
      std::string message = std::string("curl: ") + curl_easy_strerror(code);
      if (error_text[0] != '\0') message += std::string(" (") + error_text + ")";
      return novu::transport_error(std::move(message));
    }
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    state.response.status = static_cast<int>(status);
    return std::move(state.response);
  }

 private:
  curl_transport_options options_{};
};

}  // namespace novu_examples
