import LiqtopCore
@testable import LiqtopLive
import Testing

/// The resend budget: what earlier connections delivered, copy for copy, within the bounds.
@Suite struct DedupeTests {
    private func liquidation(_ qty: Int64, time: Millis = 1_000, price: Int64 = 100) -> Liquidation {
        Liquidation(time: time, venue: .bybit, instrument: "BTCUSDT", coin: "BTC", side: .long,
                    price: FixedDecimal(price), quantity: FixedDecimal(qty), usd: USD(dollars: qty * price))
    }

    @Test func dedupeDropsOnlyWhatEarlierConnectionsDelivered() {
        var d = LiquidationDedupe(window: 60_000, maxKeys: 100)
        func ins(_ l: Liquidation, _ now: Millis) -> Bool { d.insert(l, now: now) }
        d.newConnection(now: 0)
        #expect(ins(liquidation(1), 0))
        #expect(ins(liquidation(1), 10)) // the same key on one connection: another order
        #expect(ins(liquidation(2), 20))
        d.newConnection(now: 30)
        #expect(!ins(liquidation(2), 30)) // resent
        #expect(!ins(liquidation(1), 31))
        #expect(!ins(liquidation(1), 32))
        #expect(ins(liquidation(1), 33))  // a third copy: more than was delivered
        #expect(ins(liquidation(3), 34))
        #expect(d.count == 5)
        // The next connection may resend all five deliveries, from both connections.
        d.newConnection(now: 40)
        #expect(!ins(liquidation(3), 41))
        let resent = (0 ..< 3).filter { _ in !ins(liquidation(1), 42) }.count
        #expect(resent == 3)
        #expect(ins(liquidation(1), 43))
    }

    @Test func dedupeIsAnyKeyDifferenceAware() {
        var d = LiquidationDedupe(window: 60_000, maxKeys: 100)
        func ins(_ l: Liquidation, _ now: Millis) -> Bool { d.insert(l, now: now) }
        #expect(ins(liquidation(1), 0))
        d.newConnection(now: 1)
        var other = liquidation(1)
        other.side = .short
        #expect(ins(other, 2))
        other = liquidation(1)
        other.venue = .okx
        #expect(ins(other, 2))
        #expect(ins(liquidation(1, price: 101), 2))
        #expect(ins(liquidation(1, time: 1_001), 2))
        #expect(!ins(liquidation(1), 2))
    }

    @Test func dedupeForgetsAfterTheWindowAndBeyondTheCount() {
        var d = LiquidationDedupe(window: 60_000, maxKeys: 1_000)
        func ins(_ l: Liquidation, _ now: Millis) -> Bool { d.insert(l, now: now) }
        #expect(ins(liquidation(1), 0))
        d.newConnection(now: 60_001) // delivered at 0: forgotten
        #expect(ins(liquidation(1), 60_001))
        // A resend budget lapses with the window too.
        d.newConnection(now: 60_002)
        #expect(ins(liquidation(1), 120_003))

        var e = LiquidationDedupe(window: 600_000, maxKeys: 1_000)
        func insE(_ l: Liquidation, _ now: Millis) -> Bool { e.insert(l, now: now) }
        for q in 1 ... 10_000 { _ = e.insert(liquidation(Int64(q)), now: 0) }
        #expect(e.count == 1_000)
        e.newConnection(now: 0)
        #expect(!insE(liquidation(10_000), 0))
        #expect(insE(liquidation(1), 0)) // long evicted
    }

    @Test func lateFramesOfAnEarlierConnectionAreNewAndResendable() {
        var d = LiquidationDedupe()
        func ins(_ l: Liquidation, _ now: Millis, late: Bool = false) -> Bool { d.insert(l, now: now, late: late) }
        d.newConnection(now: 0)
        d.newConnection(now: 1)
        #expect(ins(liquidation(7), 2, late: true)) // the closing connection's last frame
        #expect(!ins(liquidation(7), 3))            // the new connection resends it
        #expect(ins(liquidation(7), 4))
    }

    @Test func dedupeFilterKeepsOrder() {
        var d = LiquidationDedupe()
        var first: [Event] = [.liquidation(liquidation(1)), .liquidation(liquidation(2))]
        let none = d.filter(&first, now: 0)
        #expect(none == 0)
        d.newConnection(now: 1)
        var events: [Event] = [.liquidation(liquidation(1)), .liquidation(liquidation(3)), .liquidation(liquidation(2)),
                               .liquidation(liquidation(3))]
        let removed = d.filter(&events, now: 1)
        #expect(removed == 2)
        #expect(events == [.liquidation(liquidation(3)), .liquidation(liquidation(3))])
    }
}
