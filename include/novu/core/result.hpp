// result<T>: a value or an error, an `expected`-like type that needs no exceptions.
// SPDX-License-Identifier: MIT
#pragma once

// The outermost public header of a translation unit includes the implementation at its end
// (header-only mode), so that every public header works on its own.
// NOVU_CC_STANDALONE {
#ifndef NOVU_CC_OUTERMOST_HEADER
#define NOVU_CC_OUTERMOST_HEADER 10
#endif
// NOVU_CC_STANDALONE }

#include <cassert>      // assert
#include <new>          // placement new
#include <type_traits>  // is_nothrow_*
#include <utility>      // move, forward

#include "novu/core/error.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// Holds either a `T` or a `novu::error`. Test it with `if (r)` or `has_value()`, then read
/// `value()` / `*r` or `error()`. Reading the side that is not held is a precondition
/// violation (checked by `assert`), as with `std::optional`.
template <class T>
class result {
 public:
  /// A successful result.
  result(T value) noexcept(std::is_nothrow_move_constructible<T>::value)  // NOLINT(google-explicit-constructor)
      : has_value_(true) {
    new (&value_) T(std::move(value));
  }
  /// A failed result.
  result(novu::error err) noexcept : has_value_(false) {  // NOLINT(google-explicit-constructor)
    new (&error_) novu::error(std::move(err));
  }
  /// Copies the held value or error.
  result(const result& other) : has_value_(other.has_value_) {
    if (has_value_) {
      new (&value_) T(other.value_);
    } else {
      new (&error_) novu::error(other.error_);
    }
  }
  /// Moves the held value or error.
  result(result&& other) noexcept(std::is_nothrow_move_constructible<T>::value) : has_value_(other.has_value_) {
    if (has_value_) {
      new (&value_) T(std::move(other.value_));
    } else {
      new (&error_) novu::error(std::move(other.error_));
    }
  }
  /// Copy-assigns through a temporary.
  result& operator=(const result& other) {
    if (this != &other) {
      result copy(other);
      *this = std::move(copy);
    }
    return *this;
  }
  /// Move-assigns: destroys what is held, then takes the other side.
  result& operator=(result&& other) noexcept(std::is_nothrow_move_constructible<T>::value) {
    if (this != &other) {
      destroy();
      has_value_ = other.has_value_;
      if (has_value_) {
        new (&value_) T(std::move(other.value_));
      } else {
        new (&error_) novu::error(std::move(other.error_));
      }
    }
    return *this;
  }
  /// Destroys the held side.
  ~result() { destroy(); }

  /// True when a value is held.
  bool has_value() const noexcept { return has_value_; }
  /// True when a value is held.
  explicit operator bool() const noexcept { return has_value_; }

  /// The value. Precondition: has_value().
  T& value() & noexcept {
    assert(has_value_);
    return value_;
  }
  /// The value. Precondition: has_value().
  const T& value() const& noexcept {
    assert(has_value_);
    return value_;
  }
  /// The value, moved out. Precondition: has_value().
  T&& value() && noexcept {
    assert(has_value_);
    return std::move(value_);
  }
  /// The value. Precondition: has_value().
  T& operator*() & noexcept { return value(); }
  /// The value. Precondition: has_value().
  const T& operator*() const& noexcept { return value(); }
  /// Member access to the value. Precondition: has_value().
  T* operator->() noexcept { return &value(); }
  /// Member access to the value. Precondition: has_value().
  const T* operator->() const noexcept { return &value(); }

  /// The value when held, else `fallback`.
  template <class U>
  T value_or(U&& fallback) const& {
    return has_value_ ? value_ : static_cast<T>(std::forward<U>(fallback));
  }

  /// The error. Precondition: !has_value().
  const novu::error& error() const& noexcept {
    assert(!has_value_);
    return error_;
  }
  /// The error. Precondition: !has_value().
  novu::error& error() & noexcept {
    assert(!has_value_);
    return error_;
  }
  /// The error, moved out. Precondition: !has_value().
  novu::error&& error() && noexcept {
    assert(!has_value_);
    return std::move(error_);
  }

 private:
  void destroy() noexcept {
    if (has_value_) {
      value_.~T();
    } else {
      error_.~error();
    }
  }

  union {
    T value_;
    novu::error error_;
  };
  bool has_value_;
};

namespace detail {
/// The value a successful result<void> holds inside: nothing.
struct no_value {};
}  // namespace detail

/// Success without a value (delete), or an error. The same storage as any result, without the
/// value accessors.
template <>
class result<void> : private result<detail::no_value> {
  using base = result<detail::no_value>;

 public:
  /// A successful result.
  result() noexcept : base(detail::no_value{}) {}
  /// A failed result.
  result(novu::error err) noexcept : base(std::move(err)) {}  // NOLINT(google-explicit-constructor)

  /// True on success.
  using base::has_value;
  /// True on success.
  using base::operator bool;
  /// The error (const, mutable and moved-out forms). Precondition: !has_value().
  using base::error;
};

/// What a transport returns: the server's response, or a transport error.
using transport_result = result<http_response>;

NOVU_CC_NAMESPACE_END

// NOVU_CC_STANDALONE {
#if NOVU_CC_OUTERMOST_HEADER == 10
#undef NOVU_CC_OUTERMOST_HEADER
#include "novu/core/detail/implementation_light.hpp"
#endif
// NOVU_CC_STANDALONE }
