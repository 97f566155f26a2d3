#!/usr/bin/env bash
# Refreshes liqtop's bundled snapshot of the venues' public instrument lists:
#   bash Instruments/snapshot.sh
# Saves each response exactly as the venue sent it in Instruments/snapshot/ (the names the
# cache under $XDG_CACHE_HOME/liqtop/instruments/ uses) and the UTC day in Instruments/snapshot/DATE,
# which dates every fact read from it. `liqtop live` falls back to this snapshot for a venue it
# cannot reach and has no cache for; the in-code tables (OKX majors, Binance COIN-M 100/10 USD)
# come after it. Each response is checked with `liqtop summary --instruments FILE` before it
# replaces the old one, so an error page never lands in the snapshot. curl honours https_proxy.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
out="$here/snapshot"
mkdir -p "$out"
cd "$root"
swift build -c release --product liqtop >/dev/null
liqtop="$(swift build -c release --show-bin-path)/liqtop"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# name url (keep in step with InstrumentEndpoint.all)
endpoints=(
    "okx-swap.json https://www.okx.com/api/v5/public/instruments?instType=SWAP"
    "okx-futures.json https://www.okx.com/api/v5/public/instruments?instType=FUTURES"
    "binance-coinm.json https://dapi.binance.com/dapi/v1/exchangeInfo"
    "gate-usdt.json https://api.gateio.ws/api/v4/futures/usdt/contracts"
    "htx-linear-swap.json https://api.hbdm.com/linear-swap-api/v1/swap_contract_info"
    "bitmex.json https://www.bitmex.com/api/v1/instrument/active"
)
failed=0
for e in "${endpoints[@]}"; do
    name=${e%% *}; url=${e#* }
    if curl -fsS --max-time 30 -o "$tmp/$name" "$url" && "$liqtop" summary --json --instruments "$tmp/$name" >/dev/null 2>"$tmp/$name.err"; then
        mv "$tmp/$name" "$out/$name"
        echo "snapshot: $name: $(grep -o '[0-9]* [a-z]* instruments' "$tmp/$name.err" | head -1)"
    else
        echo "snapshot: $name: not refreshed (kept the old one if any)" >&2
        failed=1
    fi
done
date -u +%F > "$out/DATE"
exit $failed
