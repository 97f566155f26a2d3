#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LiqtopCore
import LiqtopFeeds
import LiqtopTUI

// liqtop-bench: the in-process figures that are not about `summary`: loading a day
// into the store, building and drawing frames at 200×60 (dashboard and drill levels, snapshot
// and drawing timed apart) and seeking. `profile` loops one part for `perf record -p`.

let usage = """
    usage: liqtop-bench [run] FILE [--frames N] [--seeks N] [--tsv PATH]
           liqtop-bench profile FILE [--level dashboard|coins|coin|orders] [--part snapshot|render|frame] [--seconds S]
           liqtop-bench leverage [--symbols N] [--seconds S] [--funding] [--snapshots N] [--focus-venues N]
    """

struct Options {
    var mode = "run"
    var file = ""
    var frames = 500
    var seeks = 200
    var tsv: String?
    var level = Level.dashboard
    var part = "frame"
    var seconds = 20.0
    let width = 200, height = 60

    init(_ args: [String]) throws {
        var rest = args[...]
        if let first = rest.first, first == "run" || first == "profile" { mode = first; rest = rest.dropFirst() }
        func value(_ name: String) throws -> String {
            guard let v = rest.popFirst() else { throw BenchError("\(name) needs a value\n\(usage)") }
            return v
        }
        func count(_ name: String) throws -> Int {
            guard let n = Int(try value(name)), n > 0 else { throw BenchError("\(name) needs a positive whole number") }
            return n
        }
        while let a = rest.popFirst() {
            switch a {
            case "--frames": frames = try count(a)
            case "--seeks": seeks = try count(a)
            case "--tsv": tsv = try value(a)
            case "--seconds": seconds = Double(try count(a))
            case "--level":
                let v = try value(a)
                guard let l = Level(rawValue: v) else { throw BenchError("unknown level '\(v)'") }
                level = l
            case "--part":
                part = try value(a)
                guard ["snapshot", "render", "frame"].contains(part) else { throw BenchError("unknown part '\(part)'") }
            case "-h", "--help": throw BenchError(usage)
            default:
                guard file.isEmpty, !a.hasPrefix("--") else { throw BenchError("unexpected argument '\(a)'\n\(usage)") }
                file = a
            }
        }
        if file.isEmpty { throw BenchError(usage) }
    }
}

/// One line of the result table.
struct Row {
    var figure: String
    var target: String
    var measured: String
    /// nil: informational, no target.
    var holds: Bool?

    var holdsText: String { holds.map { $0 ? "yes" : "**no**" } ?? "-" }
}

/// Progress goes to stderr (fd 2: the C `stderr` global is not concurrency-safe in Swift 6).
func say(_ s: String) {
    var line = s + "\n"
    line.withUTF8 { b in _ = write(2, b.baseAddress, b.count) }
}

struct Loaded {
    var store: MarketStore
    var decodeMs: Double
    var ingestMs: Double
    var events: Int
    var start: Millis
    var end: Millis
}

/// FileInput.decode + MarketStore.ingest. `packed`: as `liqtop replay FILE` loads a day (orders
/// packed while decoding, with their detail); else the general `[Event]` path.
func load(_ path: String, packed: Bool) async throws -> Loaded {
    let store = MarketStore()
    let context = DecodeContext(now: WallClock.now())
    let t0 = Clock.now()
    let out = try FileInput.decode(path: path, context: context,
                                   packing: packed ? FileInput.Packing(keepsOrderDetail: true) : nil)
    let decodeMs = Clock.ms(since: t0)
    let t1 = Clock.now()
    await store.ingest(out, source: path)
    let ingestMs = Clock.ms(since: t1)
    let events = await store.liquidationCount
    guard let start = await store.dataStart, let end = await store.dataEnd, events > 0 else {
        throw BenchError("\(path): no liquidations loaded (\(out.rejections.count) lines rejected)")
    }
    return Loaded(store: store, decodeMs: decodeMs, ingestMs: ingestMs, events: events, start: start, end: end)
}

struct FrameTimes {
    var snapshot = Samples()
    var render = Samples()
    var frame = Samples()
    /// Process CPU time of snapshot + draw (robust on a loaded machine).
    var frameCPU = Samples()
}

