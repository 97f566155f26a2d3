#!/usr/bin/env bash
# Live end to end: `liqtop tail FILE` (the dashboard, 200×60 tmux pane) follows a file that
# livegen.py appends Binance forceOrder lines to at RATE lines/s (wall-clock timestamps).
# Reports liqtop's CPU over the steady part (utime+stime ticks / elapsed),
# its resident memory at the end, and checks that the pane's 1 h count saw every line.
# usage: bash Benchmarks/live.sh --liqtop BIN [--rate 5000] [--seconds 40] [--warm-up 5] [--dir DIR] [--tsv OUT]
set -euo pipefail
bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$bench/e2e-lib.sh"

liqtop="" rate=5000 seconds=40 warm=5 dir="$(dirname "$bench")/bench-data/live" tsv=-
while (($#)); do
    case "$1" in
        --liqtop) liqtop=$2; shift 2 ;;
        --rate) rate=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --warm-up) warm=$2; shift 2 ;;
        --dir) dir=$2; shift 2 ;;
        --tsv) tsv=$2; shift 2 ;;
        *) die "unknown argument '$1' (see the header of this script)" ;;
    esac
done
[[ -x $liqtop ]] || die "need --liqtop BIN"
command -v tmux >/dev/null || die "tmux is missing (apt-get install tmux)"
[[ -n ${EPOCHREALTIME:-} ]] || die "bash 5 or later is needed"

mkdir -p "$dir"
feed=$dir/feed.ndjson
: >"$feed"
trap 'tm kill-server 2>/dev/null || true; [[ -n ${gen:-} ]] && kill "$gen" 2>/dev/null || true' EXIT

start_session live "$liqtop" tail "$feed"
wait_screen live "liqtop .*tail " 30 >/dev/null || die "the tail dashboard did not start"
pid=$(pane_pid live)
[[ $(cat "/proc/$pid/comm") == liqtop ]] || die "pane pid $pid is not liqtop"

total=$((seconds + warm + 1))
say "live: $rate lines/s for $total s ($warm s warm-up, $seconds s measured)"
python3 "$bench/livegen.py" "$feed" "$rate" "$total" >"$dir/livegen.out" &
gen=$!
sleep "$warm"
read -r pct ticks < <(cpu_over "$pid" "$seconds") || die "liqtop exited during the live run"
wait "$gen"; gen=""
read -r written gen_elapsed <"$dir/livegen.out"
sleep 2 # let the last lines reach the screen
rss=$(status_kib "$pid" VmRSS)

# The 1 h row's order count (the last column of the line starting "1h") must equal the lines written.
screen=$(tm capture-pane -p -t live)
seen=$(printf '%s\n' "$screen" | grep -E '^│ 1h ' | head -n 1 | awk -F'│' '{ print $2 }' | awk '{ print $NF }' | tr -d ,)
[[ $seen =~ ^[0-9]+$ ]] || { printf '%s\n' "$screen" | head -8 >&2; die "could not read the 1 h count off the screen"; }
stop_session live "$pid"
say "live: generator wrote $written lines in $gen_elapsed s; the pane's 1 h count: $seen"

row "live tail: $rate lines/s for $seconds s, liqtop CPU (utime+stime)" "≤ 20 % of a core" \
    "$pct % ($ticks ticks of 1/$clk_tck s)" "$(awk -v p="$pct" 'BEGIN { print (p <= 20) ? "yes" : "no" }')"
row "  lines ingested (pane's 1 h count / lines written)" "all" "$seen / $written" "$( ((seen == written)) && echo yes || echo no)"
row "  liqtop VmRSS after the run" "-" "$(mib "$rss") MiB" "-"
