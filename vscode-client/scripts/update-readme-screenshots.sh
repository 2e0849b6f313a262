#!/usr/bin/env bash
# Copies the screenshots of the last `npm run test:e2e` into images/screenshots/ for README.md.
set -euo pipefail
EXT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
from="$EXT_DIR/e2e/artifacts" to="$EXT_DIR/images/screenshots"
mkdir -p "$to"
while read -r shot name; do
  [ -f "$from/$shot.png" ] || { echo "error: $from/$shot.png is missing: run npm run test:e2e first" >&2; exit 1; }
  cp "$from/$shot.png" "$to/$name.png"
done <<'LIST'
04-hover hover
05-quick-fix-menu quick-fix
07-inventory inventory
07c-review-approved review
09-report report
11-no-java no-java
LIST
echo "updated $(ls "$to" | wc -l) screenshots in $to"
