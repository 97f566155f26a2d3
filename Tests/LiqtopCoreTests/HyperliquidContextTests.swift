import Testing
@testable import LiqtopCore
import LiqtopTestSupport

private func dec(_ s: String) throws -> FixedDecimal { try FixedDecimal.parse(s) }

/// Hyperliquid `activeAssetCtx`: mark (and oracle) price, hourly funding and open interest in
/// coins per coin, dated on receipt; its acks, pongs, errors and other channels.
@Suite struct HyperliquidContextTests {
    /// ../shared/samples/real/hyperliquid_activeAssetCtx__tardis-node.ndjson (tardis-dev/tardis-node,
    /// "map hyperliquid messages"): MOODENG.
    static let real = #"{"channel":"activeAssetCtx","data":{"coin":"MOODENG","ctx":{"funding":"0.00004863","openInterest":"18617460.0","prevDayPx":"0.20296","dayNtlVlm":"7665220.55613","premium":"0.00008521","oraclePx":"0.1995","markPx":"0.19963","midPx":"0.19957","impactPxs":["0.199517","0.199725"]}}}"#

    /// The example frame of https://docs.hydromancer.xyz/readme/websocket/activeassetctx, a relay
    /// that "mirrors Hyperliquid activeAssetCtx exactly" (Hyperliquid's own Subscriptions page
    /// gives the type, `WsActiveAssetCtx`, but no example): its own `seq` and `cursor`, and no
    /// `funding`.
    static let documented = #"{"channel":"activeAssetCtx","seq":1,"cursor":"500:1704067200000:3","data":{"coin":"ETH","ctx":{"oraclePx":"3230.1","markPx":"3227.4","midPx":"3228.25","impactPxs":["3228.2","3228.3"],"openInterest":"446072.075"}}}"#

    /// 2026-01-13T23:59:59Z: one second before a whole hour.
    static let received: Millis = fixtureNow - 1_000

    static func frame(_ coin: String, _ ctx: String) -> String {
        #"{"channel":"activeAssetCtx","data":{"coin":"\#(coin)","ctx":{\#(ctx)}}}"#
    }

