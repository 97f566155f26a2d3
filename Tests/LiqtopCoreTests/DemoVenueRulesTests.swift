import Testing
@testable import LiqtopCore

/// The demo day's orders behave as each venue's stream does, so the app's own venue caveats
/// hold on the demo too (DrillViews.caveat); the published totals still hold (DemoDayTests.headlineTotalsHold).
@Suite struct DemoVenueRulesTests {
    /// Binance pushes only the latest liquidation of a symbol in each 1000 ms snapshot
    /// (https://developers.binance.com/docs/derivatives/usds-margined-futures/websocket-market-streams/Liquidation-Order-Streams).
    @Test func binanceHasAtMostOneLiquidationPerSymbolPerSecond() {
        var seen = Set<String>()
        var doubled: [Liquidation] = []
        for l in DemoDayTests.liquidations where l.venue == .binance {
            if !seen.insert("\(l.instrument) \(l.time / Duration.second)").inserted { doubled.append(l) }
        }
        #expect(doubled.isEmpty, "\(doubled.count) Binance orders share a symbol's second, e.g. \(doubled.prefix(3).map { "\($0.instrument) \(ISOTime.format($0.time))" })")
    }
}
