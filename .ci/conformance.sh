#!/usr/bin/env bash
# The spec suite, validate-only, through the CLI run from source: the top-level core suite, legacy/ and custom/ of
# ../shared/testsuite (beside the repository; override with WASMTS_TESTSUITE). proposals/ is left out.
# Prints one line per file and ends with the totals line "N passed, N failed, N skipped"; exits 1 if any failed.
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
exec node --conditions=source --import tsx apps/cli/src/main.ts wast --validate-only "$@" "${files[@]}" "$suite/legacy" "$suite/custom"
