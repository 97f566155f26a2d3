#!/usr/bin/env python3
"""Benchmark peer: liqtop's 24 h `by_coin` aggregation in plain Python (stdlib `json`).

usage: summary_json.py FILE FROM TO [--float | --exact]

Sums every liquidation with FROM < time <= TO (ms), per normalized coin: long and short USD
and the count. Reads what the benchmark days hold, like `liqtop summary`: Binance forceOrder
(USD-M and COIN-M, plain or combined-stream wrapped), Bybit allLiquidation, OKX
liquidation-orders (SWAP, FUTURES), Bitget v3 liquidation, Gate futures.public_liquidates, HTX
liquidation_orders, Deribit trades flagged `liquidation`, and liqtop's own `liquidation` lines
(the all-venues day's BitMEX orders). Units and sides follow the README's venue table.

--exact (the default here): each order's USD is the exact decimal product rounded half-even to
a micro-dollar, summed exactly (Decimal), as liqtop does. --float: binary floats, the way a
quick script would do it (agrees to about a cent). summary_orjson.py reuses `aggregate`.
"""
import decimal
import json
import sys
from decimal import Decimal

# OKX contracts: (contract value, linear?). The swaps are liqtop's built-in table; the futures
# are those of the instrument list generate.py writes beside the all-venues day (inverse ones
# are worth ctVal USD). Unknown instruments are an error.
OKX_CT_VAL = {"BTC-USDT-SWAP": ("0.01", True), "ETH-USDT-SWAP": ("0.1", True), "SOL-USDT-SWAP": ("1", True),
              "BTC-USD-SWAP": ("100", False), "ETH-USD-SWAP": ("10", False),
              "BTC-USD-260327": ("100", False), "ETH-USDT-260327": ("0.1", True), "XRP-USD-260626": ("10", False)}
# Gate quanto_multiplier (coins per contract), liqtop's built-in table.
GATE_MULT = {"BTC_USDT": "0.0001", "ETH_USDT": "0.01", "SOL_USDT": "1", "XRP_USDT": "10", "DOGE_USDT": "10"}
MICRO = Decimal("0.000001")
BINANCE_SIDE = {"SELL": "long", "BUY": "short"}  # the forced order closes the position
BYBIT_SIDE = {"Buy": "long", "Sell": "short"}  # Bybit reports the position's side
OKX_SIDE = {"long": "long", "short": "short"}
OKX_NET_SIDE = {"sell": "long", "buy": "short"}


MONTH_CODES = set("FGHJKMNQUVXZ")


def coin_of(symbol):
    """liqtop's CoinNormalizer for the benchmark days' names: BTCUSDT, BTC-USDT-SWAP, BTC_USDT,
    BTCUSD_PERP, BTC_USDC-PERPETUAL, ETHPERP -> the coin; 1000PEPEUSDT, SHIB1000USDT -> PEPE, SHIB."""
    s = symbol.upper()
    strip_quote = True
    seps = [k for k, ch in enumerate(s) if ch in "-_/:"]
    if seps:
        sep = seps[0]
        strip_quote = s[sep] == "_" or (sep + 1 < len(s) and s[sep + 1].isdigit())
        s = s[:sep]
    elif len(s) >= 6 and s[-1].isdigit() and s[-2].isdigit() and s[-3] in MONTH_CODES and s[:-3].endswith("USD"):
        s = s[:-3]  # Bybit inverse futures: BTCUSDH26
    if strip_quote:
        for quote in ("FDUSD", "USDT", "USDC", "PERP", "BUSD", "USD"):
            if s.endswith(quote) and not (quote == "BUSD" and s.endswith("BNBUSD")):
                s = s[: -len(quote)]
                break
    if s.startswith("1"):  # 1000PEPE, 1MBABYDOGE
        k = 1
        while k < len(s) and s[k] == "0":
            k += 1
        if k >= 4 and k < len(s) and s[k].isalpha():
            s = s[k:]
        elif k == 1 and k + 1 < len(s) and s[k] == "M" and s[k + 1].isalpha():
            s = s[2:]
    k = len(s)  # SHIB1000
    while k > 0 and s[k - 1] == "0":
        k -= 1
    if len(s) - k >= 3 and k >= 2 and s[k - 1] == "1" and s[k - 2].isalpha():
        s = s[: k - 1]
    return s


