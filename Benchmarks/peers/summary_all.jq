# Benchmark peer for the all-venues day: liqtop's 24 h `by_coin` in jq (binary floats: agrees
# to about a cent).
#
# usage: jq -c -n -R --argjson from MS --argjson to MS -f summary_all.jq FILE
#
# Lines are read raw (-R) because a capture holds OKX's bare `pong`; anything that is not a
# JSON object is skipped. Units and sides as in summary_json.py (the README's venue table).

# liqtop's CoinNormalizer for the day's names (BTCUSDT, BTC-USDT-SWAP, BTC_USDT, BTCUSD_PERP,
# BTC_USDC-PERPETUAL, ETHPERP, 1000PEPEUSDT, SHIB1000USDT), run once per name.
def coin:
  ascii_upcase
  | ([index("-"), index("_"), index("/"), index(":")] | map(select(. != null)) | min) as $sep
  | (if $sep == null then [., true]
     else [.[:$sep], (.[$sep:$sep + 1] == "_" or (.[$sep + 1:$sep + 2] | test("[0-9]")))] end) as [$s, $strip]
  | $s
  | if $strip then
      if endswith("FDUSD") then .[:-5]
      elif endswith("USDT") or endswith("USDC") or endswith("PERP") then .[:-4]
      elif endswith("BUSD") and (endswith("BNBUSD") | not) then .[:-4]
      elif endswith("USD") then .[:-3]
      else . end
    else . end
  | if test("^10{3,}[A-Z]") then sub("^10{3,}"; "") elif test("^1M[A-Z]") then .[2:] else . end
  | if test("[A-Z]10{3,}$") then sub("10{3,}$"; "") else . end;

def okx_ct: {"BTC-USDT-SWAP": [0.01, true], "ETH-USDT-SWAP": [0.1, true], "SOL-USDT-SWAP": [1, true],
             "BTC-USD-SWAP": [100, false], "ETH-USD-SWAP": [10, false],
             "BTC-USD-260327": [100, false], "ETH-USDT-260327": [0.1, true], "XRP-USD-260626": [10, false]};
def gate_mult: {"BTC_USDT": 0.0001, "ETH_USDT": 0.01, "SOL_USDT": 1, "XRP_USDT": 10, "DOGE_USDT": 10};

# One [time, symbol, side, usd, coin-or-null] per liquidation in a message.
def events:
  (if has("stream") and (.data | type) == "object" then .data else . end)
  | if .e == "forceOrder" then
      .o
      | [.T, .s,
         (if .S == "SELL" then "long" elif .S == "BUY" then "short" else error("bad o.S") end),
         (if (.s | index("USD_")) then (.q | tonumber) * (if (.s | startswith("BTCUSD_")) then 100 else 10 end)
          else ((.z | tonumber) as $z | (.ap | tonumber) as $ap
                | if $z > 0 and $ap > 0 then $z * $ap else (.q | tonumber) * (.p | tonumber) end) end),
         null]
    elif .type == "liquidation" and has("venue") then
      [.time, .instrument, .side, (.usd | tonumber), .coin]
    elif (.topic // "" | startswith("allLiquidation.")) then
      .data[]
      | [.T, .s,
         (if .S == "Buy" then "long" elif .S == "Sell" then "short" else error("bad data.S") end),
         (if (.s | endswith("USD")) then (.v | tonumber) else (.v | tonumber) * (.p | tonumber) end), null]
    elif .op == "notify" and (.topic // "" | endswith(".liquidation_orders")) then
      .data[]
      | [.created_at, .contract_code, (if .direction == "sell" then "long" else "short" end),
         (if (.contract_code | index("-USDT")) then .trade_turnover
          else .volume * (if (.contract_code | startswith("BTC")) then 100 else 10 end) end),
         .symbol]
    elif (.arg | type) == "object" and .arg.channel == "liquidation-orders" then
      (.data // [])[]
      | .instId as $i
      | (okx_ct[$i] // error("unknown OKX instrument " + $i)) as [$ct, $linear]
      | .details[]
      | [(.ts | tonumber), $i,
         (if .posSide == "long" then "long" elif .posSide == "short" then "short"
          elif .side == "sell" then "long" else "short" end),
         (if $linear then (.sz | tonumber) * $ct * (.bkPx | tonumber) else (.sz | tonumber) * $ct end), null]
    elif (.arg | type) == "object" and .arg.topic == "liquidation" then
      (.data // [])[]
      | [(.ts | tonumber), .symbol, (if .side == "buy" then "long" else "short" end), (.amount | tonumber), null]
    elif .channel == "futures.public_liquidates" and .event == "update" then
      .result[]
      | (.size | tonumber) as $size
      | [(if has("time_ms") then .time_ms elif .time < 100000000000 then .time * 1000 else .time end), .contract,
         (if $size < 0 then "long" else "short" end),
         (if $size < 0 then -$size else $size end) * (gate_mult[.contract] // error("unknown Gate contract")) * (.price | tonumber),
         null]
    elif .method == "subscription" and (.params.channel // "" | startswith("trades.")) then
      .params.data[]
      | select(has("liquidation"))
      | .liquidation as $flag
      | (if (.instrument_name | split("-")[0] | index("_")) then .amount * .price else .amount end) as $usd
      | (.direction == "sell") as $takerLong
      | (if ($flag | index("T")) then [.timestamp, .instrument_name, (if $takerLong then "long" else "short" end), $usd, null]
         else empty end),
        (if ($flag | index("M")) then [.timestamp, .instrument_name, (if $takerLong then "short" else "long" end), $usd, null]
         else empty end)
    else empty end;

reduce (inputs | (try fromjson catch null) | select(type == "object") | events | select(.[0] > $from and .[0] <= $to))
    as [$t, $sym, $side, $usd, $given]
  ({coins: {}, sums: {}};
   (if $given then $given else (.coins[$sym] // ($sym | coin)) end) as $c
   | .coins[$sym] = $c
   | .sums[$c][$side] += $usd | .sums[$c].count += 1)
| {peer: "jq", numbers: "float",
   by_coin: (.sums | with_entries(.value |= {long_usd: (.long // 0), short_usd: (.short // 0), count}))}
