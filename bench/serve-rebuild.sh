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
CONTENTDOC_LOG=contentdoc=info "$bin" serve --content "$work/content" --port "$port" > "$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT

version() { curl -s "http://127.0.0.1:$port/__contentdoc/version" || true; }
for _ in $(seq 1 600); do
  grep -q '^serving ' "$work/serve.log" && [ -n "$(version)" ] && break
  sleep 0.5
done
rules=("$work"/content/rules/*.yaml)
rule="${rules[0]}"
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
printf '%s\n' "${times[@]}" | sort -n | awk 'NR==3 { printf "serve, rule edit to new version: median %.3f s of 5 (including the 100 ms debounce and 10 ms polling)\n", $1 }'
# The server logs how long each build took; the first is the initial build.
sed -n 's/.*site rebuilt.*elapsed=\([0-9.]*\)\(m\?s\).*/\1 \2/p' "$work/serve.log" | tail -n +2 \
  | awk '{ print ($2 == "ms") ? $1 / 1000 : $1 }' | sort -n \
  | awk '{ t[NR] = $1 } END { if (NR) printf "serve rebuild alone: median %.3f s of %d\n", t[int((NR + 1) / 2)], NR }'
