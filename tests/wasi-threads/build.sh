#!/usr/bin/env bash
# Builds the wasi-threads test programs with Debian's clang for wasm32 (`apt-get install -y clang lld wasi-libc
# libclang-rt-dev-wasm32`). Debian's wasi-libc has no threads sysroot, so the programs bring their own threads
# layer (wt.h, wt.c, wt_start.s) over the wasi-threads ABI and link libc with --no-check-features (libc is not
# built with atomics: the programs only call it from one thread at a time, under wt_puts's lock or after joins).
# The .wasm files are committed, so the tests need no C toolchain; run this after changing a source.
set -euo pipefail
cd "$(dirname "$0")"
flags=(--target=wasm32-wasi -matomics -mbulk-memory)
# 16 MiB at most (256 pages); the memory is imported and shared, as wasi-threads asks.
link=(-Wl,--shared-memory,--import-memory,--max-memory=16777216,--no-check-features,--strip-debug)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
clang "${flags[@]}" -O2 -Wall -c -o "$tmp/wt.o" wt.c
clang "${flags[@]}" -c -o "$tmp/wt_start.o" wt_start.s
for c in *.c; do
  [ "$c" = wt.c ] && continue
  clang "${flags[@]}" -O2 -Wall -c -o "$tmp/${c%.c}.o" "$c"
  # link without -O: at -O clang's driver runs wasm-opt when it is on the PATH, which drops the name section
  clang "${flags[@]}" "${link[@]}" -o "${c%.c}.wasm" "$tmp/${c%.c}.o" "$tmp/wt.o" "$tmp/wt_start.o"
done
ls -l *.wasm
