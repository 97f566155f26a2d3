#!/usr/bin/env python3
"""Checks that liqtop and its peers agree, and prints the benchmark table (Markdown).

usage: compare.py window LIQTOP_JSON   -> prints "FROM TO": the 24 h window (ms) liqtop summed
       compare.py report RESULTS_DIR   -> checks agreement, prints the table; exit 1 on disagreement

RESULTS_DIR is written by run.sh:
  days.tsv   day, path, lines, bytes
  times.tsv  day, tool, run, wall microseconds, peak RSS KiB
  meta.tsv   key, value (runs, load average, tool versions, notes)
  DAY.TOOL.out  the tool's output of its last run
"""
import datetime
import json
import os
import platform
import statistics
import sys
from decimal import ROUND_HALF_EVEN, Decimal

CENT = Decimal("0.01")
DAY_MS = 86_400_000
# Row order and labels; "numbers" says how each one does money.
TOOLS = [
    ("wc", "`wc -l`", "-"),
    ("liqtop", "`liqtop summary --json`", "exact (integer micro-$)"),
    ("jq", "jq", "float"),
    ("python-json", "Python `json`", None),  # from the peer's output: decimal or float
    ("python-orjson", "Python `orjson`", None),
]
TARGETS_DAY = "binance"  # the speed and memory targets are stated on the 1M-line Binance day
WC_TARGET_DAYS = ("mixed", "all-venues")  # within 8x of `wc -l` with every format too


def iso_ms(text):
    t = datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc)
    return int(t.timestamp() * 1000 + 0.5)


def load_json(path):
    with open(path, "rb") as f:
        return json.loads(f.read(), parse_float=Decimal)


def cents(x):
    return Decimal(str(x)).quantize(CENT, rounding=ROUND_HALF_EVEN)


def window(liqtop_json):
    """The 24 h window liqtop reports at: (at - 24 h, at]. Warns when it cuts the day."""
    doc = load_json(liqtop_json)
    at = iso_ms(doc["at"])
    counted = doc["liquidations"]["windows"]["24h"]["count"]
    total = doc["input"]["events"]
    if counted != total:
        print("note: the 24 h window holds %d of %d events; peers use the same window" % (counted, total),
              file=sys.stderr)
    print(at - DAY_MS, at)


def read_tsv(path):
    with open(path) as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def check(day, liqtop, peer_name, peer):
    """Problems (strings) between liqtop's 24 h by_coin and a peer's."""
    want = liqtop["liquidations"]["by_coin"]
    got = peer["by_coin"]
    exact = peer.get("numbers") == "decimal"
    problems = []
    for coin in sorted(set(want) | set(got)):
        if coin not in got or coin not in want:
            problems.append("%s %s: coin %s only in %s" % (day, peer_name, coin, "liqtop" if coin in want else peer_name))
            continue
        w, g = want[coin], got[coin]
        if int(w["count"]) != int(g["count"]):
            problems.append("%s %s %s: count %s, liqtop %s" % (day, peer_name, coin, g["count"], w["count"]))
        for key in ("long_usd", "short_usd"):
            mine, theirs = cents(w[key]), cents(g[key])
            slack = Decimal(0) if exact else CENT
            if abs(mine - theirs) > slack:
                problems.append("%s %s %s %s: %s, liqtop %s" % (day, peer_name, coin, key, theirs, mine))
    return problems


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def fmt_rate(x):
    return "{:,.0f}".format(x)


