#!/usr/bin/env python3
"""Appends Binance forceOrder lines to FILE at RATE lines/s for SECONDS, stamped with the wall clock.

usage: livegen.py FILE RATE SECONDS

Lines go out in batches every 10 ms, paced by the monotonic clock so that the average rate holds
even when a batch is late; each batch is one write() so a follower never sees half a line.
Prints "lines SECONDS_ELAPSED" to stdout at the end.
"""
import os
import random
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate import binance  # noqa: E402  (same line shape as the benchmark days)


def main():
    path, rate, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    rng = random.Random(5000)
    tick = 0.01
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    start = time.monotonic()
    written = 0
    try:
        while True:
            elapsed = time.monotonic() - start
            if elapsed >= seconds:
                break
            due = min(int(elapsed * rate) + 1, int(seconds * rate)) - written
            if due > 0:
                now = int(time.time() * 1000)
                os.write(fd, "".join(binance(rng, now) + "\n" for _ in range(due)).encode())
                written += due
            next_tick = start + (int(elapsed / tick) + 1) * tick
            time.sleep(max(0.0, next_tick - time.monotonic()))
        rest = int(seconds * rate) - written
        if rest > 0:
            now = int(time.time() * 1000)
            os.write(fd, "".join(binance(rng, now) + "\n" for _ in range(rest)).encode())
            written += rest
    finally:
        os.close(fd)
    print(written, f"{time.monotonic() - start:.3f}")


if __name__ == "__main__":
    main()
