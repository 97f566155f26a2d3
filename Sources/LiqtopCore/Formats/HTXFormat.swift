/// HTX (Huobi) `public.$contract_code.liquidation_orders` notifications, as decompressed text
/// (the connector gunzips the frames; this stays pure and per line).
///
/// `{"op":"notify","topic":"public.BTC-USDT.liquidation_orders","ts":…,"data":[{"contract_code":"BTC-USDT",
/// "symbol":"BTC","direction":"sell","offset":"close","volume":624,"price":16701.4,"created_at":…,
/// "amount":0.624,"trade_turnover":10421.6736}]}`
///
/// Side: `direction` is the side of the liquidation *order*, which closes (`offset` `close`) the
/// position: `sell` closes a long, `buy` a short. HTX's tables call the field "Long or short" but
/// its values are the order's `buy`/`sell` (REST `swap_liquidation_orders`: `"buy":buy "sell": sell`),
/// and its example is `direction sell, offset close`. Source: HTX USDT-margined and coin-margined
/// swap API docs, "Subscribe Liquidation Orders (no authentication)" (huobiapi.github.io/docs/usdt_swap/v1/en/,
/// …/coin_margined_swap/v1/en/). An `offset` other than `close` is refused: its side is not defined.
///
/// Units (same docs): `volume` is contracts, `amount` the coin, `trade_turnover` the quote
/// currency (USDT) — so a USDT-margined order's notional is `trade_turnover` (the captured frame:
/// 0.227 BTC × 23350.5 = 5300.5635). Coin-margined contracts (`BTC-USD`, futures like `BTC200703`)
/// are sized in USD per contract: $100 for BTC and $10 for ETH (HTX's contract specifications,
/// huobi.com/support/en-us/detail/900000106046 for swaps, …/360000196662 for futures). Other
/// coin-margined coins are refused rather than guessed; their `contract_size` comes from
/// `GET /swap-api/v1/swap_contract_info`.
enum HTXFormat {
    static func decode(_ doc: JSONDoc, _ root: Int, context: DecodeContext, into out: inout LineResults) throws(InputError) {
        guard let op = doc.member(root, "op"), doc.equals(op, "notify") else {
            // Subscribe acks: {"op":"sub","topic":…,"err-code":0}; a refusal has a non-zero code.
            if let code = doc.member(root, "err-code"), doc.kind(code) == .number, !doc.raw(code).elementsEqual("0".utf8) {
                let message = doc.member(root, "err-msg").map { VenueField.quoted(doc, $0, limit: 80) } ?? "(no message)"
                throw InputError("HTX error \(VenueField.printable(doc, code, limit: 12)): \(message)")
            }
            out.ignored = true
            return
        }
        let data = try VenueField.array(doc, root, "data", "data")
        // A bad entry must not cost the good ones.
        VenueField.eachLiquidation(doc, data, into: &out) { i throws(InputError) in try entry(doc, i, context: context) }
    }

    /// Whether `topic` is `public.<code>.liquidation_orders`.
    static func isLiquidationTopic(_ doc: JSONDoc, _ topic: Int) -> Bool {
        guard doc.hasPrefix(topic, "public.") else { return false }
        return hasSuffix(doc.raw(topic), ".liquidation_orders")
    }

    private static func entry(_ doc: JSONDoc, _ e: Int, context: DecodeContext) throws(InputError) -> Liquidation {
        guard doc.kind(e) == .object else { throw InputError("data entry is not an object") }
        let code = try VenueField.string(doc, e, "contract_code", "data.contract_code")
        let direction = try VenueField.string(doc, e, "direction", "data.direction")
        let side: Side
        if doc.equals(direction, "sell") { side = .long }
        else if doc.equals(direction, "buy") { side = .short }
        else { throw InputError("unknown side \(VenueField.quoted(doc, direction)) in data.direction") }
        if let offset = doc.member(e, "offset"), !doc.equals(offset, "close") {
            throw InputError("HTX liquidation with offset \(VenueField.quoted(doc, offset)): only closing orders have a known side")
        }
        let time = try VenueField.time(doc, e, "created_at", "data.created_at")
        let volume = try VenueField.decimal(doc, e, "volume", "data.volume")
        let price = try VenueField.decimal(doc, e, "price", "data.price")
        let raw = doc.raw(code)
        let quantity: FixedDecimal
        let usd: USD?
        if isLinear(raw) {
            guard doc.member(e, "trade_turnover") != nil else {
                throw InputError("HTX USDT-margined liquidation without trade_turnover: notional not known")
            }
            quantity = try VenueField.decimal(doc, e, "amount", "data.amount")
            usd = USD(try VenueField.decimal(doc, e, "trade_turnover", "data.trade_turnover"))
        } else {
            guard let face = contractUSD(raw) else {
                let name = try LiquidationCheck.instrumentName(raw)
                throw InputError("unknown HTX coin-margined contract \(name): contract size not known (pass --instruments with a swap_contract_info response)")
            }
            quantity = volume
            usd = USD.product(volume, face)
        }
        var l = try LiquidationCheck.make(time: time, venue: .htx, instrument: raw, side: side,
                                          price: price, quantity: quantity, usd: usd, context: context)
        // `BTC200703` (a future) has no separator to find the coin by; HTX names it in `symbol`.
        if let symbol = doc.member(e, "symbol"), doc.kind(symbol) == .string,
           let name = try? LiquidationCheck.instrumentName(doc.raw(symbol)), let coin = CoinNormalizer.coin(of: name) {
            l.coin = coin
        }
        return l
    }

    /// USDT-margined codes: `BTC-USDT`, and futures `BTC-USDT-211231`.
    static func isLinear(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        let marker: StaticString = "-USDT"
        let n = marker.utf8CodeUnitCount, p = marker.utf8Start
        guard s.count >= n else { return false }
        outer: for start in 0 ... s.count - n where s[start] == 0x2D {
            for k in 1 ..< n where s[start + k] != p[k] { continue outer }
            return true
        }
        return false
    }

    /// USD per coin-margined contract, where HTX documents it: BTC $100, ETH $10.
    static func contractUSD(_ s: UnsafeBufferPointer<UInt8>) -> FixedDecimal? {
        if startsWithCoin(s, "BTC") { return FixedDecimal(100) }
        if startsWithCoin(s, "ETH") { return FixedDecimal(10) }
        return nil
    }

    /// `s` is `coin` followed by `-` (swap) or a digit (future `BTC200703`), nothing else.
    private static func startsWithCoin(_ s: UnsafeBufferPointer<UInt8>, _ coin: StaticString) -> Bool {
        let n = coin.utf8CodeUnitCount
        guard s.count > n else { return false }
        let p = coin.utf8Start
        for k in 0 ..< n where s[k] != p[k] { return false }
        let next = s[n]
        return next == 0x2D || (next >= 0x30 && next <= 0x39)
    }

    private static func hasSuffix(_ s: UnsafeBufferPointer<UInt8>, _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard s.count >= n else { return false }
        let p = suffix.utf8Start
        for k in 0 ..< n where s[s.count - n + k] != p[k] { return false }
        return true
    }
}
