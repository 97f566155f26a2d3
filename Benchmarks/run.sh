#!/usr/bin/env bash
# The liqtop benchmark, one command:
#   bash Benchmarks/run.sh [--lines N] [--mixed-lines M] [--all-lines A] [--runs K]
#
# Generates (once, cached in bench-data/) a Binance day of N lines, a mixed Binance/Bybit/OKX
# day of M lines and a day of A lines from every liquidation venue liqtop reads (with the OKX instrument list
# its futures need, passed as --instruments), builds liqtop in release mode, then times `wc -l`,
# `liqtop summary --json`, jq, Python json and Python orjson on each day (K runs each,
# interleaved), checks that they all agree on the 24 h
# per-coin totals and prints a Markdown table (also saved to bench-data/results/table.md).
set -euo pipefail

lines=1000000
mixed_lines=300000
all_lines=300000
runs=5
usage() { echo "usage: bash Benchmarks/run.sh [--lines N] [--mixed-lines M] [--all-lines A] [--runs K]" >&2; exit 2; }
while (($#)); do
    case "$1" in
        --lines) [[ $# -ge 2 && $2 =~ ^[1-9][0-9]*$ ]] || usage; lines=$2; shift 2 ;;
        --mixed-lines) [[ $# -ge 2 && $2 =~ ^[1-9][0-9]*$ ]] || usage; mixed_lines=$2; shift 2 ;;
        --all-lines) [[ $# -ge 2 && $2 =~ ^[1-9][0-9]*$ ]] || usage; all_lines=$2; shift 2 ;;
        --runs) [[ $# -ge 2 && $2 =~ ^[1-9][0-9]*$ ]] || usage; runs=$2; shift 2 ;;
        -h|--help) usage ;;
        *) echo "run.sh: unknown argument '$1'" >&2; usage ;;
    esac
done

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench")
cd "$root"
export PYTHONDONTWRITEBYTECODE=1 # no __pycache__ in the source tree
say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

# --- tools -------------------------------------------------------------------------------
[[ -n ${EPOCHREALTIME:-} ]] || die "bash 5 or later is needed (EPOCHREALTIME for the timings)"
command -v python3 >/dev/null || die "python3 is missing: install Python 3 (e.g. apt-get install python3)"
command -v swift >/dev/null || die "swift is missing: install the Swift toolchain (see README.md, Set-up)"

apt_install() { # package: install with apt-get when we can, else say how
    if command -v apt-get >/dev/null && [[ $(id -u) -eq 0 ]]; then
        say "installing $1 with apt-get"
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1"; } >/dev/null \
            || die "apt-get could not install $1"
    else
        die "$1 is missing: install it (e.g. sudo apt-get install $1)"
    fi
}
command -v jq >/dev/null || apt_install jq
[[ -x /usr/bin/time ]] || apt_install time
/usr/bin/time -f %M -o /dev/null true 2>/dev/null || die "/usr/bin/time is not GNU time (need -f %M): apt-get install time"

have_orjson=1
orjson_note=""
if ! python3 -c 'import orjson' 2>/dev/null; then
    if python3 -m pip --version >/dev/null 2>&1; then
        say "orjson is not installed: pip install orjson"
        python3 -m pip install --quiet orjson >&2 || true
    fi
    if ! python3 -c 'import orjson' 2>/dev/null; then
        have_orjson=0
        orjson_note="orjson could not be imported or installed with pip: the Python + orjson peer was skipped"
        echo "run.sh: note: $orjson_note" >&2
    fi
fi

# --- data --------------------------------------------------------------------------------
data=$root/bench-data
results=$data/results
mkdir -p "$data"
rm -rf "$results"
mkdir -p "$results"
generate() { # kind lines -> path (cached)
    local file=$data/$1-$2.ndjson
    if [[ ! -s $file ]]; then
        say "generating $file"
        python3 "$bench/generate.py" "$1" "$2" "$file.tmp"
        if [[ -e $file.tmp.instruments.json ]]; then mv "$file.tmp.instruments.json" "$file.instruments.json"; fi
        mv "$file.tmp" "$file"
    fi
    printf '%s\n' "$file"
}
binance_day=$(generate binance "$lines")
mixed_day=$(generate mixed "$mixed_lines")
all_day=$(generate all-venues "$all_lines")
[[ -s $all_day.instruments.json ]] || die "no instrument list beside $all_day (delete the day to generate it again)"

# --- build -------------------------------------------------------------------------------
say "building liqtop (release, --scratch-path .build-release)"
build_log=$results/build.log
swift build -c release --scratch-path .build-release --product liqtop >"$build_log" 2>&1 \
    || { tail -n 30 "$build_log" >&2; die "release build failed (log: $build_log)"; }
liqtop=$root/.build-release/release/liqtop
[[ -x $liqtop ]] || die "no binary at $liqtop"

# --- measuring ---------------------------------------------------------------------------
printf 'runs\t%s\n' "$runs" >"$results/meta.tsv"
printf 'nproc\t%s\n' "$(nproc)" >>"$results/meta.tsv"
printf 'loadavg\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')" >>"$results/meta.tsv"
printf 'jq\t%s\n' "$(jq --version)" >>"$results/meta.tsv"
if ((have_orjson)); then
    printf 'python\t%s\n' "$(python3 -c 'import platform, orjson; print("Python " + platform.python_version() + ", orjson " + orjson.__version__)')" >>"$results/meta.tsv"
else
    printf 'python\t%s\n' "$(python3 -c 'import platform; print("Python " + platform.python_version())')" >>"$results/meta.tsv"
    printf 'orjson\t%s\n' "$orjson_note" >>"$results/meta.tsv"
    printf 'note_orjson\t%s\n' "$orjson_note" >>"$results/meta.tsv"
fi
: >"$results/days.tsv"
: >"$results/times.tsv"

# measure DAY TOOL RUN CMD...: wall time (microseconds, bash's clock) and peak RSS (GNU time);
# RUN 0 is the untimed warm-up. stdout goes to DAY.TOOL.out for compare.py.
measure() {
    local day=$1 tool=$2 run=$3; shift 3
    local out=$results/$day.$tool.out err=$results/$day.$tool.err rss=$results/$day.$tool.rss t0 t1
    t0=$EPOCHREALTIME
    if ! /usr/bin/time -f %M -o "$rss" "$@" >"$out" 2>"$err"; then
        tail -n 20 "$err" >&2
        die "$tool failed on the $day day: $*"
    fi
    t1=$EPOCHREALTIME
    t0=${t0//[.,]/}; t1=${t1//[.,]/}
    if ((run > 0)); then
        printf '%s\t%s\t%s\t%s\t%s\n' "$day" "$tool" "$run" "$((10#$t1 - 10#$t0))" "$(tail -n 1 "$rss")" >>"$results/times.tsv"
    fi
}

bench_day() { # name file [liqtop option...]
    local day=$1 file=$2 window from to
    shift 2
    local options=("$@")
    printf '%s\t%s\t%s\t%s\n' "$day" "${file#"$root"/}" "$(wc -l <"$file")" "$(stat -c %s "$file")" >>"$results/days.tsv"
    cat "$file" >/dev/null # into the page cache
    # Warm-up runs; liqtop's tells the 24 h window the peers must sum over.
    measure "$day" wc 0 wc -l "$file"
    measure "$day" liqtop 0 "$liqtop" summary --json "${options[@]}" "$file"
    window=$(python3 "$bench/compare.py" window "$results/$day.liqtop.out") \
        || die "could not read the 24 h window from liqtop's output ($results/$day.liqtop.out)"
    read -r from to <<<"$window"
    local k
    for ((k = 1; k <= runs; k++)); do
        say "$day day: run $k of $runs"
        measure "$day" wc "$k" wc -l "$file"
        measure "$day" liqtop "$k" "$liqtop" summary --json "${options[@]}" "$file"
        if [[ $day == all-venues ]]; then # raw lines: the capture holds OKX's bare `pong`
            measure "$day" jq "$k" jq -c -n -R --argjson from "$from" --argjson to "$to" -f "$bench/peers/summary_all.jq" "$file"
        else
            measure "$day" jq "$k" jq -c -n --argjson from "$from" --argjson to "$to" -f "$bench/peers/summary.jq" "$file"
        fi
        measure "$day" python-json "$k" python3 "$bench/peers/summary_json.py" "$file" "$from" "$to"
        if ((have_orjson)); then
            measure "$day" python-orjson "$k" python3 "$bench/peers/summary_orjson.py" "$file" "$from" "$to"
        fi
    done
}

bench_day binance "$binance_day"
bench_day mixed "$mixed_day"
bench_day all-venues "$all_day" --instruments "$all_day.instruments.json"

printf 'loadavg_after\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')" >>"$results/meta.tsv"

# --- agreement and table -----------------------------------------------------------------
python3 "$bench/compare.py" report "$results" || die "the tools disagree (details above); table in $results/table.md"