/// Frames as a replay at 60× and ~30 frames/s makes them: the clock moves 2 s of data per frame
/// (ending at the last event), the store computes a snapshot, the renderer draws it.
func frames(_ level: Level, _ d: Loaded, _ o: Options) async throws -> FrameTimes {
    let v = try await viewState(level, store: d.store)
    let chrome = ChromeInfo(source: "replay " + o.file, playback: PlaybackStatus(playing: true, speed: "60×", atEnd: false))
    let warmUp = min(20, o.frames)
    var times = FrameTimes()
    for i in 0..<(warmUp + o.frames) {
        let t = d.end - Millis(warmUp + o.frames - 1 - i) * 2_000
        let c0 = Clock.cpuMs()
        let t0 = Clock.now()
        let s = await d.store.snapshot(at: t)
        let a = Clock.ms(since: t0)
        let t1 = Clock.now()
        let g = Renderer.render(s, v, chrome, width: o.width, height: o.height)
        let b = Clock.ms(since: t1)
        let c = Clock.cpuMs() - c0
        sink &+= g.cells.count
        if i >= warmUp {
            times.snapshot.add(a); times.render.add(b); times.frame.add(a + b); times.frameCPU.add(c)
        }
        if i == warmUp + o.frames - 1 { try check(level, g, s, v) }
    }
    return times
}

/// The last frame must show what it claims to, or the timings measure the wrong screen.
func check(_ level: Level, _ g: CellGrid, _ s: Snapshot, _ v: ViewState) throws {
    switch level {
    case .dashboard:
        let n = grouped(s.windows[.h24]?.count ?? 0)
        guard g.find(n) != nil else { throw BenchError("the dashboard frame does not show the 24 h count \(n)") }
    case .coins, .coin, .orders:
        guard g.find(v.context.label) != nil else { throw BenchError("the \(level.rawValue) frame does not show '\(v.context.label)'") }
        if level == .orders, (s.detail?.orders.isEmpty ?? true) { throw BenchError("the orders drill-down has no orders") }
    }
}

/// A seek: `setClock(t)` then `snapshot()`, for seeded random t across the day.
func seeks(_ d: Loaded, _ o: Options, focus: Focus) async -> (store: Samples, withFrame: Samples) {
    await d.store.setFocus(focus)
    let v = ViewState()
    let chrome = ChromeInfo(source: "replay " + o.file, playback: PlaybackStatus(playing: false, speed: "60×", atEnd: false))
    var rng = SeededRandom(seed: 20260114) // the same seek times every run
    var store = Samples(), withFrame = Samples()
    for _ in 0..<o.seeks {
        let t = rng.int(d.start ... d.end)
        let t0 = Clock.now()
        await d.store.setClock(t)
        let s = await d.store.snapshot()
        let a = Clock.ms(since: t0)
        let g = Renderer.render(s, v, chrome, width: o.width, height: o.height)
        let b = Clock.ms(since: t0)
        sink &+= g.cells.count &+ s.version
        store.add(a); withFrame.add(b)
    }
    await d.store.setClock(nil)
    await d.store.setFocus(Focus())
    return (store, withFrame)
}

func ms(_ x: Double) -> String { fixed(x, x < 10 ? 3 : 1) + " ms" }

func stats(_ s: Samples) -> String {
    "median \(ms(s.median)), p90 \(ms(s.percentile(90))), max \(ms(s.max))"
}

