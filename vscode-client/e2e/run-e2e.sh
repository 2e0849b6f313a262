#!/usr/bin/env bash
# End-to-end test of the extension in a real VS Code: code-server (from e2e/node_modules) serves the
# workbench on 127.0.0.1 only, the packaged .vsix is installed into a fresh profile, and headless
# Debian Chromium, driven by playwright-core, works on a copy of e2e/fixture-crate.
#
# usage: npm run test:e2e            (from vscode-client/; packages the .vsix first)
# env:   E2E_SKIP_PACKAGE=1          use the existing unsafe-hints.vsix
#        E2E_PLATFORM_VSIX=FILE      a platform package with its own Java runtime (npm run package:linux-x64);
#                                    the features run once more with it where no JVM is visible
#                                    (server/src/test/dist/without-jvm.sh: a private mount namespace)
#        CHROMIUM=/path/to/chromium  default /usr/bin/chromium
#        E2E_KEEP=1                  keep the run folder (/tmp/unsafe-hints-e2e.*) for inspection
# Then report-check.mjs opens a scanner HTML report of 10,000 findings in the same Chromium.
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
# The extension's details page renders the packaged README in a webview, where relative image paths
# break: the package must carry absolute image addresses.
command -v unzip >/dev/null || { echo "error: unzip is missing (scripts/install-e2e-deps.sh installs it)" >&2; exit 1; }
if unzip -p "$VSIX" extension/readme.md | grep -qE '\]\(images/'; then
  echo "error: the packaged README has relative image paths (see the package script's --baseImagesUrl)" >&2; exit 1
fi

# A short path: Chromium's and VS Code's unix sockets live under TMPDIR, and socket paths are limited to ~107 bytes.
find "$E2E_DIR/artifacts" -maxdepth 1 -type f ! -name .gitkeep -delete 2>/dev/null || true
RUN=$(mktemp -d /tmp/unsafe-hints-e2e.XXXXXX)
mkdir -p "$RUN/home" "$RUN/data/User" "$RUN/exts" "$RUN/tmp" "$E2E_DIR/artifacts"
cp -r "$E2E_DIR/fixture-crate" "$RUN/fixture-crate"
# Its path dependency, outside the opened folder as a registry crate is: the Dependencies view lists it.
cp -r "$E2E_DIR/fixture-dep" "$RUN/fixture-dep"
# A git repository for Review Changes: the test's edits are the changes to review.
if command -v git >/dev/null; then
  git -C "$RUN/fixture-crate" init -q -b main && git -C "$RUN/fixture-crate" add -A \
    && git -C "$RUN/fixture-crate" -c user.name=e2e -c user.email=e2e@example.org -c commit.gpgsign=false commit -q -m fixture
fi
cp "$E2E_DIR/settings.json" "$RUN/data/User/settings.json"
# code-server writes ~/.config/code-server and the extension host its sockets under XDG_RUNTIME_DIR/TMPDIR:
# keep all of it inside the run folder.
export HOME="$RUN/home" TMPDIR="$RUN/tmp" XDG_RUNTIME_DIR="$RUN/tmp"

cleanup() {
  if [ -n "${CS_PID:-}" ]; then stop_code_server; fi
  if [ "${E2E_KEEP:-}" != 1 ] && [ "${rc:-1}" = 0 ]; then rm -rf "$RUN"; fi
}
trap cleanup EXIT

start=$(date +%s%N)
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

"$CODE_SERVER" --user-data-dir "$RUN/data" --extensions-dir "$RUN/exts" --install-extension "$VSIX" > "$RUN/install.log" 2>&1 \
  || { cat "$RUN/install.log"; exit 1; }
echo "install-extension: $(ms_since "$start") ms"
# The report needs the jar's `scan` command; a jar built before it existed skips that step (and says so).
JAR=$(find "$RUN/exts" -name unsafe-hints.jar | head -n 1)
if java -jar "$JAR" scan --help 2>&1 | grep -q -- '--format'; then SCAN_SUPPORTED=1; else SCAN_SUPPORTED=0; fi

# start_code_server NAME [env assignments...]: serves $RUN/fixture-crate with the profile $RUN/NAME.
start_code_server() {
  local name=$1; shift
  PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  local t; t=$(date +%s%N)
  # setsid: code-server's watcher and extension-host children share one process group we can end as a whole.
  # Absolute paths: the scenario's PATH may not reach them.
  # CS_WRAP: a command that starts code-server in another world (no JVM), or nothing.
  env "$@" "${CS_WRAP[@]}" "$(command -v setsid)" "$(command -v node)" "$CODE_SERVER" --user-data-dir "$RUN/$name" --extensions-dir "$RUN/${CS_EXTS:-exts}" \
    --bind-addr "127.0.0.1:$PORT" --auth none \
    --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
    "$RUN/fixture-crate" > "$RUN/code-server-$name.log" 2>&1 &
  CS_PID=$!
  until curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null; do
    kill -0 "$CS_PID" 2>/dev/null || { cat "$RUN/code-server-$name.log"; exit 1; }
    sleep 0.2
  done
  echo "code-server ($name) up on 127.0.0.1:$PORT: $(ms_since "$t") ms"
}

