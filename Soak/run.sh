#!/usr/bin/env bash
# Soak: an accelerated live run. A generator appends Binance liquidations to a file at RATE lines/s
# for SECONDS, event times running SPEED× real time (default 2,200/s × 600 s × 300 = 50 h of data,
# rotated every 250,000 lines); the release binary follows it with
#   liqtop tail FEED --data-clock --print --record DIR
# so the store's windows and its memory bound run on the data's clock. VmRSS is sampled every 10 s;
# at the end the recording is checked against the generator's exact sums (Soak/feed.py check).
#
#   bash Soak/run.sh [SECONDS] [RATE] [SPEED]          e.g. bash Soak/run.sh 600
#   LIQTOP=/path/to/liqtop bash Soak/run.sh            use a built binary instead of building
#
# Output in $SOAK_DIR (default /tmp/liqtop-soak): rss.csv (seconds,vmrss_kb,vmhwm_kb,generated,
# recorded), sums.json, record/, liqtop.err. Exits 1 if the totals differ or liqtop died.
set -euo pipefail

secs=${1:-600}
rate=${2:-2200}
speed=${3:-300}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${SOAK_DIR:-/tmp/liqtop-soak}

if [ -z "${LIQTOP:-}" ]; then
    (cd "$root" && swift build -c release --product liqtop --scratch-path .build-soak >&2)
    LIQTOP=$root/.build-soak/release/liqtop
fi

rm -rf "$work"
mkdir -p "$work/record"
feed=$work/feed.ndjson
# Data from midnight UTC two days ago: whole day files to compare, and nothing in the future.
start_ms=$(( ($(date +%s) / 86400 - 2) * 86400000 ))

# The tail waits for the feed file and reads it (and each rotated-in file) from the start.
"$LIQTOP" tail "$feed" --data-clock --print --record "$work/record" >/dev/null 2>"$work/liqtop.err" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT

rss() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0; }
recorded() { cat "$work"/record/liqtop-*.ndjson 2>/dev/null | wc -l; }
generated() { cat "$feed.progress" 2>/dev/null || echo 0; }

echo "seconds,vmrss_kb,vmhwm_kb,generated,recorded" >"$work/rss.csv"
t0=$(date +%s)
sample() { echo "$(( $(date +%s) - t0 )),$(rss VmRSS),$(rss VmHWM),$(generated),$(recorded)" >>"$work/rss.csv"; }
sample
python3 "$root/Soak/feed.py" generate "$feed" "$work/sums.json" --rate "$rate" --seconds "$secs" \
    --speed "$speed" --start-ms "$start_ms" --rotate-lines 250000 &
gen=$!
while kill -0 "$gen" 2>/dev/null; do
    sleep 10
    kill -0 "$pid" 2>/dev/null || { echo "liqtop died:"; cat "$work/liqtop.err"; exit 1; }
    sample
    tail -1 "$work/rss.csv"
done
wait "$gen"

# Let the tail catch up (the recorder flushes every second), then stop it: SIGTERM flushes.
want=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["lines"])' "$work/sums.json")
for _ in $(seq 120); do [ "$(recorded)" -ge "$want" ] && break; sleep 1; done
sample
kill -TERM "$pid"
wait "$pid" || true
trap - EXIT

echo "RSS (kB) start/middle/end: $(awk -F, 'NR==2{s=$2} {r[NR]=$2} END{print s " / " r[int((NR+1)/2)] " / " r[NR-0]}' "$work/rss.csv")"
[ -s "$work/liqtop.err" ] && { echo "liqtop stderr:"; head -20 "$work/liqtop.err"; }
python3 "$root/Soak/feed.py" check "$work/sums.json" "$work/record" "$LIQTOP"
