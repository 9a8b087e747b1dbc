// The one place that reaches into nlohmann/json's internals (`nlohmann::detail`): the SAX
// parser run directly over a string, the exception type its SAX errors carry, and the compact
// serializer over a caller's string. Everything else uses the names below, so a change in
// nlohmann's internals is met here alone.
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>       // shared_ptr
#include <string>       // string
#include <string_view>  // string_view
#include <type_traits>  // is_same

#include <nlohmann/json.hpp>

#include "novu/core/version.hpp"

// The internals below are those of nlohmann/json 3.11 (3.11.2 is the version tested); an older
// one is refused here with a plain message instead of errors deep inside its headers.
#if !defined(NLOHMANN_JSON_VERSION_MAJOR) || NLOHMANN_JSON_VERSION_MAJOR != 3 || NLOHMANN_JSON_VERSION_MINOR < 11
#error "novu needs nlohmann/json 3.11 or newer (3.x); Debian 12's nlohmann-json3-dev (3.11.2) is what is tested"
#endif

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// The nlohmann/json specialization of the DOMs the implementation builds: ordered, so that
// request bodies are written in the order given and captured values keep their member order.
using json_value = nlohmann::ordered_json;

// nlohmann's sax_parse(text.begin(), text.end(), sax) without its support for binary formats:
// calling the parser directly keeps the compiler from instantiating a CBOR, BSON, MessagePack
// and UBJSON reader for each SAX handler (about a tenth of a header-only client's code at -O0).
// The parser and lexer are those of `nlohmann::json` over `const char*`, which
// <nlohmann/json.hpp> instantiates anyway for its `_json` literal; the SAX events carry the
// same types for both specializations, and sharing them saves the compiler a second lexer.
template <class Sax>
bool sax_parse_text(std::string_view text, Sax* sax) {
  using adapter = nlohmann::detail::iterator_input_adapter<const char*>;
  static_assert(std::is_same<nlohmann::json::string_t, json_value::string_t>::value &&
                    std::is_same<nlohmann::json::number_integer_t, json_value::number_integer_t>::value &&
                    std::is_same<nlohmann::json::number_unsigned_t, json_value::number_unsigned_t>::value &&
                    std::is_same<nlohmann::json::number_float_t, json_value::number_float_t>::value &&
                    std::is_same<nlohmann::json::binary_t, json_value::binary_t>::value,
                "the SAX events of nlohmann::json and nlohmann::ordered_json carry the same types");
  return nlohmann::detail::parser<nlohmann::json, adapter>(adapter(text.data(), text.data() + text.size()), nullptr,
                                                           true, false)
      .sax_parse(sax, true);
}

// The exception type nlohmann passes to a SAX handler's parse_error() (never thrown by us).
using json_parse_exception = nlohmann::detail::exception;

// Appends `dom`, compact, to `text` (what dom.dump() returns), refusing invalid UTF-8 as dump()
// does. The output adapter lives on the stack: the serializer needs only a non-owning pointer.
inline void dump_compact(const json_value& dom, std::string& text) {
  nlohmann::detail::output_string_adapter<char, std::string> adapter(text);
  nlohmann::detail::serializer<json_value> serializer(
      nlohmann::detail::output_adapter_t<char>(std::shared_ptr<void>(), &adapter), ' ',
      nlohmann::detail::error_handler_t::strict);
  serializer.dump(dom, false, false, 0);
}

}  // namespace detail
NOVU_CC_NAMESPACE_END
