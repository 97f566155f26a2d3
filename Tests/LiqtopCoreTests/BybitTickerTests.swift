import Testing
@testable import LiqtopCore
import LiqtopTestSupport

private func dec(_ s: String) throws -> FixedDecimal { try FixedDecimal.parse(s) }
private func marks(_ out: DecodeOutput) -> [MarkPrice] { out.events.compactMap { if case .markPrice(let m) = $0 { m } else { nil } } }
private func fundings(_ out: DecodeOutput) -> [FundingRate] { out.events.compactMap { if case .funding(let f) = $0 { f } else { nil } } }
private func openInterests(_ out: DecodeOutput) -> [OpenInterest] { out.events.compactMap { if case .openInterest(let o) = $0 { o } else { nil } } }

@Suite struct BybitTickerTests {
    /// ../shared/samples/real/bybit_v5_tickers__tardis-node.ndjson (tardis-dev/tardis-node,
    /// "map bybit messages"), 2023-04-05: BTCUSD inverse perpetual snapshot → delta, BTCUSDU23
    /// inverse future snapshot → delta, BTCUSDT linear snapshot.
    static let real = [
        #"{"topic":"tickers.BTCUSD","type":"snapshot","data":{"symbol":"BTCUSD","tickDirection":"MinusTick","price24hPcnt":"0.023362","lastPrice":"28560.00","prevPrice24h":"27908.00","highPrice24h":"28815.00","lowPrice24h":"27862.50","prevPrice1h":"28500.50","markPrice":"28560.00","indexPrice":"28566.94","openInterest":"449736676","openInterestValue":"15747.08","turnover24h":"23389.1894","volume24h":"661543991","nextFundingTime":"1680681600000","fundingRate":"0.0001","bid1Price":"28560.00","bid1Size":"340549","ask1Price":"28560.50","ask1Size":"70817"},"cs":20856433578,"ts":1680673822577}"#,
        #"{"topic":"tickers.BTCUSD","type":"delta","data":{"symbol":"BTCUSD","price24hPcnt":"0.023362","openInterest":"449736674","fundingRate":"0.0001","bid1Price":"28560.00","bid1Size":"340549","ask1Price":"28560.50","ask1Size":"70817"},"cs":20856433603,"ts":1680673822776}"#,
        #"{"topic":"tickers.BTCUSDU23","type":"snapshot","data":{"symbol":"BTCUSDU23","tickDirection":"MinusTick","price24hPcnt":"0.023231","lastPrice":"29026.00","prevPrice24h":"28367.00","highPrice24h":"29253.00","lowPrice24h":"28350.00","prevPrice1h":"28947.50","markPrice":"29023.60","indexPrice":"28566.94","openInterest":"4547176","openInterestValue":"156.67","turnover24h":"279.6816","volume24h":"8041559","deliveryTime":"2023-09-29T08:00:00Z","basisRate":"0.01600486","deliveryFeeRate":"0.0005","predictedDeliveryPrice":"0.00","basis":"459.06","nextFundingTime":"","fundingRate":"","bid1Price":"29025.00","bid1Size":"3100","ask1Price":"29027.00","ask1Size":"3095"},"cs":12321470232,"ts":1680673822099}"#,
        #"{"topic":"tickers.BTCUSDU23","type":"delta","data":{"symbol":"BTCUSDU23","price24hPcnt":"0.023231","bid1Price":"29025.00","bid1Size":"3100","ask1Price":"29027.00","ask1Size":"3095","basisRate":"0.01603111","deliveryFeeRate":"0.0005"},"cs":12321470236,"ts":1680673822199}"#,
        #"{"topic":"tickers.BTCUSDT","type":"snapshot","data":{"symbol":"BTCUSDT","tickDirection":"ZeroMinusTick","price24hPcnt":"0.023333","lastPrice":"28550.70","prevPrice24h":"27899.70","highPrice24h":"28797.10","lowPrice24h":"27842.80","prevPrice1h":"28474.70","markPrice":"28552.81","indexPrice":"28562.25","openInterest":"52774.528","openInterestValue":"1506861070.82","turnover24h":"4273027716.4294","volume24h":"151185.5160","nextFundingTime":"1680681600000","fundingRate":"0.0001","bid1Price":"28550.70","bid1Size":"2.049","ask1Price":"28550.80","ask1Size":"15.328"},"cs":50193544280,"ts":1680673821770}"#,
    ]

