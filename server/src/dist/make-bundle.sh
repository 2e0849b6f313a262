#!/usr/bin/env bash
# Builds the command-line release bundle for the machine it runs on:
#   OUT_DIR/unsafe-hints-VERSION-TARGET.tar.gz  (TARGET: linux-x64, linux-arm64, darwin-arm64, ...)
# holding unsafe-hints-VERSION/{bin/unsafe-hints, bin/cargo-unsafe-hints, lib/unsafe-hints.jar,
# runtime/}, the runtime cut by make-runtime.sh with its class-data-sharing archive.
#
#   make-bundle.sh JAR VERSION OUT_DIR      (mvn -Pdist package runs it)
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
jar="${1:?usage: make-bundle.sh JAR VERSION OUT_DIR}"
version="${2:?usage: make-bundle.sh JAR VERSION OUT_DIR}"
out="${3:?usage: make-bundle.sh JAR VERSION OUT_DIR}"

# The names VS Code uses for its platform targets, which the release uses for both downloads.
target() {
  local os arch
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) os="$(uname -s | tr '[:upper:]' '[:lower:]')" ;; esac
  case "$(uname -m)" in x86_64|amd64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) arch="$(uname -m)" ;; esac
  echo "$os-$arch"
}
name="unsafe-hints-$version"
archive="$out/$name-$(target).tar.gz"

# The unpacked folder stays next to the archive: the VS Code extension's platform package takes
# its runtime from there instead of cutting another (vscode-client/scripts/package-platform.mjs).
work="$out"; mkdir -p "$out"
rm -rf "${work:?}/$name"
mkdir -p "$work/$name/bin" "$work/$name/lib"
cp "$here/bin/unsafe-hints" "$here/bin/cargo-unsafe-hints" "$work/$name/bin/"
chmod 755 "$work/$name/bin/"*
cp "$jar" "$work/$name/lib/unsafe-hints.jar"
"$here/make-runtime.sh" "$work/$name/lib/unsafe-hints.jar" "$work/$name/runtime"

rm -f "$archive"
# Owner and group as numbers only, so unpacking never tries to give files to a build user.
tar -C "$work" --owner=0 --group=0 --numeric-owner -czf "$archive" "$name"
echo "make-bundle: $archive ($(du -m "$archive" | cut -f1) MB)" >&2
