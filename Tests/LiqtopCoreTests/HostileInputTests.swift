import Testing
@testable import LiqtopCore

/// Every kind of bad input an importer meets, mixed between valid lines: each bad line becomes
/// exactly one rejection (source, line, reason), harmless messages are ignored, and the valid
/// lines around them keep their exact totals.
@Suite struct HostileInputTests {
    enum Outcome { case event(Int), rejected, ignored, mixed(events: Int, rejected: Int) }

    static let now: Millis = 1_768_435_200_000 // 2026-01-15T00:00Z
    static let binance = #"{"e":"forceOrder","E":1568014460893,"o":{"s":"BTCUSDT","S":"SELL","o":"LIMIT","f":"IOC","q":"0.014","p":"9910","ap":"9910","X":"FILLED","l":"0.014","z":"0.014","T":1568014460893}}"#

    static func forceOrder(s: String = "BTCUSDT", side: String = "SELL", q: String = "0.014", p: String = "9910", t: String = "1568014460893") -> String {
        #"{"e":"forceOrder","E":\#(t),"o":{"s":"\#(s)","S":"\#(side)","o":"LIMIT","f":"IOC","q":"\#(q)","p":"\#(p)","ap":"\#(p)","X":"FILLED","l":"\#(q)","z":"\#(q)","T":\#(t)}}"#
    }

