// Producer/consumer with condition variables: 2 producers put 1..5,000 each into a bounded queue of 8
// slots, 2 consumers take items until they see the end marker; the consumers' sums and counts are checked.
#include <stdio.h>
#include "wt.h"

#define PRODUCERS 2
#define CONSUMERS 2
#define ITEMS 5000
#define SLOTS 8

static wt_mutex lock = WT_MUTEX_INIT;
static wt_cond not_full = WT_COND_INIT, not_empty = WT_COND_INIT;
static int queue[SLOTS];
static int head, count;
static long long consumed_sum;
static int consumed_items;
static int waits;

static void put(int v) {
  wt_mutex_lock(&lock);
  while (count == SLOTS) { waits++; wt_cond_wait(&not_full, &lock); }
  queue[(head + count) % SLOTS] = v;
  count++;
  wt_cond_signal(&not_empty);
  wt_mutex_unlock(&lock);
}

static int take(void) {
  wt_mutex_lock(&lock);
  while (count == 0) { waits++; wt_cond_wait(&not_empty, &lock); }
  int v = queue[head];
  head = (head + 1) % SLOTS;
  count--;
  wt_cond_signal(&not_full);
  wt_mutex_unlock(&lock);
  return v;
}

static void producer(void *arg) {
  (void)arg;
  for (int i = 1; i <= ITEMS; i++) put(i);
}

static void consumer(void *arg) {
  (void)arg;
  long long sum = 0;
  int n = 0;
  for (;;) {
    int v = take();
    if (v == 0) break; /* the end marker */
    sum += v;
    n++;
  }
  wt_mutex_lock(&lock);
  consumed_sum += sum;
  consumed_items += n;
  wt_mutex_unlock(&lock);
}

int main(void) {
  wt_thread *p[PRODUCERS], *c[CONSUMERS];
  for (int i = 0; i < CONSUMERS; i++) c[i] = wt_spawn(consumer, NULL, 16384);
  for (int i = 0; i < PRODUCERS; i++) p[i] = wt_spawn(producer, NULL, 16384);
  for (int i = 0; i < CONSUMERS; i++) if (c[i] == NULL) { printf("spawn failed\n"); return 1; }
  for (int i = 0; i < PRODUCERS; i++) if (p[i] == NULL) { printf("spawn failed\n"); return 1; }
  for (int i = 0; i < PRODUCERS; i++) wt_join(p[i]);
  for (int i = 0; i < CONSUMERS; i++) put(0);
  for (int i = 0; i < CONSUMERS; i++) wt_join(c[i]);
  long long expected = (long long)PRODUCERS * ITEMS * (ITEMS + 1) / 2;
  int ok = consumed_sum == expected && consumed_items == PRODUCERS * ITEMS && count == 0;
  printf("%d producers, %d consumers, %d slots: %d items consumed, sum %lld, expected %d items, sum %lld: %s\n",
         PRODUCERS, CONSUMERS, SLOTS, consumed_items, consumed_sum, PRODUCERS * ITEMS, expected, ok ? "ok" : "WRONG");
  return ok ? 0 : 1;
}
