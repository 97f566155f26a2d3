#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LiqtopCore

// `liqtop-bench leverage`: a day of 1-second mark prices for every symbol (as Binance's
// `!markPrice@arr@1s` sends them), generated in process and ingested into a MarketStore a
// minute of data per batch; reports the process RSS, the leverage book's own bytes, the
// ingest time and the snapshot time with every coin's figures.

struct LeverageOptions {
    var symbols = 300
    var seconds = 86_400
    /// Binance's stream carries each symbol's funding in the same message every second.
    var funding = false
    var snapshots = 50
    /// C0 is also quoted on this many venues, each with an open interest a minute (the focused
    /// coin's price minutes pick the reference venue minute by minute).
    var focusVenues = 1

    init(_ args: ArraySlice<String>) throws {
        var rest = args
        func count(_ name: String) throws -> Int {
            guard let v = rest.popFirst(), let n = Int(v), n > 0 else { throw BenchError("\(name) needs a positive whole number") }
            return n
        }
        while let a = rest.popFirst() {
            switch a {
            case "--symbols": symbols = try count(a)
            case "--seconds": seconds = try count(a)
            case "--snapshots": snapshots = try count(a)
            case "--funding": funding = true
            case "--focus-venues": focusVenues = min(try count(a), Venue.allCases.count)
            default: throw BenchError("unexpected argument '\(a)'\n\(usage)")
            }
        }
    }
}

func leverageMemory(_ o: LeverageOptions) async {
    let base: Millis = 1_768_348_800_000 // 2026-01-14T00:00Z
    var rng = SeededRandom(seed: 14)
    let coins = (0 ..< o.symbols).map { "C\($0)" }
    // Prices of every magnitude, at the decimals venues quote (BTC 97000.10 … PEPE 0.00001234).
    var prices: [Int64] = coins.indices.map { _ in rng.int(1_000_000 ... 99_999_999) }
    let scales: [Int] = coins.indices.map { $0 % 7 + 1 }
    let store = MarketStore()
    let rssBefore = Memory.statusKiB("VmRSS")
    let t0 = Clock.now()
    var batch: [Event] = []
    batch.reserveCapacity(60 * o.symbols * (o.funding ? 2 : 1))
    for second in 0 ..< o.seconds {
        let t = base + Millis(second) * 1_000
        for (k, coin) in coins.enumerated() {
            prices[k] += rng.int(-prices[k] / 2_000 ... prices[k] / 2_000)
            let instrument = coin + "USDT"
            batch.append(.markPrice(MarkPrice(time: t, venue: .binance, instrument: instrument, coin: coin,
                                              mark: FixedDecimal(mantissa: prices[k], scale: scales[k])!)))
            if o.funding {
                batch.append(.funding(FundingRate(time: t, venue: .binance, instrument: instrument, coin: coin,
                                                  rate: FixedDecimal(mantissa: 100 + Int64(second / 3_600), scale: 6)!,
                                                  nextFundingTime: (t / (8 * Duration.hour) + 1) * 8 * Duration.hour)))
            }
        }
        for v in Venue.allCases.prefix(o.focusVenues) where v != .binance || o.focusVenues > 1 {
            batch.append(.markPrice(MarkPrice(time: t, venue: v, instrument: "C0-PERP", coin: "C0",
                                              mark: FixedDecimal(mantissa: prices[0] + Int64(second % 7), scale: scales[0])!)))
            if second % 60 == 30 {
                batch.append(.openInterest(OpenInterest(time: t, venue: v, instrument: "C0-PERP", coin: "C0",
                                                        size: FixedDecimal(Int64(1_000 + rng.below(500))), unit: .coin)))
            }
        }
        if second % 60 == 59 || second == o.seconds - 1 {
            await store.ingest(batch, source: "bench")
            batch.removeAll(keepingCapacity: true)
        }
    }
    let ingestMs = Clock.ms(since: t0)
    let rss = Memory.statusKiB("VmRSS"), hwm = Memory.statusKiB("VmHWM")
    let bytes = await store.leverageColumnBytes
    var snapshotTimes = Samples(), snapshotCPU = Samples()
    var r = SeededRandom(seed: 2)
    await store.setFocus(Focus(coin: "C0"))
    for i in 0 ..< o.snapshots {
        let t = i == 0 ? base + Millis(o.seconds) * 1_000 : base + Millis(r.below(o.seconds)) * 1_000 + Millis(r.below(1_000))
        let s0 = Clock.now(), c0 = Clock.cpuMs()
        let s = await store.snapshot(at: t)
        snapshotTimes.add(Clock.ms(since: s0)); snapshotCPU.add(Clock.cpuMs() - c0)
        sink &+= s.leverage.count &+ (s.leverage["C0"]?.minutes.count ?? 0)
    }
    // Replay frames at 60×: the clock moves 2 s of data a frame, ending at the day's end.
    var frameCPU = Samples()
    let end = base + Millis(o.seconds) * 1_000
    for i in 0 ..< 200 {
        let c0 = Clock.cpuMs()
        sink &+= await store.snapshot(at: end - Millis(199 - i) * 2_000).leverage.count
        frameCPU.add(Clock.cpuMs() - c0)
    }
    let marks = o.symbols * o.seconds
    print("| figure | measured |")
    print("|---|---|")
    print("| marks ingested (\(o.symbols) symbols × \(o.seconds) s\(o.funding ? ", with funding every second" : "")) | \(grouped(marks)) in \(ms(ingestMs)) |")
    print("| leverage book columns (capacity) | \(fixed(Double(bytes) / 1_048_576, 1)) MiB (\(fixed(Double(bytes) / Double(o.symbols * max(1, o.seconds / 60)), 1)) bytes a symbol-minute) |")
    print("| process RSS after the day | \(mib(rss)) MiB (\(mib(rssBefore)) MiB before: \(mib(rss - rssBefore)) MiB for the day) |")
    print("| process peak RSS (VmHWM) | \(mib(hwm)) MiB (the batch of a minute of events included) |")
    print("| snapshot with every coin's figures (C0's price minutes, \(o.focusVenues) venue(s)), \(o.snapshots) clock times | \(stats(snapshotTimes)); CPU time median \(ms(snapshotCPU.median)) |")
    print("| the same in 200 replay frames at 60× (2 s of data a frame) | CPU time median \(ms(frameCPU.median)), p90 \(ms(frameCPU.percentile(90))) |")
}
