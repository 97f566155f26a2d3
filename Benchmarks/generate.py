#!/usr/bin/env python3
"""Deterministic test days for the benchmark.

binance: N Binance USD-M forceOrder lines (the all-market stream), one UTC day.
mixed:   N lines mixing Binance (plain and combined-stream), Bybit allLiquidation and OKX
         liquidation-orders messages, as a raw capture of the three venues would.
all-venues: N lines of every liquidation venue liqtop reads, each frame laid out as that venue sends it
         (key order and number forms of the frames tardis-node captured and of the venues' docs):
         Binance USD-M and COIN-M (Aster sends Binance's very bytes), Bybit v5 allLiquidation,
         OKX liquidation-orders SWAP and FUTURES, Bitget v3, Gate, HTX (as decompressed text),
         Deribit trades (most not liquidations), BitMEX `delete` frames (ignored) and BitMEX
         orders as liqtop's own recording holds them (a bare BitMEX insert has no time: read
         from a file it is refused, so no raw capture can carry BitMEX orders), plus acks and
         pongs. `all-venues` also writes PATH.instruments.json, an OKX instrument list for the
         FUTURES it uses (run with --instruments; everything else is priced by the built-in tables).
"""
import json
import random
import sys
from decimal import Decimal

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


# --- all-venues ---------------------------------------------------------------------------
# (symbol, price, quantity decimals)
BYBIT = [("BTCUSDT", 95000.0, 3), ("ETHUSDT", 3300.0, 2), ("SOLUSDT", 145.0, 1), ("XRPUSDT", 2.1, 0),
         ("DOGEUSDT", 0.14, 0), ("SHIB1000USDT", 0.012, 0), ("SUIUSDT", 1.8, 1)]
BYBIT_INVERSE = [("BTCUSD", 95000.0), ("ETHUSD", 3300.0)]
COINM = [("BTCUSD_PERP", "BTCUSD", 95000.0), ("ETHUSD_PERP", "ETHUSD", 3300.0), ("BTCUSD_260327", "BTCUSD", 96000.0),
         ("SOLUSD_PERP", "SOLUSD", 145.0)]
# OKX: instId, price, kind; SWAP ones are in liqtop's built-in table, FUTURES in the generated list.
OKX_SWAP = [("BTC-USDT-SWAP", 95000.0), ("ETH-USDT-SWAP", 3300.0), ("SOL-USDT-SWAP", 145.0), ("BTC-USD-SWAP", 95000.0),
            ("ETH-USD-SWAP", 3300.0)]
OKX_FUTURES = [("BTC-USD-260327", 96000.0, "100", "inverse", "USD"), ("ETH-USDT-260327", 3350.0, "0.1", "linear", "ETH"),
               ("XRP-USD-260626", 2.2, "10", "inverse", "USD")]
BITGET = [("usdt-futures", "BTCUSDT", 95000.0, 3), ("usdt-futures", "ETHUSDT", 3300.0, 2), ("usdt-futures", "APEUSDT", 0.16, 1),
          ("coin-futures", "BTCUSD", 95000.0, 3), ("usdc-futures", "ETHPERP", 3300.0, 2)]
GATE = [("BTC_USDT", 95000.0), ("ETH_USDT", 3300.0), ("SOL_USDT", 145.0), ("XRP_USDT", 2.1), ("DOGE_USDT", 0.14)]
HTX_LINEAR = [("BTC-USDT", "BTC", 95000.0, "0.001"), ("ETH-USDT", "ETH", 3300.0, "0.01")]
HTX_INVERSE = [("BTC-USD", "BTC", 95000.0), ("ETH-USD", "ETH", 3300.0)]
DERIBIT = [("BTC-PERPETUAL", 95000.0, False), ("ETH-PERPETUAL", 3300.0, False), ("BTC-27MAR26", 96000.0, False),
           ("BTC_USDC-PERPETUAL", 95000.0, True), ("ETH_USDC-PERPETUAL", 3300.0, True)]


