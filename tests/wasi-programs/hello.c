// The smallest WASI program: one line on stdout (apps/cli/examples/hello-wasi.wasm).
#include <stdio.h>

int main(void) {
  puts("hello from wasmts");
  return 0;
}
