#!/usr/bin/env python3
"""Accelerated Binance liquidation feed for the soak, and the exact check of what liqtop recorded.

  feed.py generate FILE SUMS.json --rate 2200 --seconds 600 --speed 300 --start-ms MS [--rotate-lines N]
      Appends Binance USD-M forceOrder lines (Benchmarks/generate.py's shape) to FILE at RATE lines
      per wall second for SECONDS, event times advancing SPEED× real time from START-MS; renames
      FILE to FILE.1 every N lines (like logrotate) so the tail follows a rotation too. Content
      and times depend only on the line index, never on the wall clock, so a run is repeatable.
      Writes the exact per-UTC-day, per-side sums (micro-dollars, as liqtop rounds) to SUMS.json,
      and the number of lines written so far to FILE.progress every second.

  feed.py check SUMS.json RECORD_DIR LIQTOP
      Sums the recorded day files exactly, runs `LIQTOP summary --json` on each, and compares
      both with the generator's sums: counts exact, micro-dollars exact, cents as liqtop prints.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import time
from decimal import ROUND_HALF_EVEN, Decimal

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Benchmarks"))
from generate import binance  # noqa: E402  (one generator for the benchmark days and the soak)

DAY_MS = 86_400_000
MICRO = Decimal("0.000001")


def order(rng, t):
    """One forceOrder line at time t (the benchmark days' own generator) and its (side, usd
    micro-dollars) as liqtop must read it."""
    line = binance(rng, t)
    o = json.loads(line)["o"]
    # With ap and z set, liqtop takes z × ap, rounded half-even to a micro-dollar.
    micros = int((Decimal(o["z"]) * Decimal(o["ap"])).quantize(MICRO, rounding=ROUND_HALF_EVEN) / MICRO)
    return line, ("long" if o["S"] == "SELL" else "short"), micros  # SELL closes a long


def day_of(t):
    return time.strftime("%Y-%m-%d", time.gmtime(t // 1000))


def generate(a):
    rng = random.Random(20260114)
    sums = {}
    out = open(a.file, "a")
    written = 0
    total = a.rate * a.seconds
    start = time.monotonic()
    last_progress = 0.0
    while written < total:
        due = min(total, int((time.monotonic() - start) * a.rate))
        chunk = []
        while written < due:
            t = a.start_ms + written * a.speed * 1000 // a.rate
            line, side, micros = order(rng, t)
            s = sums.setdefault(day_of(t), {"long": [0, 0], "short": [0, 0]})[side]
            s[0] += 1
            s[1] += micros
            chunk.append(line)
            written += 1
            if a.rotate_lines and written % a.rotate_lines == 0:
                out.write("\n".join(chunk) + "\n")
                chunk = []
                out.close()
                os.replace(a.file, a.file + ".1")
                out = open(a.file, "a")
        if chunk:
            out.write("\n".join(chunk) + "\n")
            out.flush()
        now = time.monotonic()
        if now - last_progress >= 1:
            last_progress = now
            with open(a.file + ".progress", "w") as p:
                p.write(f"{written}\n")
        time.sleep(0.01)
    out.close()
    with open(a.file + ".progress", "w") as p:
        p.write(f"{written}\n")
    elapsed = time.monotonic() - start
    result = {"lines": written, "seconds": round(elapsed, 1), "rate": round(written / elapsed),
              "first_ms": a.start_ms, "last_ms": a.start_ms + (written - 1) * a.speed * 1000 // a.rate,
              "days": sums}
    with open(a.sums, "w") as f:
        json.dump(result, f, indent=1, sort_keys=True)
    print(f"feed: {written} lines in {elapsed:.1f} s ({written / elapsed:.0f}/s), "
          f"{(result['last_ms'] - a.start_ms) / 3_600_000:.1f} h of data")


def cents(micros):
    """Half-even to cents, printed as liqtop's centsString."""
    c = int((Decimal(micros) / 10_000).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))
    sign = "-" if c < 0 else ""
    c = abs(c)
    return f"{sign}{c // 100}.{c % 100:02d}"


def check(a):
    expected = json.load(open(a.sums))
    ok = True
    total = 0
    for day, sides in sorted(expected["days"].items()):
        path = os.path.join(a.record_dir, f"liqtop-{day}.ndjson")
        got = {"long": [0, 0], "short": [0, 0]}
        with open(path) as f:
            for line in f:
                e = json.loads(line)
                if e.get("type") != "liquidation":
                    continue
                g = got[e["side"]]
                g[0] += 1
                g[1] += int(Decimal(e["usd"]) / MICRO)
        # Numbers as Decimal: a float would blur the cents of a billion-dollar day.
        summary = json.loads(subprocess.run([a.liqtop, "summary", "--json", path], check=True,
                                            capture_output=True, text=True).stdout, parse_float=Decimal)
        w = summary["liquidations"]["windows"]["24h"]
        for side in ("long", "short"):
            n, micros = sides[side]
            total += n
            rec_ok = got[side] == [n, micros]
            sum_ok = Decimal(w[f"{side}_usd"]) == Decimal(cents(micros))
            print(f"{day} {side:5}: generated {n:7d} orders ${cents(micros):>16}  recorded {got[side][0]:7d} "
                  f"${cents(got[side][1]):>16} {'=' if rec_ok else '≠'}  summary 24h ${w[f'{side}_usd']} "
                  f"{'=' if sum_ok else '≠'}")
            ok &= rec_ok and sum_ok
        count_ok = w["count"] == sides["long"][0] + sides["short"][0]
        if not count_ok:
            print(f"{day}: summary count {w['count']} ≠ {sides['long'][0] + sides['short'][0]}")
        ok &= count_ok and summary["input"]["rejected"] == 0
    print(f"totals: {total} orders over {len(expected['days'])} day files: {'EXACT' if ok else 'MISMATCH'}")
    return 0 if ok else 1


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate")
    g.add_argument("file")
    g.add_argument("sums")
    g.add_argument("--rate", type=int, default=2200)
    g.add_argument("--seconds", type=int, default=600)
    g.add_argument("--speed", type=int, default=300)
    g.add_argument("--start-ms", type=int, required=True)
    g.add_argument("--rotate-lines", type=int, default=0)
    c = sub.add_parser("check")
    c.add_argument("sums")
    c.add_argument("record_dir")
    c.add_argument("liqtop")
    a = p.parse_args()
    if a.cmd == "generate":
        generate(a)
        return 0
    return check(a)


if __name__ == "__main__":
    sys.exit(main())
