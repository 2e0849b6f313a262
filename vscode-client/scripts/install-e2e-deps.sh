#!/usr/bin/env bash
# Installs what the VS Code end-to-end test (npm run test:e2e) needs on Debian 12, as root:
#   - Debian packages: chromium (the browser playwright-core drives), curl, a C/C++ toolchain and the
#     headers code-server's native modules build against (libkrb5-dev, libsecret-1-dev), ripgrep,
#     unzip (the packaged README check) and git (the Review Changes test);
#   - e2e/node_modules: code-server 4.100.3 (VS Code 1.100.3, the newest that runs on node 20) and
#     playwright-core, from e2e/package-lock.json.
# Safe to run again: it skips what is already there. Needs node 20 and npm on PATH.
set -euo pipefail
EXT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
E2E_DIR="$EXT_DIR/e2e"

APT_PACKAGES=(chromium curl build-essential python3 libkrb5-dev libsecret-1-dev ripgrep unzip git)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "error: node $(node --version) is too old: code-server 4.100.3 needs node 20" >&2
  exit 1
fi

stamp="$E2E_DIR/node_modules/.unsafe-hints-install-stamp"
lock_hash=$(sha256sum "$E2E_DIR/package-lock.json" | cut -d' ' -f1)
if [ -x "$E2E_DIR/node_modules/.bin/code-server" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$lock_hash" ]; then
  echo "e2e/node_modules is up to date"
  exit 0
fi

# code-server's install runs npm scripts that would download things from GitHub, which is not reachable:
# - @vscode/ripgrep's postinstall fetches an rg binary unless one is cached under os.tmpdir():
#   give it Debian's rg (same ripgrep 13.0.0 the package pins) in that cache;
# - node-pty's postinstall runs `npx node-gyp`, which needs npm's "yes" to fetch node-gyp from npm;
# - code-server's postinstall insists on unsafe-perm when run as root;
# - argon2 and kerberos fall back to building from source when their prebuilt download fails.
work=$(mktemp -d /tmp/unsafe-hints-e2e-install.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/vscode-ripgrep-cache-1.15.11" "$work/rg"
cp "$(command -v rg)" "$work/rg/rg"
tar czf "$work/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$work/rg" rg

echo "npm ci in $E2E_DIR (code-server builds native modules: about 1-3 minutes)"
start=$(date +%s)
if ! (cd "$E2E_DIR" && TMPDIR="$work" npm_config_yes=true npm_config_unsafe_perm=true \
      npm ci --no-audit --no-fund --foreground-scripts > "$work/npm-ci.log" 2>&1); then
  tail -n 60 "$work/npm-ci.log" >&2
  echo "error: npm ci in e2e/ failed (log above)" >&2
  exit 1
fi
echo "$lock_hash" > "$stamp"
echo "installed $(HOME="$work" "$E2E_DIR/node_modules/.bin/code-server" --version 2>/dev/null | grep -m1 -E "^[0-9]+\.[0-9]+") in $(( $(date +%s) - start )) s"
