import Foundation
import LiqtopCore
@testable import LiqtopTUI
import LiqtopTestSupport
import Testing

/// The history and compare views' keys, and the real Farside-derived ETF tables (BTC and ETH,
/// 2024–2026) in the history view against sums the test computes from the CSV itself.
@Suite struct ArchiveViewTests {
    static var demo: ArchiveModel { ArchiveGoldenTests.model }

    @Test func cComparesTheCursorWithTheBiggestDayAndEscGoesBack() throws {
        let series = Self.demo.series
        var v = ArchiveViewState(series: series)
        #expect(series.entries[v.cursor].day == DemoDay.day)
        #expect(v.handle(.char("c"), series) == nil)
        let crash = try #require(series.index(of: Day(iso: "2025-10-10")!))
        #expect(v.mode == .compare(crash, v.cursor))
        _ = v.handle(.escape, series)
        #expect(v.mode == .history)
        // A mark wins over the biggest day.
        _ = v.handle(.left, series); _ = v.handle(.char("m"), series); _ = v.handle(.right, series)
        _ = v.handle(.char("c"), series)
        #expect(v.mode == .compare(v.cursor - 1, v.cursor))
        _ = v.handle(.char("c"), series)
        #expect(v.mode == .history)
    }

    @Test func enterReplaysADayWithOrdersOnlyAndQInHelpClosesIt() throws {
        let series = Self.demo.series
        var v = ArchiveViewState(series: series)
        v.replayable = [DemoDay.day]
        #expect(v.handle(.enter, series) == .replay(DemoDay.day))
        _ = v.handle(.left, series) // 2026-01-13: the daily history only
        #expect(v.handle(.enter, series) == nil)
        #expect(v.message == "2026-01-13: no orders in the archive to replay")
        v.cursor = try #require(series.index(of: Day(iso: "2025-10-10")!))
        #expect(v.handle(.enter, series) == nil)
        #expect(v.message?.contains("has no replay") == true)
        _ = v.handle(.char("?"), series)
        #expect(v.handle(.char("q"), series) == nil && !v.showHelp)
        #expect(v.handle(.char("q"), series) == .quit)
    }

    @Test func aClickOnADayMovesTheCursorThere() throws {
        var v = ArchiveViewState(series: Self.demo.series)
        let g = ArchiveRenderer.render(Self.demo, &v, source: "", width: 200, height: 60)
        // 90 days a page at 200 columns, two columns each: days 46…135.
        let target = try #require(g.hits.first { if case .historyDay(100) = $0.target { true } else { false } })
        #expect(target.rect.width == 2)
        v.handle(click: g.target(x: target.rect.x + 1, y: target.rect.y + 5))
        #expect(v.cursor == 100)
    }

    @Test func theSignalMarksTheSqueezeAndTheRatePathCarriesTheCut() throws {
        let series = Self.demo.series
        let marked = series.entries.filter { $0.signal != nil }.map(\.day)
        #expect(marked == [DemoDay.day])
        let before = try #require(series.entries.first { $0.day == Day(iso: "2025-12-10") })
        let after = try #require(series.entries.first { $0.day == Day(iso: "2025-12-13") }) // a Saturday: carried over
        #expect(before.targetRange?.upper.description == "4" && after.targetRange?.upper.description == "3.75")
    }

    /// Tenths of $1M per fund column, summed per row (the total column left out), by row date.
    static func farsideOracle(_ text: String) -> [(day: String, tenths: Int64)] {
        var rows = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = rows.removeFirst()
        let funds = header.indices.filter { $0 > 0 && header[$0] != "Total" && header[$0] != "COL11" }
        func tenths(_ s: String) -> Int64 {
            let negative = s.hasPrefix("-"), digits = negative ? String(s.dropFirst()) : s
            let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
            let whole = Int64(parts[0]) ?? 0
            let frac = parts.count > 1 ? Int64(String(parts[1].prefix(1))) ?? 0 : 0
            return (negative ? -1 : 1) * (whole * 10 + frac)
        }
        return rows.map { r in (r[0], funds.reduce(0) { $0 + tenths(r[$1]) }) }
    }

    @Test func realFarsideTablesLoadIntoTheHistory() throws {
        var digests = DayDigests()
        var oracle: [EtfAsset: [(day: String, tenths: Int64)]] = [:]
        for (asset, name) in [(EtfAsset.BTC, "etf_btc_flows_farside-derived__btabiado-alpine-data.csv"),
                              (.ETH, "etf_eth_flows_farside-derived__btabiado-alpine-data.csv")] {
            let path = try #require(RealSamples.path(name), "../shared/samples/real/\(name) is needed")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let out = InputDecoder.decodeAll(text, source: name, context: DecodeContext(now: ISOTime.parse("2027-01-01T00:00:00Z")!))
            #expect(out.rejections.isEmpty)
            digests.add(out.events)
            oracle[asset] = Self.farsideOracle(text)
        }
        let model = ArchiveModel(digests)
        let day = try #require(model.series.index(of: Day(iso: "2026-01-14")!))
        let entry = model.series.entries[day]
        #expect(entry.etf[.BTC] == USD(dollars: 840_600_000))
        for asset in [EtfAsset.BTC, .ETH] {
            let rows = oracle[asset] ?? []
            let upTo = rows.filter { $0.day <= "2026-01-14" }.reduce(0) { $0 + $1.tenths }
            #expect(entry.cumulativeEtf[asset] == USD(dollars: upTo * 100_000), "\(asset)")
            let all = rows.reduce(0) { $0 + $1.tenths }
            #expect(model.series.entries.last?.cumulativeEtf[asset] == USD(dollars: all * 100_000), "\(asset)")
        }
        // On screen: the cursor on 2026-01-14 shows its BTC bar's figure.
        var v = ArchiveViewState(series: model.series)
        v.cursor = day
        let g = ArchiveRenderer.render(model, &v, source: "", width: 200, height: 60)
        #expect(g.text.contains("2026-01-14 Wed · no liquidations in the inputs · ETF BTC +$840.60M ETH "), "\(g.text)")
    }
}
