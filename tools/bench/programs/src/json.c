// A JSON parser: generates a 256 KiB JSON document (nested objects and arrays, integers, decimals with
// exponents, strings with escapes including \u, true/false/null), then parses it with a recursive-descent
// parser and sums it: numbers (decimals through wasi-libc's strtod), decoded string bytes, a hash of the
// decoded strings, counts. wasm32-wasi reactor (wasi-libc's malloc, strtod).
#include <stdlib.h>
#include "common.h"

#define LEN (256 << 10)
enum { ST_OBJECTS, ST_ARRAYS, ST_NUMBERS, ST_STRINGS, ST_KEYS, ST_LITERALS, ST_STRING_BYTES, ST_ERRORS, STATS };

static char *doc;
static uint32_t doc_len;
static uint32_t stats[STATS];
static double sum;
static uint32_t str_hash;

// ---- generator ----
static uint32_t rng, at;
static uint32_t pick(uint32_t n) { return xorshift32(&rng) % n; }
#define CAP (3 * LEN) // one top-level value (at most ~2800 nodes) cannot overflow this past LEN; put() checks anyway
static void put(char c) {
  if (at < CAP - 1) doc[at++] = c;
}
static void put_uint(uint32_t v) {
  char tmp[12];
  int k = 0;
  do tmp[k++] = (char)('0' + v % 10); while ((v /= 10) != 0);
  while (k > 0) put(tmp[--k]);
}
static void gen_string(int key, uint32_t id) {
  put('"');
  if (key) { // unique within its object, never integer-like (JS would reorder those)
    put('k');
    put_uint(id);
  } else {
    for (uint32_t i = 0, len = pick(20); i < len; i++) {
      uint32_t c = 32 + pick(95);
      switch (c == '"' || c == '\\' ? 0 : pick(12)) {
      case 0: put('\\'); put("\"\\/bfnrt"[pick(8)]); break;
      case 1: {
        static const char hex[] = "0123456789abcdef";
        uint32_t u = 1 + pick(0x7ff); // U+0001..U+07FF: one or two UTF-8 bytes
        put('\\'); put('u'); put('0');
        put(hex[(u >> 8) & 15]); put(hex[(u >> 4) & 15]); put(hex[u & 15]);
        break;
      }
      default: put((char)c);
      }
    }
  }
  put('"');
}
static void gen_value(int depth) {
  uint32_t r = depth > 3 ? 3 + pick(7) : pick(10);
  switch (r) {
  case 0: case 1: {
    put('{');
    for (uint32_t i = 0, n = pick(7); i < n; i++) {
      if (i) put(',');
      gen_string(1, i * 7 + pick(7));
      put(':');
      if (pick(2)) put(' ');
      gen_value(depth + 1);
    }
    put('}');
    break;
  }
  case 2: {
    put('[');
    for (uint32_t i = 0, n = pick(7); i < n; i++) {
      if (i) put(',');
      gen_value(depth + 1);
    }
    put(']');
    break;
  }
  case 3: case 4:
    if (pick(3) == 0) put('-');
    put_uint(pick(4) == 0 ? xorshift32(&rng) : pick(1000));
    break;
  case 5: case 6:
    if (pick(2)) put('-');
    put_uint(pick(100000));
    put('.');
    put_uint(pick(1000000));
    if (pick(2)) {
      put("eE"[pick(2)]);
      if (pick(2)) put("+-"[pick(2)]);
      put_uint(pick(30));
    }
    break;
  case 7: case 8: gen_string(0, 0); break;
  default: {
    const char *lit = pick(3) == 0 ? "null" : pick(2) ? "true" : "false";
    while (*lit) put(*lit++);
  }
  }
}
static void generate(void) {
  doc = malloc(CAP);
  rng = 2024;
  at = 0;
  put('[');
  while (at < LEN) {
    if (at > 1) put(',');
    put('\n');
    gen_value(0);
  }
  put(']');
  doc[at] = 0;
  doc_len = at;
}

// ---- parser ----
static const char *p;
static char scratch[256];