    @Test func realFrame() throws {
        let out = decode(Self.real, receivedAt: Self.received)
        #expect(out.rejections.isEmpty, "\(out.rejections)")
        let t = Self.received
        #expect(out.events == [
            .markPrice(MarkPrice(time: t, venue: .hyperliquid, instrument: "MOODENG", coin: "MOODENG",
                                 mark: try dec("0.19963"), index: try dec("0.1995"))),
            .funding(FundingRate(time: t, venue: .hyperliquid, instrument: "MOODENG", coin: "MOODENG",
                                 rate: try dec("0.00004863"), intervalHours: 1, nextFundingTime: fixtureNow)),
            // 18617460.0 MOODENG × 0.19963 = $3,716,603.5398, exactly.
            .openInterest(OpenInterest(time: t, venue: .hyperliquid, instrument: "MOODENG", coin: "MOODENG",
                                       size: try dec("18617460.0"), unit: .coin, usd: USD(micros: 3_716_603_539_800))),
        ])
    }

    @Test func documentedExample() throws {
        let out = decode(Self.documented, receivedAt: Self.received)
        #expect(out.rejections.isEmpty, "\(out.rejections)")
        // No `funding` in the frame: no funding event, the rest as sent.
        #expect(out.events == [
            .markPrice(MarkPrice(time: Self.received, venue: .hyperliquid, instrument: "ETH", coin: "ETH",
                                 mark: try dec("3227.4"), index: try dec("3230.1"))),
            .openInterest(OpenInterest(time: Self.received, venue: .hyperliquid, instrument: "ETH", coin: "ETH",
                                       size: try dec("446072.075"), unit: .coin, usd: USD(micros: 1_439_653_014_855_000))),
        ])
    }

    /// The frame has no time: a file read without a receive time cannot date it.
    @Test func refusedWithoutAReceiveTime() {
        let out = decode(Self.real)
        #expect(out.events.isEmpty)
        #expect(out.rejections.count == 1)
        #expect(out.rejections.first?.reason.contains("no timestamp") == true, "\(out.rejections)")
    }

    /// Funding is paid on the hour: the next funding is the first whole hour after receipt,
    /// an hour on when the frame arrives on the hour itself.
    @Test func nextFundingIsTheNextWholeHour() throws {
        #expect(HyperliquidContext.nextHour(after: fixtureNow - 1) == fixtureNow)
        #expect(HyperliquidContext.nextHour(after: fixtureNow) == fixtureNow + Duration.hour)
        #expect(HyperliquidContext.nextHour(after: fixtureNow + 1) == fixtureNow + Duration.hour)
        let out = decode(Self.frame("BTC", #""funding":"-0.0000125","markPx":"97000""#), receivedAt: fixtureNow)
        let funding = out.events.compactMap { if case .funding(let f) = $0 { f } else { nil } }
        #expect(funding == [FundingRate(time: fixtureNow, venue: .hyperliquid, instrument: "BTC", coin: "BTC",
                                        rate: try dec("-0.0000125"), intervalHours: 1, nextFundingTime: fixtureNow + Duration.hour)])
    }

    /// Acks and pongs are control replies; an error reply, and any channel liqtop did not
    /// subscribe to, is a counted rejection.
    @Test func controlRepliesAndOtherChannels() {
        let ack = #"{"channel":"subscriptionResponse","data":{"method":"subscribe","subscription":{"type":"activeAssetCtx","coin":"BTC"}}}"#
        let pong = #"{"channel":"pong"}"#
        let error = #"{"channel":"error","data":"Invalid subscription {\"type\":\"activeAssetCtx\",\"coin\":\"NOPE\"}"}"#
        let trades = #"{"channel":"trades","data":[{"coin":"BTC","side":"B","px":"97432.5","sz":"0.1","hash":"0x","time":1768348790000,"tid":1,"users":["0xa","0xb"]}]}"#
        let spot = #"{"channel":"activeSpotAssetCtx","data":{"coin":"@107","ctx":{"markPx":"1.0","circulatingSupply":"1"}}}"#
        let out = decode([HyperliquidContext.greeting.description, ack, pong, error, trades, spot, pong].joined(separator: "\n"),
                         receivedAt: Self.received)
        #expect(out.events.isEmpty)
        #expect(out.ignored == 4, "the greeting, the ack and two pongs")
        #expect(out.rejections.map(\.line) == [4, 5, 6])
        #expect(out.rejections[0].reason.hasPrefix("Hyperliquid error: Invalid subscription"), "\(out.rejections[0].reason)")
        #expect(out.rejections[1].reason.contains(#""trades""#) && out.rejections[1].reason.contains("only activeAssetCtx"))
        #expect(out.rejections[2].reason.contains("activeSpotAssetCtx"))
        // The greeting later in a JSON stream, too.
        #expect(decode(Self.real + "\n" + HyperliquidContext.greeting.description, receivedAt: Self.received).ignored == 1)
    }

    /// Only plain perp coins: a k-prefixed coin's unit is not stated by Hyperliquid, a HIP-3
    /// perp names its deployer, and anything else is not a coin name.
    @Test func coinNames() {
        let ctx = #""funding":"0.0000125","openInterest":"5","markPx":"0.01""#
        let lines = ["kPEPE", "xyz:TSLA", "@107", "btc", "", "BTC-PERP", String(repeating: "A", count: 21), "1000"]
            .map { Self.frame($0, ctx) }
        let out = decode(lines.joined(separator: "\n"), receivedAt: Self.received)
        #expect(out.events.isEmpty)
        #expect(out.rejections.count == lines.count, "\(out.rejections)")
        #expect(out.rejections[0].reason.contains("k-prefixed"))
        #expect(out.rejections[1].reason.contains("HIP-3"))
        for r in out.rejections.dropFirst(2) { #expect(r.reason.contains("not a perp coin name"), "\(r.reason)") }
        let ok = decode(Self.frame("1INCH", ctx) + "\n" + Self.frame("HYPE", ctx), receivedAt: Self.received)
        #expect(ok.rejections.isEmpty)
        #expect(Set(ok.events.map(Self.coin)) == ["1INCH", "HYPE"])
    }

    /// The checks every leverage figure passes, whoever sends it.
    @Test func implausibleFiguresAreRejected() {
        let bad = [
            Self.frame("BTC", #""funding":"0.5","markPx":"97000""#),           // 50 % an hour
            Self.frame("BTC", #""markPx":"0","oraclePx":"97000""#),
            Self.frame("BTC", #""markPx":"97000","oraclePx":"-1""#),
            Self.frame("BTC", #""openInterest":"-3","markPx":"97000""#),
            Self.frame("BTC", #""openInterest":"20000000000","markPx":"97000""#), // $1.94 quadrillion
            Self.frame("BTC", #""markPx":97000"#),                               // a number is read too
            #"{"channel":"activeAssetCtx","data":{"coin":"BTC"}}"#,
            #"{"channel":"activeAssetCtx","data":"BTC"}"#,
        ]
        let out = decode(bad.joined(separator: "\n"), receivedAt: Self.received)
        #expect(out.rejections.map(\.line) == [1, 2, 3, 4, 5, 7, 8], "\(out.rejections)")
        #expect(out.events.count == 1)
        for r in out.rejections { #expect(!r.reason.isEmpty && r.reason.utf8.count < 200) }
        // A ctx with none of the three figures carries nothing liqtop reads.
        #expect(decode(Self.frame("BTC", #""midPx":"1""#), receivedAt: Self.received).ignored == 1)
    }

    /// What liqtop records of these frames replays without a receive time, and a native
    /// liquidation naming Hyperliquid (which publishes none) is refused.
    @Test func recordingRoundTripsAndNoLiquidations() throws {
        let live = decode(Self.real, receivedAt: Self.received).events
        #expect(live.count == 3)
        let replay = decode(live.map(NativeFormat.encode).joined(separator: "\n"))
        #expect(replay.rejections.isEmpty, "\(replay.rejections)")
        #expect(replay.events == live)
        let liq = #"{"type":"liquidation","time":1768348790000,"venue":"hyperliquid","instrument":"BTC","coin":"BTC","side":"long","price":"97000","qty":"1","usd":"97000"}"#
        let out = decode(liq)
        #expect(out.events.isEmpty)
        #expect(out.rejections.first?.reason == "venue hyperliquid publishes no liquidations")
    }

    /// Gate's `futures.*` channel frames keep their own importer beside Hyperliquid's.
    @Test func gateChannelsStayGates() {
        let gatePong = #"{"time":1768348790,"time_ms":1768348790000,"channel":"futures.pong","event":"","result":null}"#
        let out = decode(gatePong + "\n" + Self.real, receivedAt: Self.received)
        #expect(out.rejections.isEmpty, "\(out.rejections)")
        #expect(out.ignored == 1)
        #expect(out.events.count == 3)
    }

    @Test func venueFacts() {
        #expect(!Venue.hyperliquid.publishesLiquidations)
        #expect(Venue.allCases.filter { !$0.publishesLiquidations } == [.hyperliquid])
        #expect(Venue.liquidationVenues == Venue.allCases.filter { $0 != .hyperliquid })
    }

    static func coin(_ e: Event) -> String {
        switch e {
        case .markPrice(let m): m.coin
        case .funding(let f): f.coin
        case .openInterest(let o): o.coin
        default: ""
        }
    }
}