    static var cases: [([UInt8], Outcome, String)] {
        var c: [([UInt8], Outcome, String)] = []
        func add(_ s: String, _ o: Outcome, _ why: String) { c.append((Array(s.utf8), o, why)) }
        add(binance, .event(1), "valid Binance")
        add(#"{"topic":"allLiquidation.ROSEUSDT","type":"snapshot","ts":1739502303204,"data":[{"T":1739502302929,"s":"ROSEUSDT","S":"Sell","v":"20000","p":"0.04499"}]}"#, .event(1), "valid Bybit")
        add(#"{"type":"liquidation","time":1768400000000,"venue":"okx","instrument":"ETH-USDT-SWAP","coin":"ETH","side":"short","price":"3300","qty":"1.5","usd":"4950"}"#, .event(1), "valid native")
        // Broken bytes and syntax.
        c.append((Array(#"{"e":"forceOrder","x":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8), .rejected, "invalid UTF-8"))
        c.append((Array(#"{"e":"forceOrder","x":""#.utf8) + [0xC0, 0xAF] + Array(#""}"#.utf8), .rejected, "overlong UTF-8"))
        c.append(([0xFF, 0xFE] + Array("{}".utf8), .rejected, "stray bytes before JSON"))
        c.append((Array(#"{"e":"forceOrder","x":"a"#.utf8) + [0x01] + Array(#""}"#.utf8), .rejected, "control byte in string"))
        c.append((Array(#"{"e":"forceOrder","x":1}"#.utf8) + [0x1B] + Array("[2J".utf8), .rejected, "escape sequence after JSON"))
        add(#"{"e":"forceOrder","E":15680"#, .rejected, "truncated")
        add(String(repeating: "[", count: 100_000), .rejected, "deeply nested")
        add(String(repeating: "{\"a\":", count: 50_000), .rejected, "deeply nested objects")
        add(#"{"e":"forceOrder","E":NaN}"#, .rejected, "bare NaN")
        add(forceOrder(q: "NaN"), .rejected, "NaN quantity")
        add(forceOrder(p: "Infinity"), .rejected, "Infinity price")
        add(forceOrder(q: "1e999"), .rejected, "exponent overflow")
        add(forceOrder(q: "0"), .rejected, "zero quantity")
        add(forceOrder(p: "-9910"), .rejected, "negative price")
        add(forceOrder(q: "1000000", p: "100000"), .rejected, "a $100B order")
        add(forceOrder(t: "1000"), .rejected, "timestamp before 2009")
        add(forceOrder(t: "\(now + 2 * Duration.day)"), .rejected, "timestamp from the future")
        add(forceOrder(side: "HOLD"), .rejected, "unknown side")
        add(forceOrder(s: "BTC USDT"), .rejected, "space in instrument")
        add(forceOrder(s: #"BTC\u001b]0;pwned\u0007"#), .rejected, "OSC in instrument")
        add(forceOrder(s: String(repeating: "A", count: 41)), .rejected, "instrument too long")
        add(#"{"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"details":[{"bkLoss":"0","bkPx":"0.007831","ccy":"","posSide":"short","side":"buy","sz":"13","ts":"1692266434010"}],"instFamily":"IOST-USDT","instId":"IOST-USDT-SWAP","instType":"SWAP","uly":"IOST-USDT"}]}"#, .rejected, "unknown OKX instrument")
        add(#"{"topic":"allLiquidation.BTCUSDT","type":"snapshot","ts":1739502303204,"data":[{"T":1739502302929,"s":"BTCUSDT","S":"Buy","v":"0.5","p":"97000"},{"T":1739502302929,"s":"BTCUSDT","S":"Maybe","v":"1","p":"97000"}]}"#, .mixed(events: 1, rejected: 1), "one bad Bybit entry")
        add(#"{"type":"liquidation","time":1768400000000,"venue":"mtgox","instrument":"BTCUSD","coin":"BTC","side":"short","price":"1","qty":"1","usd":"1"}"#, .rejected, "unknown venue")
        add(#"{"type":"teleport"}"#, .rejected, "unknown native type")
        add("hello world", .rejected, "not JSON")
        add("[1,2,3]", .rejected, "not an object")
        // Harmless messages liqtop does not use.
        add(#"{"e":"markPriceUpdate","E":1562305380000,"s":"BTCUSDT","p":"11794.15000000","i":"11784.62659091","P":"11784.25641265","r":"0.00038167","T":1562306400000}"#, .event(2), "mark price and funding")
        add(#"{"result":null,"id":1}"#, .ignored, "Binance subscribe ack")
        add(#"{"success":true,"ret_msg":"pong","conn_id":"0970e817-426e-429a-a679-ff7f55e0b16a","op":"ping"}"#, .ignored, "Bybit pong")
        add(#"{"event":"subscribe","arg":{"channel":"liquidation-orders","instType":"SWAP"},"connId":"a4d3ae55"}"#, .ignored, "OKX subscribe ack")
        add("pong", .ignored, "OKX bare pong")
        add("", .ignored, "blank line (not counted at all)")
        return c
    }

    @Test func everyCaseIsCountedExactly() async throws {
        var bytes: [UInt8] = []
        var expectedEvents = 0, expectedRejected = 0, expectedIgnored = 0, expectedLines = 0
        for (line, outcome, _) in Self.cases {
            bytes += line + [0x0A]
            if !line.isEmpty { expectedLines += 1 }
            switch outcome {
            case .event(let n): expectedEvents += n
            case .rejected: expectedRejected += 1
            case .ignored: if !line.isEmpty { expectedIgnored += 1 }
            case .mixed(let e, let r): expectedEvents += e; expectedRejected += r
            }
        }
        // A line over 1 MiB, and valid lines after it still count.
        bytes += Array(repeating: UInt8(ascii: "x"), count: (1 << 20) + 10) + [0x0A]
        expectedRejected += 1; expectedLines += 1
        bytes += Array(Self.binance.utf8) + [0x0A]
        expectedEvents += 1; expectedLines += 1

        let out = bytes.withUnsafeBufferPointer { InputDecoder.decodeAll($0, source: "hostile.ndjson", context: DecodeContext(now: Self.now)) }
        #expect(out.events.count == expectedEvents)
        #expect(out.rejections.count == expectedRejected, "\(out.rejections.map(\.description).joined(separator: "\n"))")
        #expect(out.ignored == expectedIgnored)
        #expect(out.lines == expectedLines)
        #expect(out.rejections.allSatisfy { $0.source == "hostile.ndjson" && $0.line > 0 && !$0.reason.isEmpty })

        // The valid lines' totals are exactly what they would be alone.
        let store = MarketStore()
        await store.ingest(out, source: "hostile.ndjson")
        await store.setClock(Self.now)
        let all = await store.snapshot(at: Self.now)
        let longs = out.events.reduce(USD.zero) { if case .liquidation(let l) = $1, l.side == .long { return $0 + l.usd }; return $0 }
        #expect(longs == USD(micros: 138_740_000 * 2 + 48_500_000_000)) // two Binance samples + the good Bybit "Buy" entry
        #expect(all.input.rejected == expectedRejected)
        #expect(all.input.ignored == expectedIgnored)
        #expect(all.input.events == expectedEvents)
    }

    @Test func eachRejectionNamesItsLine() {
        for (k, (line, outcome, why)) in Self.cases.enumerated() {
            guard case .rejected = outcome else { continue }
            var bytes = Array(Self.binance.utf8) + [0x0A] + line + [0x0A]
            let out = bytes.withUnsafeMutableBufferPointer {
                InputDecoder.decodeAll(UnsafeBufferPointer($0), source: "f", context: DecodeContext(now: Self.now))
            }
            #expect(out.rejections.count == 1, "case \(k): \(why)")
            #expect(out.rejections.first?.line == 2, "case \(k): \(why)")
            #expect(out.events.count == 1, "case \(k): \(why)")
        }
    }
}

/// Memory on bad input is bounded. A file of nothing but bad lines used to keep every
/// rejection (40 MB of them took 1.37 GB); now the first `keptRejections` are kept and the rest
/// counted, by kind.
@Suite struct BoundedRejectionTests {
    @Test func aMillionBadLinesKeepAThousandAndCountTheRest() {
        let bad = (0 ..< 200_000).map { i in i % 2 == 0 ? "garbage line \(i)" : #"{"type":"\#(i)"}"# }.joined(separator: "\n")
        let out = InputDecoder.decodeAll(bad, source: "bad.txt", context: DecodeContext(now: 1_768_435_200_000))
        #expect(out.rejectedCount == 200_000)
        #expect(out.rejections.count == DecodeOutput.keptRejections)
        #expect(out.rejections.first?.line == 1 && out.rejections.last?.line == DecodeOutput.keptRejections)
        // Counted by kind: the quoted values do not make a kind of their own.
        #expect(out.reasons.counts == ["unrecognized format: neither JSON nor a known CSV header": 1,
                                       "invalid JSON at byte 0": 99_999, #"unknown type "…""#: 100_000])
    }

    @Test func partsAppendedStayBoundedAndCounted() {
        var total = DecodeOutput()
        for k in 0 ..< 5 {
            var part = DecodeOutput()
            for i in 0 ..< 700 { part.reject(Rejection(source: "f", line: k * 700 + i + 1, reason: "bad value \"\(i)\"")) }
            total.append(part)
        }
        #expect(total.rejectedCount == 3_500)
        #expect(total.rejections.count == DecodeOutput.keptRejections)
        #expect(total.rejections.map(\.line) == Array(1 ... DecodeOutput.keptRejections))
        #expect(total.reasons.counts == [#"bad value "…""#: 3_500])
    }

    @Test func kindsAreBounded() {
        var r = ReasonCounts()
        for i in 0 ..< 500 { r.add("reason \(i)") }
        #expect(r.counts.count == ReasonCounts.maxKinds + 1)
        #expect(r.counts[ReasonCounts.otherKinds] == 500 - ReasonCounts.maxKinds)
    }
}
