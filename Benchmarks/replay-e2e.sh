#!/usr/bin/env bash
# Replay end to end, through the real release binary in a 200×60 tmux pane:
#   - launch of `liqtop replay --paused --from END FILE` until the pane shows the day's 24 h count
#     (median of K runs; the file is in the page cache);
#   - resident memory (VmRSS, and the peak VmHWM) while holding the day;
#   - CPU of the paused dashboard over N seconds (utime+stime ticks from /proc/PID/stat).
# usage: bash Benchmarks/replay-e2e.sh --liqtop BIN --file DAY [--runs K] [--idle-seconds N] [--tsv OUT]
set -euo pipefail
bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$bench/e2e-lib.sh"

liqtop="" file="" runs=5 idle=30 tsv=-
while (($#)); do
    case "$1" in
        --liqtop) liqtop=$2; shift 2 ;;
        --file) file=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --idle-seconds) idle=$2; shift 2 ;;
        --tsv) tsv=$2; shift 2 ;;
        *) die "unknown argument '$1' (see the header of this script)" ;;
    esac
done
[[ -x $liqtop && -s $file ]] || die "need --liqtop BIN and --file DAY"
command -v tmux >/dev/null || die "tmux is missing (apt-get install tmux)"
[[ -n ${EPOCHREALTIME:-} ]] || die "bash 5 or later is needed"

# What the pane must show: the 24 h order count of the whole day, at the day's last event.
read -r at count < <("$liqtop" summary --json "$file" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(d["at"], d["liquidations"]["windows"]["24h"]["count"])')
[[ ${count:-} =~ ^[0-9]+$ ]] || die "could not read the day's end and 24 h count from \`liqtop summary --json\`"
grouped=$(python3 -c "print(f'{int(\"$count\"):,}')")
marker="24h .* ${grouped}( |│|\$)"
say "replay: waiting for '24h … $grouped' (at $at), $runs runs"

cat "$file" >/dev/null
trap 'tm kill-server 2>/dev/null || true' EXIT
times=() rss_max=0 hwm_max=0 pid=""
for ((k = 1; k <= runs; k++)); do
    name=replay$k
    t0=$(now_us)
    start_session "$name" "$liqtop" replay --paused --from "$at" "$file"
    t1=$(wait_screen "$name" "$marker" 60) || { tm capture-pane -p -t "$name" 2>/dev/null | head -8 >&2; die "run $k: the day's figures never appeared"; }
    pid=$(pane_pid "$name")
    [[ $(cat "/proc/$pid/comm") == liqtop ]] || die "pane pid $pid is not liqtop"
    times+=("$((t1 - t0))")
    sleep 1
    rss=$(status_kib "$pid" VmRSS) hwm=$(status_kib "$pid" VmHWM)
    ((rss > rss_max)) && rss_max=$rss
    ((hwm > hwm_max)) && hwm_max=$hwm
    say "run $k: $(((t1 - t0) / 1000)) ms to the loaded day; VmRSS $(mib "$rss") MiB, VmHWM $(mib "$hwm") MiB"
    ((k < runs)) && stop_session "$name" "$pid"
done

med=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%d", m }')
max=$(printf '%s\n' "${times[@]}" | sort -n | tail -n 1)
row "replay: launch → pane shows the loaded day (median of $runs)" "≤ 1 s" \
    "$((med / 1000)) ms (max $((max / 1000)) ms)" "$( ((med <= 1000000)) && echo yes || echo no)"
row "replay: resident memory holding the day (VmRSS; peak VmHWM)" "< 100 MB" \
    "$(mib "$rss_max") MiB (peak $(mib "$hwm_max") MiB)" "$( ((rss_max * 1024 < 100000000)) && echo yes || echo no)"

say "paused replay: CPU over $idle s"
read -r pct ticks < <(cpu_over "$pid" "$idle") || die "liqtop exited while paused"
tm capture-pane -p -t "$name" | grep -Eq -- "$marker" || die "the paused screen no longer shows the day"
row "replay paused: CPU over $idle s (utime+stime)" "≤ 0.5 % of a core" \
    "$pct % ($ticks ticks of 1/$clk_tck s)" "$(awk -v p="$pct" 'BEGIN { print (p <= 0.5) ? "yes" : "no" }')"
stop_session "$name" "$pid"