def px(rng, base, places=None):
    """A price near `base` with the venue's usual number of places (no trailing-zero games)."""
    if places is None:
        places = max(1, 6 - len(str(int(base))))
    return "%.*f" % (places, base * (0.97 + rng.random() * 0.06))


def dec_str(d):
    """A Decimal as plain text, no exponent, no trailing zeros."""
    t = format(d, "f")
    if "." in t:
        t = t.rstrip("0").rstrip(".")
    return t


def coinm(rng, t):
    sym, pair, base = COINM[rng.randrange(len(COINM))]
    p, ap = px(rng, base), px(rng, base)
    q = str(rng.randint(1, 300))
    side = "SELL" if rng.random() < 0.45 else "BUY"
    msg = ('{"e":"forceOrder","E":%d,"o":{"s":"%s","ps":"%s","S":"%s","o":"LIMIT","f":"IOC","q":"%s","p":"%s",'
           '"ap":"%s","X":"FILLED","l":"%s","z":"%s","T":%d}}' % (t + 2, sym, pair, side, q, p, ap, q, q, t))
    return '{"stream":"%s@forceOrder","data":%s}' % (sym.lower(), msg) if rng.random() < 0.5 else msg


def bybit_symbol(rng, t):
    """allLiquidation.<SYMBOL>: one symbol per topic, 1–3 entries (Bybit pushes every 500 ms)."""
    if rng.random() < 0.15:
        sym, base = BYBIT_INVERSE[rng.randrange(len(BYBIT_INVERSE))]
        entries = ['{"T":%d,"s":"%s","S":"%s","v":"%d","p":"%s"}' % (t + k, sym, "Buy" if rng.random() < 0.4 else "Sell",
                                                                     rng.randint(1, 50000), px(rng, base, 1))
                   for k in range(rng.randint(1, 2))]
    else:
        sym, base, qd = BYBIT[rng.randrange(len(BYBIT))]
        entries = []
        for k in range(rng.randint(1, 3)):
            q = max(rng.uniform(0.001, 20) * (100 / base if base > 100 else 500 / base), 10 ** -qd)
            entries.append('{"T":%d,"s":"%s","S":"%s","v":"%s","p":"%s"}' % (t + k, sym, "Buy" if rng.random() < 0.4 else "Sell",
                                                                            "%.*f" % (qd, q), px(rng, base)))
    return '{"topic":"allLiquidation.%s","type":"snapshot","ts":%d,"data":[%s]}' % (sym, t + 40, ",".join(entries))


def okx_inst(rng, t, futures):
    if futures:
        inst, base, _, _, _ = OKX_FUTURES[rng.randrange(len(OKX_FUTURES))]
        kind = "FUTURES"
        family = inst.rsplit("-", 1)[0]
    else:
        inst, base = OKX_SWAP[rng.randrange(len(OKX_SWAP))]
        kind = "SWAP"
        family = inst[:-5]
    details = []
    for k in range(1 if rng.random() < 0.85 else 2):
        r = rng.random()
        pos = "long" if r < 0.4 else ("short" if r < 0.85 else "net")
        side = ("sell" if pos == "long" else "buy") if pos != "net" else ("sell" if rng.random() < 0.5 else "buy")
        details.append('{"bkLoss":"0","bkPx":"%s","ccy":"","posSide":"%s","side":"%s","sz":"%d","ts":"%d"}'
                       % (px(rng, base), pos, side, rng.randint(1, 400), t + k))
    return ('{"details":[%s],"instFamily":"%s","instId":"%s","instType":"%s","uly":"%s"}'
            % (",".join(details), family, inst, kind, family), kind)


def okx_all(rng, t):
    inst, kind = okx_inst(rng, t, rng.random() < 0.35)
    return '{"arg":{"channel":"liquidation-orders","instType":"%s"},"data":[%s]}' % (kind, inst)


