// Allocation-heavy: the Benchmarks Game's binary-trees (allocate and walk many short-lived complete trees, keep
// one long-lived), then malloc/free churn: a ring of live blocks of random sizes (16 B - 4 KiB, sometimes 64 KiB),
// freed and replaced in random order, with realloc growth. wasm32-wasi reactor: wasi-libc's malloc (dlmalloc).
#include <stdlib.h>
#include <string.h>
#include "common.h"

typedef struct Node { struct Node *left, *right; } Node;

static Node *make(int depth) {
  Node *n = malloc(sizeof(Node));
  if (depth > 0) {
    n->left = make(depth - 1);
    n->right = make(depth - 1);
  } else {
    n->left = n->right = NULL;
  }
  return n;
}
static uint32_t check(const Node *n) { return 1 + (n->left ? check(n->left) + check(n->right) : 0); }
static void release(Node *n) {
  if (n->left) {
    release(n->left);
    release(n->right);
  }
  free(n);
}

#define RING 2048
static void *ring[RING];
static uint32_t sizes[RING];

EXPORT("run") uint32_t run(uint32_t n) {
  uint32_t h = 2166136261u, s = 47;
  int max_depth = 10 + (int)(n % 3);
  Node *long_lived = make(max_depth);
  for (int d = 4; d <= max_depth; d += 2) {
    uint32_t iterations = 1u << (max_depth - d + 4), sum = 0;
    for (uint32_t i = 0; i < iterations; i++) {
      Node *t = make(d);
      sum += check(t);
      release(t);
    }
    h = mix32(h, sum);
  }
  h = mix32(h, check(long_lived));
  release(long_lived);
  for (uint32_t step = 0; step < n * 2000; step++) {
    uint32_t r = xorshift32(&s), k = r % RING;
    if (ring[k] && (r & 0x300) == 0 && sizes[k] < 16384) {
      uint32_t grown = sizes[k] * 2;
      void *p = realloc(ring[k], grown);
      memset((uint8_t *)p + sizes[k], (int)(r & 0xff), grown - sizes[k]);
      ring[k] = p;
      sizes[k] = grown;
    } else {
      if (ring[k]) {
        h = mix32(h, ((uint8_t *)ring[k])[sizes[k] - 1] + sizes[k]);
        free(ring[k]);
      }
      uint32_t size = (r >> 12) % 100 == 0 ? 65536 : 16 + (r >> 12) % 4080;
      ring[k] = malloc(size);
      memset(ring[k], (int)(r >> 24), size);
      sizes[k] = size;
    }
  }
  for (int k = 0; k < RING; k++) {
    free(ring[k]);
    ring[k] = NULL;
  }
  return h;
}
