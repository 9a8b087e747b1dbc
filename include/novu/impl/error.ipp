// Implementation of novu/error.hpp.
// SPDX-License-Identifier: MIT
#pragma once

#include <string>       // string
#include <string_view>  // string_view

#include "novu/error.hpp"
#include "novu/version.hpp"

NOVU_CC_NAMESPACE_BEGIN

NOVU_CC_API void redact_secret(error& e, std::string_view secret) {
  if (secret.size() < 4) return;
  for (std::string* text : {&e.message, &e.location}) {
    std::string::size_type at = 0;
    while ((at = text->find(secret.data(), at, secret.size())) != std::string::npos) {
      text->replace(at, secret.size(), "[redacted]");
      at += 10;
    }
  }
}

NOVU_CC_NAMESPACE_END
