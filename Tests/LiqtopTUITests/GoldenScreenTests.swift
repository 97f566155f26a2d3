import Foundation
import LiqtopCore
@testable import LiqtopTUI
import Testing

/// Whole screens, text and style of every cell, of the dashboard and each drill level at
/// 80×24, 120×40 and 200×60 on the demo day at fixed times, against files in `Goldens/`.
/// A change that moves one cell or changes one style fails here; after a deliberate change,
/// `LIQTOP_UPDATE_GOLDENS=1 swift test --filter GoldenScreenTests` writes the new files
/// (review them with `git diff`).
@Suite struct GoldenScreenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    /// The screen as text, then each row's style codes, then what each code means.
    static func serialize(_ g: CellGrid) -> String {
        var codes: [Style: Character] = [:]
        var legend: [String] = []
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&*+-./:;<=>?@^_~")
        var rows: [String] = []
        for y in 0 ..< g.height {
            var row = ""
            for x in 0 ..< g.width {
                let st = g[x, y].style
                if codes[st] == nil {
                    let c = codes.count < alphabet.count ? alphabet[codes.count] : "?"
                    codes[st] = c
                    legend.append("\(c) = \(describe(st))")
                }
                row.append(codes[st]!)
            }
            rows.append(row)
        }
        return g.text + "\n--- styles\n" + rows.joined(separator: "\n") + "\n--- legend\n" + legend.joined(separator: "\n") + "\n"
    }

    static func describe(_ s: Style) -> String {
        var parts = [s.role.rawValue]
        if let b = s.background { parts.append("on " + b.rawValue) }
        if s.bold { parts.append("bold") }
        if s.reverse { parts.append("reverse") }
        if s.underline { parts.append("underline") }
        return parts.joined(separator: " ")
    }

    /// The screens: a name, the keys that reach it from the dashboard, the instant.
    static let screens: [(String, [Key], Millis?)] = [
        ("dashboard-end", [], nil),
        ("dashboard-2100", [], DemoDay.day.start + 21 * Duration.hour),
        ("dashboard-price", [.char("x")], nil),
        ("dashboard-sol-1h-cursor", [.char("/"), .char("s"), .char("o"), .char("l"), .enter, .char("w"), .char("c"), .left], nil),
        ("coins", [.char("A")], nil),
        ("coin-btc", [.char("A"), .enter], nil),
        ("orders-btc-bybit", [.char("A"), .enter, .down, .enter], nil),
        ("etf-btc", [.char("2"), .enter], nil),
        ("etf-btc-fund", [.char("2"), .enter, .enter], nil),
        ("notes", [.char("3"), .enter], nil),
        ("venues", [.char("v")], nil),
        ("leverage", [.char("4")], nil),
        ("leverage-btc", [.char("4"), .enter], nil),
        ("help", [.char("?")], nil),
        ("preset-liquidations", [.char("p")], nil),
        ("preset-flows", [.char("p"), .char("p")], nil),
        ("preset-compact", [.char("p"), .char("p"), .char("p")], nil),
        // With the alerts of `order >= 1M` over the day (as the app lists them): the strip, the list.
        ("alerts-strip", [], nil),
        ("alerts-list", [.char("a")], nil),
    ]

    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func screensMatchTheirGoldens(_ w: Int, _ h: Int) async throws {
        let update = ProcessInfo.processInfo.environment["LIQTOP_UPDATE_GOLDENS"] == "1"
        for (name, keys, at) in Self.screens {
            let store = await DemoFixture.store()
            if let at { await store.setClock(at) }
            var v = ViewState()
            if name.hasPrefix("alerts") {
                await store.setAlertRules([try AlertRule(parsing: "order >= 1M")])
                await store.primeAlerts(at: DemoDay.day.start)
                let fired = await store.advanceAlerts(to: await store.snapshot().clock)
                v.alerts = fired.reversed()
                v.alertCount = fired.count
            }
            let s = await DemoFixture.press(keys, &v, store: store)
            let actual = Self.serialize(Renderer.render(s, v, DemoFixture.chrome, width: w, height: h))
            await Task.yield() // long CPU work shares the cooperative pool with timer-driven tests
            try Self.check(actual, against: "\(name)-\(w)x\(h).txt", update: update, suite: "GoldenScreenTests")
        }
    }

    /// `actual` against `Goldens/NAME` (written instead when `update`); a difference is an issue
    /// naming its first differing line.
    static func check(_ actual: String, against name: String, update: Bool, suite: String) throws {
        let file = directory.appendingPathComponent(name)
        if update {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("\(name) is missing: run LIQTOP_UPDATE_GOLDENS=1 swift test --filter \(suite)")
            return
        }
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false), e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }.map { $0.offset + 1 } ?? min(a.count, e.count) + 1
            Issue.record("\(name) differs from line \(line):\n  now: \(line <= a.count ? String(a[line - 1]) : "")\n  was: \(line <= e.count ? String(e[line - 1]) : "")")
        }
    }
}
