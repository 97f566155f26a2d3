# Benchmark peer: liqtop's 24 h `by_coin` aggregation in jq (binary floats: agrees to about a cent).
#
# usage: jq -c -n --argjson from MS --argjson to MS -f summary.jq FILE
#
# Sums every liquidation with $from < time <= $to, per normalized coin: long and short USD and
# the count. Reads Binance forceOrder (plain or combined-stream wrapped), Bybit allLiquidation
# and OKX liquidation-orders lines. String functions, not regexes: jq's regexes are slow.

# BTCUSDT, BTC-USDT-SWAP -> BTC; 1000PEPEUSDT -> PEPE (the symbols the benchmark days use).
def coin:
  (if index("-") then .[:index("-")] else rtrimstr("USDT") | rtrimstr("USDC") end)
  | if startswith("1000") then ltrimstr("1000") else . end;

# One [time, symbol, side, usd] per liquidation in a message.
def events:
  (if has("stream") and (.data | type) == "object" then .data else . end)
  | if .e == "forceOrder" then
      .o
      | [.T, .s,
         (if .S == "SELL" then "long" elif .S == "BUY" then "short" else error("bad o.S") end),
         ((.z | tonumber) as $z | (.ap | tonumber) as $ap
          | if $z > 0 and $ap > 0 then $z * $ap else (.q | tonumber) * (.p | tonumber) end)]
    elif (.topic // "" | startswith("allLiquidation.")) then
      .data[]
      | [.T, .s,
         (if .S == "Buy" then "long" elif .S == "Sell" then "short" else error("bad data.S") end),
         (.v | tonumber) * (.p | tonumber)]
    elif (.arg | type) == "object" and .arg.channel == "liquidation-orders" then
      .data[]
      | .instId as $i
      | ({"BTC-USDT-SWAP": 0.01, "ETH-USDT-SWAP": 0.1, "SOL-USDT-SWAP": 1}[$i]
         // error("unknown OKX instrument " + $i)) as $ct
      | .details[]
      | [(.ts | tonumber), $i,
         (if .posSide == "long" then "long" elif .posSide == "short" then "short"
          elif .side == "sell" then "long" else "short" end),
         (.sz | tonumber) * $ct * (.bkPx | tonumber)]
    else empty end;

reduce (inputs | events | select(.[0] > $from and .[0] <= $to)) as [$t, $sym, $side, $usd]
  ({}; ($sym | coin) as $c | .[$c][$side] += $usd | .[$c].count += 1)
| {peer: "jq", numbers: "float",
   by_coin: with_entries(.value |= {long_usd: (.long // 0), short_usd: (.short // 0), count})}
