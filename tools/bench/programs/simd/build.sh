#!/usr/bin/env bash
# Builds the SIMD benchmark programs: simd-*.c -> simd-*.wasm, freestanding wasm32, clang -O3 -msimd128 (autovectorised
# loops and wasm_simd128.h). Needs clang + lld with the wasm32 target (Debian: apt-get install clang lld). The outputs
# are committed.
set -euo pipefail
cd "$(dirname "$0")"
for src in simd-*.c; do
  name=$(basename "$src" .c)
  clang --target=wasm32 -O3 -msimd128 -mbulk-memory -nostdlib -c -o "$name.o" "$src"
  wasm-ld --no-entry --strip-all -z stack-size=1048576 -o "$name.wasm" "$name.o"
  rm -f "$name.o"
  echo "$name: $(wc -c <"$name.wasm") bytes"
done
