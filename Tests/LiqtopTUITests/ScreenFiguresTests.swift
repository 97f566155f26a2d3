import Foundation
import LiqtopCore
@testable import LiqtopTUI
import Testing

/// Every figure on screen is one `summary --json --at` prints for the same instant: each money
/// figure is a JSON amount in the screen's rounding, each percentage a JSON percentage, and the
/// clock shown reads back as the instant (with milliseconds after `b`).
@Suite struct ScreenFiguresTests {
    /// Number literals of the JSON text, exactly as written, and the words of its strings.
    static func literals(_ json: String) -> (numbers: [String], strings: [String]) {
        let numbers = json.matches(of: /[:\[,] (-?[0-9]+(?:\.[0-9]+)?)(?=[,}\]])/).map { String($0.output.1) }
        let strings = json.matches(of: /"((?:[^"\\]|\\.)*)"/).map { String($0.output.1) }
        return (numbers, strings)
    }

    /// What the screen may print for the JSON's figures: amounts in both roundings, signed or
    /// not, and percentages as written.
    static func candidates(_ json: String) -> Set<String> {
        let (numbers, strings) = literals(json)
        var out = Set<String>()
        for n in numbers {
            out.insert(n + "%")
            out.insert(n.drop { $0 == "-" } + "%") // the screen reads `-2.46%` as `2.46%` here: signs are not matched
            guard let d = try? FixedDecimal.parse(n), let usd = USD(d) else { continue }
            // Funding rates are fractions in the JSON (`leverage`), percent on screen, per 8 h and a year.
            for f in [Figures.funding(d), Figures.fundingAnnualized(d, intervalHours: 8)] {
                out.insert(String(f.drop { $0 == "+" || $0 == "-" }.prefix { $0 != "/" }))
            }
            for decimals in [1, 2] {
                let text = usd.compact(decimals: decimals)
                out.insert(text)
                out.insert((usd.micros > 0 ? "+" : "") + text)
            }
        }
        // The size tiers' thresholds, written exactly (`≥$1M`, `≥$1.5M`).
        if let list = json.firstMatch(of: /"thresholds": \[([^\]]*)\]/) {
            for n in list.output.1.split(separator: ",") {
                if let d = try? FixedDecimal.parse(n.trimmingCharacters(in: .whitespaces)), let usd = USD(d) { out.insert("$" + Figures.amount(usd)) }
            }
        }
        // Figures quoted inside summary's own sentences (the squeeze signal's detail).
        for s in strings { for m in s.matches(of: /[+-]?\$[0-9][0-9,]*(\.[0-9]+)?[kMB]?|[0-9]+(\.[0-9]+)?%/) { out.insert(String(m.output.0)) } }
        return out
    }

    static func instants(_ s: Snapshot) -> [Millis] {
        let day = Day(containing: s.clock).start
        return [day + 20 * Duration.hour, day + 21 * Duration.hour + 30 * Duration.minute, day + 23 * Duration.hour,
                s.largestEver!.time, // right after `b`: between seconds
                s.dataRange!.upperBound]
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func everyFigureOnTheDashboardIsSummarys(_ w: Int, _ h: Int) async {
        let store = await DemoFixture.store()
        let end = await store.snapshot()
        for t in Self.instants(end) {
            for window in [Window.h24, .h1] {
                var v = ViewState()
                v.window = window
                let s = await store.snapshot(at: t)
                let screen = Renderer.render(s, v, DemoFixture.chrome, width: w, height: h).text
                await Task.yield() // long CPU work shares the cooperative pool with timer-driven tests
                var tiers: [TierCounts] = []
                for w in Window.allCases { tiers.append(await store.tierCounts(window: w, at: t)) }
                let json = SummaryJSON.render(s, tiers: tiers)
                let allowed = Self.candidates(json)
                // The tape's per-tier counts are summary's for the window they name (the store's
                // focus window: here the 24 h, as no key told the store otherwise).
                let counts = screen.matches(of: /≥\$([0-9.]+[kMB]?) ([0-9,]+)/).map { (String($0.output.1), Int($0.output.2.filter { $0 != "," })!) }
                let named = screen.firstMatch(of: /(1h|4h|12h|24h) ≥\$/)?.output.1
                #expect(named != nil || w == 80, "\(w)×\(h): the tape's tier counts are on screen")
                let expected = tiers.first { named.map(String.init) == $0.window.rawValue } ?? tiers[0]
                for (label, n) in counts {
                    let k = expected.tiers.thresholds.firstIndex { Figures.amount($0) == label }
                    #expect(k.map { expected.counts[$0] } == n, "\(w)×\(h) \(window): ≥$\(label) \(n) is not summary's")
                }
                let shown = screen.matches(of: /[+-]?\$[0-9][0-9,]*(\.[0-9]+)?[kMB]?|[0-9]+(\.[0-9]+)?%/).map { String($0.output.0) }
                #expect(shown.count > 20, "\(ISOTime.format(t)): too few figures read")
                for f in shown { #expect(allowed.contains(f), "\(w)×\(h) \(window) at \(ISOTime.format(t)): \(f) is not in summary --json") }
                // The clock shown is the instant summary was asked for.
                let clock = try! #require(screen.matches(of: /2026-01-14 [0-9:.]+ UTC/).first.map { String($0.output.dropLast(4)) })
                #expect(ISOTime.parse(clock) == t, "\(clock) vs \(ISOTime.format(t))")
            }
        }
    }

    /// The coin drill's "by price" rows are `summary --by-price BTC --step <the step shown>`'s:
    /// each band's lower bound, and its total where the width shows one.
    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func byPriceRowsAreSummarysAtTheStepShown(_ w: Int, _ h: Int) async throws {
        let store = await DemoFixture.store()
        for window in [Window.h24, .h1] {
            var v = ViewState()
            v.window = window
            let s = await DemoFixture.press([.char("A"), .enter], &v, store: store)
            let screen = Renderer.render(s, v, DemoFixture.chrome, width: w, height: h).text
            let step = try #require(screen.matches(of: /by price, [0-9a-z]+ · per \$([0-9,.]+)/).first.map { String($0.output.1) })
            let bands = await store.priceBands(coin: "BTC", window: window, step: try FixedDecimal.parse(step.replacingOccurrences(of: ",", with: "")))
            let summary = SummaryTable.byPrice([bands])
            #expect(summary.contains("BTC by price, \(window.rawValue) · per $\(step)"))
            let rows = screen.matches(of: /([0-9][0-9,]*(?:\.[0-9]+)?) [█▉▊▋▌▍▎▏]+ *(\$[0-9.,]+[kMB]?)?/)
            #expect(rows.count >= 3, "\(w)×\(h) \(window): too few rows read")
            let expected = Dictionary(uniqueKeysWithValues: bands.bands.filter { $0.totals.count > 0 }.map { (Figures.price($0.low), Figures.usd($0.totals.totalUSD)) })
            for r in rows {
                let label = String(r.output.1)
                #expect(expected[label] != nil, "\(w)×\(h) \(window): band \(label) is not in summary")
                if let total = r.output.2 { #expect(expected[label] == String(total), "\(w)×\(h) \(window): \(label) \(total) vs \(expected[label] ?? "–")") }
                #expect(summary.contains("  " + label + " "), "\(label) not a row of summary's table")
            }
        }
    }
}
