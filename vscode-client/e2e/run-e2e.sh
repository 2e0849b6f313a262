#!/usr/bin/env bash
# End-to-end test of the extension in a real VS Code: code-server (from e2e/node_modules) serves the
# workbench on 127.0.0.1 only, the packaged .vsix is installed into a fresh profile, and headless
# Debian Chromium, driven by playwright-core, works on a copy of e2e/fixture-crate.
#
# usage: npm run test:e2e            (from vscode-client/; packages the .vsix first)
# env:   E2E_SKIP_PACKAGE=1          use the existing unsafe-hints.vsix
#        CHROMIUM=/path/to/chromium  default /usr/bin/chromium
#        E2E_KEEP=1                  keep the run folder (/tmp/unsafe-hints-e2e.*) for inspection
# Screenshots and result.json go to e2e/artifacts/. Exit 0 also when the tools are missing (it says SKIP).
set -euo pipefail
E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
EXT_DIR=$(dirname "$E2E_DIR")
CODE_SERVER="$E2E_DIR/node_modules/.bin/code-server"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

missing=()
[ -x "$CHROMIUM" ] || missing+=("chromium ($CHROMIUM; apt-get install chromium)")
[ -x "$CODE_SERVER" ] || missing+=("code-server (cd e2e && npm ci, see scripts/install-e2e-deps.sh)")
[ -d "$E2E_DIR/node_modules/playwright-core" ] || missing+=("playwright-core (cd e2e && npm ci)")
command -v java >/dev/null || [ -n "${JAVA_HOME:-}" ] || missing+=("java 17+")
if [ ${#missing[@]} -gt 0 ]; then
  echo "SKIP: VS Code end-to-end test not run; missing: ${missing[*]}."
  echo "      Install them with vscode-client/scripts/install-e2e-deps.sh"
  exit 0
fi

if [ "${E2E_SKIP_PACKAGE:-}" != 1 ]; then
  (cd "$EXT_DIR" && npm run --silent package >/dev/null)
fi
VSIX="$EXT_DIR/unsafe-hints.vsix"
[ -f "$VSIX" ] || { echo "error: $VSIX is missing: run npm run package first" >&2; exit 1; }

# A short path: Chromium's and VS Code's unix sockets live under TMPDIR, and socket paths are limited to ~107 bytes.
find "$E2E_DIR/artifacts" -maxdepth 1 -type f ! -name .gitkeep -delete 2>/dev/null || true
RUN=$(mktemp -d /tmp/unsafe-hints-e2e.XXXXXX)
mkdir -p "$RUN/home" "$RUN/data/User" "$RUN/exts" "$RUN/tmp" "$E2E_DIR/artifacts"
cp -r "$E2E_DIR/fixture-crate" "$RUN/fixture-crate"
cp "$E2E_DIR/settings.json" "$RUN/data/User/settings.json"
# code-server writes ~/.config/code-server and the extension host its sockets under XDG_RUNTIME_DIR/TMPDIR:
# keep all of it inside the run folder.
export HOME="$RUN/home" TMPDIR="$RUN/tmp" XDG_RUNTIME_DIR="$RUN/tmp"
PROFILE=(--user-data-dir "$RUN/data" --extensions-dir "$RUN/exts")

cleanup() {
  if [ -n "${CS_PID:-}" ]; then kill -- "-$CS_PID" 2>/dev/null || true; wait "$CS_PID" 2>/dev/null || true; fi
  if [ "${E2E_KEEP:-}" != 1 ] && [ "${rc:-1}" = 0 ]; then rm -rf "$RUN"; fi
}
trap cleanup EXIT

start=$(date +%s%N)
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

"$CODE_SERVER" "${PROFILE[@]}" --install-extension "$VSIX" > "$RUN/install.log" 2>&1 \
  || { cat "$RUN/install.log"; exit 1; }
echo "install-extension: $(ms_since "$start") ms"

PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
t=$(date +%s%N)
# setsid: code-server's watcher and extension-host children share one process group we can end as a whole.
setsid "$CODE_SERVER" "${PROFILE[@]}" --bind-addr "127.0.0.1:$PORT" --auth none \
  --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  "$RUN/fixture-crate" > "$RUN/code-server.log" 2>&1 &
CS_PID=$!
until curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null; do
  kill -0 "$CS_PID" 2>/dev/null || { cat "$RUN/code-server.log"; exit 1; }
  sleep 0.2
done
echo "code-server up on 127.0.0.1:$PORT: $(ms_since "$t") ms"

rc=0
CS_URL="http://127.0.0.1:$PORT" FOLDER="$RUN/fixture-crate" SETTINGS="$RUN/data/User/settings.json" \
  ARTIFACTS="$E2E_DIR/artifacts" CHROMIUM="$CHROMIUM" \
  node "$E2E_DIR/vscode-e2e.mjs" || rc=$?
if [ "$rc" != 0 ]; then
  echo "--- extension output (Unsafe Hints log) ---"
  find "$RUN/data/logs" -name '*Unsafe Hints*.log' -exec tail -n 60 {} \; 2>/dev/null || true
  echo "--- run folder kept: $RUN"
fi
echo "e2e total: $(ms_since "$start") ms"
exit "$rc"
