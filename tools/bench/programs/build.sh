#!/usr/bin/env bash
# Rebuilds the benchmark programs: src/*.c and src/*.cpp -> wasm/*.wasm (clang: freestanding wasm32, or wasm32-wasi
# reactors linked with wasi-libc) -> wasm2js/*.mjs (binaryen), and records whether wasm2js can convert ruby.wasm.
# Needs clang + lld with the wasm32 target, wasi-libc, compiler-rt's wasm32 builtins and binaryen's wasm2js
# (Debian: apt-get install clang lld wasi-libc libclang-rt-dev-wasm32 binaryen).
# The outputs are committed, so running the benchmarks needs none of them.
set -euo pipefail
cd "$(dirname "$0")"
CC=${CC:-clang}
WASM2JS=${WASM2JS:-wasm2js}
# wasi-libc: Debian puts its headers in /usr/include/wasm32-wasi and its libraries in /usr/lib/wasm32-wasi;
# a wasi-sdk sysroot has include/ and lib/wasm32-wasi/ under one directory (WASI_SYSROOT=/opt/wasi-sdk/share/wasi-sysroot).
WASI_SYSROOT=${WASI_SYSROOT:-}
if [ -n "$WASI_SYSROOT" ]; then
  WASI_CFLAGS=(--sysroot="$WASI_SYSROOT")
  WASI_LIB=$WASI_SYSROOT/lib/wasm32-wasi
else
  WASI_CFLAGS=()
  WASI_LIB=/usr/lib/wasm32-wasi
