import Dispatch
import LiqtopCore
import LiqtopFeeds
@testable import LiqtopLive

let testNow: Millis = 1_768_348_800_000 // 2026-01-14
let testContext = DecodeContext(now: testNow)

/// Milliseconds instead of minutes, so a whole reconnect story fits in a second.
let fastTiming = VenueSource.Timing(
    keepalive: .milliseconds(100), stallLimit: .seconds(3), connectTimeout: .seconds(5),
    backoff: Backoff(base: .milliseconds(20), cap: .milliseconds(100), resetAfter: .seconds(60)),
    coalesce: .milliseconds(20), closeTimeout: .milliseconds(500))

/// Collects what a source hands on.
final class Recorder: Sendable {
    struct State {
        var batches: [FeedBatch] = []
        var health: [SourceHealth] = []
    }

    let state = PthreadLock(State())

    var sink: FeedSink {
        FeedSink(deliver: { batch in self.state.withLock { $0.batches.append(batch) } },
                 report: { health in self.state.withLock { $0.health.append(health) } })
    }

    var batches: [FeedBatch] { state.withLock { $0.batches } }
    var health: [SourceHealth] { state.withLock { $0.health } }
    var liquidations: [Liquidation] {
        batches.flatMap { $0.output.events }.compactMap { if case .liquidation(let l) = $0 { l } else { nil } }
    }
    var rejections: [Rejection] { batches.flatMap { $0.output.rejections } }
    var lines: Int { batches.reduce(0) { $0 + $1.output.lines } }
    var ignored: Int { batches.reduce(0) { $0 + $1.output.ignored } }
    /// The last errors of the reconnecting reports, in order.
    var reconnectErrors: [String] {
        health.compactMap { h in if case .reconnecting = h.state { h.lastError ?? "" } else { nil } }
    }
    var liveCount: Int { health.filter(\.isLive).count }
}

/// Polls `condition` every 10 ms for at most `limit`; true when it became true.
// Generous like the app tests' (AppHarness): a condition that holds returns at once, and on two
// cores beside CPU-bound suites 10 s was not enough for a loopback reconnect.
func eventually(_ limit: Swift.Duration = .seconds(60), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}

/// Runs `source` against `server` while `body` checks things, then cancels it and stops the
/// server; fails the test if the source does not end within 2 s of its cancellation.
func withRunning(_ source: VenueSource, _ recorder: Recorder, server: LoopbackServer,
                 _ body: () async throws -> Void) async throws {
    let task = Task { await source.run(recorder.sink) }
    do {
        try await body()
    } catch {
        task.cancel(); await task.value; await server.stop()
        throw error
    }
    let cancelled = ContinuousClock.now
    task.cancel()
    await task.value
    let took = ContinuousClock.now - cancelled
    await server.stop()
    if took > .seconds(2) { throw TestFailure("run took \(took) to end after cancellation") }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// Frames shaped exactly like the venues' published samples, with a varying quantity.
enum Frames {
    static func binance(qty: String, time: Millis = 1_768_348_700_000, side: String = "SELL") -> String {
        #"{"e":"forceOrder","E":\#(time),"o":{"s":"BTCUSDT","S":"\#(side)","o":"LIMIT","f":"IOC","q":"\#(qty)","p":"9910","ap":"9910","X":"FILLED","l":"\#(qty)","z":"\#(qty)","T":\#(time)}}"#
    }

    static func bybit(size: String, time: Millis = 1_768_348_700_000) -> String {
        #"{"topic":"allLiquidation.ROSEUSDT","type":"snapshot","ts":\#(time + 275),"data":[{"T":\#(time),"s":"ROSEUSDT","S":"Sell","v":"\#(size)","p":"0.04499"}]}"#
    }

    static func okx(sz: String, ts: Millis = 1_768_348_700_000) -> String {
        #"{"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"details":[{"bkLoss":"0","bkPx":"60000","ccy":"","posSide":"long","side":"sell","sz":"\#(sz)","ts":"\#(ts)"}],"instFamily":"BTC-USDT","instId":"BTC-USDT-SWAP","instType":"SWAP","uly":"BTC-USDT"}]}"#
    }

    /// One server frame byte for byte (unmasked), with any opcode and reserved bits: RFC 6455 §5.2.
    static func raw(opcode: UInt8, rsv: UInt8 = 0, fin: Bool = true, payload: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [(fin ? 0x80 : 0) | (rsv & 0x7) << 4 | (opcode & 0xF)]
        switch payload.count {
        case ..<126: out.append(UInt8(payload.count))
        case ..<65536: out.append(126); out += [UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        default: out.append(127); out += (0 ..< 8).reversed().map { UInt8((payload.count >> ($0 * 8)) & 0xFF) }
        }
        return out + payload
    }

    /// The captured Bybit frame of the samples (bybit_v5_allLiquidation__tardis-node.ndjson,
    /// PIPPINUSDT), its one entry `times` times: identical entries are distinct orders.
    static func bybitRepeated(_ times: Int) -> String {
        let entry = #"{"T":1740480207110,"s":"PIPPINUSDT","S":"Sell","v":"2846","p":"0.02456"}"#
        return #"{"topic":"allLiquidation.PIPPINUSDT","type":"snapshot","ts":1740480207578,"data":["#
            + Array(repeating: entry, count: times).joined(separator: ",") + "]}"
    }

    static let bybitAck = #"{"success":true,"ret_msg":"","conn_id":"cejreaspqfh3sjdnldmg-p","req_id":"","op":"subscribe"}"#
    static let bybitPong = #"{"success":true,"ret_msg":"pong","conn_id":"0970e817-426e-429a-a679-ff7f55e0b16a","op":"ping"}"#
    static let okxAck = #"{"event":"subscribe","arg":{"channel":"liquidation-orders","instType":"SWAP"},"connId":"a4d3ae55"}"#
}

extension VenueConfig {
    /// A venue pointed at the loopback server, never at a proxy.
    static func loopback(_ venue: Venue, _ server: LoopbackServer, path: String, coins: [String] = ["BTC", "ETH"]) -> VenueConfig {
        VenueConfig(venue: venue, url: server.url + path, coins: coins, proxy: .none)
    }
}

