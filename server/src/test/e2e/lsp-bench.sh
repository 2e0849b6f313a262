#!/usr/bin/env bash
# Language server benchmark (not a test): cold start to first diagnostics, edit-to-diagnostics
# latency and heap with a 1,000-file workspace, measured through the real `serve` process.
# usage: server/src/test/e2e/lsp-bench.sh [--only cold,edit,heap] [--json out.json] [--help]
# The benchmark's classes are test classes (not in the shipped jar); it runs from
# server/target/test-classes with the shaded jar on the class path (picocli, LSP4J) and starts that jar.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/../../../.." && pwd)"
jar="$root/server/target/unsafe-hints.jar"
classes="$root/server/target/test-classes"
if [ ! -f "$jar" ] || [ ! -f "$classes/dev/unsafehints/lsp/bench/LspBenchmark.class" ]; then
  (cd "$root" && mvn -q -B package -DskipTests) >&2
fi
exec java -cp "$classes:$jar" dev.unsafehints.lsp.bench.LspBenchmark --jar "$jar" "$@"
