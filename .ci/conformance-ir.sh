#!/usr/bin/env bash
# The spec suite with codegen's IR pipeline forced on (`wasmts wast --backend js --ir`: every function the IR covers
# goes through it, the rest through the one-pass translator), as .ci/conformance.sh runs the JS backend: the same
# files (../shared/testsuite's top level, legacy/ and custom/; override with WASMTS_TESTSUITE). Three runs: plain;
# with fuel metering and epoch checks compiled in; under `node --jitless` (last, so the last line is its totals).
# Not part of `pnpm test:all` (a minute and a half); run it before landing a change to src/ir
# (`pnpm conformance:ir`). Exits 1 if any run failed.
set -euo pipefail
cd "$(dirname "$0")/.."

suite="${WASMTS_TESTSUITE:-../shared/testsuite}"
if [ ! -d "$suite" ]; then
  echo "conformance-ir: no spec suite at $suite (expected ../shared/testsuite beside the repository)" >&2
  exit 1
fi
shopt -s nullglob
files=("$suite"/*.wast)
status=0
cli=(--conditions=source --import tsx apps/cli/src/main.ts wast --backend js --ir)
echo "--- executed, JS backend, IR pipeline"
node "${cli[@]}" "$@" "${files[@]}" "$suite/legacy" "$suite/custom" || status=1
echo "--- executed, JS backend, IR pipeline, with fuel metering and epoch checks compiled in"
node "${cli[@]}" --fuel 1000000000000 --epoch-interruption "$@" "${files[@]}" "$suite/legacy" "$suite/custom" || status=1
echo "--- executed, JS backend, IR pipeline, node --jitless"
node --jitless "${cli[@]}" "$@" "${files[@]}" "$suite/legacy" "$suite/custom" || status=1
exit "$status"