stop_code_server() {
  kill -- "-$CS_PID" 2>/dev/null || true
  wait "$CS_PID" 2>/dev/null || true
  CS_PID=
}

# run_scenario NAME: drives the browser through the scenario of that name in vscode-e2e.mjs.
run_scenario() {
  CS_URL="http://127.0.0.1:$PORT" FOLDER="$RUN/fixture-crate" SETTINGS="$RUN/$1/User/settings.json" \
    ARTIFACTS="$E2E_DIR/artifacts" CHROMIUM="$CHROMIUM" SCENARIO="$1" SCAN_SUPPORTED="$SCAN_SUPPORTED" \
    node "$E2E_DIR/vscode-e2e.mjs" || rc=$?
  if [ "$rc" != 0 ]; then
    echo "--- extension output (Unsafe Hints log) ---"
    find "$RUN/$1/logs" -name '*Unsafe Hints*.log' -exec tail -n 60 {} \; 2>/dev/null || true
    echo "--- run folder kept: $RUN"
  fi
}

rc=0
CS_WRAP=()
# 1. The features, with Java found on PATH.
start_code_server data
run_scenario data
stop_code_server

# 2. No Java anywhere (no JAVA_HOME, a PATH without java): one clear message, no stack trace.
if [ "$rc" = 0 ]; then
  mkdir -p "$RUN/nojava/User" "$RUN/empty-bin" "$RUN/home-nojava"
  cp "$E2E_DIR/settings.json" "$RUN/nojava/User/settings.json"
  # VS Code gives extensions the environment of a login shell, which resets PATH from /etc/profile:
  # the login profile in this HOME takes java off it again.
  printf 'export PATH=%q\nunset JAVA_HOME\n' "$RUN/empty-bin" > "$RUN/home-nojava/.bash_profile"
  cp "$RUN/home-nojava/.bash_profile" "$RUN/home-nojava/.profile"
  start_code_server nojava -u JAVA_HOME PATH="$RUN/empty-bin" HOME="$RUN/home-nojava"
  run_scenario nojava
  stop_code_server
fi

# 3. The platform package, which carries its own Java runtime, on a machine where no JVM is visible:
#    the features again, now on the bundled runtime.
if [ "$rc" = 0 ] && [ -n "${E2E_PLATFORM_VSIX:-}" ]; then
  WITHOUT_JVM="$EXT_DIR/../server/src/test/dist/without-jvm.sh"
  "$WITHOUT_JVM" --check || { echo "error: java still runs where no JVM should be visible" >&2; exit 1; }
  "$CODE_SERVER" --user-data-dir "$RUN/bundled" --extensions-dir "$RUN/exts-bundled" --install-extension "$E2E_PLATFORM_VSIX" \
    > "$RUN/install-bundled.log" 2>&1 || { cat "$RUN/install-bundled.log"; exit 1; }
  # The first scenario changed the crate (a quick fix): start from the original again.
  rm -rf "$RUN/fixture-crate" && cp -r "$E2E_DIR/fixture-crate" "$RUN/fixture-crate"
  mkdir -p "$RUN/bundled/User"
  cp "$E2E_DIR/settings.json" "$RUN/bundled/User/settings.json"
  CS_WRAP=("$WITHOUT_JVM")
  CS_EXTS=exts-bundled start_code_server bundled
  run_scenario bundled
  stop_code_server
  CS_WRAP=()
fi
# 4. The scanner's HTML report in the same Chromium: 10,000 findings, widths, search (report-check.mjs).
if [ "$SCAN_SUPPORTED" = 1 ]; then
  JAR="$JAR" CHROMIUM="$CHROMIUM" ARTIFACTS="$E2E_DIR/artifacts" node "$E2E_DIR/report-check.mjs" || rc=1
fi
echo "e2e total: $(ms_since "$start") ms"
# One closing count over both scenarios (steps not reached count as failed).
node -e '
  const fs = require("fs");
  let passed = 0, failed = 0, skipped = 0;
  for (const f of fs.readdirSync(process.argv[1]).filter((f) => /^result-.*\.json$/.test(f))) {
    for (const r of JSON.parse(fs.readFileSync(`${process.argv[1]}/${f}`, "utf8")).results) r.ok ? passed++ : r.skipped && !r.notReached ? skipped++ : failed++;
  }
  console.log(`e2e: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
' "$E2E_DIR/artifacts"
exit "$rc"
