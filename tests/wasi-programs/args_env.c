// args_sizes_get, args_get, environ_sizes_get, environ_get: through libc, then directly.
#include <stdlib.h>
#include "common.h"

extern char **environ;

int main(int argc, char **argv) {
  printf("argc: %d\n", argc);
  for (int i = 1; i < argc; i++) printf("argv[%d]: %s\n", i, argv[i]);
  for (char **e = environ; *e; e++) printf("env: %s\n", *e);
  const char *greeting = getenv("GREETING");
  printf("GREETING: %s\n", greeting ? greeting : "(unset)");

  __wasi_size_t n, size;
  CHECK("args_sizes_get", __wasi_args_sizes_get(&n, &size));
  char *buf = malloc(size);
  char **ptrs = malloc(n * sizeof(char *));
  CHECK("args_get", __wasi_args_get((uint8_t **)ptrs, (uint8_t *)buf));
  size_t total = 0;
  for (__wasi_size_t i = 0; i < n; i++) total += strlen(ptrs[i]) + 1;
  printf("args: %u, sizes agree: %s, last: %s\n", (unsigned)n, total == size ? "yes" : "no", ptrs[n - 1]);
  CHECK("environ_sizes_get", __wasi_environ_sizes_get(&n, &size));
  buf = malloc(size + 1);
  ptrs = malloc((n + 1) * sizeof(char *));
  CHECK("environ_get", __wasi_environ_get((uint8_t **)ptrs, (uint8_t *)buf));
  printf("environ: %u, %u bytes\n", (unsigned)n, (unsigned)size);
  return 0;
}
