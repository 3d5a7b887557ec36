// Shared by the benchmark programs: freestanding wasm32, no libc. Each program exports run(n) -> checksum.
#pragma once
#include <stdint.h>
#include <stddef.h>

#define EXPORT(name) __attribute__((export_name(name)))

// Deterministic input: xorshift32.
static inline uint32_t xorshift32(uint32_t *s) {
  uint32_t x = *s;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  return *s = x;
}

// Folds a 32-bit value into a running checksum (FNV-1a style, on words).
static inline uint32_t mix32(uint32_t h, uint32_t v) { return (h ^ v) * 16777619u; }