def report(results):
    days = read_tsv(os.path.join(results, "days.tsv"))
    meta = {k: v for k, v in read_tsv(os.path.join(results, "meta.tsv"))}
    walls, rss = {}, {}
    for day, tool, _run, wall_us, rss_kib in read_tsv(os.path.join(results, "times.tsv")):
        walls.setdefault((day, tool), []).append(int(wall_us) / 1e6)
        rss.setdefault((day, tool), []).append(int(rss_kib))

    out = []
    problems = []
    out.append("Machine: %s, %s cores (`nproc`), %s %s. Date: %s UTC. Load average (1, 5, 15 min) before the runs: %s, after: %s."
               % (cpu_model(), os.cpu_count() if not meta.get("nproc") else meta["nproc"], platform.system(),
                  platform.release(), datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M"),
                  meta.get("loadavg", "?"), meta.get("loadavg_after", "?")))
    out.append("Median wall time of %s runs per tool (file in the page cache, one untimed warm-up run); "
               "peak RSS is the largest of the runs (GNU time `%%M`); %s; %s." %
               (meta.get("runs", "?"), meta.get("jq", "jq"), meta.get("python", "Python")))
    targets = {}
    for day, path, lines, size in days:
        liqtop_out = os.path.join(results, "%s.liqtop.out" % day)
        liqtop = load_json(liqtop_out)
        events = int(liqtop["liquidations"]["windows"]["24h"]["count"])
        rejected = int(liqtop["input"]["rejected"])
        if rejected:
            problems.append("%s: liqtop rejected %d lines" % (day, rejected))
        mb = int(size) / 1e6
        base = statistics.median(walls[(day, "liqtop")])
        out.append("")
        out.append("**%s day** `%s`: %s lines, %s liquidations in the 24 h window, %.1f MB."
                   % (day, path, "{:,}".format(int(lines)), "{:,}".format(events), mb))
        out.append("")
        out.append("| tool | money | median wall (s) | events/s | MB/s | peak RSS (MiB) | tool ÷ liqtop time | agrees with liqtop |")
        out.append("|---|---|--:|--:|--:|--:|--:|---|")
        for tool, label, numbers in TOOLS:
            if (day, tool) not in walls:
                continue
            wall = statistics.median(walls[(day, tool)])
            peak = max(rss[(day, tool)]) / 1024
            agrees = "-"
            output = os.path.join(results, "%s.%s.out" % (day, tool))
            if tool == "wc":
                counted = int(open(output).read().split()[0])
                if counted != int(lines):
                    problems.append("%s: wc -l counted %d lines, expected %s" % (day, counted, lines))
            elif tool == "liqtop":
                agrees = "reference"
            else:
                peer = load_json(output)
                found = check(day, liqtop, tool, peer)
                problems.extend(found)
                numbers = numbers or peer.get("numbers", "?")
                if numbers == "decimal":
                    numbers = "exact (Decimal)"
                agrees = ("**NO** (%d differences)" % len(found) if found
                          else "yes, to the cent" if numbers.startswith("exact") else "yes, ±1 cent")
            out.append("| %s | %s | %.3f | %s | %.1f | %.1f | %.2f× | %s |"
                       % (label, numbers, wall, fmt_rate(events / wall), mb / wall, peak, wall / base, agrees))
            if day == TARGETS_DAY:
                targets[tool] = (wall, peak)
        if (day, "wc") in walls:
            out.append("")
            out.append("liqtop ÷ `wc -l` time: %.1f×" % (base / statistics.median(walls[(day, "wc")])))

    if "liqtop" in targets:
        wall, peak = targets["liqtop"]
        out.append("")
        out.append("**Targets** (`summary` over the %s day):" % TARGETS_DAY)
        out.append("")
        out.append("| target | measured | holds |")
        out.append("|---|--:|---|")

        def row(name, value, ok):
            out.append("| %s | %s | %s |" % (name, value, "yes" if ok else "**no**"))

        for tool, need, name in (("jq", 60, "≥ 60× faster than jq"), ("python-orjson", 10, "≥ 10× faster than Python + orjson")):
            if tool in targets:
                ratio = targets[tool][0] / wall
                row(name, "%.1f×" % ratio, ratio >= need)
            else:
                out.append("| %s | not measured (%s) | ? |" % (name, meta.get("orjson", "peer skipped")))
        if "wc" in targets:
            ratio = wall / targets["wc"][0]
            row("within 8× of `wc -l`", "%.1f×" % ratio, ratio <= 8)
        row("peak RSS ≤ 64 MiB", "%.1f MiB" % peak, peak <= 64)
    wc_rows = [d for d in WC_TARGET_DAYS if (d, "liqtop") in walls and (d, "wc") in walls]
    if wc_rows:
        out.append("")
        out.append("**Target with every format** (`summary` within 8× of `wc -l`):")
        out.append("")
        out.append("| day | liqtop ÷ `wc -l` | holds |")
        out.append("|---|--:|---|")
        for d in wc_rows:
            ratio = statistics.median(walls[(d, "liqtop")]) / statistics.median(walls[(d, "wc")])
            out.append("| %s | %.1f× | %s |" % (d, ratio, "yes" if ratio <= 8 else "**no**"))
    for note in (v for k, v in meta.items() if k.startswith("note")):
        out.append("")
        out.append("Note: " + note)

    text = "\n".join(out) + "\n"
    with open(os.path.join(results, "table.md"), "w") as f:
        f.write(text)
    sys.stdout.write(text)
    if problems:
        print("\nDISAGREEMENT (%d):" % len(problems), file=sys.stderr)
        for p in problems[:50]:
            print("  " + p, file=sys.stderr)
        return 1
    return 0


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "window":
        window(sys.argv[2])
        return 0
    if len(sys.argv) == 3 and sys.argv[1] == "report":
        return report(sys.argv[2])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
