#!/usr/bin/env python3
"""Benchmark peer: liqtop's 24 h `by_coin` aggregation in plain Python (stdlib `json`).

usage: summary_json.py FILE FROM TO [--float | --exact]

Sums every liquidation with FROM < time <= TO (ms), per normalized coin: long and short USD
and the count. Reads Binance forceOrder (plain or combined-stream wrapped), Bybit
allLiquidation and OKX liquidation-orders lines, like `liqtop summary`.

--exact (the default here): each order's USD is the exact decimal product rounded half-even to
a micro-dollar, summed exactly (Decimal), as liqtop does. --float: binary floats, the way a
quick script would do it (agrees to about a cent). summary_orjson.py reuses `aggregate`.
"""
import decimal
import json
import sys
from decimal import Decimal

# OKX linear swaps: coins per contract (FORMATS.md); unknown instruments are an error.
OKX_CT_VAL = {"BTC-USDT-SWAP": "0.01", "ETH-USDT-SWAP": "0.1", "SOL-USDT-SWAP": "1"}
MICRO = Decimal("0.000001")
BINANCE_SIDE = {"SELL": "long", "BUY": "short"}  # the forced order closes the position
BYBIT_SIDE = {"Buy": "long", "Sell": "short"}  # Bybit reports the position's side
OKX_SIDE = {"long": "long", "short": "short"}
OKX_NET_SIDE = {"sell": "long", "buy": "short"}


def coin_of(symbol):
    """BTCUSDT, BTC-USDT-SWAP -> BTC; 1000PEPEUSDT -> PEPE (the symbols the benchmark days use)."""
    s = symbol.upper()
    if "-" in s:
        s = s[: s.index("-")]
    else:
        for quote in ("USDT", "USDC", "USD"):
            if s.endswith(quote) and len(s) > len(quote):
                s = s[: -len(quote)]
                break
    if s.startswith("1000"):
        k = 1
        while k < len(s) and s[k] == "0":
            k += 1
        if k < len(s) and s[k].isalpha():
            s = s[k:]
    return s


def aggregate(path, lo, hi, loads, exact):
    """{coin: [long_usd, short_usd, count]} over lo < time <= hi."""
    if exact:
        decimal.getcontext().prec = 60  # products and sums stay exact; only quantize rounds
        num = Decimal
    else:
        num = float
    ct_val = {k: num(v) for k, v in OKX_CT_VAL.items()}
    coins = {}  # symbol -> (coin, bybit inverse?) cache: normalizing once per symbol
    totals = {}  # (coin, side) -> [usd, count]

    def add(symbol, side, usd):
        c = coins.get(symbol)
        if c is None:
            c = coins[symbol] = coin_of(symbol)
        if exact:
            usd = usd.quantize(MICRO)  # context rounding is ROUND_HALF_EVEN
        acc = totals.get((c, side))
        if acc is None:
            totals[(c, side)] = [usd, 1]
        else:
            acc[0] += usd
            acc[1] += 1

    with open(path, "rb") as f:
        for line in f:
            if not line.strip():
                continue
            m = loads(line)
            if "stream" in m and isinstance(m.get("data"), dict):
                m = m["data"]  # Binance combined stream
            if m.get("e") == "forceOrder":
                o = m["o"]
                t = o["T"]
                if lo < t <= hi:
                    z, ap = num(o["z"]), num(o["ap"])
                    usd = z * ap if z and ap else num(o["q"]) * num(o["p"])
                    add(o["s"], BINANCE_SIDE[o["S"]], usd)
            elif "topic" in m:
                if m["topic"].startswith("allLiquidation."):
                    for d in m["data"]:
                        t = d["T"]
                        if lo < t <= hi:
                            s = d["s"]
                            v = num(d["v"])
                            # Inverse contracts (BTCUSD) are sized in USD already.
                            usd = v if s.endswith("USD") else v * num(d["p"])
                            add(s, BYBIT_SIDE[d["S"]], usd)
            elif "arg" in m and m["arg"].get("channel") == "liquidation-orders":
                for inst in m["data"]:
                    i = inst["instId"]
                    cv = ct_val[i]
                    for d in inst["details"]:
                        t = int(d["ts"])
                        if lo < t <= hi:
                            ps = d["posSide"]
                            side = OKX_NET_SIDE[d["side"]] if ps == "net" else OKX_SIDE[ps]
                            add(i, side, num(d["sz"]) * cv * num(d["bkPx"]))
    out = {}
    for (c, side), (usd, n) in totals.items():
        row = out.setdefault(c, [num(0), num(0), 0])
        row[0 if side == "long" else 1] += usd
        row[2] += n
    return out


def report(peer, numbers, by_coin):
    """Prints the common peer output: USD as strings (exact decimals or float reprs)."""
    doc = {"peer": peer, "numbers": numbers,
           "by_coin": {c: {"long_usd": str(v[0]), "short_usd": str(v[1]), "count": v[2]}
                       for c, v in sorted(by_coin.items())}}
    sys.stdout.write(json.dumps(doc) + "\n")


def parse_args(argv, default_exact):
    args = [a for a in argv if not a.startswith("--")]
    flags = [a for a in argv if a.startswith("--")]
    if len(args) != 3 or any(f not in ("--float", "--exact") for f in flags):
        sys.exit("usage: %s FILE FROM_MS TO_MS [--float | --exact]" % sys.argv[0])
    exact = default_exact if not flags else flags[-1] == "--exact"
    return args[0], int(args[1]), int(args[2]), exact


def main():
    path, lo, hi, exact = parse_args(sys.argv[1:], default_exact=True)
    report("python-json", "decimal" if exact else "float", aggregate(path, lo, hi, json.loads, exact))


if __name__ == "__main__":
    main()
