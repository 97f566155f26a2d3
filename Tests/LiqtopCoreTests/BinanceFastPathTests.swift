import Testing
@testable import LiqtopCore

/// The Binance fast path and packed orders must change nothing but speed: every line decodes
/// to the same events, rejections and ignores with the fast path on or off, and as packed
/// columns or as events.
@Suite(.serialized) struct BinanceFastPathTests {
    static let context = DecodeContext(now: 1_768_435_200_000)
    static let samples = MutationTests.formats[0].valid + MutationTests.formats[0].extraSeeds

    /// What a decoder made of some lines, liquidations always as values.
    struct Outcome: Equatable {
        var events: [Event]
        var rejections: [Rejection]
        var ignored: Int
        var lines: Int
    }

    static func decode(_ lines: [[UInt8]], fast: Bool, packed: Bool) -> Outcome {
        var decoder = InputDecoder(source: "f", context: context)
        decoder.usesFastPath = fast
        decoder.packsLiquidations = packed
        var out = DecodeOutput()
        for (k, line) in lines.enumerated() {
            line.withUnsafeBufferPointer { decoder.consume($0, lineNumber: k + 1, into: &out) }
        }
        // Packing keeps non-liquidation events (the mark prices and funding of the
        // `markPriceUpdate` seeds) apart: compared as liquidations, then the rest, each in order.
        let orders: [Event] = (0 ..< out.orders.count).map { .liquidation(out.orders.liquidation(at: $0)) }
        let liquidations = orders + out.events.filter { if case .liquidation = $0 { true } else { false } }
        let others = out.events.filter { if case .liquidation = $0 { false } else { true } }
        return Outcome(events: liquidations + others, rejections: out.rejections, ignored: out.ignored, lines: out.lines)
    }

    @Test func samplesTakeTheFastPathAndMatchTheGeneralDecoder() throws {
        for sample in Self.samples.prefix(4) { // the four in Binance's own layout
            let line = Array(sample.utf8)
            #expect(line.withUnsafeBufferPointer { BinanceFastPath.scan($0) } != nil, "\(sample)")
        }
        let lines = Self.samples.map { Array($0.utf8) }
        let general = Self.decode(lines, fast: false, packed: false)
        // 5 liquidations; the `markPriceUpdate` seed's mark price and funding.
        #expect(general.events.count == 7)
        #expect(Self.decode(lines, fast: true, packed: false) == general)
        #expect(Self.decode(lines, fast: true, packed: true) == general)
        #expect(Self.decode(lines, fast: false, packed: true) == general)
        guard case .liquidation(let first) = general.events[0] else { Issue.record("not a liquidation"); return }
        #expect(first.instrument == "BTCUSDT" && first.coin == "BTC" && first.side == .long)
        #expect(first.usd.centsString == "138.74" && first.price.description == "9910" && first.quantity.description == "0.014")
    }

    @Test func layoutsOtherThanBinancesOwnFallBack() {
        let variants = [
            #"{"e":"forceOrder", "E":1568014460893,"o":{"s":"BTCUSDT","S":"SELL","o":"LIMIT","f":"IOC","q":"0.014","p":"9910","ap":"9910","X":"FILLED","l":"0.014","z":"0.014","T":1568014460893}}"#,
            #"{"e":"forceOrder","E":1568014460893,"o":{"s":"BTC\u0055SDT","S":"SELL","o":"LIMIT","f":"IOC","q":"0.014","p":"9910","ap":"9910","X":"FILLED","l":"0.014","z":"0.014","T":1568014460893}}"#,
            #"{"e":"forceOrder","E":1568014460893,"o":{"s":"BTCUSDT","S":"SELL","o":"LIMIT","f":"IOC","q":"0.014","p":"9910","ap":"9910","X":"FILLED","l":"0.014","z":"0.014","T":01568014460893}}"#,
            #"{"e":"forceOrder","E":1568014460893,"o":{"s":"BTCUSDT","S":"SELL","o":"LIMIT","f":"IOC","q":"0.014","p":"9910","ap":"9910","X":"FILLED","l":"0.014","z":"0.014","T":1568014460893}} "#,
            #"{"e":"forceOrder","E":1568014460893,"o":{"s":"BTCUSDT","S":"Sell","o":"LIMIT","f":"IOC","q":"0.014","p":"9910","ap":"9910","X":"FILLED","l":"0.014","z":"0.014","T":1568014460893}}"#,
        ]
        for v in variants {
            let line = Array(v.utf8)
            #expect(line.withUnsafeBufferPointer { BinanceFastPath.scan($0) } == nil, "\(v)")
        }
    }

