#!/usr/bin/env python3
"""Deterministic test days for the benchmark.

binance: N Binance USD-M forceOrder lines (the all-market stream), one UTC day.
mixed:   N lines mixing Binance (plain and combined-stream), Bybit allLiquidation and OKX
         liquidation-orders messages, as a raw capture of the three venues would.
"""
import random
import sys

SYMBOLS = [("BTCUSDT", 95000.0, 3), ("ETHUSDT", 3300.0, 3), ("SOLUSDT", 145.0, 1), ("XRPUSDT", 2.1, 1),
           ("DOGEUSDT", 0.14, 0), ("1000PEPEUSDT", 0.0061, 0), ("BNBUSDT", 700.0, 2), ("SUIUSDT", 1.8, 1),
           ("LINKUSDT", 14.0, 2), ("ADAUSDT", 0.42, 0), ("AVAXUSDT", 14.5, 1), ("LTCUSDT", 80.0, 3)]
OKX = [("BTC-USDT-SWAP", 95000.0, "0.01"), ("ETH-USDT-SWAP", 3300.0, "0.1"), ("SOL-USDT-SWAP", 145.0, "1")]
START = 1768348800000  # 2026-01-14T00:00:00Z


def binance(rng, t):
    sym, px, qd = SYMBOLS[rng.randrange(len(SYMBOLS))]
    price = f"{px * (0.97 + rng.random() * 0.06):.{max(2, 6 - len(str(int(px))))}f}"
    qty = f"{rng.uniform(0.001, 50) * (100 / px if px > 100 else 1000 / max(px, 0.01)):.{qd}f}"
    if float(qty) == 0:
        qty = "1" if qd == 0 else "0." + "0" * (qd - 1) + "1"
    side = "SELL" if rng.random() < 0.4 else "BUY"
    return ('{"e":"forceOrder","E":%d,"o":{"s":"%s","S":"%s","o":"LIMIT","f":"IOC","q":"%s","p":"%s",'
            '"ap":"%s","X":"FILLED","l":"%s","z":"%s","T":%d}}' % (t + 3, sym, side, qty, price, price, qty, qty, t))


def bybit(rng, t):
    entries = []
    for _ in range(rng.randint(1, 3)):
        sym, px, qd = SYMBOLS[rng.randrange(len(SYMBOLS))]
        price = f"{px * (0.97 + rng.random() * 0.06):.{max(2, 6 - len(str(int(px))))}f}"
        qty = f"{max(rng.uniform(0.001, 20) * (100 / px if px > 100 else 500 / max(px, 0.01)), 1):.{qd}f}"
        entries.append('{"T":%d,"s":"%s","S":"%s","v":"%s","p":"%s"}' % (t, sym, "Buy" if rng.random() < 0.4 else "Sell", qty, price))
    return '{"topic":"allLiquidation.ALL","type":"snapshot","ts":%d,"data":[%s]}' % (t + 5, ",".join(entries))


def okx(rng, t):
    inst, px, _ = OKX[rng.randrange(len(OKX))]
    pos = "long" if rng.random() < 0.4 else "short"
    return ('{"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"details":[{"bkLoss":"0","bkPx":"%.1f",'
            '"ccy":"","posSide":"%s","side":"%s","sz":"%d","ts":"%d"}],"instFamily":"%s","instId":"%s","instType":"SWAP",'
            '"uly":"%s"}]}' % (px * (0.97 + rng.random() * 0.06), pos, "sell" if pos == "long" else "buy",
                               rng.randint(1, 400), t, inst[:-5], inst, inst[:-5]))


def main():
    kind, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    rng = random.Random(20260114)
    step = 86_400_000 // n
    with open(path, "w") as f:
        for i in range(n):
            t = START + i * step + rng.randrange(max(1, step))
            if kind == "binance":
                line = binance(rng, t)
            else:
                r = i % 10
                line = binance(rng, t) if r < 5 else (bybit(rng, t) if r < 8 else okx(rng, t))
                if r == 1:
                    line = '{"stream":"!forceOrder@arr","data":%s}' % line
            f.write(line + "\n")


if __name__ == "__main__":
    main()
