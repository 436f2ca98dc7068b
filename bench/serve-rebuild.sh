#!/usr/bin/env bash
# Time from editing one rule file to `contentdoc serve` reporting the new
# build, on a content tree given as the first argument (a copy is edited).
# Prints the median of 5 edits. Needs curl.
#
# Usage: bench/serve-rebuild.sh CONTENT_DIR [PORT]
set -euo pipefail
content="$1"
port="${2:-8791}"
bin="${CARGO_TARGET_DIR:-$(cd "$(dirname "$0")/.." && pwd)/target}/release/contentdoc"
work="$(mktemp -d "${TMPDIR:-/dev/shm}/contentdoc-serve-XXXXXX")"
cp -r "$content" "$work/content"
"$bin" serve --content "$work/content" --port "$port" > "$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT

version() { curl -s "http://127.0.0.1:$port/__contentdoc/version" || true; }
for _ in $(seq 1 600); do
  grep -q '^serving ' "$work/serve.log" && [ -n "$(version)" ] && break
  sleep 0.5
done
rule="$(ls "$work"/content/rules/*.yaml | head -1)"
times=()
for edit in 1 2 3 4 5; do
  before="$(version)"
  start=$(date +%s.%N)
  sed -i "s/^score: .*/score: $((10 + edit))/" "$rule"
  for _ in $(seq 1 6000); do
    now="$(version)"
    [ -n "$now" ] && [ "$now" != "$before" ] && break
    sleep 0.01
  done
  end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc)")
done
printf '%s\n' "${times[@]}" | sort -n | awk 'NR==3 { printf "serve rebuild after one rule edit: median %.3f s of 5\n", $1 }'
