// How a threaded program ends (wasi-threads: exit or a trap in any thread ends every thread). `ending exit`:
// a thread calls exit(3) while the main thread waits for it forever; `ending trap`: a thread traps
// (unreachable) likewise; `ending spin`: a thread loops forever (for the epoch timeout), the main thread waits.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "wt.h"

static const char *mode = "exit";
static volatile int spin_count;

static void work(void *arg) {
  (void)arg;
  wt_puts("thread started\n");
  if (strcmp(mode, "exit") == 0) exit(3);
  if (strcmp(mode, "trap") == 0) __builtin_trap();
  for (;;) spin_count++;
}

int main(int argc, char **argv) {
  if (argc > 1) mode = argv[1];
  wt_thread *t = wt_spawn(work, NULL, 16384);
  if (t == NULL) { wt_puts("spawn failed\n"); return 1; }
  wt_join(t); /* never returns: the thread ends the program */
  wt_puts("main: joined (wrong)\n");
  return 0;
}
