import LiqtopCore
@testable import LiqtopTUI
import Testing

/// Every venue's drill-down says what its public stream leaves out, in one short line.
@Suite struct VenueCaveatTests {
    @Test func everyVenueHasAShortCaveat() {
        for venue in Venue.allCases {
            let text = DrillViews.caveat(venue)
            #expect(!text.isEmpty && text.count <= 100, "\(venue): \(text)")
        }
    }

    @Test func theNewVenuesSayWhatTheyMiss() {
        #expect(DrillViews.caveat(.bitget).contains("largest long and short per symbol per second"))
        #expect(DrillViews.caveat(.gate).contains("--instruments"))
        #expect(DrillViews.caveat(.gate).contains("USDT perpetuals only"))
        #expect(DrillViews.caveat(.aster).contains("raw Aster files read as Binance"))
    }
}