    @Test func realFrames() throws {
        let out = decode(Self.real.joined(separator: "\n"))
        #expect(out.rejections.isEmpty, "\(out.rejections)")
        #expect(out.ignored == 1) // the BTCUSDU23 delta moves only the book and the basis
        #expect(marks(out) == [
            MarkPrice(time: 1_680_673_822_577, venue: .bybit, instrument: "BTCUSD", coin: "BTC", mark: FixedDecimal(28560), index: try dec("28566.94")),
            MarkPrice(time: 1_680_673_822_099, venue: .bybit, instrument: "BTCUSDU23", coin: "BTC", mark: try dec("29023.6"), index: try dec("28566.94")),
            MarkPrice(time: 1_680_673_821_770, venue: .bybit, instrument: "BTCUSDT", coin: "BTC", mark: try dec("28552.81"), index: try dec("28562.25")),
        ])
        // Inverse open interest is USD (its openInterestValue is coins); linear is coins, valued by Bybit in USD.
        #expect(openInterests(out) == [
            OpenInterest(time: 1_680_673_822_577, venue: .bybit, instrument: "BTCUSD", coin: "BTC", size: FixedDecimal(449_736_676), unit: .usd, usd: USD(dollars: 449_736_676)),
            OpenInterest(time: 1_680_673_822_776, venue: .bybit, instrument: "BTCUSD", coin: "BTC", size: FixedDecimal(449_736_674), unit: .usd, usd: USD(dollars: 449_736_674)),
            OpenInterest(time: 1_680_673_822_099, venue: .bybit, instrument: "BTCUSDU23", coin: "BTC", size: FixedDecimal(4_547_176), unit: .usd, usd: USD(dollars: 4_547_176)),
            OpenInterest(time: 1_680_673_821_770, venue: .bybit, instrument: "BTCUSDT", coin: "BTC", size: try dec("52774.528"), unit: .coin, usd: USD(try dec("1506861070.82"))),
        ])
        // The inverse future's `"fundingRate":""` is no funding; the delta's next funding time is the snapshot's.
        #expect(fundings(out) == [
            FundingRate(time: 1_680_673_822_577, venue: .bybit, instrument: "BTCUSD", coin: "BTC", rate: try dec("0.0001"), nextFundingTime: 1_680_681_600_000),
            FundingRate(time: 1_680_673_822_776, venue: .bybit, instrument: "BTCUSD", coin: "BTC", rate: try dec("0.0001"), nextFundingTime: 1_680_681_600_000),
            FundingRate(time: 1_680_673_821_770, venue: .bybit, instrument: "BTCUSDT", coin: "BTC", rate: try dec("0.0001"), nextFundingTime: 1_680_681_600_000),
        ])
    }

    static func delta(_ fields: String, ts: Int64) -> String {
        #"{"topic":"tickers.BTCUSDT","type":"delta","data":{"symbol":"BTCUSDT",\#(fields)},"cs":50193544281,"ts":\#(ts)}"#
    }

    /// The acceptance test of issue 14: a delta without `openInterestValue` keeps the previous
    /// value; a missing field is never read as zero.
    @Test func deltasMergeIntoTheLastSnapshot() throws {
        let lines = [
            Self.real[4], // BTCUSDT snapshot: OI 52774.528 BTC, value 1506861070.82 USD
            Self.delta(#""openInterest":"52780.001","bid1Price":"28550.70""#, ts: 1_680_673_821_870),
            Self.delta(#""openInterestValue":"1507000000.5""#, ts: 1_680_673_821_970),
            Self.delta(#""markPrice":"28600.1""#, ts: 1_680_673_822_070),
            Self.delta(#""fundingRate":"-0.0002","fundingIntervalHour":"4""#, ts: 1_680_673_822_170),
            Self.delta(#""nextFundingTime":"1680688800000""#, ts: 1_680_673_822_270),
        ]
        let out = decode(lines.joined(separator: "\n"))
        #expect(out.rejections.isEmpty, "\(out.rejections)")
        #expect(openInterests(out).map(\.size) == [try dec("52774.528"), try dec("52780.001"), try dec("52780.001")])
        #expect(openInterests(out).map(\.usd) == [USD(try dec("1506861070.82")), USD(try dec("1506861070.82")), USD(try dec("1507000000.5"))])
        #expect(marks(out).map(\.mark) == [try dec("28552.81"), try dec("28600.1")])
        #expect(marks(out).map(\.index) == [try dec("28562.25"), try dec("28562.25")]) // kept, not zero
        #expect(fundings(out).map(\.rate) == [try dec("0.0001"), try dec("-0.0002"), try dec("-0.0002")])
        #expect(fundings(out).map(\.nextFundingTime) == [1_680_681_600_000, 1_680_681_600_000, 1_680_688_800_000])
        #expect(fundings(out).map(\.intervalHours) == [nil, 4, 4])
        #expect(out.events.count == 3 + 1 + 1 + 1 + 1 + 1)
    }

    @Test func aDeltaBeforeAnySnapshotGivesOnlyWhatItCarries() throws {
        let out = decode([
            Self.delta(#""openInterest":"52780.001","fundingRate":"0.0001""#, ts: 1_680_673_821_870),
            Self.delta(#""openInterestValue":"1507000000.5""#, ts: 1_680_673_821_970),
        ].joined(separator: "\n"))
        #expect(out.rejections.isEmpty, "\(out.rejections)")
        // No USD figure yet: left to the store, not taken as zero; then Bybit's own.
        #expect(openInterests(out).map(\.usd) == [nil, USD(try dec("1507000000.5"))])
        #expect(fundings(out) == [FundingRate(time: 1_680_673_821_870, venue: .bybit, instrument: "BTCUSDT", coin: "BTC", rate: try dec("0.0001"))])
        #expect(marks(out).isEmpty)
    }

    @Test func aSnapshotReplacesTheStateAndSourcesDoNotShareIt() throws {
        let snapshotWithoutValue = Self.real[4].replacing(#""openInterestValue":"1506861070.82","#, with: "")
        let out = decode([Self.real[4], snapshotWithoutValue, Self.delta(#""openInterest":"1""#, ts: 1_680_673_821_870)].joined(separator: "\n"))
        #expect(openInterests(out).map(\.usd) == [USD(try dec("1506861070.82")), nil, nil])
        // Another source's decoder knows nothing of this one's snapshot.
        let other = decode(Self.delta(#""openInterest":"1""#, ts: 1_680_673_821_870))
        #expect(openInterests(other).map(\.usd) == [nil])
    }

    /// The state is boxed (see `InputDecoder.tickers()`): a copy of a decoder must not share it.
    @Test func aCopiedDecoderKeepsItsOwnState() throws {
        func feed(_ d: inout InputDecoder, _ line: String) -> DecodeOutput {
            var out = DecodeOutput()
            var text = line
            text.withUTF8 { d.consume($0, lineNumber: 1, into: &out) }
            return out
        }
        var a = InputDecoder(source: "a", context: DecodeContext(now: fixtureNow))
        _ = feed(&a, Self.real[4])
        var b = a
        _ = feed(&b, Self.real[4].replacing(#""openInterestValue":"1506861070.82","#, with: "")) // b forgets the value
        let delta = Self.delta(#""openInterest":"1""#, ts: 1_680_673_821_870)
        #expect(openInterests(feed(&a, delta)).map(\.usd) == [USD(try dec("1506861070.82"))])
        #expect(openInterests(feed(&b, delta)).map(\.usd) == [nil])
    }

    @Test func aRejectedMessageLeavesTheStateAsItWas() throws {
        let out = decode([
            Self.real[4],
            Self.delta(#""markPrice":"0","openInterestValue":"1""#, ts: 1_680_673_821_870),
            Self.delta(#""markPrice":"abc""#, ts: 1_680_673_821_880),
            Self.delta(#""openInterest":"52780.001""#, ts: 1_680_673_821_970),
        ].joined(separator: "\n"))
        #expect(out.rejections.map(\.reason) == ["mark price is zero or negative", "bad data.markPrice: not a number"])
        #expect(openInterests(out).map(\.usd).last == USD(try dec("1506861070.82")))
    }

    /// Bybit's published linear example (https://bybit-exchange.github.io/docs/v5/websocket/public/ticker,
    /// bybit-exchange/docs docs/v5/websocket/public/ticker.mdx).
    @Test func documentedLinearExample() throws {
        let line = #"{"topic":"tickers.BTCUSDT","type":"snapshot","data":{"symbol":"BTCUSDT","tickDirection":"PlusTick","price24hPcnt":"0.017103","lastPrice":"17216.00","prevPrice24h":"16926.50","highPrice24h":"17281.50","lowPrice24h":"16915.00","prevPrice1h":"17238.00","markPrice":"17217.33","indexPrice":"17227.36","openInterest":"68744.761","openInterestValue":"1183601235.91","turnover24h":"1570383121.943499","volume24h":"91705.276","nextFundingTime":"1673280000000","fundingRate":"-0.000212","bid1Price":"17215.50","bid1Size":"84.489","ask1Price":"17216.00","ask1Size":"83.020"},"cs":24987956059,"ts":1673272861686}"#
        let out = decode(line)
        #expect(out.rejections.isEmpty)
        #expect(out.events == [
            .markPrice(MarkPrice(time: 1_673_272_861_686, venue: .bybit, instrument: "BTCUSDT", coin: "BTC", mark: try dec("17217.33"), index: try dec("17227.36"))),
            .openInterest(OpenInterest(time: 1_673_272_861_686, venue: .bybit, instrument: "BTCUSDT", coin: "BTC", size: try dec("68744.761"), unit: .coin, usd: USD(try dec("1183601235.91")))),
            .funding(FundingRate(time: 1_673_272_861_686, venue: .bybit, instrument: "BTCUSDT", coin: "BTC", rate: try dec("-0.000212"), nextFundingTime: 1_673_280_000_000)),
        ])
    }

    @Test func spotOptionsAndOtherShapes() {
        let out = decode([
            // Bybit's spot and option examples (same page): no leverage figures for the panel.
            #"{"topic":"tickers.BTCUSDT","ts":1672305380595,"type":"snapshot","cs":496622841,"data":{"symbol":"BTCUSDT","lastPrice":"16363.78","highPrice24h":"16566.64","lowPrice24h":"16009.19","prevPrice24h":"16443.66","volume24h":"5865.470182","turnover24h":"95949815.680875","price24hPcnt":"-0.0049"}}"#,
            #"{"id":"tickers.BTC-6JAN23-17500-C-2480334983-1672917511074","topic":"tickers.BTC-6JAN23-17500-C","ts":1672917511074,"data":{"symbol":"BTC-6JAN23-17500-C","bidPrice":"0","markPrice":"7.86976724","indexPrice":"16823.73","openInterest":"49.85"},"type":"snapshot"}"#,
            #"{"topic":"tickers.BTCUSDT","type":"snapshot","data":{"symbol":"BTCUSDT","lastPrice":"97000"}}"#,
            #"{"topic":"tickers.BTCUSDT","type":"update","data":{"symbol":"BTCUSDT","markPrice":"97000"},"ts":1680673821870}"#,
            #"{"topic":"tickers.BTCUSDT","type":"delta","data":{"symbol":"BTCUSDT","markPrice":"97000"}}"#,
            #"{"topic":"tickers.BTCUSDT","type":"delta","data":{"symbol":"BTCUSDT","fundingIntervalHour":"8.5"},"ts":1680673821870}"#,
            #"{"topic":"tickers.BTCUSDT","type":"delta","data":{"symbol":"BTCUSDT","fundingRate":"0.3"},"ts":1680673821870}"#,
        ].joined(separator: "\n"))
        #expect(out.events.isEmpty)
        #expect(out.ignored == 3)
        #expect(out.rejections.map(\.reason) == [
            #"unknown ticker type "update""#, "missing ts", "bad data.fundingIntervalHour: expected whole hours",
            "funding rate beyond ±0.25 per interval: implausible",
        ])
    }

    @Test func stateIsBoundedPerSource() {
        var lines: [String] = []
        for k in 0 ... BybitTickerState.maxSymbols {
            lines.append(#"{"topic":"tickers.C\#(k)USDT","type":"snapshot","data":{"symbol":"C\#(k)USDT","markPrice":"1"},"ts":1680673821870}"#)
        }
        let out = decode(lines.joined(separator: "\n"))
        #expect(marks(out).count == BybitTickerState.maxSymbols)
        #expect(out.rejections.map(\.reason) == ["more than \(BybitTickerState.maxSymbols) Bybit ticker symbols in one source"])
    }
}
