import Testing
@testable import LiqtopCore

/// The venue fast paths (Bybit, OKX, Bitget, Gate, HTX, Deribit, and Binance COIN-M with its
/// `ps`) must change nothing but speed: every line decodes to the same events, rejections and
/// ignores with the fast paths on or off, as packed columns or as events — on the captured
/// frames (shared/samples/real, copied here verbatim), on frames in each venue's layout, on
/// mutants of all of them, and with hostile values in every field.
@Suite(.serialized) struct VenueFastPathTests {
    /// An instrument book with OKX's futures (the real FUTURES capture is an XRP future); the
    /// clock after the Bitget capture (2026-04-28).
    static let context: DecodeContext = {
        let list = try? InstrumentList.parse(InstrumentFixtures.okxFutures, asOf: 1_768_348_800_000)
        return DecodeContext(now: 1_777_400_000_000, instruments: InstrumentBook(list?.facts ?? []))
    }()

    /// Frames the fast paths must take, by venue: the captures first, then each layout's variants.
    static let fastFrames: [(Venue, String)] = [
        // samples/real/binance_cm__tardis-node.ndjson and binance_cm__DOCS-example.ndjson
        (.binance, #"{"stream":"btcusd_200925@forceOrder","data":{"e":"forceOrder","E":1594622954023,"o":{"s":"BTCUSD_200925","ps":"BTCUSD","S":"SELL","o":"LIMIT","f":"IOC","q":"3","p":"9314.5","ap":"9352.7","X":"FILLED","l":"3","z":"3","T":1594622954021}}}"#),
        (.binance, #"{"e":"forceOrder","E":1591154240950,"o":{"s":"BTCUSD_200925","ps":"BTCUSD","S":"SELL","o":"LIMIT","f":"IOC","q":"1","p":"9425.5","ap":"9496.5","X":"FILLED","l":"1","z":"1","T":1591154240949}}"#),
        // samples/real/bybit_v5_allLiquidation__tardis-node.ndjson and the docs' allLiquidation example
        (.bybit, #"{"topic":"allLiquidation.PIPPINUSDT","type":"snapshot","ts":1740480207578,"data":[{"T":1740480207110,"s":"PIPPINUSDT","S":"Sell","v":"2846","p":"0.02456"}]}"#),
        (.bybit, #"{"topic":"allLiquidation.ROSEUSDT","type":"snapshot","ts":1739502303204,"data":[{"T":1739502302929,"s":"ROSEUSDT","S":"Sell","v":"20000","p":"0.04499"}]}"#),
        (.bybit, #"{"topic":"allLiquidation.BTCUSD","type":"snapshot","ts":1739502303204,"data":[{"T":1739502302929,"s":"BTCUSD","S":"Buy","v":"1000","p":"97000"},{"T":1739502302930,"s":"BTCUSDH26","S":"Sell","v":"25","p":"97100.5"}]}"#),
        // samples/real/okx_liquidation-orders_FUTURES__tardis-node.ndjson (priced by the book)
        (.okx, #"{"arg":{"channel":"liquidation-orders","instType":"FUTURES"},"data":[{"details":[{"bkLoss":"0","bkPx":"0.55205","ccy":"","posSide":"short","side":"buy","sz":"39","ts":"1680173247614"}],"instFamily":"XRP-USD","instId":"XRP-USD-230929","instType":"FUTURES","uly":"XRP-USD"}]}"#),
        (.okx, #"{"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"details":[{"bkLoss":"0","bkPx":"97000.4","ccy":"","posSide":"long","side":"sell","sz":"25","ts":"1739502302929"},{"bkLoss":"1.5","bkPx":"97001","ccy":"","posSide":"net","side":"buy","sz":"0.5","ts":"1739502302930"}],"instFamily":"BTC-USDT","instId":"BTC-USDT-SWAP","instType":"SWAP","uly":"BTC-USDT"},{"details":[{"bkLoss":"0","bkPx":"3300","ccy":"","posSide":"net","side":"sell","sz":"3","ts":"1739502302929"}],"instFamily":"ETH-USD","instId":"ETH-USD-SWAP","instType":"SWAP","uly":"ETH-USD"}]}"#),
        // samples/real/bitget_liquidation__tardis-node.ndjson
        (.bitget, #"{"action":"update","arg":{"instType":"usdt-futures","topic":"liquidation"},"data":[{"symbol":"APEUSDT","side":"buy","price":"0.1649","amount":"13.70319","ts":"1777358886549"},{"symbol":"IPUSDT","side":"buy","price":"0.500280739469","amount":"143.330431857868","ts":"1777358876983"}],"ts":1777358897167}"#),
        (.bitget, #"{"action":"update","arg":{"instType":"coin-futures","topic":"liquidation"},"data":[{"symbol":"BTCUSD","side":"sell","price":"97000.5","amount":"1500","ts":"1768000000002"}],"ts":1768000000100}"#),
        // Gate's wire envelope (samples/real/gate_futures_tickers__tardis-node.ndjson) with the documented entries.
        (.gate, #"{"time":1768000000,"time_ms":1768000000123,"channel":"futures.public_liquidates","event":"update","result":[{"price":"215.1","size":"-124.5","time":1768000000000,"contract":"BTC_USDT"},{"price":"215.2","size":"10","time":1768000000001,"contract":"ETH_USDT"}]}"#),
        (.gate, #"{"time":1541505434,"time_ms":1541505434123,"channel":"futures.public_liquidates","event":"update","result":[{"price":"215.1","size":-124,"time":1541486601,"contract":"SOL_USDT"}]}"#),
        // samples/real/htx_liquidation_orders__tardis-node.ndjson (BSV-USD is not priced: the general decoder refuses it)
        (.htx, #"{"op":"notify","topic":"public.BTC.liquidation_orders","ts":1593561769911,"data":[{"symbol":"BTC","contract_code":"BTC200703","direction":"sell","offset":"close","volume":1450,"price":9062.71,"created_at":1593561769833}]}"#),
        (.htx, #"{"op":"notify","topic":"public.BTC.liquidation_orders","ts":1593561773080,"data":[{"symbol":"BTC","contract_code":"BTC200925","direction":"sell","offset":"close","volume":319,"price":9115.43,"created_at":1593561773025}]}"#),
        (.htx, #"{"op":"notify","topic":"public.BTC.liquidation_orders","ts":1593593169204,"data":[{"symbol":"BTC","contract_code":"BTC200703","direction":"buy","offset":"close","volume":218,"price":9244.08,"created_at":1593593169156}]}"#),
        (.htx, #"{"op":"notify","topic":"public.ETH-USD.liquidation_orders","ts":1593610492198,"data":[{"symbol":"ETH","contract_code":"ETH-USD","direction":"buy","offset":"close","volume":231,"price":229.95,"created_at":1593610492167}]}"#),
        (.htx, #"{"op":"notify","topic":"public.BTC-USDT.liquidation_orders","ts":1608226502344,"data":[{"symbol":"BTC","contract_code":"BTC-USDT","direction":"sell","offset":"close","volume":227,"price":23350.5,"created_at":1608226502284,"amount":0.227,"trade_turnover":5300.5635}]}"#),
        // samples/real/deribit_trades_liquidation__tardis-node.ndjson, then MT, a linear one and a trade not forced.
        (.deribit, #"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"trades.BTC-PERPETUAL.raw","data":[{"trade_seq":40781986,"trade_id":"66460463","timestamp":1584058044032,"tick_direction":3,"price":4469.5,"liquidation":"T","instrument_name":"BTC-PERPETUAL","index_price":4805.41,"direction":"sell","amount":1120}]}}"#),
        (.deribit, #"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"trades.BTC-PERPETUAL.raw","data":[{"trade_seq":40782080,"trade_id":"66460626","timestamp":1584058067675,"tick_direction":3,"price":4458.5,"liquidation":"M","instrument_name":"BTC-PERPETUAL","index_price":4793.6,"direction":"buy","amount":2500}]}}"#),
        (.deribit, #"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"trades.future.any.100ms","data":[{"trade_seq":1,"trade_id":"7","timestamp":1768340000000,"tick_direction":0,"price":97000.3,"liquidation":"MT","instrument_name":"BTC_USDC-PERPETUAL","index_price":1,"direction":"sell","amount":0.5},{"trade_seq":2,"trade_id":"8","timestamp":1768340000001,"tick_direction":1,"price":3300,"mark_price":3300.1,"instrument_name":"ETH-PERPETUAL","index_price":3299.5,"direction":"buy","amount":40}]}}"#),
        (.deribit, #"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"trades.future.any.100ms","data":[{"trade_seq":3,"trade_id":"9","timestamp":1768340000002,"tick_direction":2,"price":3300,"instrument_name":"ETH-PERPETUAL","index_price":3299.5,"direction":"sell","amount":10}]}}"#),
    ]

    /// Lines near those layouts that the fast paths must leave to the general decoder.
    static let otherLines = [
        // samples/real/okx_liquidation-orders__DOCS-example.ndjson: an echoed "id" first, an unknown instrument.
        #"{"id":"1512","arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"details":[{"bkLoss":"0","bkPx":"0.007831","ccy":"","posSide":"short","side":"buy","sz":"13","ts":"1692266434010"}],"instFamily":"IOST-USDT","instId":"IOST-USDT-SWAP","instType":"SWAP","uly":"IOST-USDT"}]}"#,
        #"{"op":"notify","topic":"public.BSV-USD.liquidation_orders","ts":1593585531616,"data":[{"symbol":"BSV","contract_code":"BSV-USD","direction":"sell","offset":"close","volume":3,"price":153.28,"created_at":1593585531562}]}"#,
        #"{"topic":"liquidation.BTCUSDT","type":"snapshot","ts":1703485237953,"data":{"updatedTime":1703485237953,"symbol":"BTCUSDT","side":"Sell","size":"0.003","price":"43511.70"}}"#,
        #"{ "channel": "futures.public_liquidates", "event": "update", "time": 1541505434, "time_ms": 1541505434123, "result": [ { "price": "215.1", "size": "-124.5", "time": 1541486601123, "contract": "BTC_USDT" } ] }"#,
        #"{"time":1768000000,"time_ms":1768000000123,"channel":"futures.public_liquidates","event":"update","result":[{"price":"215.1","size":"0","time":1768000000000,"contract":"BTC_USDT"}]}"#,
        #"{"time":1768000000,"time_ms":1768000000123,"channel":"futures.public_liquidates","event":"update","result":[{"price":"215.1","size":"3","time":1768000000000,"contract":"PEPE_USDT"}]}"#,
        #"{"topic":"allLiquidation.BTCUSDT","type":"snapshot","ts":1739502303204,"data":[]}"#,
        #"{"action":"update","arg":{"instType":"usdt-futures","topic":"liquidation"},"data":[{"symbol":"APEUSDT","side":"buy","price":"0.1649","amount":"13.70319","ts":"1777358886549"},{"symbol":"IP USDT","side":"buy","price":"0.5","amount":"1","ts":"1777358876983"}],"ts":1777358897167}"#,
        #"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"trades.option.any.100ms","data":[{"trade_seq":1,"trade_id":"1","timestamp":1768340000000,"tick_direction":0,"price":0.05,"liquidation":"T","instrument_name":"BTC-27MAY26-90000-C","index_price":97000,"direction":"sell","amount":1}]}}"#,
        #"{"op":"notify","topic":"public.BTC-USDT.liquidation_orders","ts":1608226502344,"data":[{"symbol":"BTC","contract_code":"BTC-USDT","direction":"sell","offset":"close","volume":227,"price":2.33505e4,"created_at":1608226502284,"amount":0.227,"trade_turnover":5300.5635}]}"#,
    ]

    struct Outcome: Equatable {
        var events: [Event]
        var rejections: [Rejection]
        var ignored: Int
        var lines: Int
        var instruments: [InstrumentFacts]
    }

    static func decode(_ lines: [[UInt8]], fast: Bool, packed: Bool) -> Outcome {
        var decoder = InputDecoder(source: "f", context: context)
        decoder.usesFastPath = fast
        decoder.packsLiquidations = packed
        var out = DecodeOutput()
        for (k, line) in lines.enumerated() {
            line.withUnsafeBufferPointer { decoder.consume($0, lineNumber: k + 1, into: &out) }
        }
        var events = out.events
        if packed {
            // Packing keeps non-liquidation events apart; these lines produce none.
            events = (0 ..< out.orders.count).map { .liquidation(out.orders.liquidation(at: $0)) } + out.events
        }
        return Outcome(events: events, rejections: out.rejections, ignored: out.ignored, lines: out.lines, instruments: out.instruments)
    }

    /// Whether the fast path of the decoder takes `line` (with the test context).
    static func takesFastPath(_ line: [UInt8]) -> Bool {
        var decoder = InputDecoder(source: "f", context: context)
        var out = DecodeOutput()
        return line.withUnsafeBufferPointer { decoder.decodeFast($0, into: &out) }
    }

    /// The fast paths change nothing, as events and as packed columns; when they do, the first
    /// line that alone differs is named. (Packed and unpacked are compared on their own: packed
    /// columns keep an instrument's first coin, so an HTX contract whose `symbol` changes
    /// between lines reads back with the first one, with or without the fast path.)
    static func expectSame(_ lines: [[UInt8]], sourceLocation: SourceLocation = #_sourceLocation) {
        func same(_ lines: [[UInt8]]) -> Bool {
            decode(lines, fast: true, packed: false) == decode(lines, fast: false, packed: false)
                && decode(lines, fast: true, packed: true) == decode(lines, fast: false, packed: true)
        }
        if same(lines) { return }
        for line in lines where !same([line]) {
            Issue.record("the fast path differs on \(String(decoding: line, as: UTF8.self)): events \(decode([line], fast: true, packed: false)) vs \(decode([line], fast: false, packed: false)); packed \(decode([line], fast: true, packed: true)) vs \(decode([line], fast: false, packed: true))",
                         sourceLocation: sourceLocation)
            return
        }
        Issue.record("the lines differ only together", sourceLocation: sourceLocation)
    }

    @Test func framesInEachVenuesLayoutTakeTheFastPathAndMatchTheGeneralDecoder() throws {
        for (venue, frame) in Self.fastFrames {
            let line = Array(frame.utf8)
            #expect(Self.takesFastPath(line), "\(frame)")
            let general = Self.decode([line], fast: false, packed: false)
            #expect(general.rejections.isEmpty, "\(frame)")
            for case .liquidation(let l) in general.events { #expect(l.venue == venue) }
            Self.expectSame([line])
            #expect(Self.decode([line], fast: false, packed: true) == general, "\(frame)")
        }
        let lines = Self.fastFrames.map { Array($0.1.utf8) }
        Self.expectSame(lines)
        let general = Self.decode(lines, fast: false, packed: false)
        #expect(Self.decode(lines, fast: true, packed: true) == general)
        #expect(general.events.count == 25 && general.ignored == 1)
        // Spot checks of the values: the HTX future's coin comes from `symbol`, Deribit's MT is two orders.
        let all: [Liquidation] = general.events.compactMap { if case .liquidation(let l) = $0 { l } else { nil } }
        let htx = try #require(all.first { $0.instrument == "BTC200703" })
        #expect(htx.coin == "BTC" && htx.usd.centsString == "145000.00" && htx.side == .long)
        #expect(all.filter { $0.instrument == "BTC_USDC-PERPETUAL" }.map(\.side) == [.long, .short])
        let gate = try #require(all.first { $0.instrument == "SOL_USDT" })
        #expect(gate.time == 1_541_486_601_000 && gate.side == .long && gate.usd.centsString == "26672.40")
    }

    @Test func linesOutsideTheLayoutsFallBackAndMatch() {
        for text in Self.otherLines {
            let line = Array(text.utf8)
            #expect(!Self.takesFastPath(line), "\(text)")
            Self.expectSame([line])
        }
        Self.expectSame(Self.otherLines.map { Array($0.utf8) })
    }

    /// The OKX fast path's direct look-up of the bundled contracts finds what the book finds.
    @Test func bundledOKXContractsAreFoundAsInTheBook() {
        for name in OKXContracts.bundled.all.map(\.instrument) + ["BTC-USDT-SWAPX", "BTC-USDT-SWA", "", "XRP-USD-230929"] {
            var bytes = Array(name.utf8)
            bytes.withUnsafeMutableBufferPointer { p in
                let raw = UnsafeBufferPointer(p)
                #expect(OKXContracts.bundledContract(raw) == OKXContracts.bundled.facts(venue: "okx", instrument: raw), "\(name)")
            }
        }
    }

    /// Every hostile number and string in every value of every frame, layout kept: the fast
    /// paths' own number, name and side handling against the general decoder's.
    @Test func hostileValuesInEveryFieldDecodeIdentically() {
        let numbers = Mutator.numbers.map { String(decoding: $0, as: UTF8.self) }
            + ["0.0", "5.", ".5", "007", "0.00000001", "-12.5", "1768000000000", "1.50", "1541486601", "99999999999"]
        let strings = Mutator.strings.map { String(decoding: $0, as: UTF8.self) }
            + ["T", "M", "MT", "TM", "close", "open", "BTC_USDT", "PEPE_USDT", "BTC-USDT", "BTC200703", "XBT", "usdt-futures"]
        var lines: [[UInt8]] = []
        for (_, frame) in Self.fastFrames {
            for (range, quoted) in Self.values(frame) {
                for n in numbers {
                    lines.append(Array((frame[..<range.lowerBound] + (quoted ? "\"\(n)\"" : n) + frame[range.upperBound...]).utf8))
                }
                if quoted {
                    for s in strings { lines.append(Array((frame[..<range.lowerBound] + "\"\(s)\"" + frame[range.upperBound...]).utf8)) }
                } else {
                    lines.append(Array((frame[..<range.lowerBound] + "\"" + frame[range] + "\"" + frame[range.upperBound...]).utf8))
                }
            }
        }
        for start in stride(from: 0, to: lines.count, by: 500) {
            Self.expectSame(Array(lines[start ..< min(start + 500, lines.count)]))
        }
        #expect(lines.count > 10_000)
        #expect(lines.count { Self.takesFastPath($0) } > 1_000)
    }

    /// 100,000 mutants of the frames (byte damage, splices, hostile numbers and strings), each
    /// decoded four ways: identical outcomes.
    // Async with a yield per batch: a long CPU-bound test must not hold both threads of the
    // cooperative pool, or timer-driven tests elsewhere in the run starve.
    @Test func mutantsDecodeIdenticallyEveryWay() async {
        var mutator = Mutator(seed: 0xFA57_0002, samples: Self.fastFrames.map(\.1) + Self.otherLines)
        var fastAccepted = 0
        for _ in 0 ..< 1_000 {
            let batch = (0 ..< 100).map { _ in mutator.next() }
            Self.expectSame(batch)
            fastAccepted += batch.count { Self.takesFastPath($0) }
            await Task.yield()
        }
        // Most byte-level mutants break the layout; these still reach the fast paths themselves.
        #expect(fastAccepted > 800)
    }

    /// The byte ranges of the values of `"key":value` pairs whose value is a string or a
    /// number, and whether it is quoted.
    static func values(_ frame: String) -> [(Range<String.Index>, Bool)] {
        var out: [(Range<String.Index>, Bool)] = []
        var i = frame.startIndex
        while let colon = frame[i...].firstIndex(of: ":") {
            let start = frame.index(after: colon)
            guard start < frame.endIndex, frame[frame.index(before: colon)] == "\"" else { i = start; continue }
            if frame[start] == "\"" {
                guard let close = frame[frame.index(after: start)...].firstIndex(of: "\"") else { break }
                out.append((start ..< frame.index(after: close), true))
                i = frame.index(after: close)
            } else if frame[start] == "-" || frame[start].isNumber {
                let end = frame[start...].firstIndex { !($0.isNumber || $0 == "." || $0 == "-") } ?? frame.endIndex
                out.append((start ..< end, false))
                i = end
            } else {
                i = start
            }
        }
        return out
    }
}
