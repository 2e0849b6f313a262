#!/usr/bin/env bash
# The GitHub Action's one step (action.yml runs it): gets Unsafe Hints, scans the given paths and
# writes SARIF for code scanning. Plain bash, so it runs the same on a laptop as in a workflow.
#
# Inputs, as action.yml passes them (environment):
#   INPUT_PATHS       files and folders to scan, separated by spaces or new lines (default .)
#   INPUT_BASELINE    a SARIF or JSON report of an earlier scan: report only what is new (optional)
#   INPUT_FAIL_ON     error | warning | note | hint | none: the lowest level that fails the step (default error)
#   INPUT_SARIF_FILE  where to write the SARIF (default unsafe-hints.sarif)
#   INPUT_VERSION     the release to download, e.g. 0.1.0 (default: the action's own tag, else the latest)
# Also read:
#   UNSAFE_HINTS              run this unsafe-hints instead of downloading one
#   UNSAFE_HINTS_RELEASES     where releases are downloaded from
#                             (default https://github.com/unsafe-hints/unsafe-hints/releases)
#   GITHUB_OUTPUT             outputs: sarif-file, findings, exit-code
#   GITHUB_ACTION_REF, RUNNER_TEMP  set by GitHub
# Exit code: the scan's (0 clean, 1 findings at or above fail-on, 2 usage, 3 error).
set -euo pipefail

paths="${INPUT_PATHS:-.}"
fail_on="${INPUT_FAIL_ON:-error}"
sarif="${INPUT_SARIF_FILE:-unsafe-hints.sarif}"
releases="${UNSAFE_HINTS_RELEASES:-https://github.com/unsafe-hints/unsafe-hints/releases}"

say() { echo "unsafe-hints action: $*" >&2; }

# The release archive's name for this runner, as make-bundle.sh names it.
target() {
  local os arch
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) say "no release for $(uname -s) runners yet; use a Linux or macOS runner"; exit 3 ;; esac
  case "$(uname -m)" in x86_64|amd64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) say "no release for $(uname -m) runners"; exit 3 ;; esac
  echo "$os-$arch"
}

# Downloads the release bundle, checks it against the release's SHA256SUMS and unpacks it; prints
# the launcher's path.
download() {
  local version="${INPUT_VERSION:-}" base name dir
  # `uses: unsafe-hints/unsafe-hints@v0.1.0` pins the tool to that release; @v1 or a branch takes the latest.
  if [ -z "$version" ] && [[ "${GITHUB_ACTION_REF:-}" =~ ^v([0-9]+\.[0-9]+\.[0-9]+)$ ]]; then version="${BASH_REMATCH[1]}"; fi
  if [ -n "$version" ]; then base="$releases/download/v${version#v}"; else base="$releases/latest/download"; fi
  name="unsafe-hints-$(target).tar.gz"
  dir="$(mktemp -d "${RUNNER_TEMP:-/tmp}/unsafe-hints.XXXXXX")"
  say "downloading $base/$name"
  curl -fsSL --retry 3 -o "$dir/$name" "$base/$name" || { say "could not download $base/$name"; exit 3; }
  curl -fsSL --retry 3 -o "$dir/SHA256SUMS" "$base/SHA256SUMS" || { say "could not download $base/SHA256SUMS"; exit 3; }
  (cd "$dir" && grep " $name\$" SHA256SUMS | sha256sum -c --quiet -) >&2 || { say "$name does not match the release's SHA256SUMS"; exit 3; }
  tar -C "$dir" -xzf "$dir/$name"
  echo "$dir"/unsafe-hints-*/bin/unsafe-hints
}

if [ -n "${UNSAFE_HINTS:-}" ]; then tool="$UNSAFE_HINTS"
else tool="$(download)"; fi
say "$("$tool" --version)"

args=(scan --format sarif --output "$sarif" --fail-on "$fail_on")
if [ -n "${INPUT_BASELINE:-}" ]; then args+=(--baseline "$INPUT_BASELINE"); fi

code=0
# shellcheck disable=SC2086 # split on purpose: paths are separated by spaces or new lines
"$tool" "${args[@]}" -- $paths || code=$?
findings=0
# Each result names its rule once as "ruleId" (the rules list says "id"); none found is 0, not an error.
if [ -f "$sarif" ]; then findings="$({ grep -o '"ruleId"' "$sarif" || true; } | wc -l | tr -d ' ')"; fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  { echo "sarif-file=$sarif"; echo "findings=$findings"; echo "exit-code=$code"; } >> "$GITHUB_OUTPUT"
fi
say "$findings findings in $sarif; exit code $code"
exit "$code"
