#!/usr/bin/env bash
# Test of the GitHub Action's script (action/run.sh), run the way action.yml runs it: the inputs as
# INPUT_* variables, GITHUB_OUTPUT and RUNNER_TEMP set, in a checkout of a crate (a copy of
# examples/demo-crate). The release it downloads is the bundle mvn -Pdist package just built, served
# from 127.0.0.1 laid out as GitHub serves release downloads, with its SHA256SUMS; it runs where
# no JVM is visible (without-jvm.sh), as on a runner that has no Java. Checks the SARIF, the
# outputs, fail-on, the baseline and a download that does not match its checksum.
#
#   action-test.sh DIST_DIR VERSION
set -euo pipefail
dist="$(readlink -f "${1:?usage: action-test.sh DIST_DIR VERSION}")"
version="${2:?usage: action-test.sh DIST_DIR VERSION}"
here="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"

for tool in python3 curl; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP GitHub Action test: $tool is not installed (.ci/run installs it)"
    exit 0
  fi
done

archives=("$dist"/unsafe-hints-"$version"-*.tar.gz)
[ -f "${archives[0]}" ] || { echo "FAIL: no $dist/unsafe-hints-$version-*.tar.gz (run mvn -Pdist package)"; exit 1; }
target="$(basename "${archives[0]}" .tar.gz)"; target="${target#unsafe-hints-"$version"-}"

work="$(mktemp -d /tmp/unsafe-hints-action-test.XXXXXX)"
server_pid=""
trap '[ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
failures=0
pass() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
check() { local name="$1"; shift; if "$@"; then pass "$name"; else fail "$name"; fi; }

# A release as the workflow publishes it: the archive under its versionless name, and SHA256SUMS.
release="$work/releases/download/v$version"
mkdir -p "$release" "$work/releases/latest"
cp "${archives[0]}" "$release/unsafe-hints-$target.tar.gz"
(cd "$release" && sha256sum "unsafe-hints-$target.tar.gz" > SHA256SUMS)
ln -s "../download/v$version" "$work/releases/latest/download"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python3 -m http.server --bind 127.0.0.1 --directory "$work/releases" "$port" >"$work/http.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done

cp -r "$root/examples/demo-crate" "$work/repo"

# action STEP_NAME [VAR=VALUE...]: runs action/run.sh in the checkout as action.yml does; sets
# $code and leaves its outputs in $work/STEP_NAME.outputs and its messages in $work/STEP_NAME.err.
action() {
  local step="$1"; shift
  mkdir -p "$work/runner-temp"
  code=0
  (cd "$work/repo" && env GITHUB_OUTPUT="$work/$step.outputs" RUNNER_TEMP="$work/runner-temp" \
      UNSAFE_HINTS_RELEASES="http://127.0.0.1:$port" INPUT_PATHS=. INPUT_BASELINE= INPUT_FAIL_ON=error \
      INPUT_SARIF_FILE=unsafe-hints.sarif INPUT_VERSION= "$@" \
      "$here/without-jvm.sh" "$root/action/run.sh") >"$work/$step.out" 2>"$work/$step.err" || code=$?
}
output() { sed -n "s/^$2=//p" "$work/$1.outputs"; }

# The SARIF, read with a JSON parser: version, tool, results with known rules and locations in the crate.
sarif_facts() {
  python3 - "$1" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
run = log["runs"][0]
rules = {r["id"] for r in run["tool"]["driver"]["rules"]}
results = run["results"]
uris = {l["physicalLocation"]["artifactLocation"]["uri"] for r in results for l in r["locations"]}
assert log["version"] == "2.1.0", log["version"]
assert run["tool"]["driver"]["name"] == "unsafe-hints", run["tool"]["driver"]["name"]
assert all(r["ruleId"] in rules for r in results), "a result names a rule the driver does not list"
print(len(results), " ".join(sorted(uris)), " ".join(sorted({r["ruleId"] for r in results})))
PY
}

action pinned GITHUB_ACTION_REF="v$version"
check "@v$version downloads that release, checks it and scans: exit 0 ($(tail -1 "$work/pinned.err"))" test "$code" = 0
check "it fetched the release of its tag" grep -q "GET /download/v$version/unsafe-hints-$target.tar.gz" "$work/http.log"
facts="$(sarif_facts "$work/repo/unsafe-hints.sarif")" || fail "the SARIF is not what code scanning reads: $facts"
read -r count uris <<<"$facts"
check "the SARIF holds findings ($count) in src/buffer.rs and src/lib.rs" bash -c '[ "$1" -gt 0 ] && [[ "$2" == "src/buffer.rs src/lib.rs"* ]]' _ "$count" "$uris"
check "the rules found include unsafe-block and missing-safety-comment" bash -c '[[ "$1" == *missing-safety-comment* && "$1" == *unsafe-block* ]]' _ "$facts"
check "outputs: sarif-file, findings ($count), exit-code" \
  test "$(output pinned sarif-file)/$(output pinned findings)/$(output pinned exit-code)" = "unsafe-hints.sarif/$count/0"

action latest GITHUB_ACTION_REF=v1 INPUT_FAIL_ON=warning INPUT_SARIF_FILE=out/unsafe.sarif
check "@v1 takes the latest release" grep -q "GET /latest/download/unsafe-hints-$target.tar.gz" "$work/http.log"
check "fail-on: warning fails the step (the crate has warnings), exit 1" test "$code" = 1
check "and still writes the SARIF where asked" test -s "$work/repo/out/unsafe.sarif" -a "$(output latest exit-code)" = 1

action baseline GITHUB_ACTION_REF=v1 INPUT_FAIL_ON=warning INPUT_BASELINE=unsafe-hints.sarif INPUT_SARIF_FILE=new.sarif
check "with the first SARIF as baseline nothing is new: exit 0, findings 0" \
  test "$code/$(output baseline findings)" = "0/0"

action paths GITHUB_ACTION_REF=v1 INPUT_PATHS="src/lib.rs
src/buffer.rs" INPUT_SARIF_FILE=two.sarif
check "paths on separate lines are scanned, both of them" \
  bash -c '[ "$1" = 0 ] && [[ "$2" == *"src/buffer.rs src/lib.rs"* || "$2" == *"buffer.rs lib.rs"* ]]' _ "$code" "$(sarif_facts "$work/repo/two.sarif" 2>&1)"

echo "0000000000000000000000000000000000000000000000000000000000000000  unsafe-hints-$target.tar.gz" > "$release/SHA256SUMS"
action tampered GITHUB_ACTION_REF="v$version" INPUT_SARIF_FILE=tampered.sarif
check "an archive that does not match SHA256SUMS is not run: exit 3" \
  bash -c '[ "$1" = 3 ] && grep -q "does not match the release.s SHA256SUMS" "$2" && [ ! -e "$3" ]' _ "$code" "$work/tampered.err" "$work/repo/tampered.sarif"

echo "action test: $failures failed"
[ "$failures" = 0 ]
