// clock_res_get, clock_time_get, random_get, sched_yield, poll_oneoff, the sock_* calls (which have no
// sockets to work on) and proc_raise. Nondeterministic values are printed only as checked properties.
#include "common.h"

// proc_raise left the preview1 header but not the preview1 import set.
int32_t raw_proc_raise(int32_t sig)
    __attribute__((__import_module__("wasi_snapshot_preview1"), __import_name__("proc_raise")));

int main(void) {
  __wasi_timestamp_t res, t0, t1, real;
  CHECK("clock_res_get monotonic", __wasi_clock_res_get(__WASI_CLOCKID_MONOTONIC, &res));
  printf("monotonic resolution ok: %s\n", res > 0 && res <= 1000000000ull ? "yes" : "no");
  CHECK("clock_res_get realtime", __wasi_clock_res_get(__WASI_CLOCKID_REALTIME, &res));
  CHECK("clock_time_get realtime", __wasi_clock_time_get(__WASI_CLOCKID_REALTIME, 1, &real));
  // After 2020-01-01 and before 2100-01-01.
  printf("realtime plausible: %s\n", real > 1577836800ull * 1000000000ull && real < 4102444800ull * 1000000000ull ? "yes" : "no");
  __wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &t0);
  CHECK("sched_yield", __wasi_sched_yield());
  __wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &t1);
  printf("monotonic ok: %s\n", t1 >= t0 ? "yes" : "no");
  __wasi_timestamp_t cpu;
  __wasi_errno_t cpu_err = __wasi_clock_time_get(__WASI_CLOCKID_PROCESS_CPUTIME_ID, 1, &cpu);
  printf("process cputime: %s\n", cpu_err == 0 || cpu_err == __WASI_ERRNO_INVAL || cpu_err == __WASI_ERRNO_NOTSUP ? "answered" : errname(cpu_err));

  uint8_t a[32] = {0}, b[32] = {0};
  CHECK("random_get", __wasi_random_get(a, sizeof a));
  __wasi_random_get(b, sizeof b);
  printf("random differs: %s\n", memcmp(a, b, sizeof a) != 0 ? "yes" : "no");

  // A relative 20 ms clock subscription: the poll returns no earlier.
  __wasi_subscription_t sub[2];
  __wasi_event_t ev[2];
  __wasi_size_t nev = 0;
  memset(sub, 0, sizeof sub);
  sub[0].userdata = 42;
  sub[0].u.tag = __WASI_EVENTTYPE_CLOCK;
  sub[0].u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
  sub[0].u.u.clock.timeout = 20 * 1000000ull;
  __wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &t0);
  CHECK("poll_oneoff clock", __wasi_poll_oneoff(sub, ev, 1, &nev));
  __wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &t1);
  printf("clock event: %u, userdata %llu, type %u, error %s\n", (unsigned)nev, (unsigned long long)ev[0].userdata,
         (unsigned)ev[0].type, errname(ev[0].error));
  printf("slept at least 20 ms: %s\n", t1 - t0 >= 19 * 1000000ull ? "yes" : "no");

  // stdout is writable at once; the 10 s clock does not fire first.
  memset(sub, 0, sizeof sub);
  sub[0].userdata = 1;
  sub[0].u.tag = __WASI_EVENTTYPE_FD_WRITE;
  sub[0].u.u.fd_write.file_descriptor = 1;
  sub[1].userdata = 2;
  sub[1].u.tag = __WASI_EVENTTYPE_CLOCK;
  sub[1].u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
  sub[1].u.u.clock.timeout = 10000 * 1000000ull;
  __wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &t0);
  CHECK("poll_oneoff fd_write", __wasi_poll_oneoff(sub, ev, 2, &nev));
  __wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &t1);
  int writable = 0;
  for (__wasi_size_t i = 0; i < nev; i++)
    if (ev[i].userdata == 1 && ev[i].type == __WASI_EVENTTYPE_FD_WRITE && ev[i].error == 0) writable = 1;
  printf("stdout writable: %s, before the clock: %s\n", writable ? "yes" : "no", t1 - t0 < 5000 * 1000000ull ? "yes" : "no");

  // No sockets: every sock_* call on stdout or a bad descriptor fails.
  __wasi_fd_t accepted;
  uint8_t byte = 0;
  __wasi_iovec_t iov = {&byte, 1};
  __wasi_ciovec_t ciov = {&byte, 1};
  __wasi_size_t n;
  __wasi_roflags_t roflags;
  printf("sock_accept fails: %s\n", __wasi_sock_accept(1, 0, &accepted) != 0 ? "yes" : "no");
  printf("sock_recv fails: %s\n", __wasi_sock_recv(1, &iov, 1, 0, &n, &roflags) != 0 ? "yes" : "no");
  printf("sock_send fails: %s\n", __wasi_sock_send(1, &ciov, 1, 0, &n) != 0 ? "yes" : "no");
  printf("sock_shutdown fails: %s\n", __wasi_sock_shutdown(99, __WASI_SDFLAGS_RD) != 0 ? "yes" : "no");
  printf("sock_recv on a bad fd: %s\n", errname(__wasi_sock_recv(99, &iov, 1, 0, &n, &roflags)));
  fflush(stdout);
  printf("proc_raise: %s\n", raw_proc_raise(0) != 0 ? "refused" : "ok");
  return 0;
}
