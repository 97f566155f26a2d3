/// Small saved responses of the instrument-list endpoints, in each venue's own format, written
/// for the tests from the documented shapes (field names, types and nesting as the venue's
/// docs and the real samples give them; values chosen for the tests). Shared with the CLI
/// tests, which save them to files.
public enum InstrumentFixtures {
    /// OKX `GET /api/v5/public/instruments?instType=SWAP`, shape from OKX v5 docs "Get
    /// instruments" (string values, `ctType`/`ctValCcy`/`ctMult`); includes an instrument
    /// pairing `linear` with `USD` (as OKX's own old WebSocket example does) that must be skipped.
    public static let okxSwaps = """
        {"code":"0","msg":"","data":[
        {"instType":"SWAP","instId":"CELO-USDT-SWAP","uly":"CELO-USDT","instFamily":"CELO-USDT","settleCcy":"USDT","ctVal":"10","ctMult":"1","ctValCcy":"CELO","ctType":"linear","state":"live","lotSz":"1","minSz":"1","tickSz":"0.0001"},
        {"instType":"SWAP","instId":"IOST-USDT-SWAP","uly":"IOST-USDT","instFamily":"IOST-USDT","settleCcy":"USDT","ctVal":"1000","ctMult":"1","ctValCcy":"IOST","ctType":"linear","state":"live","lotSz":"1","minSz":"1","tickSz":"0.000001"},
        {"instType":"SWAP","instId":"BTC-USD-SWAP","uly":"BTC-USD","instFamily":"BTC-USD","settleCcy":"BTC","ctVal":"100","ctMult":"1","ctValCcy":"USD","ctType":"inverse","state":"live","lotSz":"1","minSz":"1","tickSz":"0.1"},
        {"instType":"SWAP","instId":"ODD-USDT-SWAP","uly":"ODD-USDT","instFamily":"ODD-USDT","settleCcy":"USDT","ctVal":"10","ctMult":"1","ctValCcy":"USD","ctType":"linear","state":"live"}
        ]}
        """

    /// OKX `…?instType=FUTURES`: an inverse XRP future (the instrument of the real FUTURES
    /// sample) and an option entry that does not belong in the list.
    public static let okxFutures = """
        {"code":"0","msg":"","data":[
        {"instType":"FUTURES","instId":"XRP-USD-230929","uly":"XRP-USD","instFamily":"XRP-USD","settleCcy":"XRP","ctVal":"10","ctMult":"1","ctValCcy":"USD","ctType":"inverse","alias":"quarter","expTime":"1695974400000","state":"live"},
        {"instType":"OPTION","instId":"BTC-USD-230929-30000-C","uly":"BTC-USD","ctVal":"1","ctMult":"0.01","ctValCcy":"BTC","ctType":"","state":"live"}
        ]}
        """

    /// Binance COIN-M `GET /dapi/v1/exchangeInfo`, shape from Binance's COIN-M docs
    /// ("Exchange Information": `contractSize` a number, `quoteAsset` USD).
    public static let binanceCoinM = """
        {"timezone":"UTC","serverTime":1768348800000,"rateLimits":[],"exchangeFilters":[],"symbols":[
        {"symbol":"BTCUSD_PERP","pair":"BTCUSD","contractType":"PERPETUAL","deliveryDate":4133404800000,"onboardDate":1597042800000,"contractStatus":"TRADING","contractSize":100,"marginAsset":"BTC","baseAsset":"BTC","quoteAsset":"USD","pricePrecision":1,"quantityPrecision":0},
        {"symbol":"DOGEUSD_PERP","pair":"DOGEUSD","contractType":"PERPETUAL","deliveryDate":4133404800000,"onboardDate":1597042800000,"contractStatus":"TRADING","contractSize":10,"marginAsset":"DOGE","baseAsset":"DOGE","quoteAsset":"USD","pricePrecision":6,"quantityPrecision":0}
        ]}
        """