def aggregate(path, lo, hi, loads, exact):
    """{coin: [long_usd, short_usd, count]} over lo < time <= hi."""
    if exact:
        decimal.getcontext().prec = 60  # products and sums stay exact; only quantize rounds
        num = Decimal
    else:
        num = float
    ct_val = {k: (num(v), linear) for k, (v, linear) in OKX_CT_VAL.items()}
    gate_mult = {k: num(v) for k, v in GATE_MULT.items()}
    coins = {}  # symbol -> coin cache: normalizing once per symbol
    totals = {}  # (coin, side) -> [usd, count]

    def add(symbol, side, usd, coin=None):
        c = coin or coins.get(symbol)
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
            if not line.lstrip().startswith(b"{"):
                continue  # blank lines and OKX's bare `pong`
            m = loads(line)
            if "stream" in m and isinstance(m.get("data"), dict):
                m = m["data"]  # Binance combined stream
            if m.get("e") == "forceOrder":
                o = m["o"]
                t = o["T"]
                if lo < t <= hi:
                    s = o["s"]
                    if "USD_" in s:  # COIN-M: contracts of $100 (BTC) or $10 (the built-in rule)
                        usd = num(o["q"]) * num(100 if s.startswith("BTCUSD_") else 10)
                    else:
                        z, ap = num(o["z"]), num(o["ap"])
                        usd = z * ap if z and ap else num(o["q"]) * num(o["p"])
                    add(s, BINANCE_SIDE[o["S"]], usd)
            elif m.get("type") == "liquidation" and "venue" in m:  # liqtop's own recording
                t = m["time"]
                if lo < t <= hi:
                    add(m["instrument"], m["side"], num(m["usd"]), coin=m["coin"])
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
                elif m["topic"].startswith("public.") and m["topic"].endswith(".liquidation_orders"):  # HTX
                    if m.get("op") != "notify":
                        continue
                    for d in m["data"]:
                        t = d["created_at"]
                        if lo < t <= hi:
                            code = d["contract_code"]
                            if "-USDT" in code:
                                usd = num(d["trade_turnover"])
                            else:
                                usd = num(d["volume"]) * num(100 if code.startswith("BTC") else 10)
                            add(code, "long" if d["direction"] == "sell" else "short", usd, coin=d["symbol"])
            elif "arg" in m and m["arg"].get("channel") == "liquidation-orders":
                for inst in m.get("data") or []:  # acks carry no data
                    i = inst["instId"]
                    cv, linear = ct_val[i]
                    for d in inst["details"]:
                        t = int(d["ts"])
                        if lo < t <= hi:
                            ps = d["posSide"]
                            side = OKX_NET_SIDE[d["side"]] if ps == "net" else OKX_SIDE[ps]
                            usd = num(d["sz"]) * cv * num(d["bkPx"]) if linear else num(d["sz"]) * cv
                            add(i, side, usd)
            elif "arg" in m and m["arg"].get("topic") == "liquidation":  # Bitget: amount is the notional
                for d in m.get("data") or []:
                    t = int(d["ts"])
                    if lo < t <= hi:
                        add(d["symbol"], "long" if d["side"] == "buy" else "short", num(d["amount"]))
            elif m.get("channel") == "futures.public_liquidates":  # Gate: contracts, sign = side
                if m.get("event") != "update":
                    continue
                for d in m["result"]:
                    t = d["time_ms"] if "time_ms" in d else (d["time"] * 1000 if d["time"] < 10 ** 11 else d["time"])
                    if lo < t <= hi:
                        size = num(d["size"])
                        usd = abs(size) * gate_mult[d["contract"]] * num(d["price"])
                        add(d["contract"], "long" if size < 0 else "short", usd)
            elif m.get("method") == "subscription" and m["params"]["channel"].startswith("trades."):  # Deribit
                for d in m["params"]["data"]:
                    flag = d.get("liquidation")
                    if flag is None:
                        continue
                    t = d["timestamp"]
                    if lo < t <= hi:
                        i = d["instrument_name"]
                        amount = num(d["amount"])
                        usd = amount * num(d["price"]) if "_" in i.split("-")[0] else amount
                        taker_long = d["direction"] == "sell"  # the taker's own side was closed
                        if "T" in flag:
                            add(i, "long" if taker_long else "short", usd)
                        if "M" in flag:
                            add(i, "short" if taker_long else "long", usd)
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
    # Exact: JSON numbers (HTX, Deribit prices) as decimals too, never through a binary float.
    loads = (lambda b: json.loads(b, parse_float=Decimal)) if exact else json.loads
    report("python-json", "decimal" if exact else "float", aggregate(path, lo, hi, loads, exact))


if __name__ == "__main__":
    main()
