// Parallel sort: 200,000 pseudo-random integers (a fixed xorshift seed) split into THREADS runs, each
// sorted by its own thread (quicksort), then merged by the main thread; the result is checked to be sorted
// and to have the input's checksum. `sort N` uses N threads (1 to 8; default 4), for the benchmark.
#include <stdio.h>
#include <stdlib.h>
#include "wt.h"

#define COUNT 200000
#define MAX_THREADS 8

static unsigned data[COUNT], merged[COUNT];

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
  if (r->to > r->from) quicksort(data, r->from, r->to - 1);
}

int main(int argc, char **argv) {
  int threads = argc > 1 ? atoi(argv[1]) : 4;
  if (threads < 1 || threads > MAX_THREADS) { printf("threads: 1 to %d\n", MAX_THREADS); return 2; }
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
  work(&runs[threads - 1]);
  for (int i = 0; i < threads - 1; i++) wt_join(t[i]);
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
  printf("sorted %d integers with %d thread%s: min %u, median %u, max %u, checksum %s: %s\n", COUNT, threads,
         threads == 1 ? "" : "s", merged[0], merged[COUNT / 2], merged[COUNT - 1], after == checksum ? "kept" : "CHANGED",
         ok ? "ok" : "WRONG");
  return ok ? 0 : 1;
}
