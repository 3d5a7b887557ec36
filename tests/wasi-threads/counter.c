// Lock-free counter: 4 threads each add 1 to one atomic counter 100,000 times (fetch-add) and also count
// their own increments with compare-exchange loops on a second counter; both totals are checked.
#include <stdio.h>
#include "wt.h"

#define THREADS 4
#define ITERATIONS 100000

static _Atomic int32_t added;
static _Atomic int64_t cas_added;

static void work(void *arg) {
  (void)arg;
  for (int i = 0; i < ITERATIONS; i++) {
    __c11_atomic_fetch_add(&added, 1, __ATOMIC_SEQ_CST);
    int64_t old = __c11_atomic_load(&cas_added, __ATOMIC_SEQ_CST);
    while (!__c11_atomic_compare_exchange_weak(&cas_added, &old, old + 1, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
    }
  }
}

int main(void) {
  wt_thread *t[THREADS];
  for (int i = 0; i < THREADS; i++) {
    t[i] = wt_spawn(work, NULL, 16384);
    if (t[i] == NULL) { printf("spawn failed\n"); return 1; }
  }
  for (int i = 0; i < THREADS; i++) wt_join(t[i]);
  int32_t a = __c11_atomic_load(&added, __ATOMIC_SEQ_CST);
  int64_t c = __c11_atomic_load(&cas_added, __ATOMIC_SEQ_CST);
  printf("fetch-add total %d, compare-exchange total %lld, expected %d: %s\n", a, (long long)c, THREADS * ITERATIONS,
         a == THREADS * ITERATIONS && c == THREADS * ITERATIONS ? "ok" : "WRONG");
  return a == THREADS * ITERATIONS && c == THREADS * ITERATIONS ? 0 : 1;
}
