#!/usr/bin/env bash
# Cuts a Java runtime for Unsafe Hints out of the JDK that runs this script (jlink), with a
# class-data-sharing archive of the JDK classes the tool loads, and a list of its files' sizes
# that the launchers check before they start it.
#
#   make-runtime.sh JAR OUT_DIR
#
# JAR      the shaded unsafe-hints.jar (its modules are found with jdeps)
# OUT_DIR  created; must not exist
# env:     JAVA_HOME  the JDK to take jlink, jdeps and the jmods from (default: the one on PATH)
#          DEMO_CRATE a crate to scan while recording the classes (default: examples/demo-crate)
#
# The runtime is for the platform of that JDK: a release builds each target on a machine of that
# target (README, "How a release is built").
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
jar="$(readlink -f "${1:?usage: make-runtime.sh JAR OUT_DIR}")"
out="${2:?usage: make-runtime.sh JAR OUT_DIR}"
demo="${DEMO_CRATE:-$root/examples/demo-crate}"

if [ -n "${JAVA_HOME:-}" ]; then jdk="$JAVA_HOME"; else jdk="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"; fi
[ -d "$jdk/jmods" ] || { echo "error: $jdk has no jmods/ folder; jlink needs a full JDK (Debian: openjdk-17-jdk-headless)" >&2; exit 1; }
[ ! -e "$out" ] || { echo "error: $out exists" >&2; exit 1; }

# The modules the jar's classes refer to, as jdeps sees them, with two corrections:
# - java.desktop is left out: jdeps finds it only because Jackson reads the optional java.beans
#   annotations @Transient and @ConstructorProperties, which it looks up behind a catch; it is the
#   largest module (12 MB with its AWT libraries) and nothing of ours draws or uses beans;
# - jdk.unsupported is added: Gson (LSP4J's JSON) reaches sun.misc.Unsafe by reflection, which
#   jdeps cannot see, to build messages that have no no-argument constructor.
# The bundle's test runs scan (every format), cargo unsafe-hints and the language server on it.
modules="$("$jdk/bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps "$jar")"
modules="$(echo "$modules" | tr ',' '\n' | grep -vx 'java.desktop' | paste -sd, -),jdk.unsupported"
echo "make-runtime: modules $modules" >&2

"$jdk/bin/jlink" --module-path "$jdk/jmods" --add-modules "$modules" \
  --strip-debug --no-man-pages --no-header-files --compress=2 --output "$out" >&2
java="$out/bin/java"

# Class data sharing: the JVM maps the classes of an archive instead of loading and verifying them
# one by one. JDK 17 ties an archive of the jar's own classes to the jar's absolute path, which a
# bundle cannot know at build time, so the archive holds the JDK classes the tool loads (about
# 1,000 of the 1,250 that `--version` loads, more for a scan and the server), recorded from the real
# commands here, and it replaces the runtime's default archive (lib/server/classes.jsa), which the
# JVM maps without being asked. A damaged archive is ignored by the JVM, never an error.
lists="$(mktemp -d)"
trap 'rm -rf "$lists"' EXIT
record() { # record NAME ARGS...: runs the jar, writing the classes it loads to $lists/NAME
  local name="$1"; shift
  "$java" -Xshare:off -XX:DumpLoadedClassList="$lists/$name.classes" -jar "$jar" "$@"
}
record version --version >/dev/null
for format in text sarif html json; do
  record "scan-$format" scan --no-cargo --fail-on none -f "$format" -o "$lists/out.$format" "$demo" 2>/dev/null
done
"$here/lsp-session.sh" "$demo/src/lib.rs" "$java" -Xshare:off -XX:DumpLoadedClassList="$lists/serve.classes" -jar "$jar" serve 2>"$lists/serve.err" \
  > "$lists/serve.out" || { echo "error: the language server did not answer while its classes were recorded" >&2; exit 1; }
# The runtime's own classes only (the jar's are not in it), by name: the lines that start with @
# describe lambda forms by ids of one run.
cat "$lists"/*.classes | grep -E '^(java|javax|jdk|sun|com/sun|org/ietf|org/w3c|org/xml)/' | cut -d' ' -f1 \
  | LC_ALL=C sort -u > "$lists/all.classes"
# The default archive is used only with compressed object pointers (heaps under 32 GB); the other
# one would be for bigger heaps, which this tool never asks for.
rm -f "$out/lib/server/classes.jsa" "$out/lib/server/classes_nocoops.jsa"
"$java" -Xshare:dump -XX:SharedClassListFile="$lists/all.classes" -XX:SharedArchiveFile="$out/lib/server/classes.jsa" \
  > "$lists/dump.log" 2>&1 || { cat "$lists/dump.log" >&2; exit 1; }
echo "make-runtime: archived $(wc -l < "$lists/all.classes") JDK classes in lib/server/classes.jsa" >&2

# The size of every file, which the launchers compare before they start the runtime: a runtime cut
# short (an interrupted download or unpacking, a deleted file) crashes the JVM with a core dump
# report in the user's folder instead of saying what is wrong. Comparing sizes takes milliseconds.
# (wc -c, not GNU find's -printf, so that a release can build it on macOS too.)
(cd "$out" && find . -type f | LC_ALL=C sort | while read -r file; do
  printf '%s %s\n' "$(wc -c < "$file" | tr -d ' ')" "${file#./}"
done) > "$lists/manifest"
mv "$lists/manifest" "$out/unsafe-hints-manifest"
echo "make-runtime: $out, $(du -sm "$out" | cut -f1) MB" >&2
