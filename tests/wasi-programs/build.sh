#!/usr/bin/env bash
# Builds the WASI test programs (needs clang, lld and wasi-libc: on Debian
# `apt-get install -y clang lld wasi-libc libclang-rt-dev-wasm32`). The .wasm files are committed,
# so the tests need no C toolchain; run this after changing a .c file.
set -euo pipefail
cd "$(dirname "$0")"
SYSROOT="${WASI_SYSROOT:-}"
flags=(--target=wasm32-wasi)
# Debian's clang finds wasi-libc by itself; elsewhere point WASI_SYSROOT at a wasi-sdk sysroot.
if [ -n "$SYSROOT" ]; then flags+=(--sysroot="$SYSROOT"); fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# Compile with -O2 but link without it: at -O clang's driver runs wasm-opt when it is on the PATH, which
# drops the name section that wasm backtraces need. --strip-debug drops libc's DWARF, not the names.
for c in *.c; do
  clang "${flags[@]}" -O2 -Wall -Wno-unused-result -c -o "$tmp/${c%.c}.o" "$c"
  clang "${flags[@]}" -Wl,--strip-debug -o "${c%.c}.wasm" "$tmp/${c%.c}.o"
done
cp hello.wasm ../../apps/cli/examples/hello-wasi.wasm
cp hello.c ../../apps/cli/examples/hello-wasi.c
ls -l *.wasm
