# Helpers for the end-to-end view benchmarks (sourced by replay-e2e.sh and live.sh).
# liqtop runs in a tmux server of our own (socket "lqbench"), so other tmux sessions are untouched.

tm() { tmux -L lqbench "$@"; }
say() { printf '==> %s\n' "$*" >&2; }
die() { printf '%s: %s\n' "${0##*/}" "$*" >&2; exit 1; }
now_us() { local t=$EPOCHREALTIME; t=${t//[.,]/}; printf '%s\n' "$((10#$t))"; }

# cpu_ticks PID: utime + stime (clock ticks) of the whole process, from /proc/PID/stat.
cpu_ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }
# status_kib PID FIELD: e.g. VmRSS, VmHWM in KiB.
status_kib() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
clk_tck=$(getconf CLK_TCK)

# start_session NAME CMD...: a detached 200×60 session running CMD (exec'd, so the pane's pid is CMD's).
start_session() {
    local name=$1; shift
    local cmd="exec" a
    for a in "$@"; do cmd+=" $(printf '%q' "$a")"; done
    tm new-session -d -s "$name" -x "${cols:-200}" -y "${rows:-60}" "$cmd"
}
pane_pid() { tm display-message -p -t "$1" '#{pane_pid}'; }

# wait_screen NAME REGEX TIMEOUT_S: polls the pane (every 20 ms, to leave the cores to liqtop)
# until a line matches; prints the time of the match (µs). Fails on timeout or exit.
wait_screen() {
    local name=$1 re=$2 deadline=$(($(now_us) + $3 * 1000000))
    while (($(now_us) < deadline)); do
        if tm capture-pane -p -t "$name" 2>/dev/null | grep -Eq -- "$re"; then now_us; return 0; fi
        tm has-session -t "$name" 2>/dev/null || return 1
        sleep 0.02
    done
    return 1
}

# stop_session NAME PID: closes the pane (SIGHUP) and waits for the process to be gone.
stop_session() {
    tm kill-session -t "$1" 2>/dev/null || true
    local k
    for ((k = 0; k < 50; k++)); do [[ -d /proc/$2 ]] || return 0; sleep 0.1; done
    kill "$2" 2>/dev/null || true
}

# cpu_over PID SECONDS: samples the process for SECONDS; prints "percent ticks". The counters of
# /proc/PID/stat include threads that ended meanwhile (per-thread schedstat would lose them).
cpu_over() {
    local pid=$1 s=$2 t0 t1 w0 w1
    w0=$(now_us); t0=$(cpu_ticks "$pid")
    sleep "$s"
    w1=$(now_us); t1=$(cpu_ticks "$pid")
    [[ -d /proc/$pid ]] || return 1
    awk -v dt="$((t1 - t0))" -v w="$((w1 - w0))" -v hz="$clk_tck" 'BEGIN { printf "%.3f %d\n", 100 * dt / hz / (w / 1e6), dt }'
}

# row FIGURE TARGET MEASURED HOLDS: one table row (TSV), appended to $tsv (stdout when "-").
row() { if [[ $tsv == - ]]; then printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4"; else printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$tsv"; fi; }
