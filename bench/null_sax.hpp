// nlohmann's floor: a SAX handler that does nothing, so sax_parse with it costs exactly what
// any decoder built on nlohmann's parser must pay before doing anything with the events.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>  // size_t
#include <string>   // string

#include <nlohmann/json.hpp>

namespace bench {

struct null_sax {
  using json = nlohmann::json;
  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(json::number_integer_t) { return true; }
  bool number_unsigned(json::number_unsigned_t) { return true; }
  bool number_float(json::number_float_t, const json::string_t&) { return true; }
  bool string(json::string_t&) { return true; }
  bool binary(json::binary_t&) { return true; }
  bool start_object(std::size_t) { return true; }
  bool key(json::string_t&) { return true; }
  bool end_object() { return true; }
  bool start_array(std::size_t) { return true; }
  bool end_array() { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }
};

}  // namespace bench
