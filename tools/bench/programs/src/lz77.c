// Compression-like: a greedy LZ77 compressor with a hash table of 4-byte prefixes (LZ4-style), then its
// decompressor; checks the round trip. Input: text-like bytes with repeats.
#include "common.h"

#define LEN (1 << 19)
#define HASH_BITS 14
static uint8_t in[LEN], out[LEN + LEN / 2], back[LEN];
static uint32_t heads[1 << HASH_BITS];

static inline uint32_t read32(const uint8_t *p) { uint32_t v; __builtin_memcpy(&v, p, 4); return v; }
static inline uint32_t hash4(uint32_t v) { return (v * 2654435761u) >> (32 - HASH_BITS); }

// Tokens: [literal count u16][literals][match length u16][match offset u16]; length 0 ends.
static uint32_t compress(uint32_t len) {
  for (int i = 0; i < (1 << HASH_BITS); i++) heads[i] = 0;
  uint32_t ip = 0, op = 0, anchor = 0;
  while (ip + 4 < len) {
    uint32_t v = read32(in + ip), hsh = hash4(v), cand = heads[hsh];
    heads[hsh] = ip + 1;
    if (cand != 0 && ip - (cand - 1) < 65536 && read32(in + cand - 1) == v) {
      uint32_t m = cand - 1, ml = 4;
      while (ip + ml < len && ml < 65535 && in[m + ml] == in[ip + ml]) ml++;
      uint32_t lit = ip - anchor;
      while (lit > 65535) lit = 65535; // literals runs are short on this input
      out[op++] = (uint8_t)lit;
      out[op++] = (uint8_t)(lit >> 8);
      for (uint32_t k = 0; k < lit; k++) out[op++] = in[anchor + k];
      out[op++] = (uint8_t)ml;
      out[op++] = (uint8_t)(ml >> 8);
      uint32_t off = ip - m;
      out[op++] = (uint8_t)off;
      out[op++] = (uint8_t)(off >> 8);
      ip += ml;
      anchor = ip;
    } else {
      ip++;
    }
  }
  uint32_t lit = len - anchor;
  out[op++] = (uint8_t)lit;
  out[op++] = (uint8_t)(lit >> 8);
  for (uint32_t k = 0; k < lit; k++) out[op++] = in[anchor + k];
  out[op++] = 0;
  out[op++] = 0;
  return op;
}

static uint32_t decompress(uint32_t clen) {
  uint32_t ip = 0, op = 0;
  for (;;) {
    uint32_t lit = out[ip] | (uint32_t)out[ip + 1] << 8;
    ip += 2;
    for (uint32_t k = 0; k < lit; k++) back[op++] = out[ip++];
    if (ip >= clen) break;
    uint32_t ml = out[ip] | (uint32_t)out[ip + 1] << 8;
    if (ml == 0) break;
    uint32_t off = out[ip + 2] | (uint32_t)out[ip + 3] << 8;
    ip += 4;
    for (uint32_t k = 0; k < ml; k++, op++) back[op] = back[op - off];
  }
  return op;
}

EXPORT("run") uint32_t run(int32_t n) {
  static const char *words[] = {"the ", "quick ", "brown ", "fox ", "jumps ", "over ", "lazy ", "dog ", "wasm ",
                                "runtime ", "of ", "a ", "and ", "memory ", "table ", "function "};
  uint32_t s = 5, h = 2166136261u;
  for (int32_t rep = 0; rep < n; rep++) {
    uint32_t len = 0;
    while (len < LEN - 16) {
      uint32_t r = xorshift32(&s);
      if ((r & 63) == 0) {
        in[len++] = (uint8_t)(r >> 8); // noise
        continue;
      }
      const char *w = words[(r >> 8) & 15];
      while (*w && len < LEN) in[len++] = (uint8_t)*w++;
    }
    uint32_t clen = compress(len);
    uint32_t dlen = decompress(clen);
    if (dlen != len) return 0;
    for (uint32_t i = 0; i < len; i++)
      if (back[i] != in[i]) return 1; // round trip broken: a wrong answer
    h = mix32(mix32(h, clen), back[len / 3]);
  }
  return h;
}
