#!/usr/bin/env bash
# The view benchmark (everything but `summary`), one command:
#   bash Benchmarks/view.sh [--file DAY] [--only bench|replay|live]... [--frames N] [--seeks N]
#                           [--runs K] [--idle-seconds N] [--live-seconds N] [--rate R] [--no-build] [--label TEXT]
# 1. builds liqtop and liqtop-bench in release (--scratch-path .build-bench);
# 2. liqtop-bench: load (decode + ingest), frames at 200×60 per drill level (snapshot and drawing
#    timed apart), seeks — in process, on the 1,000,000-line Binance day;
# 3. replay-e2e.sh: the real binary in tmux: launch → loaded day on screen, VmRSS, paused CPU;
# 4. live.sh: `liqtop tail` following a file fed at 5,000 lines/s: CPU.
# Prints a Markdown table and saves it to bench-data/results/view-table.md (raw files in bench-data/results/view/).
set -euo pipefail
bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench")
cd "$root"
export PYTHONDONTWRITEBYTECODE=1
say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'view.sh: %s\n' "$*" >&2; exit 1; }

file="" only=() frames=500 seeks=200 runs=5 idle=30 live_seconds=40 rate=5000 build=1 label=""
while (($#)); do
    case "$1" in
        --file) file=$2; shift 2 ;;
        --only) only+=("$2"); shift 2 ;;
        --frames) frames=$2; shift 2 ;;
        --seeks) seeks=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --idle-seconds) idle=$2; shift 2 ;;
        --live-seconds) live_seconds=$2; shift 2 ;;
        --rate) rate=$2; shift 2 ;;
        --no-build) build=0; shift ;;
        --label) label=$2; shift 2 ;; # e.g. which tree was measured, when not a git checkout
        -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
        *) die "unknown argument '$1' (--help)" ;;
    esac
done
((${#only[@]})) || only=(bench replay live)
wants() { [[ " ${only[*]} " == *" $1 "* ]]; }

results=$root/bench-data/results
raw=$results/view
mkdir -p "$raw"
rm -f "$raw"/*.tsv

if [[ -z $file ]]; then
    file=$root/bench-data/binance-1000000.ndjson
    if [[ ! -s $file ]]; then
        say "generating $file"
        python3 "$bench/generate.py" binance 1000000 "$file.tmp" && mv "$file.tmp" "$file"
    fi
fi
[[ -s $file ]] || die "no day at $file"

bin=$root/.build-bench/release
if ((build)); then
    for product in liqtop-bench liqtop; do
        say "building $product (release, --scratch-path .build-bench)"
        swift build -c release --scratch-path .build-bench --product "$product" >"$raw/build-$product.log" 2>&1 \
            || { tail -n 30 "$raw/build-$product.log" >&2; die "release build of $product failed (log: $raw/build-$product.log)"; }
    done
    # Only the ncurses pkg-config note ("prohibited flag(s)") is expected; anything else is ours to fix.
    if grep -h 'warning:' "$raw"/build-*.log | grep -v 'prohibited flag' >&2; then die "the release build has warnings (above)"; fi
fi
[[ -x $bin/liqtop && -x $bin/liqtop-bench ]] || die "no release binaries in $bin (drop --no-build)"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
if wants bench; then
    say "in-process: load, frames, seeks ($frames frames a level, $seeks seeks)"
    "$bin/liqtop-bench" run "$file" --frames "$frames" --seeks "$seeks" --tsv "$raw/1-bench.tsv" >/dev/null
fi
if wants replay; then
    bash "$bench/replay-e2e.sh" --liqtop "$bin/liqtop" --file "$file" --runs "$runs" --idle-seconds "$idle" --tsv "$raw/2-replay.tsv"
fi
if wants live; then
    bash "$bench/live.sh" --liqtop "$bin/liqtop" --rate "$rate" --seconds "$live_seconds" --tsv "$raw/3-live.tsv"
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo "not a git checkout")
if git -C "$root" rev-parse HEAD >/dev/null 2>&1 && ! git -C "$root" diff --quiet HEAD -- Sources Package.swift; then commit+=" + uncommitted changes in Sources/"; fi
[[ -n $label ]] && commit+=" ($label)"
{
    printf 'Machine: %s, %s cores (`nproc`), Linux %s. Date: %s. Commit: %s.\n' \
        "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)" "$(nproc)" "$(uname -r)" "$(date -u '+%Y-%m-%d %H:%M UTC')" "$commit"
    printf 'Load average (1, 5, 15 min) before: %s, after: %s. Day: `%s` (%s lines, %s MB).\n\n' \
        "$load_before" "$load_after" "${file#"$root"/}" "$(wc -l <"$file")" "$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1e6 }')"
    echo "| figure | target | measured | holds |"
    echo "|---|---|---|---|"
    cat "$raw"/*.tsv | awk -F'\t' '{ h = ($4 == "no") ? "**no**" : $4; printf "| %s | %s | %s | %s |\n", $1, $2, $3, h }'
} >"$results/view-table.md"
cat "$results/view-table.md"
