#!/usr/bin/env bash
# The archive benchmark (issue 16), one command:
#   bash Benchmarks/archive.sh [--days N] [--orders M] [--no-build]
# 1. archivegen.py writes (once, cached) bench-data/archive-N-M/: N day files of M native orders
#    each, ending 2026-01-14, and a BTC ETF table;
# 2. builds liqtop in release (--scratch-path .build-release), unless --no-build;
# 3. times, from the page cache: `summary --json` over the day files (named: no index), the
#    archive index built from nothing (`compare` on the directory with no .liqtop-index/), then
#    with the index in place `compare` and `history --frames 1` (its first frame, in tmux);
#    wall time from EPOCHREALTIME, peak RSS from GNU time.
# Prints a Markdown table and saves it to bench-data/results/archive-table.md.
set -euo pipefail
bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench")
cd "$root"
export PYTHONDONTWRITEBYTECODE=1
say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'archive.sh: %s\n' "$*" >&2; exit 1; }

days=90 orders=300000 build=1
while (($#)); do
    case "$1" in
        --days) days=$2; shift 2 ;;
        --orders) orders=$2; shift 2 ;;
        --no-build) build=0; shift ;;
        -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
        *) die "unknown argument '$1' (--help)" ;;
    esac
done
[[ -n ${EPOCHREALTIME:-} ]] || die "bash 5 or later is needed"
[[ -x /usr/bin/time ]] || die "GNU time is needed for peak RSS (apt-get install time)"
command -v tmux >/dev/null || die "tmux is needed for the history frame (apt-get install tmux)"

dir=$root/bench-data/archive-$days-$orders
results=$root/bench-data/results
mkdir -p "$results"
if [[ ! -f $dir/etf-btc.csv ]]; then
    say "generating $days days × $orders orders into $dir"
    python3 "$bench/archivegen.py" "$dir" "$days" "$orders"
fi
if ((build)); then
    say "building liqtop (release)"
    swift build -c release --scratch-path .build-release --product liqtop >&2
fi
liqtop=$root/.build-release/release/liqtop
[[ -x $liqtop ]] || die "no release binary at $liqtop (run without --no-build)"
files=("$dir"/liqtop-*.ndjson)
bytes=$(cat "${files[@]}" | wc -c)
lines=$(cat "${files[@]}" | wc -l)
first=$(basename "${files[0]}" .ndjson); first=${first#liqtop-}
last=$(basename "${files[-1]}" .ndjson); last=${last#liqtop-}
cat "${files[@]}" > /dev/null # into the page cache

# run NAME CMD...: wall seconds and peak RSS (MiB) of one run.
run() {
    local name=$1; shift
    local t0=$EPOCHREALTIME
    /usr/bin/time -f %M -o "$results/archive-rss.txt" "$@" > /dev/null 2> "$results/archive-$name.err" || die "$name failed: $(tail -3 "$results/archive-$name.err")"
    local t1=$EPOCHREALTIME
    printf '%s %.3f %.1f\n' "$name" "$(bc -l <<< "$t1 - $t0")" "$(bc -l <<< "$(cat "$results/archive-rss.txt") / 1024")"
}

say "summary over the named day files (no index)"
summary=$(run summary "$liqtop" summary --json --at "$last" "${files[@]}")
rm -rf "$dir/.liqtop-index"
say "the index from nothing"
index=$(run index "$liqtop" compare "$first" "$last" "$dir")
say "compare with the index in place"
compare=$(run compare "$liqtop" compare "$first" "$last" "$dir")

say "history's first frame (tmux, 200×60)"
tmux -L liqtop-bench kill-server 2>/dev/null || true
cat > "$results/archive-history.sh" <<SCRIPT
t0=\$EPOCHREALTIME
/usr/bin/time -f %M -o '$results/archive-history-rss.txt' '$liqtop' history --frames 1 '$dir'
t1=\$EPOCHREALTIME
echo "\$t0 \$t1" > '$results/archive-history-time.txt'
SCRIPT
rm -f "$results/archive-history-time.txt"
tmux -L liqtop-bench new-session -d -x 200 -y 60 "env LANG=C.UTF-8 bash '$results/archive-history.sh'; sleep 2"
for _ in $(seq 1 600); do [[ -s $results/archive-history-time.txt ]] && break; sleep 0.1; done
tmux -L liqtop-bench kill-server 2>/dev/null || true
[[ -s $results/archive-history-time.txt ]] || die "history did not draw its frame"
read -r h0 h1 < "$results/archive-history-time.txt"
history=$(printf 'history %.3f %.1f\n' "$(bc -l <<< "$h1 - $h0")" "$(bc -l <<< "$(cat "$results/archive-history-rss.txt") / 1024")")

mb=$(bc -l <<< "$bytes / 1048576")
# Per byte only for the runs that read the day files; compare and history read the index.
row() { read -r name secs rss <<< "$1"; local rate="—"; [[ $3 == bytes ]] && rate=$(printf '%.0f MB/s' "$(bc -l <<< "$mb / $secs")"); printf '| %s | %s s | %s | %s MiB |\n' "$2" "$secs" "$rate" "$rss"; }
{
    echo "Archive benchmark: $days days × $orders orders ($lines lines, $(printf '%.0f' "$mb") MiB), $(nproc) cores, $(date -u +%Y-%m-%d), load $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
    echo
    echo "| run | wall | per byte | peak RSS |"
    echo "| --- | --- | --- | --- |"
    row "$summary" "summary --json, the day files named" bytes
    row "$index" "index built from nothing (compare on the directory)" bytes
    row "$compare" "compare, index in place" index
    row "$history" "history, first frame at 200×60, index in place" index
    echo
    read -r _ s _ <<< "$summary"; read -r _ i _ <<< "$index"
    printf 'Index build ÷ summary: %.2f× the time (≤ 1 is at least summary'"'"'s speed per byte).\n' "$(bc -l <<< "$i / $s")"
} | tee "$results/archive-table.md"