fi
# How each program is built: "target optimisation [extra flags]". freestanding: --target=wasm32, no libc;
# wasi: a wasm32-wasi reactor with wasi-libc (crt1-reactor's _initialize, then run(n)). *.cpp is C++ without its
# library (-fno-exceptions -fno-rtti). Programs not listed are freestanding -O2.
declare -A HOW=(
  [branchy]="wasi -O2" [json]="wasi -O2" [interp]="wasi -O2"
  [chacha20]="freestanding -O3" [salsa20]="freestanding -O2" [siphash]="freestanding -O3"
  [poly1305]="freestanding -O3" [x25519]="freestanding -O2" [blake3]="freestanding -O3"
  [simd-chacha20]="freestanding -O3 -msimd128" [simd-gemm]="freestanding -O3 -msimd128"
  [autovec-f32]="freestanding -O3 -msimd128" [autovec-u8]="freestanding -O3 -msimd128"
  [simd-mandelbrot]="freestanding -O2 -msimd128" [simd-scan]="freestanding -O2 -msimd128"
  [alloc-trees]="wasi -O2" [cpp-virtual]="wasi -O2" [callbacks]="wasi -O2"
)
# compiler-rt's builtins (__multi3 for 64x64->128-bit products: x25519's unsigned __int128)
RT_BUILTINS=${RT_BUILTINS:-$(ls /usr/lib/llvm-*/lib/clang/*/lib/wasi/libclang_rt.builtins-wasm32.a | tail -1)}
mkdir -p wasm wasm2js

# wasm2js of a module; a failure is recorded in wasm2js/NAME.error (the harness then reports why the column is missing).
to_js() {
  local wasm=$1 name=$2
  rm -f "wasm2js/$name.mjs" "wasm2js/$name.error"
  if ! "$WASM2JS" "$wasm" -O2 --enable-bulk-memory --enable-mutable-globals --enable-sign-ext \
    --enable-nontrapping-float-to-int --enable-simd -o "wasm2js/$name.mjs" >"wasm2js/$name.log" 2>&1; then
    # keep the verdict and the first validation errors (the log may hold the whole module as text)
    { grep -m1 '^Fatal' "wasm2js/$name.log" || head -c 300 "wasm2js/$name.log"; grep -m4 '^\[wasm-validator error' "wasm2js/$name.log" || true; } \
      | sed "s/^Fatal: /binaryen $("$WASM2JS" --version | sed 's/.* //'): /" >"wasm2js/$name.error"
    echo "wasm2js failed on $name: $(head -1 "wasm2js/$name.error")" >&2
    rm -f "wasm2js/$name.mjs"
  fi
  rm -f "wasm2js/$name.log"
}

for src in src/*.c src/*.cpp; do
  name=$(basename "${src%.*}")
  how=${HOW[$name]:-freestanding -O2}
  read -r target opt extra <<<"$how"
  # -mbulk-memory: memcpy/memmove/memset become memory.copy/memory.fill (no libc to provide them).
  flags=("$opt" -mbulk-memory)
  [ -n "$extra" ] && flags+=($extra)
  [[ $src == *.cpp ]] && flags+=(-fno-exceptions -fno-rtti)
  # Compile and link separately: clang's driver would run wasm-opt (if on PATH) without the bulk-memory feature.
  if [[ $target == wasi ]]; then
    "$CC" --target=wasm32-wasi "${WASI_CFLAGS[@]}" "${flags[@]}" -c -o "wasm/$name.o" "$src"
    wasm-ld --no-entry --export=_initialize --strip-all -z stack-size=1048576 -o "wasm/$name.wasm" \
      "$WASI_LIB/crt1-reactor.o" "wasm/$name.o" -L"$WASI_LIB" -lc "$RT_BUILTINS"
  else
    "$CC" --target=wasm32 "${flags[@]}" -c -o "wasm/$name.o" "$src"
    wasm-ld --no-entry --strip-all -z stack-size=1048576 -o "wasm/$name.wasm" "wasm/$name.o" "$RT_BUILTINS"
  fi
  rm -f "wasm/$name.o"
  to_js "wasm/$name.wasm" "$name"
  echo "$name ($how): $(wc -c <"wasm/$name.wasm") bytes wasm, $( [ -f "wasm2js/$name.mjs" ] && wc -c <"wasm2js/$name.mjs" || echo -) bytes js"
done

# Real modules from npm: hash-wasm's embedded (base64) modules, extracted from the installed package (not committed).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for name in sha256 blake3 xxhash64 sha3 sha512 blake2b whirlpool xxhash128 md5 sha1 ripemd160 sm3 blake2s xxhash3; do
  node -e '
    const [name, out] = process.argv.slice(1);
    const js = require("fs").readFileSync(require.resolve("hash-wasm/dist/index.esm.js", { paths: [process.cwd()] }), "utf8");
    const m = new RegExp(`var name(\\$\\w*)? = "${name}";\\s*var data\\$?\\w* = "(AGFzbQ[A-Za-z0-9+/=]+)"`).exec(js);
    require("fs").writeFileSync(out, Buffer.from(m[2], "base64"));
  ' "$name" "$tmp/$name.wasm"
  to_js "$tmp/$name.wasm" "hash-wasm-$name"
  echo "hash-wasm $name: $(wc -c <"$tmp/$name.wasm") bytes wasm, $( [ -f "wasm2js/hash-wasm-$name.mjs" ] && wc -c <"wasm2js/hash-wasm-$name.mjs" || echo -) bytes js"
done

# ruby.wasm (16 MB): its wasm2js output would be far too large to commit; only whether binaryen can convert it is
# recorded, in wasm2js/ruby.error (binaryen 108 cannot: its i64 lowering leaves i64.extend8_s on i32 values and it
# rejects its own output). The bench reports this file's first line for ruby's wasm2js column.
ruby=$(node -p 'require.resolve("@ruby/3.4-wasm-wasi/dist/ruby.wasm", { paths: [process.cwd()] })')
rm -f wasm2js/ruby.error
if "$WASM2JS" "$ruby" -O0 --enable-bulk-memory --enable-mutable-globals --enable-sign-ext \
  --enable-nontrapping-float-to-int -o "$tmp/ruby.mjs" >"$tmp/ruby.log" 2>&1; then
  echo "ruby.wasm: wasm2js converts it ($(wc -c <"$tmp/ruby.mjs") bytes js; not committed)"
else
  # the log holds the whole module as text: keep the verdict and the first validation errors
  { grep -m1 '^Fatal' "$tmp/ruby.log" || echo "wasm2js exited with an error"; grep -m4 '^\[wasm-validator error' "$tmp/ruby.log"; } \
    | sed "s/^Fatal: /binaryen $("$WASM2JS" --version | sed 's/.* //'): /" >wasm2js/ruby.error
  echo "ruby.wasm: wasm2js failed: $(head -1 wasm2js/ruby.error)"
fi
