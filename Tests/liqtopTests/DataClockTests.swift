import Foundation
import Testing
import LiqtopCore
@testable import liqtop
import LiqtopTestSupport

/// `tail --data-clock` and the prune schedule live sessions share (the soak in Soak/ runs the
/// whole thing for ten minutes; these pin the rules).
@Suite struct DataClockTests {
    static let t0: Millis = 1_768_348_800_000 // 2026-01-14T00:00Z

    static func liquidation(at t: Millis) -> Event {
        .liquidation(Liquidation(time: t, venue: .binance, instrument: "BTCUSDT", coin: "BTC", side: .long,
                                 price: FixedDecimal(95_000), quantity: FixedDecimal(1), usd: USD(dollars: 95_000)))
    }

    @Test func prunesEveryTenMinutesOfTheStoreClockKeepingADayAndAnHour() {
        var schedule = PruneSchedule()
        #expect(schedule.cutoff(at: Self.t0) == nil) // the first tick only starts the count
        #expect(schedule.cutoff(at: Self.t0 + 10 * Duration.minute - 1) == nil)
        let due = Self.t0 + 10 * Duration.minute
        #expect(schedule.cutoff(at: due) == due - 25 * Duration.hour)
        #expect(schedule.cutoff(at: due + 1) == nil) // counted from the last prune
        #expect(schedule.cutoff(at: due - Duration.hour) == nil) // a clock going back prunes nothing
        // A fast feed jumps hours between two ticks: one prune, at the newest time.
        let jump = due + 6 * Duration.hour
        #expect(schedule.cutoff(at: jump) == jump - 25 * Duration.hour)
        #expect(schedule.cutoff(at: jump + 10 * Duration.minute) == jump + 10 * Duration.minute - 25 * Duration.hour)
    }

    @Test func newestTimeFollowsTheNewestLiquidationOnly() {
        let newest = NewestTime()
        #expect(newest.value == nil)
        newest.advance(past: [.note(MacroNote(time: Self.t0 + 99_999, source: "s", text: "x"))])
        #expect(newest.value == nil) // only liquidations are pruned, so only they drive the clock
        newest.advance(past: [Self.liquidation(at: Self.t0 + 5), Self.liquidation(at: Self.t0 + 9), Self.liquidation(at: Self.t0 + 7)])
        #expect(newest.value == Self.t0 + 9)
        newest.advance(past: [Self.liquidation(at: Self.t0 + 1)]) // a late line does not move it back
        #expect(newest.value == Self.t0 + 9)
        newest.advance(past: [])
        #expect(newest.value == Self.t0 + 9)
    }

    @Test func newestTimeIsExactUnderConcurrentBatches() async {
        let newest = NewestTime()
        await withTaskGroup(of: Void.self) { group in
            for k in 0 ..< 8 {
                group.addTask {
                    for i in 0 ..< 2_000 { newest.advance(past: [Self.liquidation(at: Self.t0 + Millis(i * 8 + k))]) }
                }
            }
        }
        #expect(newest.value == Self.t0 + 1_999 * 8 + 7)
    }

    /// Through the binary: a feed two days old passes whole with `--data-clock`.
    @Test func tailWithDataClockPrintsAnOldFeedWhole() async throws {
        let lines = (0 ..< 50).map { i in
            #"{"e":"forceOrder","E":1,"o":{"s":"BTCUSDT","S":"\#(i % 2 == 0 ? "SELL" : "BUY")","q":"0.01\#(i % 10)","p":"95000","T":\#(Self.t0 + Millis(i) * 3_600_000)}}"#
        }
        let result = try await LiqtopBinary.run(["tail", "-", "--print", "--data-clock"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let printed = result.stdout.split(separator: "\n")
        #expect(printed.count == 50)
        #expect(printed.first == #"{"type":"liquidation","time":1768348800000,"venue":"binance","instrument":"BTCUSDT","coin":"BTC","side":"long","price":"95000","qty":"0.01","usd":"950"}"#)
        #expect(result.stderr.isEmpty)
    }
}
