import Foundation
import LiqtopCore
@testable import LiqtopTUI
import Testing

/// Whole screens (text and style) of the history and compare views on the demo archive at
/// 80×24 and 200×60, against `Goldens/` (`LIQTOP_UPDATE_GOLDENS=1 swift test --filter
/// ArchiveGoldenTests` writes them after a deliberate change).
@Suite struct ArchiveGoldenTests {
    static let model: ArchiveModel = {
        var d = DayDigests()
        d.add(DemoArchive.events())
        return ArchiveModel(d)
    }()

    static let screens: [(String, [Key])] = [
        ("history-end", []),
        ("history-mark-back", [.char("m"), .pageUp, .left, .left]),
        ("compare-crash-squeeze", [.char("c")]),
        ("compare-aligned-usd", [.char("c"), .char("a"), .char("s")]),
        ("history-help", [.char("?")]),
    ]

    static func screen(_ keys: [Key], width: Int, height: Int) -> (CellGrid, ArchiveViewState) {
        var v = ArchiveViewState(series: model.series)
        var g = ArchiveRenderer.render(model, &v, source: DemoArchive.label, width: width, height: height)
        for k in keys {
            _ = v.handle(k, model.series)
            g = ArchiveRenderer.render(model, &v, source: DemoArchive.label, width: width, height: height)
        }
        return (g, v)
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func screensMatchTheirGoldens(_ w: Int, _ h: Int) throws {
        let update = ProcessInfo.processInfo.environment["LIQTOP_UPDATE_GOLDENS"] == "1"
        for (name, keys) in Self.screens {
            let actual = GoldenScreenTests.serialize(Self.screen(keys, width: w, height: h).0)
            try GoldenScreenTests.check(actual, against: "\(name)-\(w)x\(h).txt", update: update, suite: "ArchiveGoldenTests")
        }
    }
}
