#!/usr/bin/env bash
# Installs the other JavaScript hosts the tests need, from Debian's packages, where they are missing: JavaScriptCore's
# shell for `pnpm conformance:jsc` and Chromium for `pnpm conformance:browser` and tools/hosts' browser tests. Run by
# test:all (the README's test command) before its steps, so a fresh machine with only Node and npm needs nothing else.
set -uo pipefail
missing=()
command -v jsc >/dev/null 2>&1 || missing+=(libjavascriptcoregtk-4.0-bin)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ "${#missing[@]}" -eq 0 ] && exit 0
echo "installing ${missing[*]}"
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
if ! { $sudo_cmd apt-get update -qq && $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; }; then
  echo "could not install ${missing[*]}: the steps that need them will fail" >&2
  exit 1
fi