def bitget(rng, t):
    kind, sym, base, _ = BITGET[rng.randrange(len(BITGET))]
    entries = []
    for k in range(rng.randint(1, 2)):
        p = Decimal(px(rng, base))
        qty = Decimal(str(round(rng.uniform(0.01, 5) * (1000 / base), 3) or 0.001))
        amount = dec_str(qty * p) if kind != "coin-futures" else str(rng.randint(10, 50000))
        if amount in ("0", ""):
            amount = "1"
        entries.append('{"symbol":"%s","side":"%s","price":"%s","amount":"%s","ts":"%d"}'
                       % (sym, "buy" if rng.random() < 0.5 else "sell", dec_str(p), amount, t + k))
    return '{"action":"update","arg":{"instType":"%s","topic":"liquidation"},"data":[%s],"ts":%d}' % (kind, ",".join(entries), t + 30)


def gate(rng, t):
    # Gate's wire order (as tardis-node captured its futures channels: time, time_ms, channel, event, result),
    # the entry as Gate's docs give it; sizes are decimal strings (X-Gate-Size-Decimal: 1).
    entries = []
    for k in range(rng.randint(1, 3)):
        contract, base = GATE[rng.randrange(len(GATE))]
        size = rng.randint(1, 2000) * (1 if rng.random() < 0.5 else -1)
        entries.append('{"price":"%s","size":"%d","time":%d,"contract":"%s"}' % (px(rng, base), size, t + k, contract))
    return ('{"time":%d,"time_ms":%d,"channel":"futures.public_liquidates","event":"update","result":[%s]}'
            % ((t + 20) // 1000, t + 20, ",".join(entries)))


def htx(rng, t):
    if rng.random() < 0.6:
        code, sym, base, ct = HTX_LINEAR[rng.randrange(len(HTX_LINEAR))]
        vol = rng.randint(1, 3000)
        p = Decimal(px(rng, base, 1))
        amount = vol * Decimal(ct)
        entry = ('{"symbol":"%s","contract_code":"%s","direction":"%s","offset":"close","volume":%d,"price":%s,'
                 '"created_at":%d,"amount":%s,"trade_turnover":%s}'
                 % (sym, code, "sell" if rng.random() < 0.5 else "buy", vol, dec_str(p), t, dec_str(amount), dec_str(amount * p)))
    else:
        code, sym, base = HTX_INVERSE[rng.randrange(len(HTX_INVERSE))]
        entry = ('{"symbol":"%s","contract_code":"%s","direction":"%s","offset":"close","volume":%d,"price":%s,"created_at":%d}'
                 % (sym, code, "sell" if rng.random() < 0.5 else "buy", rng.randint(1, 3000), px(rng, base, 2), t))
    return '{"op":"notify","topic":"public.%s.liquidation_orders","ts":%d,"data":[%s]}' % (code, t + 60, entry)


DERIBIT_SEQ = [0]


def deribit(rng, t):
    trades = []
    for k in range(rng.randint(1, 4)):
        inst, base, linear = DERIBIT[rng.randrange(len(DERIBIT))]
        DERIBIT_SEQ[0] += 1
        r = rng.random()
        flag = '"liquidation":"%s",' % ("T" if r < 0.25 else ("M" if r < 0.45 else "MT")) if r < 0.5 else ""
        amount = ("%.*f" % (2 if base < 10000 else 3, rng.uniform(0.01, 10))) if linear else str(rng.randint(1, 300) * 10)
        trades.append('{"trade_seq":%d,"trade_id":"%d","timestamp":%d,"tick_direction":%d,"price":%s,%s"instrument_name":"%s",'
                      '"index_price":%s,"direction":"%s","amount":%s}'
                      % (DERIBIT_SEQ[0], 90000000 + DERIBIT_SEQ[0], t + k, rng.randrange(4), px(rng, base, 1), flag, inst,
                         px(rng, base, 2), "buy" if rng.random() < 0.5 else "sell", amount))
    return ('{"jsonrpc":"2.0","method":"subscription","params":{"channel":"trades.future.any.100ms","data":[%s]}}'
            % ",".join(trades))


def bitmex(rng, t):
    if rng.random() < 0.5:
        # Delete frames: the order left the book (only an insert counts, and a bare insert is undated).
        return ('{"table":"liquidation","action":"delete","data":[{"orderID":"%08x-207c-0dab-15b5-b88da776f500","symbol":"XBTUSD"}]}'
                % rng.getrandbits(32))
    contracts = rng.randint(1, 100000)
    side = "long" if rng.random() < 0.5 else "short"
    return ('{"type":"liquidation","time":%d,"venue":"bitmex","instrument":"XBTUSD","coin":"BTC","side":"%s",'
            '"price":"%s","qty":"%d","usd":"%d"}' % (t, side, px(rng, 95000.0, 1).rstrip("0").rstrip("."), contracts, contracts))


CHATTER = ['{"result":null,"id":1}', '{"op":"ping","ts":"1768348800000"}', "pong",
           '{"success":true,"ret_msg":"pong","conn_id":"0970e817-426e-429a-a679-ff7f55e0b16a","op":"ping"}',
           '{"time":1768348800,"time_ms":1768348800123,"channel":"futures.pong","event":"","result":null}',
           '{"jsonrpc":"2.0","method":"heartbeat","params":{"type":"test_request"}}',
           '{"event":"subscribe","arg":{"channel":"liquidation-orders","instType":"SWAP"},"connId":"a4d3ae55"}']


def all_venues(rng, t, i):
    r = i % 40
    if r < 9:
        line = binance(rng, t)
        return '{"stream":"!forceOrder@arr","data":%s}' % line if r < 3 else line
    if r < 11:
        return coinm(rng, t)
    if r < 18:
        return bybit_symbol(rng, t)
    if r < 23:
        return okx_all(rng, t)
    if r < 27:
        return bitget(rng, t)
    if r < 31:
        return gate(rng, t)
    if r < 34:
        return htx(rng, t)
    if r < 37:
        return deribit(rng, t)
    if r < 39:
        return bitmex(rng, t)
    return CHATTER[(i // 40) % len(CHATTER)]


def okx_instruments():
    """OKX GET /api/v5/public/instruments?instType=FUTURES, for the futures the day uses."""
    data = []
    for inst, _, ct, kind, ccy in OKX_FUTURES:
        family = inst.rsplit("-", 1)[0]
        data.append({"alias": "quarter", "baseCcy": "", "category": "1", "ctMult": "1", "ctType": kind, "ctVal": ct,
                     "ctValCcy": ccy, "expTime": "1774598400000", "instFamily": family, "instId": inst,
                     "instType": "FUTURES", "lever": "100", "listTime": "1766736000000", "lotSz": "1", "minSz": "1",
                     "quoteCcy": "", "settleCcy": family.split("-")[0] if kind == "inverse" else "USDT",
                     "state": "live", "tickSz": "0.1", "uly": family})
    return json.dumps({"code": "0", "msg": "", "data": data}, separators=(",", ":"))


def main():
    kind, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    if kind not in ("binance", "mixed", "all-venues"):
        sys.exit("usage: generate.py binance|mixed|all-venues LINES PATH")
    rng = random.Random(20260114)
    step = 86_400_000 // n
    if kind == "all-venues":
        with open(path + ".instruments.json", "w") as f:
            f.write(okx_instruments() + "\n")
    with open(path, "w") as f:
        for i in range(n):
            t = START + i * step + rng.randrange(max(1, step))
            if kind == "all-venues":
                line = all_venues(rng, t, i)
            elif kind == "binance":
                line = binance(rng, t)
            else:
                r = i % 10
                line = binance(rng, t) if r < 5 else (bybit(rng, t) if r < 8 else okx(rng, t))
                if r == 1:
                    line = '{"stream":"!forceOrder@arr","data":%s}' % line
            f.write(line + "\n")


if __name__ == "__main__":
    main()
