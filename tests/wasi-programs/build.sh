#!/usr/bin/env bash
# Builds the WASI test programs (needs clang, lld and wasi-libc: on Debian
# `apt-get install -y clang lld wasi-libc libclang-rt-dev-wasm32`). The .wasm files are committed,
# so the tests need no C toolchain; run this after changing a .c file.
set -euo pipefail
cd "$(dirname "$0")"
SYSROOT="${WASI_SYSROOT:-}"
flags=(--target=wasm32-wasi -O2 -Wall -Wno-unused-result -Wl,--strip-debug)
# Debian's clang finds wasi-libc by itself; elsewhere point WASI_SYSROOT at a wasi-sdk sysroot.
if [ -n "$SYSROOT" ]; then flags+=(--sysroot="$SYSROOT"); fi
for c in *.c; do
  clang "${flags[@]}" -o "${c%.c}.wasm" "$c"
done
cp hello.wasm ../../apps/cli/examples/hello-wasi.wasm
cp hello.c ../../apps/cli/examples/hello-wasi.c
ls -l *.wasm
