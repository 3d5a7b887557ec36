// Parallel sort: COUNT pseudo-random integers (a fixed xorshift seed) split into runs, each sorted by its own
// thread (quicksort), then merged by the main thread; the result is checked to be sorted and to have the input's
// checksum. `sort [THREADS [COUNT [time]]]`: THREADS 1 to 8 (default 4), COUNT up to 1,000,000 (default
// 200,000); with `time` the threads first wait at a start line, so that the time printed (the sorting only,
// from the start signal to the last join, by the monotonic clock) leaves out starting threads: the benchmark's
// measure of parallel speed-up (tools/bench, `pnpm bench threads`).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "wt.h"

#define MAX_COUNT 1000000
#define MAX_THREADS 8

static unsigned data[MAX_COUNT], merged[MAX_COUNT];
static volatile int32_t ready, go;
static int timed;

static void quicksort(unsigned *a, long lo, long hi) {
  while (lo < hi) {
    unsigned pivot = a[lo + (hi - lo) / 2];
    long i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) { unsigned t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
    }
    if (j - lo < hi - i) { quicksort(a, lo, j); lo = i; }
    else { quicksort(a, i, hi); hi = j; }
  }
}

struct run { long from, to; };

static void work(void *arg) {
  struct run *r = arg;
  if (timed) {
    __c11_atomic_fetch_add((_Atomic int32_t *)&ready, 1, __ATOMIC_SEQ_CST);
    __builtin_wasm_memory_atomic_notify((int32_t *)&ready, 1);
    while (__c11_atomic_load((_Atomic int32_t *)&go, __ATOMIC_SEQ_CST) == 0)
      __builtin_wasm_memory_atomic_wait32((int32_t *)&go, 0, -1);
  }
  if (r->to > r->from) quicksort(data, r->from, r->to - 1);
}

static long long now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv) {
  int threads = argc > 1 ? atoi(argv[1]) : 4;
  long COUNT = argc > 2 ? atol(argv[2]) : 200000;
  timed = argc > 3 && strcmp(argv[3], "time") == 0;
  if (threads < 1 || threads > MAX_THREADS) { printf("threads: 1 to %d\n", MAX_THREADS); return 2; }
  if (COUNT < 1 || COUNT > MAX_COUNT) { printf("count: 1 to %d\n", MAX_COUNT); return 2; }
  unsigned x = 2463534242u;
  unsigned long long checksum = 0;
  for (long i = 0; i < COUNT; i++) {
    x ^= x << 13; x ^= x >> 17; x ^= x << 5;
    data[i] = x % 1000000u;
    checksum += data[i];
  }
  struct run runs[MAX_THREADS];
  wt_thread *t[MAX_THREADS];
  for (int i = 0; i < threads; i++) {
    runs[i].from = (long)COUNT * i / threads;
    runs[i].to = (long)COUNT * (i + 1) / threads;
  }
  // the main thread sorts the last run itself
  for (int i = 0; i < threads - 1; i++) {
    t[i] = wt_spawn(work, &runs[i], 65536);
    if (t[i] == NULL) { printf("spawn failed\n"); return 1; }
  }
  long long start = 0;
  if (timed) {
    for (int r; (r = __c11_atomic_load((_Atomic int32_t *)&ready, __ATOMIC_SEQ_CST)) < threads - 1;)
      __builtin_wasm_memory_atomic_wait32((int32_t *)&ready, r, -1);
    start = now_ns();
    __c11_atomic_store((_Atomic int32_t *)&go, 1, __ATOMIC_SEQ_CST);
    __builtin_wasm_memory_atomic_notify((int32_t *)&go, 0xffffffffu);
    timed = 0; /* the main thread's own run starts at once */
  }
  work(&runs[threads - 1]);
  for (int i = 0; i < threads - 1; i++) wt_join(t[i]);
  long long elapsed = start != 0 ? now_ns() - start : -1;
  long pos[MAX_THREADS];
  for (int i = 0; i < threads; i++) pos[i] = runs[i].from;
  for (long k = 0; k < COUNT; k++) {
    int best = -1;
    for (int i = 0; i < threads; i++)
      if (pos[i] < runs[i].to && (best < 0 || data[pos[i]] < data[pos[best]])) best = i;
    merged[k] = data[pos[best]++];
  }
  int sorted = 1;
  unsigned long long after = 0;
  for (long i = 0; i < COUNT; i++) {
    after += merged[i];
    if (i > 0 && merged[i - 1] > merged[i]) sorted = 0;
  }
  int ok = sorted && after == checksum;
  if (elapsed >= 0) printf("sorting took %lld us\n", elapsed / 1000);
  printf("sorted %ld integers with %d thread%s: min %u, median %u, max %u, checksum %s: %s\n", COUNT, threads,
         threads == 1 ? "" : "s", merged[0], merged[COUNT / 2], merged[COUNT - 1], after == checksum ? "kept" : "CHANGED",
         ok ? "ok" : "WRONG");
  return ok ? 0 : 1;
}
