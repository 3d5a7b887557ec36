// Call-heavy C through function pointers and recursion: wasi-libc's qsort and bsearch with comparator callbacks
// (call_indirect per comparison) over records by three keys, a table of handler functions chosen per record, and
// recursive functions (Takeuchi's tak, a recursive-descent evaluator of generated arithmetic).
#include <stdlib.h>
#include "common.h"

typedef struct { uint32_t id; int32_t score; uint16_t group; uint16_t flags; } Rec;
#define COUNT 20000
static Rec recs[COUNT];

static int by_id(const void *a, const void *b) {
  uint32_t x = ((const Rec *)a)->id, y = ((const Rec *)b)->id;
  return x < y ? -1 : x > y;
}
static int by_score(const void *a, const void *b) {
  const Rec *x = a, *y = b;
  if (x->score != y->score) return x->score < y->score ? -1 : 1;
  return by_id(a, b);
}
static int by_group_flags(const void *a, const void *b) {
  const Rec *x = a, *y = b;
  if (x->group != y->group) return x->group < y->group ? -1 : 1;
  if (x->flags != y->flags) return x->flags < y->flags ? -1 : 1;
  return by_score(a, b);
}

static uint32_t h_sum(const Rec *r, uint32_t acc) { return acc + (uint32_t)r->score; }
static uint32_t h_xor(const Rec *r, uint32_t acc) { return acc ^ (r->id * 2654435761u); }
static uint32_t h_rot(const Rec *r, uint32_t acc) { return (acc << 5 | acc >> 27) + r->group; }
static uint32_t h_mul(const Rec *r, uint32_t acc) { return acc * 31 + r->flags; }
static uint32_t (*const handlers[4])(const Rec *, uint32_t) = {h_sum, h_xor, h_rot, h_mul};

static int32_t tak(int32_t x, int32_t y, int32_t z) { return y < x ? tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y)) : z; }

// expression ::= term (('+'|'-') term)*; term ::= factor ('*' factor)*; factor ::= digit | '(' expression ')'
static char expr[4096];
static uint32_t at, len, rs;
static void gen(int depth) {
  uint32_t r = xorshift32(&rs);
  if (depth == 0 || r % 5 == 0 || len > sizeof expr - 64) {
    expr[len++] = (char)('0' + r % 10);
    return;
  }
  expr[len++] = '(';
  gen(depth - 1);
  expr[len++] = "+-*"[r % 3];
  gen(depth - 1);
  expr[len++] = ')';
}
static int32_t expression(void);
static int32_t factor(void) {
  if (expr[at] == '(') {
    at++;
    int32_t v = expression();
    at++; // ')'
    return v;
  }
  return expr[at++] - '0';
}
static int32_t term(void) {
  int32_t v = factor();
  while (expr[at] == '*') {
    at++;
    v = (int32_t)((uint32_t)v * (uint32_t)factor());
  }
  return v;
}
static int32_t expression(void) {
  int32_t v = term();
  while (expr[at] == '+' || expr[at] == '-') {
    char op = expr[at++];
    int32_t t = term();
    v = op == '+' ? (int32_t)((uint32_t)v + (uint32_t)t) : (int32_t)((uint32_t)v - (uint32_t)t);
  }
  return v;
}

EXPORT("run") uint32_t run(uint32_t n) {
  uint32_t h = 2166136261u, s = 59;
  for (uint32_t r = 0; r < n; r++) {
    for (int i = 0; i < COUNT; i++) {
      uint32_t x = xorshift32(&s);
      recs[i] = (Rec){x, (int32_t)(x % 2001) - 1000, (uint16_t)(x >> 20) % 64, (uint16_t)(x >> 8) % 8};
    }
    qsort(recs, COUNT, sizeof(Rec), by_group_flags);
    uint32_t acc = 0;
    for (int i = 0; i < COUNT; i++) acc = handlers[(recs[i].flags + i) & 3](&recs[i], acc);
    h = mix32(h, acc);
    qsort(recs, COUNT, sizeof(Rec), by_score);
    h = mix32(h, recs[COUNT / 2].id);
    qsort(recs, COUNT, sizeof(Rec), by_id);
    uint32_t found = 0;
    for (int i = 0; i < COUNT; i += 3) {
      Rec key = {recs[i].id ^ (i & 1), 0, 0, 0};
      found += bsearch(&key, recs, COUNT, sizeof(Rec), by_id) != NULL;
    }
    h = mix32(h, found);
    h = mix32(h, (uint32_t)tak(18, 12, 6 + (int32_t)(r % 2)));
    rs = 61 + r;
    for (int k = 0; k < 40; k++) {
      len = at = 0;
      gen(9);
      expr[len] = 0;
      h = mix32(h, (uint32_t)expression());
    }
  }
  return h;
}
