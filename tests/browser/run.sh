#!/usr/bin/env bash
# Browser tests of the HTML site in headless Chromium, from file:// and
# through `contentdoc serve`. Installs Chromium (Debian package) and
# playwright-core (npm, into tests/browser/node_modules) when missing.
#
# Usage: tests/browser/run.sh [CONTENT_DIR]   (default: content)
# Environment: PRODUCT_PAGE and SEARCH_TERM (see site.test.mjs),
# SCREENSHOT_DIR (default: a temporary folder), DOCS_SCREENSHOT=1 to
# refresh docs/product-page.png from the product page.
# Prints "N passed, M failed" last and exits non-zero on any failure.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
content="$(realpath "${1:-$repo/content}")"
port="${SERVE_PORT:-8765}"
work="$(mktemp -d)"
shots="${SCREENSHOT_DIR:-$work/screenshots}"
server_pid=""

finish() {
  local status=$?
  if [ -n "$server_pid" ]; then
    kill -TERM "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
  fi
  rm -rf "$work"
  exit "$status"
}
trap finish EXIT

fail_setup() {
  echo "error: $1" >&2
  echo "0 passed, 1 failed"
  exit 1
}

if [ ! -x /usr/bin/chromium ]; then
  echo "installing chromium" >&2
  (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium) >&2 \
    || fail_setup "cannot install chromium with apt-get"
fi
if [ ! -d "$here/node_modules/playwright-core" ]; then
  echo "installing playwright-core" >&2
  npm install --no-save --no-audit --no-fund --prefix "$here" playwright-core >&2 \
    || fail_setup "cannot install playwright-core with npm"
fi

cd "$repo" || fail_setup "cannot enter $repo"
cargo build --release >&2 || fail_setup "cargo build failed"
binary="$repo/target/release/contentdoc"
"$binary" build --content "$content" --out "$work/site" >&2 || fail_setup "contentdoc build failed on $content"

# The serve pass edits content, so it serves a copy.
cp -r "$content" "$work/content"
"$binary" serve --content "$work/content" --port "$port" > "$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  grep -q '^serving ' "$work/serve.log" 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || fail_setup "contentdoc serve exited: $(cat "$work/serve.log")"
  sleep 0.2
done
grep -q '^serving ' "$work/serve.log" || fail_setup "contentdoc serve did not start within 20 s"

node "$here/site.test.mjs" --site "$work/site/html" --shots "$shots" --profile "$work/profile" \
  --serve "http://127.0.0.1:$port/" --serve-content "$work/content"
status=$?

if [ "${DOCS_SCREENSHOT:-0}" = 1 ] && [ -f "$shots/file-product-full.png" ]; then
  mkdir -p "$repo/docs"
  cp "$shots/file-product-full.png" "$repo/docs/product-page.png"
fi
exit "$status"
