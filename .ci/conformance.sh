#!/usr/bin/env bash
# The spec suite through the CLI run from source: the top-level core suite, legacy/ and custom/ of ../shared/testsuite
# (beside the repository; override with WASMTS_TESTSUITE). proposals/ is left out but for proposals/threads. Five runs:
#   1. --validate-only: every module-level command (decode, validate, reject);
#   2. every command executed with --backend auto: the host's WebAssembly engine (the wasm backend) for every
#      module it can run, the JS backend for the rest;
#   3. the same with fuel metering and epoch checks compiled in (`--fuel`, `--epoch-interruption`): the
#      instrumentation of both backends must not change any result;
#   4. proposals/threads with `--features all` on the auto backend and on the JS backend under `node --jitless` (the
#      threads issue's acceptance run; packages/wast/src/legacy.ts runs that suite without the proposals it predates);
#   5. every command executed on the JS backend under `node --jitless`, which has no WebAssembly global, so the run
#      also proves the JS backend never needs one (last, so the last line is its totals).
# Each prints one line per file and its totals line "N passed, N failed, N skipped"; exits 1 if either failed.
set -euo pipefail
cd "$(dirname "$0")/.."

suite="${WASMTS_TESTSUITE:-../shared/testsuite}"
if [ ! -d "$suite" ]; then
  echo "conformance: no spec suite at $suite (expected ../shared/testsuite beside the repository)" >&2
  exit 1
fi

shopt -s nullglob
files=("$suite"/*.wast)
if [ "${#files[@]}" -eq 0 ]; then
  echo "conformance: no .wast files in $suite" >&2
  exit 1
fi
status=0
echo "--- validate-only"
node --conditions=source --import tsx apps/cli/src/main.ts wast --validate-only "$@" "${files[@]}" "$suite/legacy" "$suite/custom" || status=1
echo "--- executed, auto backend (wasm where the host engine can run the module, else js)"
node --conditions=source --import tsx apps/cli/src/main.ts wast --backend auto "$@" "${files[@]}" "$suite/legacy" "$suite/custom" || status=1
echo "--- executed, auto backend, with fuel metering and epoch checks compiled in (they run; fuel never runs out)"
node --conditions=source --import tsx apps/cli/src/main.ts wast --backend auto --fuel 1000000000000 --epoch-interruption "$@" "${files[@]}" "$suite/legacy" "$suite/custom" || status=1
echo "--- proposals/threads with --features all (the suite runs without multi-memory and reference types, which it predates), auto backend, then the JS backend under node --jitless"
node --conditions=source --import tsx apps/cli/src/main.ts wast --backend auto --features all "$@" "$suite/proposals/threads" || status=1
node --jitless --no-expose-wasm --conditions=source --import tsx apps/cli/src/main.ts wast --backend js --features all "$@" "$suite/proposals/threads" || status=1
echo "--- executed, JS backend, node --jitless"
# --no-expose-wasm says what --jitless implies (no WebAssembly global), so V8 does not warn "disabling flag
# --expose_wasm due to conflicting flags".
node --jitless --no-expose-wasm --conditions=source --import tsx apps/cli/src/main.ts wast --backend js "$@" "${files[@]}" "$suite/legacy" "$suite/custom" || status=1
exit "$status"
