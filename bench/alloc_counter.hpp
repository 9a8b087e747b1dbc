// A counting allocator for the benchmarks: replaces the global operator new/delete of the
// program that includes this header (include it in exactly one translation unit) and keeps
// the number of allocations, the bytes currently held on the heap and the peak of that.
// Bytes are what malloc really reserved (malloc_usable_size), so every free is accounted
// for exactly, sized delete or not. Single-threaded by design: the benchmarks run on one.
// SPDX-License-Identifier: MIT
#pragma once

#include <malloc.h>  // malloc_usable_size

#include <cstddef>  // size_t
#include <cstdint>  // uint64_t
#include <cstdlib>  // malloc, free, aligned_alloc
#include <new>      // operator new, bad_alloc, align_val_t, nothrow_t

namespace bench {

struct heap_counters {
  std::uint64_t allocations = 0;  // calls of operator new since start
  std::uint64_t live_bytes = 0;   // bytes held right now
  std::uint64_t peak_bytes = 0;   // most bytes held at once since the last reset_peak()
};

inline heap_counters& heap() noexcept {
  static heap_counters counters;
  return counters;
}

// Starts a new peak measurement from what is held now.
inline void reset_peak() noexcept { heap().peak_bytes = heap().live_bytes; }

inline void* counted_alloc(std::size_t size, std::size_t align) noexcept {
  if (size == 0) size = 1;
  void* p = align > alignof(std::max_align_t) ? std::aligned_alloc(align, (size + align - 1) / align * align)
                                              : std::malloc(size);
  if (p == nullptr) return nullptr;
  heap_counters& h = heap();
  ++h.allocations;
  h.live_bytes += malloc_usable_size(p);
  if (h.live_bytes > h.peak_bytes) h.peak_bytes = h.live_bytes;
  return p;
}

inline void counted_free(void* p) noexcept {
  if (p == nullptr) return;
  heap().live_bytes -= malloc_usable_size(p);
  std::free(p);
}

inline void* counted_alloc_or_throw(std::size_t size, std::size_t align) {
  void* p = counted_alloc(size, align);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

}  // namespace bench

void* operator new(std::size_t n) { return bench::counted_alloc_or_throw(n, 0); }
void* operator new[](std::size_t n) { return bench::counted_alloc_or_throw(n, 0); }
void* operator new(std::size_t n, std::align_val_t a) { return bench::counted_alloc_or_throw(n, std::size_t(a)); }
void* operator new[](std::size_t n, std::align_val_t a) { return bench::counted_alloc_or_throw(n, std::size_t(a)); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return bench::counted_alloc(n, 0); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return bench::counted_alloc(n, 0); }
void operator delete(void* p) noexcept { bench::counted_free(p); }
void operator delete[](void* p) noexcept { bench::counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { bench::counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { bench::counted_free(p); }
void operator delete(void* p, std::align_val_t) noexcept { bench::counted_free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { bench::counted_free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { bench::counted_free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { bench::counted_free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { bench::counted_free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { bench::counted_free(p); }
