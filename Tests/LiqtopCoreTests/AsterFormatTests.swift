import Testing
@testable import LiqtopCore

private let now: Millis = 1_768_348_800_000 // 2026-01-14

private func decode(_ text: String, venue: Venue?, packs: Bool = false) -> DecodeOutput {
    var decoder = InputDecoder(source: "t", context: DecodeContext(now: now, venue: venue))
    decoder.packsLiquidations = packs
    var out = DecodeOutput()
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBufferPointer { p in
        var splitter = LineSplitter()
        splitter.push(UnsafeBufferPointer(p)) { decoder.consume($0, into: &out) }
        splitter.finish { decoder.consume($0, into: &out) }
    }
    return out
}

private func liquidations(_ out: DecodeOutput) -> [Liquidation] {
    out.events.compactMap { if case .liquidation(let l) = $0 { l } else { nil } }
        + (0 ..< out.orders.count).map { out.orders.liquidation(at: $0) }
}

/// Aster sends Binance's `forceOrder` byte for byte: only the connection says whose it is.
@Suite struct AsterFormatTests {
    /// Aster's published payload (asterdex/api-docs, V3 futures API, "All Market Liquidation Order
    /// Streams"), its comments and trailing comma removed: the very bytes of Binance's example.
    static let documented = #"{"e":"forceOrder","E":1568014460893,"o":{"s":"BTCUSDT","S":"SELL","o":"LIMIT","f":"IOC","q":"0.014","p":"9910","ap":"9910","X":"FILLED","l":"0.014","z":"0.014","T":1568014460893}}"#
    /// A real Binance-layout frame from tardis-node's tests (https://github.com/tardis-dev/tardis-node) (no Aster capture exists).
    static let captured = #"{"stream":"btcusdt@forceOrder","data":{"e":"forceOrder","E":1584059031426,"o":{"s":"BTCUSDT","S":"BUY","o":"LIMIT","f":"IOC","q":"0.014","p":"4793.91","ap":"4706.04","X":"FILLED","l":"0.015","z":"0.014","T":1584059031421}}}"#

    @Test(arguments: [false, true])
    func anAsterConnectionsOrdersAreAsters(packs: Bool) throws {
        let out = decode(Self.documented + "\n" + Self.captured, venue: .aster, packs: packs)
        #expect(out.rejections.isEmpty)
        let all = liquidations(out)
        #expect(all.count == 2)
        #expect(all.allSatisfy { $0.venue == .aster && $0.coin == "BTC" && $0.instrument == "BTCUSDT" })
        #expect(all.map(\.side) == [.long, .short]) // order side, as Binance: SELL closes a long
        // 0.014 × 9910 = 138.74; 0.014 filled × 4706.04 average = 65.88456 → 65.88.
        #expect(all.map(\.usd.centsString) == ["138.74", "65.88"])
        #expect(all.map(\.time) == [1_568_014_460_893, 1_584_059_031_421])
    }

    @Test func theSameBytesFromAFileAreBinances() {
        // Said in the venue caveat: a raw Aster capture fed to `summary` reads as Binance.
        for venue in [nil, Venue.binance, .okx] {
            let all = liquidations(decode(Self.documented, venue: venue))
            #expect(all.map(\.venue) == [.binance])
        }
    }

    @Test func aNativeRecordingKeepsTheVenue() {
        let line = #"{"type":"liquidation","time":1568014460893,"venue":"aster","instrument":"BTCUSDT","coin":"BTC","side":"long","price":"9910","qty":"0.014","usd":"138.74"}"#
        let all = liquidations(decode(line, venue: nil))
        #expect(all.map(\.venue) == [.aster])
        #expect(all.map(\.usd.centsString) == ["138.74"])
    }
}

/// On a live connection an error reply is named after the venue, even in another venue's shape.
@Suite struct LiveErrorWordsTests {
    @Test func repliesAreNamedAfterTheConnectionsVenue() {
        let binanceShape = #"{"error":{"code":2,"msg":"Invalid request"},"id":1}"#
        let okxShape = #"{"event":"error","code":"30001","msg":"channel doesn't exist"}"#
        #expect(decode(binanceShape, venue: .aster).rejections.map(\.reason) == ["Aster error 2: Invalid request"])
        #expect(decode(binanceShape, venue: nil).rejections.map(\.reason) == ["Binance error 2: Invalid request"])
        #expect(decode(okxShape, venue: .bitget).rejections.map(\.reason) == ["Bitget error 30001: channel doesn't exist"])
        #expect(decode(okxShape, venue: .okx).rejections.map(\.reason) == ["OKX error 30001: channel doesn't exist"])
    }
}
