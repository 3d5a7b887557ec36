// Call-heavy: naive recursive Fibonacci (a direct call per node of the call tree).
#include "common.h"

__attribute__((noinline)) static uint32_t fib(uint32_t n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

EXPORT("run") uint32_t run(int32_t n) { return fib((uint32_t)n); }
