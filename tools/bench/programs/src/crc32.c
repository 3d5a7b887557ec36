// Compression-like: table-driven CRC-32 (IEEE, as in zlib) over a 1 MiB buffer, repeated.
#include "common.h"

#define LEN (1 << 20)
static uint8_t buf[LEN];
static uint32_t table[256];

static uint32_t crc32(uint32_t crc, const uint8_t *p, uint32_t len) {
  crc = ~crc;
  for (uint32_t i = 0; i < len; i++) crc = table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
  return ~crc;
}

EXPORT("run") uint32_t run(int32_t n) {
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i;
    for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[i] = c;
  }
  uint32_t s = 3;
  for (uint32_t i = 0; i < LEN; i++) buf[i] = (uint8_t)xorshift32(&s);
  uint32_t crc = 0;
  for (int32_t rep = 0; rep < n; rep++) crc = crc32(crc, buf, LEN);
  return crc;
}

// For the smoke test: CRC-32 of the first len bytes of the buffer (filled by run).
EXPORT("crc32_prefix") uint32_t crc32_prefix(int32_t len) { return crc32(0, buf, (uint32_t)len); }
