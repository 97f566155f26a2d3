#!/usr/bin/env python3
"""Accelerated Binance liquidation feed for the soak, and the exact check of what liqtop recorded.

  feed.py generate FILE SUMS.json --rate 2200 --seconds 600 --speed 300 --start-ms MS [--rotate-lines N]
      Appends Binance USD-M forceOrder lines (Benchmarks/generate.py's shape) to FILE at RATE lines
      per wall second for SECONDS, event times advancing SPEED× real time from START-MS; renames
      FILE to FILE.1 every N lines (like logrotate) so the tail follows a rotation too. Content
      and times depend only on the line index, never on the wall clock, so a run is repeatable.
      Writes the exact per-UTC-day, per-side sums (micro-dollars, as liqtop rounds) to SUMS.json,
      and the number of lines written so far to FILE.progress every second.

  feed.py rewrite STYLE FILE OUT.json --rate 2000 --seconds 20 --start-ms MS
      Writes unique Binance lines (times 10 ms apart from START-MS) to FILE while rewriting it one
      way, as real tools do:
        create        logrotate `create`: rename FILE to FILE.1, create an empty FILE; the writer
                      goes on appending to the old file, is quiet for 1.5 s, appends the lines due
                      meanwhile to the old file, and only then reopens FILE (a late postrotate HUP).
        copytruncate  a writer thread appends; every period FILE is copied to FILE.1 and truncated;
                      the writer goes on at the new start. Lines appended between the copy and the
                      truncation are in neither file: counted as "unrecoverable".
        copytruncate-compress  the same, and the copy is gzipped and removed at once (`compress`
                      without `delaycompress`): the lines appended since the tail's last poll
                      may be lost too, at most a poll interval's worth (RATE / 4 per rotation
                      is allowed as "unrecoverable").
        rewrite       `cat bigger > f`: FILE is truncated and rewritten in place with all new
                      lines, each version larger than the one before.
      OUT.json gets the times of every line written and the unrecoverable count.

  feed.py compare OUT.json PRINTED.ndjson
      Counts the lines lost and doubled in what `liqtop tail FILE --print` wrote.

  feed.py check SUMS.json RECORD_DIR LIQTOP
      Sums the recorded day files exactly, runs `LIQTOP summary --json` on each, and compares
      both with the generator's sums: counts exact, micro-dollars exact, cents as liqtop prints.
"""
import argparse
import gzip
import json
import os
import random
import shutil
import subprocess
import sys
import threading
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


class Lines:
    """Unique lines: each one's time is 10 ms after the one before, so a time names a line."""

    def __init__(self, start_ms):
        self.rng = random.Random(20261201)
        self.start_ms = start_ms
        self.times = []

    def take(self, n):
        out = []
        for _ in range(n):
            t = self.start_ms + len(self.times) * 10
            self.times.append(t)
            out.append(binance(self.rng, t))
        return "".join(line + "\n" for line in out).encode()


def append_fd(path):
    return os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)


def write_all(fd, data):
    while data:
        data = data[os.write(fd, data):]


def style_create(a, lines):
    fd = append_fd(a.file)
    start = time.monotonic()
    next_rotation = a.period
    while time.monotonic() - start < a.seconds:
        write_all(fd, lines.take(max(1, a.rate // 100)))
        time.sleep(0.01)
        if time.monotonic() - start >= next_rotation:
            next_rotation += a.period
            os.replace(a.file, a.file + ".1")
            open(a.file, "a").close()  # create: a new empty file at once
            quiet = time.monotonic()
            time.sleep(1.5)  # the writer is quiet, still on the old file
            write_all(fd, lines.take(int((time.monotonic() - quiet) * a.rate)))
            time.sleep(0.2)
            os.close(fd)  # the late HUP: reopen
            fd = append_fd(a.file)
    os.close(fd)
    return 0


def style_copytruncate(a, lines, compress=False):
    lock = threading.Lock()
    done = threading.Event()
    written = [0]

    def writer():
        fd = append_fd(a.file)
        start = time.monotonic()
        while not done.is_set():
            due = int((time.monotonic() - start) * a.rate)
            with lock:
                if due > written[0]:
                    write_all(fd, lines.take(due - written[0]))
                    written[0] = due
            time.sleep(0.002)
        os.close(fd)

    w = threading.Thread(target=writer)
    w.start()
    unrecoverable = 0
    generation_start = 0
    start = time.monotonic()
    while time.monotonic() - start < a.seconds:
        time.sleep(a.period)
        shutil.copyfile(a.file, a.file + ".1")
        with lock:  # the writer may have appended since the copy: those lines are in neither file
            os.truncate(a.file, 0)
            at_truncation = written[0]
        with open(a.file + ".1", "rb") as f:
            copy = f.read()
        unrecoverable += at_truncation - generation_start - copy.count(b"\n")
        generation_start = at_truncation
        if compress:  # `compress` without `delaycompress`: the copy is gone moments later
            with gzip.open(a.file + ".1.gz", "wb") as z:
                z.write(copy)
            os.unlink(a.file + ".1")
            # Beyond the above, what the tail had not read when the file was truncated: at
            # most what the writer wrote in one poll interval (200 ms) and a little slack.
            unrecoverable += a.rate // 4
    done.set()
    w.join()
    return unrecoverable


def style_rewrite(a, lines):
    start = time.monotonic()
    size = max(100, a.rate)
    while time.monotonic() - start < a.seconds:
        with open(a.file, "wb") as f:  # O_TRUNC, then one write: `cat new > f`
            f.write(lines.take(size))
        size += size // 4
        time.sleep(a.period)
    return 0


def rewrite(a):
    lines = Lines(a.start_ms)
    styles = {"create": style_create, "copytruncate": style_copytruncate, "rewrite": style_rewrite,
              "copytruncate-compress": lambda a, lines: style_copytruncate(a, lines, compress=True)}
    unrecoverable = styles[a.style](a, lines)
    with open(a.out, "w") as f:
        json.dump({"style": a.style, "times": lines.times, "unrecoverable": unrecoverable}, f)


def compare(a):
    expected = json.load(open(a.out))
    written = set(expected["times"])
    counts = {}
    with open(a.printed) as f:
        for line in f:
            t = json.loads(line)["time"]
            counts[t] = counts.get(t, 0) + 1
    lost = len(written - counts.keys())
    doubled = sum(n - 1 for n in counts.values()) + sum(n for t, n in counts.items() if t not in written)
    print(f"{expected['style']:21} written {len(written):7d}  lost {lost:5d}  doubled {doubled:5d}  "
          f"(allowed: {expected['unrecoverable']})")
    return 0 if doubled == 0 and lost <= expected["unrecoverable"] else 1


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
    r = sub.add_parser("rewrite")
    r.add_argument("style", choices=["create", "copytruncate", "copytruncate-compress", "rewrite"])
    r.add_argument("file")
    r.add_argument("out")
    r.add_argument("--rate", type=int, default=2000)
    r.add_argument("--seconds", type=int, default=20)
    r.add_argument("--period", type=float, default=4)
    r.add_argument("--start-ms", type=int, required=True)
    m = sub.add_parser("compare")
    m.add_argument("out")
    m.add_argument("printed")
    c = sub.add_parser("check")
    c.add_argument("sums")
    c.add_argument("record_dir")
    c.add_argument("liqtop")
    a = p.parse_args()
    if a.cmd == "generate":
        generate(a)
        return 0
    if a.cmd == "rewrite":
        rewrite(a)
        return 0
    if a.cmd == "compare":
        return compare(a)
    return check(a)


if __name__ == "__main__":
    sys.exit(main())
