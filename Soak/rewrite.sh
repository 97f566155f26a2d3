#!/usr/bin/env bash
# Soak of the ways files are really rewritten under a tail: for each style (Soak/feed.py rewrite:
# logrotate `create` with a writer quiet 1.5 s before it reopens, `copytruncate`, `cat bigger > f`)
# the release binary follows the file with
#   liqtop tail FEED --print            (started before FEED exists, so all of it is read)
# and every line printed is matched to the lines written: lost and doubled, per style.
#
#   bash Soak/rewrite.sh [SECONDS]                    each style for SECONDS (default 20)
#   LIQTOP=/path/to/liqtop bash Soak/rewrite.sh       use a built binary instead of building
#
# Output in $SOAK_DIR (default /tmp/liqtop-rewrite). Exits 1 if a line was doubled or lost beyond
# what no reader could have had (copytruncate's lines between the copy and the truncation).
set -euo pipefail

secs=${1:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${SOAK_DIR:-/tmp/liqtop-rewrite}

if [ -z "${LIQTOP:-}" ]; then
    (cd "$root" && swift build -c release --product liqtop --scratch-path .build-soak >&2)
    LIQTOP=$root/.build-soak/release/liqtop
fi

rm -rf "$work"
mkdir -p "$work"
# Times from midnight UTC two days ago: nothing in the future.
start_ms=$(( ($(date +%s) / 86400 - 2) * 86400000 ))
status=0

run() { # style rate period
    local dir=$work/$1
    mkdir -p "$dir"
    "$LIQTOP" tail "$dir/feed.log" --print >"$dir/printed.ndjson" 2>"$dir/liqtop.err" &
    local pid=$!
    python3 "$root/Soak/feed.py" rewrite "$1" "$dir/feed.log" "$dir/written.json" --rate "$2" \
        --seconds "$secs" --period "$3" --start-ms "$start_ms"
    # Let the tail catch up (printing stops growing for 3 s), then stop it.
    local last=-1 now
    for _ in $(seq 60); do
        sleep 3
        now=$(wc -l <"$dir/printed.ndjson")
        [ "$now" = "$last" ] && break
        last=$now
    done
    kill -TERM "$pid"
    wait "$pid" || true
    python3 "$root/Soak/feed.py" compare "$dir/written.json" "$dir/printed.ndjson" || status=1
    local rejected
    rejected=$(grep -c 'rejected' "$dir/liqtop.err" || true)
    [ "$rejected" = 0 ] || echo "  $rejected lines rejected (see $dir/liqtop.err)"
}

run create 2000 4
run copytruncate 5000 3
run copytruncate-compress 5000 3
run rewrite 2000 2
exit $status
