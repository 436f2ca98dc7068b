#!/usr/bin/env bash
# Build benchmarks: contentdoc against the pulldown-cmark floor, Hugo and
# mdBook on synthetic catalogues at scale 0.1 and 1.0 of the reference
# library. Prints a Markdown table and writes it to bench/results/<date>.md.
#
# Usage: bench/run.sh [SCALE...]     (default: 0.1 1.0)
# BENCH_PEERS="hugo" leaves mdBook out (default: "hugo mdbook"); mdBook
# alone takes about 14 minutes at scale 1.0 on 2 cores.
# Needs: cargo; installs hyperfine and GNU time with apt-get when missing.
# Peers that are not installed (hugo: apt-get install hugo; mdbook:
# cargo install mdbook --locked) are skipped with a note. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=5
PEERS=" ${BENCH_PEERS-hugo mdbook} "
# A command slower than this in its first run is timed once, not RUNS times.
SLOW_SECONDS=120
SCALES=("${@:-0.1 1.0}")
read -r -a SCALES <<<"${SCALES[*]}"

note() { printf '%s\n' "$*" >&2; }

install_tools() {
    local missing=()
    command -v hyperfine >/dev/null || missing+=(hyperfine)
    [ -x /usr/bin/time ] || missing+=(time)
    if [ ${#missing[@]} -gt 0 ]; then
        note "installing ${missing[*]} with apt-get"
        apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

# Picks a RAM-backed folder so that disk speed does not enter the numbers.
pick_workdir() {
    if [ -d /dev/shm ] && [ -w /dev/shm ]; then
        WORK=$(mktemp -d /dev/shm/contentdoc-bench.XXXXXX)
        STORAGE="RAM (/dev/shm, tmpfs)"
    else
        WORK=$(mktemp -d)
        STORAGE="disk ($(df -P "$WORK" | awk 'NR==2 {print $1}'))"
    fi
    trap 'rm -rf "$WORK"' EXIT
}

build_binaries() {
    cargo build --release --quiet --bin contentdoc --example gen-catalogue --example floor
    CONTENTDOC=$ROOT/target/release/contentdoc
    GEN=$ROOT/target/release/examples/gen-catalogue
    FLOOR=$ROOT/target/release/examples/floor
}

has_subcommand() { "$CONTENTDOC" --help | grep -Eq "^  $1( |$)"; }

# Wraps the Markdown pages in a minimal Hugo site with one bare layout.
make_hugo_site() {
    local pages=$1 site=$2
    mkdir -p "$site/layouts/_default"
    cp -r "$pages" "$site/content"
    rm -f "$site/content/.contentdoc-output"
    cat >"$site/config.toml" <<'TOML'
baseURL = "http://localhost/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = true
TOML
    printf '<!doctype html><title>{{ .Title }}</title>{{ .Content }}\n' >"$site/layouts/_default/single.html"
    printf '<!doctype html><title>{{ .Title }}</title>{{ .Content }}\n' >"$site/layouts/_default/list.html"
}

# Wraps the Markdown pages in an mdBook with every page in SUMMARY.md.
make_book() {
    local pages=$1 book=$2
    mkdir -p "$book"
    cp -r "$pages" "$book/src"
    rm -f "$book/src/.contentdoc-output"
    cat >"$book/book.toml" <<'TOML'
[book]
title = "Synthetic catalogue"
[output.html.search]
enable = false
TOML
    {
        echo "# Summary"
        echo
        echo "[Catalogue](README.md)"
        echo
        (cd "$book/src" && find . -name '*.md' ! -name README.md ! -name SUMMARY.md | sed 's|^\./||' | sort) |
            while read -r page; do printf -- '- [%s](%s)\n' "$page" "$page"; done
    } >"$book/src/SUMMARY.md"
}

# Round 0 runs each command once under GNU time for its wall time and peak
# memory; a command slower than SLOW_SECONDS there is not repeated. The
# other commands then run once per round, in turn, so that load from other
# processes hits them alike, and the median of RUNS rounds is reported.
measure() {
    local names=("${!1}") commands=("${!2}") round i fast=()
    for i in "${!names[@]}"; do
        local stats
        stats=$(/usr/bin/time -f '%e %M' bash -c "${commands[$i]}" 2>&1 >/dev/null | tail -1)
        MEDIAN[${names[$i]}]=${stats% *}
        PEAK_KIB[${names[$i]}]=${stats#* }
        if awk -v t="${stats% *}" -v limit="$SLOW_SECONDS" 'BEGIN {exit !(t > limit)}'; then
            ROUNDS[${names[$i]}]=1
        else
            ROUNDS[${names[$i]}]=$RUNS
            fast+=("$i")
        fi
    done
    [ ${#fast[@]} -gt 0 ] || return 0
    for round in $(seq 1 "$RUNS"); do
        local args=()
        for i in "${fast[@]}"; do args+=(-n "${names[$i]}" "${commands[$i]}"); done
        hyperfine --runs 1 --style none --export-csv "$WORK/round-$round.csv" "${args[@]}" >/dev/null 2>&1 || {
            note "a command failed in round $round; rerun it by hand to see why"
            return 1
        }
    done
    for i in "${fast[@]}"; do
        MEDIAN[${names[$i]}]=$(for round in $(seq 1 "$RUNS"); do
            awk -F, -v n="${names[$i]}" 'NR > 1 && $1 == n {print $2}' "$WORK/round-$round.csv"
        done | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
    done
}

bench_scale() {
    local scale=$1 dir="$WORK/scale-$scale"
    mkdir -p "$dir"
    "$GEN" --scale "$scale" "$dir/content" >"$dir/summary.txt"
    (cd "$dir" && "$CONTENTDOC" build --content content --out site >/dev/null)
    local pages
    pages=$(find "$dir/site/markdown" -name '*.md' | wc -l)
    local files
    files=$(find "$dir/content" -type f | wc -l)

    local names=("contentdoc build") commands=("cd $dir && $CONTENTDOC build --content content --out site")
    names+=("pulldown-cmark floor")
    commands+=("$FLOOR $dir/site/markdown $dir/floor")
    if has_subcommand lint; then
        names+=("contentdoc lint")
        commands+=("cd $dir && $CONTENTDOC lint --content content")
        names+=("contentdoc lint --no-samples")
        commands+=("cd $dir && $CONTENTDOC lint --no-samples --content content")
    else
        SKIPPED+=("contentdoc lint: no \`lint\` subcommand in this build")
    fi
    if has_subcommand test; then
        names+=("contentdoc test")
        commands+=("cd $dir && $CONTENTDOC test --content content")
    else
        SKIPPED+=("contentdoc test: no \`test\` subcommand in this build")
    fi
    if [[ $PEERS != *" hugo "* ]]; then
        SKIPPED+=("Hugo: left out by BENCH_PEERS")
    elif command -v hugo >/dev/null; then
        make_hugo_site "$dir/site/markdown" "$dir/hugo"
        names+=("Hugo")
        commands+=("hugo --quiet -s $dir/hugo -d $dir/hugo-out")
    else
        SKIPPED+=("Hugo: not installed (apt-get install hugo)")
    fi
    if [[ $PEERS != *" mdbook "* ]]; then
        SKIPPED+=("mdBook: left out by BENCH_PEERS")
    elif command -v mdbook >/dev/null; then
        make_book "$dir/site/markdown" "$dir/book"
        names+=("mdBook")
        commands+=("mdbook build $dir/book -d $dir/book-out >/dev/null 2>&1")
    else
        SKIPPED+=("mdBook: not installed (cargo install mdbook --locked)")
    fi

    declare -gA MEDIAN=() PEAK_KIB=() ROUNDS=()
    measure names[@] commands[@]
    local html_pages="not built"
    if [ -d "$dir/site/html" ]; then
        html_pages=$(find "$dir/site/html" -name '*.html' | wc -l)
    else
        SKIPPED+=("HTML output of contentdoc build: no <out>/html written by this build")
    fi

    ROWS+=("")
    ROWS+=("### Scale $scale: $files content files, $pages Markdown pages, contentdoc HTML pages: $html_pages")
    ROWS+=("")
    ROWS+=("| Command | Runs | Median (s) | vs floor | Pages/s | Peak memory (MiB) |")
    ROWS+=("| --- | ---: | ---: | ---: | ---: | ---: |")
    local floor=${MEDIAN["pulldown-cmark floor"]}
    for i in "${!names[@]}"; do
        local name=${names[$i]}
        ROWS+=("$(awk -v n="$name" -v r="${ROUNDS[$name]}" -v m="${MEDIAN[$name]}" -v f="$floor" -v p="$pages" \
            -v k="${PEAK_KIB[$name]}" \
            'BEGIN {printf "| %s | %d | %.3f | %.2fx | %.0f | %.0f |", n, r, m, m / f, p / m, k / 1024}')")
    done
    ROWS+=("")
    ROWS+=("Generator summary: $(tr -d '\n' <"$dir/summary.txt" | tr -s ' ')")
}

main() {
    install_tools
    pick_workdir
    build_binaries
    ROWS=()
    SKIPPED=()
    for scale in "${SCALES[@]}"; do
        bench_scale "$scale"
    done
    local date
    date=$(date -u +%Y-%m-%d)
    mkdir -p bench/results
    {
        echo "# Build benchmarks, $date"
        echo
        echo "- Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -h | awk '/^Mem:/ {print $2}') memory"
        echo "- Output and content on: $STORAGE"
        echo "- contentdoc $(git rev-parse --short HEAD), $(hyperfine --version), $(hugo version 2>/dev/null | cut -d' ' -f1-2 || echo 'no hugo'), $(mdbook --version 2>/dev/null || echo 'no mdbook')"
        echo "- Each command first ran once under GNU time (peak memory, and the only run of a command slower than $SLOW_SECONDS s), then once per round, in turn, for $RUNS rounds; the median of those rounds is shown."
        printf '%s\n' "${ROWS[@]}"
        if [ ${#SKIPPED[@]} -gt 0 ]; then
            echo
            echo "Not measured:"
            echo
            printf -- '- %s\n' "${SKIPPED[@]}" | sort -u
        fi
    } | tee "bench/results/$date.md"
}

main
