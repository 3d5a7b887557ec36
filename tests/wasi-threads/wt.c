#include "wt.h"
#include <string.h>
#include <unistd.h>

__attribute__((import_module("wasi"), import_name("thread-spawn"))) int32_t __imported_wasi_thread_spawn(int32_t arg);

struct wt_thread {
  uint32_t stack_top;      /* read first by wt_start.s: the new thread's __stack_pointer */
  wt_fn fn;
  void *arg;
  volatile int32_t done;   /* 0 running, 1 returned */
  volatile int32_t tid;
};

#define WT_MAX_THREADS 64
#define WT_ARENA (WT_MAX_THREADS * 64 * 1024)
static _Alignas(16) unsigned char arena[WT_ARENA];
static volatile int32_t arena_used;
static wt_thread threads[WT_MAX_THREADS];
static volatile int32_t threads_used;
/* Called by wasi_thread_start (wt_start.s) once the thread's stack pointer is set. */
void wt_thread_main(int32_t tid, wt_thread *t) {
  (void)tid;
  t->fn(t->arg);
  __c11_atomic_store((_Atomic int32_t *)&t->done, 1, __ATOMIC_SEQ_CST);
  __builtin_wasm_memory_atomic_notify((int32_t *)&t->done, 1);
  /*
   * Never return: lld 14 wraps every export of a command but `_start` in a function that calls
   * `__wasm_call_dtors` after it, `wasi_thread_start` included, and wasi-libc's flushes stdio from this thread
   * (it wrote the main thread's stdout buffer out a second time while main printed after its joins). A finished
   * thread waits here until the program ends (the runtime ends every thread then).
   */
  static volatile int32_t parked;
  for (;;) __builtin_wasm_memory_atomic_wait32((int32_t *)&parked, 0, -1);
}

wt_thread *wt_spawn(wt_fn fn, void *arg, size_t stack_size) {
  stack_size = (stack_size + 15) & ~(size_t)15;
  int32_t slot = __c11_atomic_fetch_add((_Atomic int32_t *)&threads_used, 1, __ATOMIC_SEQ_CST);
  int32_t base = __c11_atomic_fetch_add((_Atomic int32_t *)&arena_used, (int32_t)stack_size, __ATOMIC_SEQ_CST);
  if (slot >= WT_MAX_THREADS || base + (int32_t)stack_size > WT_ARENA) return NULL;
  wt_thread *t = &threads[slot];
  t->stack_top = (uint32_t)(uintptr_t)(arena + base + stack_size);
  t->fn = fn;
  t->arg = arg;
  t->done = 0;
  int32_t tid = __imported_wasi_thread_spawn((int32_t)(uintptr_t)t);
  if (tid < 0) return NULL;
  t->tid = tid;
  return t;
}

void wt_join(wt_thread *t) {
  while (__c11_atomic_load((_Atomic int32_t *)&t->done, __ATOMIC_SEQ_CST) == 0)
    __builtin_wasm_memory_atomic_wait32((int32_t *)&t->done, 0, -1);
}

static int32_t cas(volatile int32_t *p, int32_t expected, int32_t desired) {
  __c11_atomic_compare_exchange_strong((_Atomic int32_t *)p, &expected, desired, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
  return expected;
}

void wt_mutex_lock(wt_mutex *m) {
  int32_t c = cas(&m->state, 0, 1);
  if (c == 0) return;
  if (c != 2) c = __c11_atomic_exchange((_Atomic int32_t *)&m->state, 2, __ATOMIC_SEQ_CST);
  while (c != 0) {
    __builtin_wasm_memory_atomic_wait32((int32_t *)&m->state, 2, -1);
    c = __c11_atomic_exchange((_Atomic int32_t *)&m->state, 2, __ATOMIC_SEQ_CST);
  }
}

void wt_mutex_unlock(wt_mutex *m) {
  if (__c11_atomic_fetch_sub((_Atomic int32_t *)&m->state, 1, __ATOMIC_SEQ_CST) != 1) {
    __c11_atomic_store((_Atomic int32_t *)&m->state, 0, __ATOMIC_SEQ_CST);
    __builtin_wasm_memory_atomic_notify((int32_t *)&m->state, 1);
  }
}

void wt_cond_wait(wt_cond *c, wt_mutex *m) {
  int32_t seq = __c11_atomic_load((_Atomic int32_t *)&c->seq, __ATOMIC_SEQ_CST);
  wt_mutex_unlock(m);
  __builtin_wasm_memory_atomic_wait32((int32_t *)&c->seq, seq, -1);
  wt_mutex_lock(m);
}

void wt_cond_signal(wt_cond *c) {
  __c11_atomic_fetch_add((_Atomic int32_t *)&c->seq, 1, __ATOMIC_SEQ_CST);
  __builtin_wasm_memory_atomic_notify((int32_t *)&c->seq, 1);
}

void wt_cond_broadcast(wt_cond *c) {
  __c11_atomic_fetch_add((_Atomic int32_t *)&c->seq, 1, __ATOMIC_SEQ_CST);
  __builtin_wasm_memory_atomic_notify((int32_t *)&c->seq, 0xffffffffu);
}

static wt_mutex out_lock = WT_MUTEX_INIT;

void wt_puts(const char *s) {
  wt_mutex_lock(&out_lock);
  size_t n = strlen(s);
  while (n > 0) {
    ssize_t w = write(1, s, n);
    if (w <= 0) break;
    s += w;
    n -= (size_t)w;
  }
  wt_mutex_unlock(&out_lock);
}

char *wt_utoa(unsigned long long v, char *buf) {
  char tmp[21];
  int n = 0;
  do { tmp[n++] = (char)('0' + v % 10); v /= 10; } while (v != 0);
  for (int i = 0; i < n; i++) buf[i] = tmp[n - 1 - i];
  buf[n] = 0;
  return buf;
}
