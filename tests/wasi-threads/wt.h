// A small threads layer over the wasi-threads ABI (Debian's wasi-libc has no threads sysroot): thread start
// and join, a futex-based mutex and condition variable, built on the `wasi` `thread-spawn` import, the
// exported `wasi_thread_start` (wt_start.s) and the memory.atomic.wait32/notify builtins.
#ifndef WT_H
#define WT_H
#include <stddef.h>
#include <stdint.h>

typedef struct wt_thread wt_thread;
typedef void (*wt_fn)(void *arg);

/** Starts `fn(arg)` on a new thread with a stack of `stack_size` bytes (taken from a static arena); NULL on failure. */
wt_thread *wt_spawn(wt_fn fn, void *arg, size_t stack_size);
/** Waits until the thread's function has returned. */
void wt_join(wt_thread *t);

typedef struct { volatile int32_t state; } wt_mutex;   /* 0 free, 1 locked, 2 locked with waiters */
#define WT_MUTEX_INIT {0}
void wt_mutex_lock(wt_mutex *m);
void wt_mutex_unlock(wt_mutex *m);

typedef struct { volatile int32_t seq; } wt_cond;
#define WT_COND_INIT {0}
void wt_cond_wait(wt_cond *c, wt_mutex *m);
void wt_cond_signal(wt_cond *c);
void wt_cond_broadcast(wt_cond *c);

/** Writes a NUL-terminated string to stdout under a lock (wasi-libc's stdio is not thread-safe here). */
void wt_puts(const char *s);
/** Formats an unsigned number in decimal into buf (at least 21 bytes); returns buf. */
char *wt_utoa(unsigned long long v, char *buf);
#endif
