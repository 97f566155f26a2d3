#!/usr/bin/env python3
"""Benchmark peer: the same aggregation as summary_json.py, parsed with orjson.

usage: summary_orjson.py FILE FROM TO [--float | --exact]

Defaults to binary floats: the fastest plain-Python way to get these totals, which is what
the "10x faster than Python + orjson" target is measured against. --exact uses Decimal.
"""
import os
import sys

import orjson

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from summary_json import aggregate, parse_args, report  # noqa: E402


def main():
    path, lo, hi, exact = parse_args(sys.argv[1:], default_exact=False)
    report("python-orjson", "decimal" if exact else "float", aggregate(path, lo, hi, orjson.loads, exact))


if __name__ == "__main__":
    main()
