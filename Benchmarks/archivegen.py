#!/usr/bin/env python3
"""A deterministic archive for the archive benchmark: DAYS day files of ORDERS native liquidation
lines each (liqtop-YYYY-MM-DD.ndjson, as `liqtop live --record` names them), ending 2026-01-14,
plus one Farside-style BTC ETF table over the same days.

usage: archivegen.py DIR DAYS ORDERS
"""
import os
import random
import sys

COINS = [("BTC", "BTCUSDT", 95000.0, 3), ("ETH", "ETHUSDT", 3300.0, 3), ("SOL", "SOLUSDT", 145.0, 1),
         ("XRP", "XRPUSDT", 2.1, 1), ("DOGE", "DOGEUSDT", 0.14, 0), ("PEPE", "1000PEPEUSDT", 0.0061, 0)]
VENUES = ["binance", "bybit"]
DAY = 86_400_000
LAST = 1768348800000  # 2026-01-14T00:00:00Z


def day_name(start):
    import datetime
    return datetime.datetime.fromtimestamp(start / 1000, datetime.timezone.utc).strftime("%Y-%m-%d")


def main():
    out, days, orders = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    os.makedirs(out, exist_ok=True)
    rng = random.Random(16)
    etf = ["Date,IBIT,FBTC,GBTC,Total"]
    for d in range(days):
        start = LAST - (days - 1 - d) * DAY
        name = day_name(start)
        times = sorted(rng.randrange(DAY) for _ in range(orders))
        with open(os.path.join(out, f"liqtop-{name}.ndjson"), "w") as f:
            lines = []
            for t in times:
                coin, sym, px, qd = COINS[rng.randrange(len(COINS))]
                venue, instrument = VENUES[rng.randrange(2)], sym
                price_ticks = int(px * (0.97 + rng.random() * 0.06) * 10_000)
                qty_units = rng.randrange(1, 20_000)
                # usd = qty × price exactly: price 4 decimals, qty 3 decimals → 7 decimals, rounded half-even to 6.
                product = price_ticks * qty_units  # × 10^-7
                q, r = divmod(product, 10)
                if r > 5 or (r == 5 and q % 2 == 1):
                    q += 1
                usd = f"{q // 1_000_000}.{q % 1_000_000:06d}"
                price = f"{price_ticks // 10_000}.{price_ticks % 10_000:04d}"
                qty = f"{qty_units // 1000}.{qty_units % 1000:03d}"
                side = "long" if rng.random() < 0.45 else "short"
                lines.append('{"type":"liquidation","time":%d,"venue":"%s","instrument":"%s","coin":"%s","side":"%s",'
                             '"price":"%s","qty":"%s","usd":"%s"}' % (start + t, venue, instrument, coin, side, price, qty, usd))
            f.write("\n".join(lines) + "\n")
        if rng.random() < 5 / 7:
            flows = [round(rng.uniform(-300, 600), 1), round(rng.uniform(-100, 200), 1), round(rng.uniform(-80, 20), 1)]
            etf.append(f"{name},{flows[0]},{flows[1]},{flows[2]},{round(sum(flows), 1)}")
    with open(os.path.join(out, "etf-btc.csv"), "w") as f:
        f.write("\n".join(etf) + "\n")


if __name__ == "__main__":
    main()
