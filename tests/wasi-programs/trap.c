// A trap in a named function: `wasmts run` prints the trap and the wasm backtrace, and exits 134.
#include <stdio.h>

__attribute__((noinline)) void crash_here(int depth) {
  if (depth == 0) __builtin_trap();
  crash_here(depth - 1);
  puts("unreachable");
}

int main(void) {
  puts("about to trap");
  fflush(stdout);
  crash_here(2);
  return 0;
}
