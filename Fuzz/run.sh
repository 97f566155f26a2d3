#!/usr/bin/env bash
# Builds one libFuzzer binary per importer and fuzzes each for a given time.
#
#   bash Fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     e.g. bash Fuzz/run.sh 60
#   bash Fuzz/run.sh 0                                    builds only
#   .build-fuzz/bin/fuzz-<T> -runs=1 FILE                 replays one input (prints the broken invariant)
#
# Each binary is the LiqtopCore sources plus Fuzz/Support/*.swift plus one Fuzz/Targets/<T>.swift,
# compiled as one module with -sanitize=fuzzer,address (rebuilt only when a source changed).
# The seed corpus Fuzz/Corpus/<T>/ is read-only; new inputs go to .build-fuzz/corpus/<T>/ and
# crashes, hangs (> 10 s) and OOMs to .build-fuzz/crashes/<T>-*. Fork mode with
# -ignore_crashes keeps fuzzing after a crash, so one bug cannot hide the next.
# Prints executions and crash/timeout/oom counts per target; exits 1 if anything was found.
set -euo pipefail

secs=${1:-60}
shift || true
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=.build-fuzz
all=(Binance Bybit OKX Bitget Gate HTX BitMEX Deribit Hyperliquid Native Farside Fred Odds Notes)
if [ $# -gt 0 ]; then targets=("$@"); else targets=("${all[@]}"); fi
mkdir -p "$out/bin" "$out/crashes" "$out/logs"

mapfile -t core < <(find Sources/LiqtopCore -name '*.swift' | sort)
mapfile -t support < <(find Fuzz/Support -name '*.swift' | sort)

build() {
    local t=$1 bin=$out/bin/fuzz-$1
    local newest
    newest=$(ls -t "${core[@]}" "${support[@]}" "Fuzz/Targets/$t.swift" | head -1)
    if [ -x "$bin" ] && [ "$bin" -nt "$newest" ]; then return 0; fi
    echo "building fuzz-$t" >&2
    swiftc -O -sanitize=fuzzer,address -parse-as-library -use-ld=lld \
        "${core[@]}" "${support[@]}" "Fuzz/Targets/$t.swift" -o "$bin" \
        >"$out/logs/build-$t.log" 2>&1 || { cat "$out/logs/build-$t.log" >&2; return 1; }
}

# Two builds at a time: each swiftc is mostly single-threaded.
jobs=$(nproc 2>/dev/null || echo 2)
pids=()
for t in "${targets[@]}"; do
    build "$t" &
    pids+=($!)
    if [ "${#pids[@]}" -ge "$jobs" ]; then wait "${pids[0]}" || true; pids=("${pids[@]:1}"); fi
done
for p in "${pids[@]}"; do wait "$p" || true; done
for t in "${targets[@]}"; do [ -x "$out/bin/fuzz-$t" ] || { echo "fuzz-$t did not build" >&2; exit 1; }; done
[ "$secs" = 0 ] && exit 0 # build only

# The Swift runtime's crash backtracer trips ASan (a false stack-buffer-underflow in
# CrashHandlerLinux) and can hang; libFuzzer's own report is enough.
export SWIFT_BACKTRACE=enable=no
found=0
printf '%-8s %12s %8s %8s %6s %s\n' target executions crashes timeouts ooms time
for t in "${targets[@]}"; do
    corpus=$out/corpus/$t
    mkdir -p "$corpus"
    log=$out/logs/run-$t.log
    before=$(ls "$out/crashes" | grep -c "^$t-" || true)
    start=$(date +%s)
    # -max_len leaves room for the deep-nesting and long-line cases; -timeout marks hangs.
    "$out/bin/fuzz-$t" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$out/crashes/$t-" -print_final_stats=1 \
        "$corpus" "Fuzz/Corpus/$t" >"$log" 2>&1 || true
    elapsed=$(( $(date +%s) - start ))
    # Fork mode prints a running line "#N: cov: … exec/s: … oom/timeout/crash: a/b/c …".
    last=$(grep -E '^#[0-9]+: cov' "$log" | tail -1 || true)
    execs=$(sed -nE 's/^#([0-9]+): cov.*/\1/p' <<<"$last")
    otc=$(sed -nE 's#.*oom/timeout/crash: ([0-9]+)/([0-9]+)/([0-9]+).*#\1 \2 \3#p' <<<"$last")
    read -r ooms timeouts crashes <<<"${otc:-0 0 0}"
    after=$(ls "$out/crashes" | grep -c "^$t-" || true)
    saved=$(( after - before ))
    printf '%-8s %12s %8s %8s %6s %ss (new files in crashes/: %s)\n' \
        "$t" "${execs:-?}" "$crashes" "$timeouts" "$ooms" "$elapsed" "$saved"
    if [ "$crashes" != 0 ] || [ "$timeouts" != 0 ] || [ "$ooms" != 0 ] || [ "$saved" != 0 ]; then found=1; fi
done
[ "$found" = 0 ] || { echo "findings saved in $out/crashes (logs in $out/logs)"; exit 1; }
