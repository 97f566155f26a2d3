import LiqtopCore
@testable import LiqtopTUI
import Testing

/// Every venue's drill-down says what its public stream leaves out, in one short line.
@Suite struct VenueCaveatTests {
    @Test func everyVenueHasAShortCaveat() {
        for venue in Venue.liquidationVenues {
            let text = DrillViews.caveat(venue)
            #expect(!text.isEmpty && text.count <= 100, "\(venue): \(text)")
        }
    }

    /// A leverage-only venue's caveat says exactly what is read of it, and that it has no liquidations.
    @Test func hyperliquidSaysWhatItCovers() {
        #expect(DrillViews.caveat(.hyperliquid)
            == "funding, open interest, mark and oracle price per coin (activeAssetCtx); no liquidations: Hyperliquid publishes none")
        #expect(VenueCoverage.notRead.hasPrefix("Hyperliquid: " + DrillViews.caveat(.hyperliquid) + "."))
        #expect(VenueCoverage.notRead.contains("Not read: KuCoin, MEXC, BingX"))
        for venue in Venue.liquidationVenues { #expect(VenueCoverage.leverageOnly(venue) == nil) }
    }

    /// Without liquidations, a file's Hyperliquid figures are what put it "in the data".
    @Test func hyperliquidIsInTheDataThroughItsLeverageFigures() async {
        let t: Millis = 1_768_348_800_000
        let store = MarketStore()
        #expect(VenueCoverage.state(.hyperliquid, await store.snapshot(at: t)).0 == "–")
        await store.ingest([.openInterest(OpenInterest(time: t, venue: .hyperliquid, instrument: "BTC", coin: "BTC",
                                                       size: FixedDecimal(2), unit: .coin, usd: USD(dollars: 194_000)))], source: "f")
        #expect(VenueCoverage.state(.hyperliquid, await store.snapshot(at: t)).0 == "in the data")
        #expect(VenueCoverage.state(.bybit, await store.snapshot(at: t)).0 == "–")
    }

    @Test func theNewVenuesSayWhatTheyMiss() {
        #expect(DrillViews.caveat(.bitget).contains("largest long and short per symbol per second"))
        #expect(DrillViews.caveat(.gate).contains("--instruments"))
        #expect(DrillViews.caveat(.gate).contains("USDT perpetuals only"))
        #expect(DrillViews.caveat(.aster).contains("raw Aster files read as Binance"))
    }
}
