#!/usr/bin/env bash
# Runs a command on a machine that looks as if no Java were installed: in a private mount namespace,
# an empty file system (tmpfs) is mounted over every folder that holds a JVM (Debian's /usr/lib/jvm, the JDK of
# the java on PATH, JAVA_HOME), and JAVA_HOME is unset. Nothing changes outside the command.
# Needs root (as in CI) or unprivileged user namespaces (then with --map-root-user).
#
#   without-jvm.sh COMMAND [ARGS...]
#   without-jvm.sh --check     exits 0 when the namespace works and no java runs inside it
set -euo pipefail
jvm_dirs=(/usr/lib/jvm)
if command -v java >/dev/null; then jvm_dirs+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"); fi
if [ -n "${JAVA_HOME:-}" ]; then jvm_dirs+=("$(readlink -f "$JAVA_HOME")"); fi
user_ns=()
[ "$(id -u)" = 0 ] || user_ns=(--map-root-user)

if [ "${1:-}" = --check ]; then
  set -- bash -c '! java -version >/dev/null 2>&1'
fi
exec env -u JAVA_HOME unshare --mount "${user_ns[@]}" -- bash -c '
  count="$1"; shift
  for _ in $(seq 1 "$count"); do
    if [ -d "$1" ]; then mount -t tmpfs -o size=64k,mode=755 no-jvm "$1" || exit 125; fi
    shift
  done
  exec "$@"' _ "${#jvm_dirs[@]}" "${jvm_dirs[@]}" "$@"
