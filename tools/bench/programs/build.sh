#!/usr/bin/env bash
# Rebuilds the benchmark programs: src/*.c -> wasm/*.wasm (clang, freestanding wasm32) -> wasm2js/*.mjs (binaryen).
# Needs clang + lld with the wasm32 target and binaryen's wasm2js (Debian: apt-get install clang lld binaryen).
# The outputs are committed, so running the benchmarks needs neither.
set -euo pipefail
cd "$(dirname "$0")"
CC=${CC:-clang}
WASM2JS=${WASM2JS:-wasm2js}
mkdir -p wasm wasm2js

# wasm2js of a module; a failure is recorded in wasm2js/NAME.error (the harness then reports why the column is missing).
to_js() {
  local wasm=$1 name=$2
  rm -f "wasm2js/$name.mjs" "wasm2js/$name.error"
  if ! "$WASM2JS" "$wasm" -O2 --enable-bulk-memory --enable-mutable-globals --enable-sign-ext \
    --enable-nontrapping-float-to-int -o "wasm2js/$name.mjs" 2>"wasm2js/$name.error"; then
    echo "wasm2js failed on $name (see wasm2js/$name.error)" >&2
    rm -f "wasm2js/$name.mjs"
  else
    rm -f "wasm2js/$name.error"
  fi
}

for src in src/*.c; do
  name=$(basename "$src" .c)
  # -mbulk-memory: memcpy/memmove/memset become memory.copy/memory.fill (no libc to provide them).
  # Compile and link separately: clang's driver would run wasm-opt (if on PATH) without the bulk-memory feature.
  "$CC" --target=wasm32 -O2 -mbulk-memory -c -o "wasm/$name.o" "$src"
  wasm-ld --no-entry --strip-all -z stack-size=1048576 -o "wasm/$name.wasm" "wasm/$name.o"
  rm -f "wasm/$name.o"
  to_js "wasm/$name.wasm" "$name"
  echo "$name: $(wc -c <"wasm/$name.wasm") bytes wasm, $( [ -f "wasm2js/$name.mjs" ] && wc -c <"wasm2js/$name.mjs" || echo -) bytes js"
done

# Real modules from npm: hash-wasm's embedded (base64) modules, extracted from the installed package (not committed).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for name in sha256 blake3 xxhash64; do
  node -e '
    const [name, out] = process.argv.slice(1);
    const js = require("fs").readFileSync(require.resolve("hash-wasm/dist/index.esm.js", { paths: [process.cwd()] }), "utf8");
    const m = new RegExp(`var name(\\$\\w*)? = "${name}";\\s*var data\\$?\\w* = "(AGFzbQ[A-Za-z0-9+/=]+)"`).exec(js);
    require("fs").writeFileSync(out, Buffer.from(m[2], "base64"));
  ' "$name" "$tmp/$name.wasm"
  to_js "$tmp/$name.wasm" "hash-wasm-$name"
  echo "hash-wasm $name: $(wc -c <"$tmp/$name.wasm") bytes wasm, $( [ -f "wasm2js/hash-wasm-$name.mjs" ] && wc -c <"wasm2js/hash-wasm-$name.mjs" || echo -) bytes js"
done