static void skip_ws(void) {
  while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') p++;
}
static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if ((c | 32) >= 'a' && (c | 32) <= 'f') return (c | 32) - 'a' + 10;
  return -1;
}
// Decodes a string (p on the opening quote) into scratch; returns its length in bytes, or -1.
static int parse_string(void) {
  p++;
  int n = 0;
  for (;;) {
    char c = *p++;
    if (c == '"') return n;
    if ((uint8_t)c < 32 || n > (int)sizeof scratch - 4) return -1;
    if (c != '\\') {
      scratch[n++] = c;
      continue;
    }
    switch (*p++) {
    case '"': scratch[n++] = '"'; break;
    case '\\': scratch[n++] = '\\'; break;
    case '/': scratch[n++] = '/'; break;
    case 'b': scratch[n++] = '\b'; break;
    case 'f': scratch[n++] = '\f'; break;
    case 'n': scratch[n++] = '\n'; break;
    case 'r': scratch[n++] = '\r'; break;
    case 't': scratch[n++] = '\t'; break;
    case 'u': {
      uint32_t u = 0;
      for (int k = 0; k < 4; k++) {
        int v = hexval(*p++);
        if (v < 0) return -1;
        u = u << 4 | (uint32_t)v;
      }
      if (u >= 0xd800 && u < 0xe000) return -1; // surrogates: not generated
      if (u < 0x80) scratch[n++] = (char)u;
      else if (u < 0x800) {
        scratch[n++] = (char)(0xc0 | u >> 6);
        scratch[n++] = (char)(0x80 | (u & 63));
      } else {
        scratch[n++] = (char)(0xe0 | u >> 12);
        scratch[n++] = (char)(0x80 | ((u >> 6) & 63));
        scratch[n++] = (char)(0x80 | (u & 63));
      }
      break;
    }
    default: return -1;
    }
  }
}
static void hash_bytes(int n) {
  for (int i = 0; i < n; i++) str_hash = (str_hash ^ (uint8_t)scratch[i]) * 16777619u;
  stats[ST_STRING_BYTES] += (uint32_t)n;
}
static int parse_number(void) {
  const char *start = p;
  int neg = *p == '-';
  if (neg) p++;
  if (*p < '0' || *p > '9') return -1;
  int64_t v = 0;
  while (*p >= '0' && *p <= '9') v = v * 10 + (*p++ - '0');
  if (*p == '.' || *p == 'e' || *p == 'E') {
    char *end;
    double d = strtod(start, &end);
    if (end == start) return -1;
    p = end;
    sum += d;
  } else {
    sum += (double)(neg ? -v : v);
  }
  stats[ST_NUMBERS]++;
  return 0;
}
static int literal(const char *s) {
  for (; *s; s++, p++)
    if (*p != *s) return -1;
  stats[ST_LITERALS]++;
  return 0;
}
static int parse_value(int depth) {
  if (depth > 64) return -1;
  skip_ws();
  switch (*p) {
  case '{':
    p++;
    stats[ST_OBJECTS]++;
    skip_ws();
    if (*p == '}') return p++, 0;
    for (;;) {
      skip_ws();
      if (*p != '"') return -1;
      int n = parse_string();
      if (n < 0) return -1;
      hash_bytes(n);
      stats[ST_KEYS]++;
      skip_ws();
      if (*p++ != ':') return -1;
      if (parse_value(depth + 1) < 0) return -1;
      skip_ws();
      if (*p == ',') p++;
      else if (*p == '}') return p++, 0;
      else return -1;
    }
  case '[':
    p++;
    stats[ST_ARRAYS]++;
    skip_ws();
    if (*p == ']') return p++, 0;
    for (;;) {
      if (parse_value(depth + 1) < 0) return -1;
      skip_ws();
      if (*p == ',') p++;
      else if (*p == ']') return p++, 0;
      else return -1;
    }
  case '"': {
    int n = parse_string();
    if (n < 0) return -1;
    hash_bytes(n);
    stats[ST_STRINGS]++;
    return 0;
  }
  case 't': return literal("true");
  case 'f': return literal("false");
  case 'n': return literal("null");
  default: return parse_number();
  }
}
static void parse(void) {
  for (int k = 0; k < STATS; k++) stats[k] = 0;
  sum = 0;
  str_hash = 2166136261u;
  p = doc;
  if (parse_value(0) < 0) stats[ST_ERRORS]++;
  skip_ws();
  if (*p != 0) stats[ST_ERRORS]++;
}

EXPORT("run") uint32_t run(int32_t n) {
  if (!doc) generate();
  uint32_t h = 0;
  for (int32_t rep = 0; rep < n; rep++) {
    parse();
    uint64_t bits;
    __builtin_memcpy(&bits, &sum, 8);
    h = mix32(mix32(mix32(h, str_hash), (uint32_t)bits), (uint32_t)(bits >> 32));
  }
  for (int k = 0; k < STATS; k++) h = mix32(h, stats[k]);
  return h;
}

// For the known-answer test: the document and the results of the last parse.
EXPORT("doc_ptr") uint32_t doc_ptr(void) { return (uint32_t)(uintptr_t)doc; }
EXPORT("doc_len") uint32_t doc_length(void) { return doc_len; }
EXPORT("stat") uint32_t stat(int32_t k) { return k >= 0 && k < STATS ? stats[k] : 0; }
EXPORT("string_hash") uint32_t string_hash(void) { return str_hash; }
EXPORT("number_sum") double number_sum(void) { return sum; }
