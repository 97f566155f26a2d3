import Testing
@testable import LiqtopCore

/// The decoders' name → instrument id cache must hit on every repeat, whichever venues share
/// a name: a mixed capture alternates Binance's and Bybit's `BTCUSDT` line after line. (Each
/// name added to the table makes the cached ids of the output's earlier table stale, so a name
/// may miss twice while the names of a file are first seen; after that, never.)
@Suite struct InstrumentCacheTests {
    static func lookUp(_ names: [[UInt8]], venues: [Venue], rounds: Int, _ cache: inout InstrumentCache,
                       _ orders: inout OrderColumns) -> [UInt32?] {
        var ids: [UInt32?] = []
        for _ in 0 ..< rounds {
            for venue in venues {
                for var n in names { n.withUnsafeMutableBufferPointer { ids.append(cache.id(UnsafeBufferPointer($0), venue: venue, in: &orders)) } }
            }
        }
        return ids
    }

    @Test func theSameNameOnTwoVenuesHitsForBoth() {
        var cache = InstrumentCache()
        var orders = OrderColumns()
        let venues = [Venue.binance, .bybit, .bitget]
        let warm = Self.lookUp([Array("BTCUSDT".utf8)], venues: venues, rounds: 2, &cache, &orders)
        #expect(cache.misses <= 6)
        let before = cache.misses
        let ids = Self.lookUp([Array("BTCUSDT".utf8)], venues: venues, rounds: 100, &cache, &orders)
        #expect(cache.misses == before)
        #expect(ids == Array(repeating: warm.suffix(3), count: 100).flatMap { $0 })
        #expect(Set(ids.compactMap { $0 }).count == 3 && orders.instruments.count == 3)
    }

    /// Many names at once (a day of every venue) still hit on every repeat.
    @Test func aDayOfNamesStaysCached() {
        var cache = InstrumentCache()
        var orders = OrderColumns()
        let names = (0 ..< 120).map { Array("C\($0)USDT".utf8) }
        _ = Self.lookUp(names, venues: [.binance, .okx], rounds: 2, &cache, &orders)
        let before = cache.misses
        _ = Self.lookUp(names, venues: [.binance, .okx], rounds: 5, &cache, &orders)
        #expect(cache.misses == before)
        #expect(orders.instruments.count == 240)
    }
}
