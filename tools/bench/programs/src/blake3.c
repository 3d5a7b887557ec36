// BLAKE3 (the specification's reference algorithm, scalar, one thread): chunk chaining, the tree of parent nodes,
// the root output; 32-byte digests of a 1 MiB buffer and of many short messages. Our own C following the
// specification's reference implementation's structure; test/programs.test.ts checks digests against hash-wasm's.
#include "common.h"

#define LEN (1 << 20)
static uint8_t buf[LEN];
static uint8_t digest[32];

enum { CHUNK_START = 1, CHUNK_END = 2, PARENT = 4, ROOT = 8 };
static const uint32_t IV[8] = {0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A,
                               0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19};
static const uint8_t PERM[16] = {2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8};

static inline uint32_t rotr(uint32_t x, int r) { return (x >> r) | (x << (32 - r)); }
static inline uint32_t load32(const uint8_t *p) { uint32_t v; __builtin_memcpy(&v, p, 4); return v; }
#define G(a, b, c, d, x, y) \
  s[a] += s[b] + (x); s[d] = rotr(s[d] ^ s[a], 16); s[c] += s[d]; s[b] = rotr(s[b] ^ s[c], 12); \
  s[a] += s[b] + (y); s[d] = rotr(s[d] ^ s[a], 8); s[c] += s[d]; s[b] = rotr(s[b] ^ s[c], 7)

static void compress(uint32_t out[16], const uint32_t cv[8], const uint32_t block[16], uint64_t counter,
                     uint32_t block_len, uint32_t flags) {
  uint32_t s[16], m[16], t[16];
  for (int i = 0; i < 8; i++) s[i] = cv[i];
  for (int i = 0; i < 4; i++) s[8 + i] = IV[i];
  s[12] = (uint32_t)counter; s[13] = (uint32_t)(counter >> 32); s[14] = block_len; s[15] = flags;
  for (int i = 0; i < 16; i++) m[i] = block[i];
  for (int r = 0; r < 7; r++) {
    G(0, 4, 8, 12, m[0], m[1]); G(1, 5, 9, 13, m[2], m[3]); G(2, 6, 10, 14, m[4], m[5]); G(3, 7, 11, 15, m[6], m[7]);
    G(0, 5, 10, 15, m[8], m[9]); G(1, 6, 11, 12, m[10], m[11]); G(2, 7, 8, 13, m[12], m[13]); G(3, 4, 9, 14, m[14], m[15]);
    if (r < 6) {
      for (int i = 0; i < 16; i++) t[i] = m[PERM[i]];
      for (int i = 0; i < 16; i++) m[i] = t[i];
    }
  }
  for (int i = 0; i < 8; i++) {
    out[i] = s[i] ^ s[i + 8];
    out[i + 8] = s[i + 8] ^ cv[i];
  }
}

// An output node: what compress needs, finished into a chaining value or the root bytes.
typedef struct { uint32_t cv[8], block[16]; uint64_t counter; uint32_t block_len, flags; } Output;

static void output_cv(uint32_t out[8], const Output *o) {
  uint32_t w[16];
  compress(w, o->cv, o->block, o->counter, o->block_len, o->flags);
  for (int i = 0; i < 8; i++) out[i] = w[i];
}

static void blake3(uint8_t out[32], const uint8_t *in, uint32_t len) {
  uint32_t stack[54][8];
  int depth = 0;
  uint64_t chunk = 0;
  Output o;
  for (;;) {
    // one chunk: up to 16 blocks; the last block stays in `o`
    uint32_t cv[8];
    for (int i = 0; i < 8; i++) cv[i] = IV[i];
    uint32_t chunk_len = len < 1024 ? len : 1024;
    uint32_t blocks = chunk_len == 0 ? 1 : (chunk_len + 63) / 64;
    for (uint32_t b = 0; b < blocks; b++) {
      uint32_t n = chunk_len - b * 64 < 64 ? chunk_len - b * 64 : 64;
      uint8_t tmp[64] = {0};
      for (uint32_t i = 0; i < n; i++) tmp[i] = in[b * 64 + i];
      uint32_t words[16];
      for (int i = 0; i < 16; i++) words[i] = load32(tmp + 4 * i);
      uint32_t flags = b == 0 ? CHUNK_START : 0;
      if (b + 1 < blocks) {
        uint32_t w[16];
        compress(w, cv, words, chunk, 64, flags);
        for (int i = 0; i < 8; i++) cv[i] = w[i];
      } else {
        for (int i = 0; i < 8; i++) o.cv[i] = cv[i];
        for (int i = 0; i < 16; i++) o.block[i] = words[i];
        o.counter = chunk;
        o.block_len = n;
        o.flags = flags | CHUNK_END;
      }
    }
    in += chunk_len;
    len -= chunk_len;
    if (len == 0) break;
    // a finished chunk that is not the last: merge it into the stack of subtrees
    uint32_t ccv[8];
    output_cv(ccv, &o);
    uint64_t total = ++chunk;
    while ((total & 1) == 0) {
      Output p;
      for (int i = 0; i < 8; i++) { p.cv[i] = IV[i]; p.block[i] = stack[depth - 1][i]; p.block[8 + i] = ccv[i]; }
      p.counter = 0; p.block_len = 64; p.flags = PARENT;
      output_cv(ccv, &p);
      depth--;
      total >>= 1;
    }
    for (int i = 0; i < 8; i++) stack[depth][i] = ccv[i];
    depth++;
  }
  while (depth > 0) {
    uint32_t right[8];
    output_cv(right, &o);
    depth--;
    for (int i = 0; i < 8; i++) { o.cv[i] = IV[i]; o.block[i] = stack[depth][i]; o.block[8 + i] = right[i]; }
    o.counter = 0; o.block_len = 64; o.flags = PARENT;
  }
  uint32_t w[16];
  compress(w, o.cv, o.block, 0, o.block_len, o.flags | ROOT);
  __builtin_memcpy(out, w, 32);
}

EXPORT("buffer") uint8_t *buffer(void) { return buf; }
EXPORT("digest") uint8_t *digest_ptr(void) { return digest; }
EXPORT("hash") void hash(uint32_t len) { blake3(digest, buf, len); }

EXPORT("run") uint32_t run(uint32_t n) {
  uint32_t s = 29, h = 2166136261u;
  for (uint32_t i = 0; i < LEN; i++) buf[i] = (uint8_t)xorshift32(&s);
  for (uint32_t r = 0; r < n; r++) {
    blake3(digest, buf, LEN - r);
    for (int i = 0; i < 32; i += 4) h = mix32(h, load32(digest + i));
    for (uint32_t off = 0; off < 64 * 1024; off += 97) {
      blake3(digest, buf + off, off % 200);
      h = mix32(h, load32(digest));
    }
  }
  return h;
}
