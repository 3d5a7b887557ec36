// Parallel sum with a mutex: 4 threads each sum a quarter of 1..1,000,000 (as 64-bit integers) and add
// their part to a shared total under a wt_mutex; the total must be n(n+1)/2.
#include <stdio.h>
#include "wt.h"

#define THREADS 4
#define N 1000000

static wt_mutex lock = WT_MUTEX_INIT;
static long long total;
static int adds;

struct part { long long from, to; };

static void work(void *arg) {
  struct part *p = arg;
  long long s = 0;
  for (long long i = p->from; i <= p->to; i++) s += i;
  wt_mutex_lock(&lock);
  total += s;
  adds++;
  wt_mutex_unlock(&lock);
}

int main(void) {
  struct part parts[THREADS];
  wt_thread *t[THREADS];
  for (int i = 0; i < THREADS; i++) {
    parts[i].from = (long long)i * (N / THREADS) + 1;
    parts[i].to = (long long)(i + 1) * (N / THREADS);
    t[i] = wt_spawn(work, &parts[i], 16384);
    if (t[i] == NULL) { printf("spawn failed\n"); return 1; }
  }
  for (int i = 0; i < THREADS; i++) wt_join(t[i]);
  long long expected = (long long)N * (N + 1) / 2;
  printf("sum of 1..%d by %d threads: %lld (%d parts), expected %lld: %s\n", N, THREADS, total, adds, expected,
         total == expected ? "ok" : "WRONG");
  return total == expected ? 0 : 1;
}