func run(_ o: Options) async throws {
    let rssBefore = Memory.statusKiB("VmRSS")
    say("loading \(o.file)")
    let d = try await load(o.file, packed: true)
    let rss = Memory.statusKiB("VmRSS"), hwm = Memory.statusKiB("VmHWM")
    say("loaded \(grouped(d.events)) liquidations: decode \(ms(d.decodeMs)), ingest \(ms(d.ingestMs))")
    var rows: [Row] = []
    rows.append(Row(figure: "load as replay does: FileInput.decode (packed orders)", target: "-", measured: ms(d.decodeMs), holds: nil))
    rows.append(Row(figure: "load as replay does: MarketStore.ingest", target: "-", measured: ms(d.ingestMs), holds: nil))
    rows.append(Row(figure: "load as replay does: decode + ingest (\(grouped(d.events)) events)", target: "part of replay ≤ 1 s",
                    measured: ms(d.decodeMs + d.ingestMs), holds: d.decodeMs + d.ingestMs <= 1000))
    rows.append(Row(figure: "bench process RSS holding the day (peak while loading)", target: "-",
                    measured: "\(mib(rss)) MiB (peak \(mib(hwm)) MiB; \(mib(rssBefore)) MiB before)", holds: nil))

    for level in Level.allCases {
        say("frames: \(level.label) (\(o.frames) frames at \(o.width)×\(o.height))")
        let f = try await frames(level, d, o)
        rows.append(Row(figure: "frame \(o.width)×\(o.height), \(level.label): snapshot + draw, median of \(o.frames)",
                        target: "≤ 2 ms", measured: "\(ms(f.frame.median)) (CPU time \(ms(f.frameCPU.median)))",
                        holds: f.frame.median <= 2))
        rows.append(Row(figure: "  of which snapshot (store)", target: "-", measured: stats(f.snapshot), holds: nil))
        rows.append(Row(figure: "  of which draw (Renderer → CellGrid)", target: "-", measured: stats(f.render), holds: nil))
    }

    say("seeks: \(o.seeks) random positions")
    let plain = await seeks(d, o, focus: Focus())
    rows.append(Row(figure: "seek: setClock(t) + snapshot(), \(o.seeks) random t (dashboard)", target: "≤ 50 ms (max)",
                    measured: "median \(ms(plain.store.median)), max \(ms(plain.store.max))", holds: plain.store.max <= 50))
    rows.append(Row(figure: "  seek + draw the frame", target: "-", measured: stats(plain.withFrame), holds: nil))
    let dv = try await viewState(.orders, store: d.store).storeFocus
    let drilled = await seeks(d, o, focus: dv)
    rows.append(Row(figure: "seek in the orders drill-down (\(dv.coin ?? "?") × \(dv.venue?.rawValue ?? "?"))", target: "≤ 50 ms (max)",
                    measured: "median \(ms(drilled.store.median)), max \(ms(drilled.store.max))", holds: drilled.store.max <= 50))

    say("load through the general [Event] path (decode(path:context:), no packing)")
    let general = try await load(o.file, packed: false)
    rows.insert(Row(figure: "load through [Event] (decode(path:context:) + ingest)", target: "-",
                    measured: "\(ms(general.decodeMs + general.ingestMs)) (decode \(ms(general.decodeMs)), ingest \(ms(general.ingestMs)))",
                    holds: nil), at: 4)

    print("| figure | target | measured | holds |")
    print("|---|---|---|---|")
    for r in rows { print("| \(r.figure) | \(r.target) | \(r.measured) | \(r.holdsText) |") }
    if let path = o.tsv {
        guard let f = fopen(path, "w") else { throw BenchError("cannot write \(path)") }
        defer { fclose(f) }
        for r in rows { fputs([r.figure, r.target, r.measured, r.holds.map { $0 ? "yes" : "no" } ?? "-"].joined(separator: "\t") + "\n", f) }
    }
}

/// Loads, then loops one part of a frame for `seconds` so `perf record -p PID` sees only that.
func profile(_ o: Options) async throws {
    let d = try await load(o.file, packed: true)
    let v = try await viewState(o.level, store: d.store)
    let chrome = ChromeInfo(source: "replay " + o.file, playback: PlaybackStatus(playing: true, speed: "60×", atEnd: false))
    let fixed = await d.store.snapshot(at: d.end)
    say("ready \(getpid()): looping \(o.part) at \(o.level.rawValue) for \(Int(o.seconds)) s")
    let t0 = Clock.now()
    var n = 0
    while Clock.ms(since: t0) < o.seconds * 1000 {
        let t = d.end - Millis(n % 10_000) * 2_000
        switch o.part {
        case "snapshot": sink &+= await d.store.snapshot(at: t).version
        case "render": sink &+= Renderer.render(fixed, v, chrome, width: o.width, height: o.height).cells.count
        default:
            let s = await d.store.snapshot(at: t)
            sink &+= Renderer.render(s, v, chrome, width: o.width, height: o.height).cells.count
        }
        n += 1
    }
    say("done: \(n) iterations, \(ms(o.seconds * 1000 / Double(max(1, n)))) each")
}

do {
    let args = Array(CommandLine.arguments.dropFirst())
    if args.first == "leverage" {
        await leverageMemory(try LeverageOptions(args.dropFirst()))
        exit(0)
    }
    let o = try Options(args)
    if o.mode == "profile" { try await profile(o) } else { try await run(o) }
} catch {
    say("liqtop-bench: \(error)")
    exit(1)
}