    /// 100,000 mutants of the Binance samples, each decoded four ways: identical outcomes.
    // Async with a yield per batch: a long CPU-bound test must not hold both threads of the
    // cooperative pool, or timer-driven tests elsewhere in the run starve.
    @Test func mutantsDecodeIdenticallyEveryWay() async {
        var mutator = Mutator(seed: 0xFA57_0001, samples: Self.samples)
        var fastAccepted = 0
        for _ in 0 ..< 1_000 {
            let batch = (0 ..< 100).map { _ in mutator.next() }
            let general = Self.decode(batch, fast: false, packed: false)
            let fast = Self.decode(batch, fast: true, packed: false)
            #expect(fast == general)
            #expect(Self.decode(batch, fast: true, packed: true) == general)
            fastAccepted += batch.count { $0.withUnsafeBufferPointer { BinanceFastPath.scan($0) } != nil }
            await Task.yield()
        }
        // Most byte-level mutants break the layout; these still reach the fast path itself.
        #expect(fastAccepted > 1_000)
    }

    /// Every hostile number in every numeric field and every hostile string in the symbol and
    /// side, layout kept: the fast path's own number and name handling against the general one.
    @Test func hostileValuesInEveryFieldDecodeIdentically() {
        let template = #"{"e":"forceOrder","E":1768000000000,"o":{"s":"BTCUSDT","S":"SELL","o":"LIMIT","f":"IOC","q":"0.014","p":"9910","ap":"9910","X":"FILLED","l":"0.014","z":"0.014","T":1768000000000}}"#
        var lines: [[UInt8]] = []
        let numbers = Mutator.numbers.map { String(decoding: $0, as: UTF8.self) }
            + ["0.0", "5.", ".5", "007", "0.00000001", "123456789012345678", "1234567890123456789", "1768000000000", "1.50"]
        for n in numbers {
            for field in [#""q":"0.014""#, #""p":"9910""#, #""ap":"9910""#, #""z":"0.014""#] {
                let key = field.prefix { $0 != ":" }
                lines.append(Array(template.replacingFirst(field, with: "\(key):\"\(n)\"").utf8))
            }
            lines.append(Array(template.replacingFirst(#""T":1768000000000"#, with: #""T":"# + n).utf8))
            lines.append(Array(template.replacingFirst(#""E":1768000000000"#, with: #""E":"# + n).utf8))
        }
        for text in Mutator.strings.map({ String(decoding: $0, as: UTF8.self) }) + ["BTCUSD_PERP", "ETHUSD_260327", "1000PEPEUSDT", "USDT"] {
            lines.append(Array(template.replacingFirst(#""s":"BTCUSDT""#, with: #""s":""# + text + "\"").utf8))
            lines.append(Array(template.replacingFirst(#""S":"SELL""#, with: #""S":""# + text + "\"").utf8))
        }
        let general = Self.decode(lines, fast: false, packed: false)
        #expect(Self.decode(lines, fast: true, packed: false) == general)
        #expect(Self.decode(lines, fast: true, packed: true) == general)
        #expect(general.events.count > 50 && general.rejections.count > 100)
    }
}

extension String {
    /// The text with the first occurrence of `target` replaced (the test must find it).
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let r = firstRange(of: target) else { Issue.record("\(target) not in template"); return self }
        var text = self
        text.replaceSubrange(r, with: replacement)
        return text
    }
}
