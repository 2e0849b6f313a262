#!/usr/bin/env bash
# Test of the command-line release bundle (mvn -Pdist verify runs it after make-bundle.sh):
# unpacks the archive like a user, then runs `unsafe-hints` and `cargo unsafe-hints` on a copy of
# examples/demo-crate with every JVM of the machine hidden (without-jvm.sh: a private mount
# namespace with empty file systems over them), and the
# launcher's answers to a damaged, missing or foreign runtime, a JAVA_HOME that points nowhere
# and an old Java on PATH.
#
#   bundle-test.sh DIST_DIR VERSION
set -euo pipefail
dist="$(readlink -f "${1:?usage: bundle-test.sh DIST_DIR VERSION}")"
version="${2:?usage: bundle-test.sh DIST_DIR VERSION}"
here="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
lsp_session="$root/server/src/dist/lsp-session.sh"

archives=("$dist"/unsafe-hints-"$version"-*.tar.gz)
[ -f "${archives[0]}" ] || { echo "FAIL: no $dist/unsafe-hints-$version-*.tar.gz (run mvn -Pdist package)"; exit 1; }
archive="${archives[0]}"

work="$(mktemp -d /tmp/unsafe-hints-bundle-test.XXXXXX)"
trap 'rm -rf "$work"' EXIT
# The launcher keeps its class-sharing archive in the user's cache folder: never the real one here.
export XDG_CACHE_HOME="$work/cache"
failures=0
pass() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
# check NAME COMMAND...: passes when the command succeeds
check() { local name="$1"; shift; if "$@"; then pass "$name"; else fail "$name"; fi; }

tar -C "$work" -xzf "$archive"
home="$work/unsafe-hints-$version"
cp -r "$root/examples/demo-crate" "$work/crate"

check "the archive holds bin/unsafe-hints, bin/cargo-unsafe-hints, the jar and the runtime" \
  test -x "$home/bin/unsafe-hints" -a -x "$home/bin/cargo-unsafe-hints" -a -f "$home/lib/unsafe-hints.jar" \
  -a -x "$home/runtime/bin/java" -a -f "$home/runtime/unsafe-hints-manifest"
# -Xshare:on makes the JVM fail instead of going on without the archive: the archive made at build time maps.
check "the runtime's class-data-sharing archive maps" \
  bash -c '"$1/runtime/bin/java" -Xshare:on -version >/dev/null 2>&1' _ "$home"

# no_jvm COMMAND...: runs the command where no JVM is installed, as far as it can tell.
no_jvm() { "$here/without-jvm.sh" "$@"; }

if ! no_jvm --check; then
  fail "no JVM may be visible in a private mount namespace (unshare --mount, as root): the test would prove nothing"
  exit 1
fi
pass "no JVM is visible in the namespace"

out="$(no_jvm "$home/bin/unsafe-hints" --version 2>&1)" || true
check "--version without any JVM installed: $out" test "$out" = "unsafe-hints $version"

no_jvm "$home/bin/unsafe-hints" scan --fail-on none -f sarif -o "$work/scan.sarif" "$work/crate" 2>"$work/scan.err" \
  || fail "scan exited with $?: $(cat "$work/scan.err")"
check "scan writes SARIF with findings in src/lib.rs" \
  grep -q '"uri" *: *"src/lib.rs"' "$work/scan.sarif"
check "the SARIF names the rules it found (unsafe-block)" grep -q '"ruleId" *: *"unsafe-block"' "$work/scan.sarif"
for format in json html markdown; do
  no_jvm "$home/bin/unsafe-hints" scan --fail-on none -f "$format" -o "$work/scan.$format" "$work/crate" 2>/dev/null \
    && [ -s "$work/scan.$format" ] && pass "scan -f $format" || fail "scan -f $format"
done

# cargo finds `cargo-unsafe-hints` on PATH and runs it for `cargo unsafe-hints`.
out="$(cd "$work/crate" && PATH="$home/bin:$PATH" no_jvm cargo unsafe-hints scan --fail-on none 2>&1)" \
  || fail "cargo unsafe-hints scan exited with $?"
check "cargo unsafe-hints scan reports the crate" grep -q "demo-crate 0.1.0" <<<"$out"
check "cargo unsafe-hints scan reports findings" grep -qE "[0-9]+ findings" <<<"$out"

