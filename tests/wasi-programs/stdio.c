// stdin to stdout (upper-cased), a line on stderr, and proc_exit with a code.
#include <ctype.h>
#include "common.h"

int main(void) {
  int c;
  size_t count = 0;
  while ((c = getchar()) != EOF) {
    putchar(toupper(c));
    count++;
  }
  fflush(stdout);
  fprintf(stderr, "read %zu bytes from stdin\n", count);
  __wasi_proc_exit(7);
}
