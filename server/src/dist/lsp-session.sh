#!/usr/bin/env bash
# Plays a short editor session against a language server command: initialize, open one Rust file,
# wait (up to 60 s) until the server publishes diagnostics, then shutdown and exit. Prints what the
# server wrote; exits 1 when no diagnostics came. Used to record the classes the server loads
# (make-runtime.sh) and by the bundle's test, so it needs nothing but bash.
#
#   lsp-session.sh FILE.rs COMMAND [ARGS...]
# env: LSP_SESSION_TIMING=1  also print "first diagnostics after N ms" (from the start) to stderr,
#      to within about 10 ms (bench/run)
set -euo pipefail
started="$(date +%s%N)"
file="$(readlink -f "${1:?usage: lsp-session.sh FILE.rs COMMAND [ARGS...]}")"
shift
folder="$(dirname "$(dirname "$file")")"
# Content-Length counts bytes.
export LC_ALL=C

out="$(mktemp)"
trap 'rm -f "$out"' EXIT

json_string() { # the file's text as a JSON string
  local s
  s="$(cat "$1"; printf x)"; s="${s%x}"
  s="${s//\\/\\\\}"; s="${s//\"/\\\"}"; s="${s//$'\t'/\\t}"; s="${s//$'\r'/\\r}"; s="${s//$'\n'/\\n}"
  printf '"%s"' "$s"
}
send() { printf 'Content-Length: %d\r\n\r\n%s' "${#1}" "$1"; }

client() {
  send '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":"file://'"$folder"'","capabilities":{}}}'
  send '{"jsonrpc":"2.0","method":"initialized","params":{}}'
  send '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file://'"$file"'","languageId":"rust","version":1,"text":'"$(json_string "$file")"'}}}'
  for _ in $(seq 1 6000); do
    if grep -q 'textDocument/publishDiagnostics' "$out"; then
      if [ -n "${LSP_SESSION_TIMING:-}" ]; then
        echo "first diagnostics after $(( ($(date +%s%N) - started) / 1000000 )) ms" >&2
      fi
      break
    fi
    sleep 0.01
  done
  send '{"jsonrpc":"2.0","id":2,"method":"shutdown","params":null}'
  send '{"jsonrpc":"2.0","method":"exit","params":null}'
}

client | "$@" > "$out"
cat "$out"
grep -q 'textDocument/publishDiagnostics' "$out"
