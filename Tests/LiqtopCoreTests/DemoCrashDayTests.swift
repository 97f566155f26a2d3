import Testing
@testable import LiqtopCore

/// The demo archive's generated 2025-10-10 against its published shape and the bundled daily
/// history, with plain sums over the orders.
@Suite struct DemoCrashDayTests {
    static let orders = DemoCrashDay.liquidations()

    static func total(_ side: Side, hours: Range<Int> = 0 ..< 24) -> Int64 {
        let day = DemoCrashDay.day.start
        return orders.reduce(0) { acc, l in
            let h = Int((l.time - day) / Duration.hour)
            return l.side == side && hours.contains(h) ? acc + l.usd.micros : acc
        }
    }

    @Test func everyHourMeetsItsBudgetToUnderADollar() {
        for h in 0 ..< 24 {
            let unit = 1_000_000 * USD.microsPerDollar
            #expect((Self.total(.long, hours: h ..< h + 1) - DemoCrashDay.longBudget[h] * unit).magnitude < UInt64(USD.microsPerDollar))
            #expect((Self.total(.short, hours: h ..< h + 1) - DemoCrashDay.shortBudget[h] * unit).magnitude < UInt64(USD.microsPerDollar))
        }
    }

    @Test func dayTotalsAreTheBundledHistorysToTheDollar() throws {
        let history = try #require(DemoHistory.totals().first { $0.day == DemoCrashDay.day })
        #expect((Self.total(.long) - history.longUSD.micros).magnitude < 24 * UInt64(USD.microsPerDollar))
        #expect((Self.total(.short) - history.shortUSD.micros).magnitude < 24 * UInt64(USD.microsPerDollar))
        #expect(history.longUSD == USD(dollars: 16_700_000_000) && history.shortUSD == USD(dollars: 2_500_000_000))
    }

    @Test func theCascadeComesAfterTheAnnouncementAndPricesFall() throws {
        let afterNine = Self.total(.long, hours: 21 ..< 22)
        #expect(afterNine * 2 > Self.total(.long))
        let largest = try #require(Self.orders.max { $0.usd < $1.usd })
        #expect(largest.side == .long && largest.coin == "BTC")
        #expect(largest.time >= DemoCrashDay.note.time)
        let btc = Self.orders.filter { $0.coin == "BTC" && $0.venue == .bybit }
        let first = try #require(btc.first), last = try #require(btc.last)
        #expect(last.price < first.price)
    }

    @Test func ordersAreSelfConsistentAndBinanceKeepsOnePerSymbolPerSecond() {
        let orders = Self.orders
        #expect(orders.count > 20_000 && orders.count < 80_000)
        #expect(orders.allSatisfy { USD.product($0.quantity, $0.price) == $0.usd })
        #expect(orders.allSatisfy { $0.time >= DemoCrashDay.day.start && $0.time < DemoCrashDay.day.start + Duration.day })
        #expect(zip(orders, orders.dropFirst()).allSatisfy { $0.time <= $1.time })
        var seconds = Set<String>()
        for l in orders where l.venue == .binance {
            #expect(seconds.insert("\(l.instrument) \(l.time / Duration.second)").inserted)
        }
    }

    @Test func theArchiveHoldsBothDaysAndSaysItIsGenerated() {
        let events = DemoArchive.events()
        let days = Set(events.compactMap { e -> Day? in
            if case .liquidation(let l) = e { Day(containing: l.time) } else { nil }
        })
        #expect(days == Set(DemoArchive.fullDays))
        #expect(DemoArchive.label.contains("generated"))
    }
}
