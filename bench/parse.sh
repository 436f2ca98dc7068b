#!/usr/bin/env bash
# Throughput of `contentdoc parse` over a large file of IronPort log lines,
# and the time to compile every distinct field regex of a generated
# catalogue. Writes into /dev/shm (RAM-backed) when it exists.
#
# Usage: bench/parse.sh [LINES] [SCALE]     (defaults: 200000 lines, scale 1.0)
set -euo pipefail
cd "$(dirname "$0")/.."

lines="${1:-200000}"
scale="${2:-1.0}"
work="$(mktemp -d "${TMPDIR:-/dev/shm}/contentdoc-parse-XXXXXX")"
trap 'rm -rf "$work"' EXIT
command -v /usr/bin/time >/dev/null || apt-get install -y time >/dev/null

cargo build --release --quiet --example gen-catalogue --example compile-regexes
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release"

# The bundled samples' log lines, repeated up to $lines lines.
"$bin/contentdoc" export --content content \
  | python3 -c 'import json,sys; [print(s["log"].rstrip("\r")) for p in json.load(sys.stdin)["parsers"] for s in p["samples"]]' \
  > "$work/samples.log"
python3 - "$work/samples.log" "$work/big.log" "$lines" <<'PY'
import sys
samples = open(sys.argv[1], encoding="utf-8").read().splitlines()
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i in range(int(sys.argv[3])):
        out.write(samples[i % len(samples)] + "\n")
PY
size=$(du -m "$work/big.log" | cut -f1)
echo "parse: $lines lines, ${size} MB"
for run in 1 2 3 4 5; do
  /usr/bin/time -f "%e %M" -o "$work/time.$run" "$bin/contentdoc" parse --content content "$work/big.log" > /dev/null 2> "$work/summary.$run"
done
sort -n "$work"/time.* | awk -v lines="$lines" 'NR==3 { printf "parse median: %.2f s, %.0f lines/s, peak %d MiB\n", $1, lines / $1, $2 / 1024 }'
tail -n +1 "$work/summary.1" | head -3

"$bin/examples/gen-catalogue" --scale "$scale" --seed 1 "$work/catalogue" > /dev/null
echo "regex compilation at scale $scale:"
/usr/bin/time -f "peak %M KB" "$bin/examples/compile-regexes" "$work/catalogue"
