/// Hyperliquid WebSocket frames (`wss://api.hyperliquid.xyz/ws`): `{"channel":…,"data":…}`.
/// liqtop reads one channel, `activeAssetCtx`, a perpetual's context per coin:
/// `{"channel":"activeAssetCtx","data":{"coin":"MOODENG","ctx":{"funding":"0.00004863",
/// "openInterest":"18617460.0","oraclePx":"0.1995","markPx":"0.19963",…}}}` (Hyperliquid docs,
/// https://hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/websocket/subscriptions:
/// `WsActiveAssetCtx { coin, ctx: PerpsAssetCtx }`, `PerpsAssetCtx` adding `funding`,
/// `openInterest`, `oraclePx` to `markPx`, `midPx`, `prevDayPx`, …). Whole objects, prices and
/// rates as strings (read exactly from their digits).
///
/// Hyperliquid publishes no liquidations (public `trades` carry no liquidation flag), so this
/// is a leverage-only venue: a mark price (`markPx`, with `oraclePx` as the index), funding and
/// open interest, per coin.
///
/// Units and conventions: the instrument is the coin as Hyperliquid names it (`BTC`); a contract
/// is "1 unit of underlying spot asset" (Hyperliquid docs, Contract specifications), so
/// `openInterest` is in coins (the captured 18617460 MOODENG ≈ $3.7M at 0.1996), valued here at
/// `markPx`. `funding` is the rate for one hour: funding is paid "every hour" (Contract
/// specifications: "funding payments every hour"), "on the hour" (Subscriptions, `WsUserFundings`),
/// and the info endpoint's `predictedFundings` gives Hyperliquid `fundingIntervalHours: 1` with a
/// `nextFundingTime` on a whole hour (Chainstack's reference of it); so the interval is 1 h and the
/// next funding the next whole hour after receipt.
/// A positive rate: longs pay shorts. Coins named `kPEPE`, `kBONK` are said (by third parties
/// only; Hyperliquid's pages in reach do not say) to count 1000 coins per unit: not read rather
/// than scaled by a factor no Hyperliquid source states. Builder-deployed (HIP-3) perps,
/// `xyz:TSLA`, are not read either.
///
/// Time: the frame carries none, so it is dated by `DecodeContext.receivedAt` (a live
/// connection's receive time), as BitMEX's undated frames are, and refused without it.
///
/// Control replies: `subscriptionResponse` (the ack) and `pong` are ignored, `error` is a
/// rejection with Hyperliquid's words (a refused subscription must not sit silently at zero),
/// and any other channel is a rejection: liqtop subscribes to nothing else.
enum HyperliquidContext {
    static let venue = Venue.hyperliquid
    static let hour: Millis = 3_600_000

    /// Hyperliquid's connection greeting, sent as plain text before any JSON (its Python SDK
    /// skips the same text): not data, and not a bad line.
    static let greeting: StaticString = "Websocket connection established."

    /// The channel token when `root` is a Hyperliquid frame: a string `channel` at the top
    /// (Gate's `futures.*` channels are routed before this), else nil.
    static func channel(_ doc: JSONDoc, _ root: Int) -> Int? {
        guard let channel = doc.member(root, "channel"), doc.kind(channel) == .string else { return nil }
        return channel
    }

    static func decode(_ doc: JSONDoc, _ root: Int, _ channel: Int, context: DecodeContext,
                       into out: inout LineResults) throws(InputError) {
        if doc.equals(channel, "subscriptionResponse") || doc.equals(channel, "pong") { out.ignored = true; return }
        if doc.equals(channel, "error") {
            throw InputError("Hyperliquid error: \(VenueErrorReply.text(doc, doc.member(root, "data")))")
        }
        guard doc.equals(channel, "activeAssetCtx") else {
            throw InputError("Hyperliquid channel \(VenueField.quoted(doc, channel)) is not read (only activeAssetCtx)")
        }
        let data = try VenueField.object(doc, root, "data", "data")
        let coinToken = try VenueField.string(doc, data, "coin", "data.coin")
        let coin = try Self.coin(doc, coinToken)
        let ctx = try VenueField.object(doc, data, "ctx", "data.ctx")
        guard let time = context.receivedAt else {
            throw InputError("Hyperliquid activeAssetCtx has no timestamp: only a live connection (or liqtop's recording of one) can date it")
        }
        let raw = doc.raw(coinToken)
        var events: [Event] = []
        let mark = try VenueField.optionalDecimal(doc, ctx, "markPx", "ctx.markPx")
        if let mark {
            let oracle = try VenueField.optionalDecimal(doc, ctx, "oraclePx", "ctx.oraclePx")
            var m = try LeverageCheck.markPrice(time: time, venue: venue, instrument: raw, mark: mark, index: oracle, context: context)
            m.coin = coin
            events.append(.markPrice(m))
        }
        if let rate = try VenueField.optionalDecimal(doc, ctx, "funding", "ctx.funding") {
            var f = try LeverageCheck.funding(time: time, venue: venue, instrument: raw, rate: rate, intervalHours: 1,
                                              nextFundingTime: nextHour(after: time), context: context)
            f.coin = coin
            events.append(.funding(f))
        }
        if let size = try VenueField.optionalDecimal(doc, ctx, "openInterest", "ctx.openInterest") {
            var usd: USD?
            if let mark {
                guard let v = USD.product(size, mark) else { throw InputError("open interest out of range") }
                usd = v
            }
            var o = try LeverageCheck.openInterest(time: time, venue: venue, instrument: raw, size: size, unit: .coin,
                                                   usd: usd, context: context)
            o.coin = coin
            events.append(.openInterest(o))
        }
        if events.isEmpty { out.ignored = true }
        out.events += events
    }

    /// The coin as Hyperliquid names it, when liqtop can read it: `[A-Z0-9]`, up to
    /// `CoinNormalizer.maxLength`, with at least one letter.
    static func coin(_ doc: JSONDoc, _ t: Int) throws(InputError) -> String {
        let raw = doc.raw(t)
        if raw.count > 1, raw[0] == 0x6B, raw[1...].allSatisfy(isUpperOrDigit) {
            throw InputError("Hyperliquid coin \(VenueField.quoted(doc, t)) is k-prefixed (reportedly 1000 coins per unit; Hyperliquid does not say): not read")
        }
        if raw.contains(0x3A) {
            throw InputError("Hyperliquid coin \(VenueField.quoted(doc, t)) is a builder-deployed (HIP-3) perp: not read")
        }
        guard !raw.isEmpty, raw.count <= CoinNormalizer.maxLength, raw.allSatisfy(isUpperOrDigit),
              raw.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else {
            throw InputError("Hyperliquid coin \(VenueField.quoted(doc, t)) is not a perp coin name ([A-Z0-9], at most \(CoinNormalizer.maxLength))")
        }
        return String(decoding: raw, as: UTF8.self)
    }

    static func isUpperOrDigit(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) }

    /// The first whole hour after `t` (funding is paid on the hour).
    static func nextHour(after t: Millis) -> Millis {
        let floor = t >= 0 ? t / hour : (t - hour + 1) / hour
        return (floor + 1) * hour
    }

    static func isGreeting(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = greeting.utf8CodeUnitCount
        guard p.count == n else { return false }
        let g = greeting.utf8Start
        for k in 0 ..< n where p[k] != g[k] { return false }
        return true
    }
}