    /// Gate `GET /api/v4/futures/usdt/contracts`, shape from Gate's API v4 docs (`Contract`:
    /// `quanto_multiplier` a string, `type` `direct`).
    public static let gateContracts = """
        [{"name":"BTC_USDT","type":"direct","quanto_multiplier":"0.0001","leverage_min":"1","leverage_max":"125","mark_price":"97000.1","order_size_min":1},
         {"name":"CELO_USDT","type":"direct","quanto_multiplier":"1","leverage_min":"1","leverage_max":"50","mark_price":"0.61","order_size_min":1},
         {"name":"BTC_USD","type":"inverse","quanto_multiplier":"0","leverage_min":"1","leverage_max":"100","mark_price":"97000.1","order_size_min":1}]
        """

    /// HTX `GET /linear-swap-api/v1/swap_contract_info`, shape from HTX's USDT-margined swap
    /// docs (`contract_size` a number, `status` `ok`).
    public static let htxContracts = """
        {"status":"ok","data":[
        {"symbol":"BTC","contract_code":"BTC-USDT","contract_size":0.001,"price_tick":0.1,"delivery_date":"","create_date":"20201021","contract_status":1,"settlement_date":"1603699200000","support_margin_mode":"all","business_type":"swap","pair":"BTC-USDT","contract_type":"swap","trade_partition":"USDT"},
        {"symbol":"DOGE","contract_code":"DOGE-USDT","contract_size":100,"price_tick":0.00001,"delivery_date":"","create_date":"20210121","contract_status":1,"settlement_date":"1611820800000","support_margin_mode":"all","business_type":"swap","pair":"DOGE-USDT","contract_type":"swap","trade_partition":"USDT"}
        ],"ts":1603694455541}
        """

    /// BitMEX `GET /api/v1/instrument`: the REST list of the objects in the real sample
    /// bitmex_instrument__tardis-node.ndjson (fields trimmed). ETHM19 is the sample's own (priced
    /// in XBT: skipped); XBTUSD carries BitMEX's documented inverse multipliers; ETHUSD is quanto.
    public static let bitmexInstruments = """
        [{"symbol":"ETHM19","rootSymbol":"ETH","state":"Open","typ":"FFCCSX","positionCurrency":"ETH","underlying":"ETH","quoteCurrency":"XBT","multiplier":100000000,"settlCurrency":"XBt","underlyingToPositionMultiplier":1,"underlyingToSettleMultiplier":null,"quoteToSettleMultiplier":100000000,"isQuanto":false,"isInverse":false},
         {"symbol":"XBTUSD","rootSymbol":"XBT","state":"Open","typ":"FFWCSX","positionCurrency":"USD","underlying":"XBT","quoteCurrency":"USD","multiplier":-100000000,"settlCurrency":"XBt","underlyingToPositionMultiplier":null,"underlyingToSettleMultiplier":-100000000,"quoteToSettleMultiplier":null,"isQuanto":false,"isInverse":true},
         {"symbol":"XBTUSDT","rootSymbol":"XBT","state":"Open","typ":"FFWCSX","positionCurrency":"XBT","underlying":"XBT","quoteCurrency":"USDT","multiplier":1,"settlCurrency":"USDt","underlyingToPositionMultiplier":1000000,"underlyingToSettleMultiplier":null,"quoteToSettleMultiplier":1000000,"isQuanto":false,"isInverse":false},
         {"symbol":"ETHUSD","rootSymbol":"ETH","state":"Open","typ":"FFWCSX","positionCurrency":"USD","underlying":"ETH","quoteCurrency":"USD","multiplier":100,"settlCurrency":"XBt","underlyingToPositionMultiplier":null,"underlyingToSettleMultiplier":null,"quoteToSettleMultiplier":null,"isQuanto":true,"isInverse":false}]
        """

    /// An OKX liquidation for CELO-USDT-SWAP (outside the bundled table), in the layout of the
    /// real captures: 8.55 contracts at 0.6123.
    public static let celoOrder = #"{"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"details":[{"bkLoss":"0","bkPx":"0.6123","ccy":"","posSide":"long","side":"sell","sz":"8.55","ts":"1768348000000"}],"instFamily":"CELO-USDT","instId":"CELO-USDT-SWAP","instType":"SWAP","uly":"CELO-USDT"}]}"#
}