no_jvm "$lsp_session" "$work/crate/src/lib.rs" "$home/bin/unsafe-hints" serve >"$work/serve.out" 2>"$work/serve.err" \
  && pass "serve publishes diagnostics without any JVM installed" \
  || fail "serve published no diagnostics: $(tail -5 "$work/serve.err")"
check "the server's diagnostics name a rule" grep -q '"code":"missing-safety-comment"' "$work/serve.out"

# review reads git through JGit, which needs modules of its own (java.management, java.security.jgss).
if command -v git >/dev/null; then
  cp -r "$root/examples/demo-crate" "$work/repo"
  git -C "$work/repo" init -q && git -C "$work/repo" add . \
    && git -C "$work/repo" -c user.email=test@example.com -c user.name=test commit -qm base
  sed -i 's/unsafe {/unsafe { let _changed = 1;/' "$work/repo/src/lib.rs"
  out="$(cd "$work/repo" && no_jvm "$home/bin/unsafe-hints" review --since HEAD 2>&1)" || fail "review exited with $?: $out"
  check "review lists the changed unsafe sites" grep -q "UNREVIEWED" <<<"$out"
else
  echo "SKIP review without any JVM: git is not installed (.ci/run installs it)"
fi

# --- the class-data-sharing archive of the jar's own classes, made on first use -----------------
copy_cds() { rm -rf "$work/cds-home"; cp -a "$home" "$work/cds-home"; }
copy_cds
cds_home="$work/cds-home"
cds="$work/cds-cache/unsafe-hints/cds"
with_cache() { XDG_CACHE_HOME="$work/cds-cache" "$@"; }
stamp() { cat "$cds"/*.jsa.stamp 2>/dev/null; }
explains() { grep -q "^unsafe-block: Unsafe block" <<<"$1"; }
out="$(with_cache "$cds_home/bin/unsafe-hints" --version 2>&1)" || true
check "--version answers as always and makes no archive (mapping one costs it more than it saves): $out" \
  bash -c '[ "$1" = "unsafe-hints $2" ] && [ ! -e "$3" ]' _ "$out" "$version" "$cds"
out="$(with_cache "$cds_home/bin/unsafe-hints" explain unsafe-block 2>&1)" || true
check "the first explain answers as always" explains "$out"
check "and leaves an archive and its stamp (made by a short command), nothing temporary" \
  bash -c '[ -s "$(echo "$1"/*.jsa)" ] && [[ "$(cat "$1"/*.jsa.stamp)" == *" short" ]] && ! ls "$1" | grep -q "[.]tmp$"' _ "$cds"
with_cache "$cds_home/bin/unsafe-hints" scan --fail-on none -o "$work/cds-scan.txt" "$work/crate" 2>/dev/null \
  || fail "scan with class sharing exited with $?"
check "a scan records it again with the parser's and the analysis' classes" bash -c '[[ "$1" == *" full" ]]' _ "$(stamp)"
loaded="$(with_cache env UNSAFE_HINTS_JAVA_OPTS=-Xlog:class+load=info "$cds_home/bin/unsafe-hints" explain unsafe-block 2>&1)" || true
check "later starts map it (the jar's classes come from the archive)" \
  grep -q "dev.unsafehints.cli.Main source: shared objects file (top)" <<<"$loaded"
no_jvm env XDG_CACHE_HOME="$work/cds-cache" "$lsp_session" "$work/crate/src/lib.rs" "$cds_home/bin/unsafe-hints" serve \
  >"$work/cds-serve.out" 2>"$work/cds-serve.err" && grep -q '"code":"missing-safety-comment"' "$work/cds-serve.out" \
  && pass "the language server starts with it" || fail "serve with the archive: $(tail -3 "$work/cds-serve.err")"
before="$(stamp)"
truncate -s 4096 "$cds"/*.jsa
code=0; out="$(with_cache "$cds_home/bin/unsafe-hints" explain unsafe-block 2>&1)" || code=$?
check "an archive cut short is not mapped (the JVM would crash): explain answers (exit $code)" \
  bash -c '[ "$1" = 0 ] && grep -q "^unsafe-block: Unsafe block" <<<"$2"' _ "$code" "$out"
check "and it is recorded again" bash -c '[ "$(wc -c < "$(echo "$1"/*.jsa)")" -gt 4096 ]' _ "$cds"
touch -d '2001-01-01' "$cds_home/lib/unsafe-hints.jar"
out="$(with_cache "$cds_home/bin/unsafe-hints" explain unsafe-block 2>&1)" || true
check "a replaced jar: the old archive is not used, a new one is made" \
  bash -c 'grep -q "^unsafe-block: Unsafe block" <<<"$1" && [ "$(cat "$2"/*.jsa.stamp)" != "$3" ] && [ "$(ls "$2" | wc -l)" = 2 ]' \
  _ "$out" "$cds" "$before"
out="$(XDG_CACHE_HOME=/dev/null/cache "$cds_home/bin/unsafe-hints" explain unsafe-block 2>&1)" || true
check "a cache folder that cannot be made: explain answers, nothing more said" \
  bash -c '[ "$(head -1 <<<"$1")" = "unsafe-block: Unsafe block" ]' _ "$out"
rm -rf "$work/cds-cache"
out="$(with_cache env UNSAFE_HINTS_CDS=off "$cds_home/bin/unsafe-hints" explain unsafe-block 2>&1)" || true
check "UNSAFE_HINTS_CDS=off: no archive" bash -c 'grep -q "^unsafe-block: Unsafe block" <<<"$1" && [ ! -e "$2" ]' _ "$out" "$cds"

# --- what the launcher does with a runtime it cannot use -----------------------------------------
# broken COPY: a fresh copy of the bundle to damage
broken() { rm -rf "$work/$1"; cp -a "$home" "$work/$1"; echo "$work/$1"; }

copy="$(broken cut-short)"
truncate -s 4096 "$copy/runtime/lib/modules"
out="$("$copy/bin/unsafe-hints" --version 2>"$work/err")" || fail "a damaged runtime with Java on PATH: exit $?"
check "a damaged runtime falls back to the java on PATH" test "$out" = "unsafe-hints $version"
check "and says once what is wrong and what to do" bash -c '[ "$(wc -l <"$1")" = 1 ] && grep -q "damaged (files missing or cut short: lib/modules).*unpack the release archive again" "$1"' _ "$work/err"

code=0; no_jvm env JAVA_HOME="$work/nowhere" "$copy/bin/unsafe-hints" --version >/dev/null 2>"$work/err" || code=$?
check "a damaged runtime and no other Java: exit 3" test "$code" = 3
check "one message naming the runtime and JAVA_HOME" bash -c '[ "$(wc -l <"$1")" = 1 ] && grep -q "damaged.*JAVA_HOME ($2) has no bin/java.*No Java to run on" "$1"' _ "$work/err" "$work/nowhere"

copy="$(broken missing)"
rm -rf "$copy/runtime"
out="$(env JAVA_HOME="$work/nowhere" "$copy/bin/unsafe-hints" --version 2>"$work/err")" || fail "a missing runtime: exit $?"
check "a missing runtime falls back past a JAVA_HOME that points nowhere" test "$out" = "unsafe-hints $version"
check "and names both" grep -q "it is missing.*JAVA_HOME ($work/nowhere) has no bin/java. Running on" "$work/err"

copy="$(broken foreign)"
# The ELF header's machine field (bytes 18-19) of another processor: what the archive for the other
# Linux target holds.
case "$(uname -m)" in x86_64) other='\xb7' ;; *) other='\x3e' ;; esac
printf "$other" | dd of="$copy/runtime/bin/java" bs=1 seek=18 conv=notrunc 2>/dev/null
out="$("$copy/bin/unsafe-hints" --version 2>"$work/err")" || fail "a foreign runtime: exit $?"
check "a runtime for another processor falls back to the java on PATH" test "$out" = "unsafe-hints $version"
check "and says to download the archive for this machine" grep -q "it is built for .*, and this machine is $(uname -m).*download the release archive for this machine" "$work/err"

# An old Java on PATH: a java that answers -version as Java 11 does (no Java 11 is installed here).
mkdir -p "$work/java11/bin"
printf '#!/bin/sh\necho "openjdk version \\"11.0.22\\" 2024-01-16" >&2\n' > "$work/java11/bin/java"
chmod +x "$work/java11/bin/java"
code=0; no_jvm env PATH="$work/java11/bin:$PATH" "$work/cut-short/bin/unsafe-hints" --version >/dev/null 2>"$work/err" || code=$?
check "a damaged runtime and Java 11 on PATH: exit 3, saying Java 11 is too old" \
  bash -c '[ "$1" = 3 ] && grep -q "the java on PATH ($2) is Java 11, and 17 or newer is needed" "$3"' _ "$code" "$work/java11/bin/java" "$work/err"

echo "bundle test: $failures failed"
[ "$failures" = 0 ]
