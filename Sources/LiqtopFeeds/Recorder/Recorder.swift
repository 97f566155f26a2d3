import LiqtopCore

/// Whether the last flush reached the disk; the error is in words for the status line.
public enum RecorderStatus: Sendable, Hashable, CustomStringConvertible {
    case ok
    case error(String)

    public var isOK: Bool { self == .ok }

    public var description: String {
        switch self {
        case .ok: return "recording"
        case .error(let message): return message
        }
    }
}

/// What the recorder did this session.
public struct RecorderCounters: Sendable, Hashable {
    public var eventsWritten = 0
    public var rawFramesWritten = 0
    public var bytesWritten: Int64 = 0
    /// Distinct day files appended to.
    public var filesWritten = 0
    /// Events (and raw frames) that could not be written and were given up.
    public var eventsDropped = 0
    public var rawFramesDropped = 0

    public init() {}
}

/// Writes every normalized event as native NDJSON, one file per UTC day
/// (`DIR/liqtop-2026-01-14.ndjson`), and optionally the raw frames beside it
/// (`DIR/liqtop-2026-01-14.raw.ndjson`).
///
/// Liquidations and notes go to the file of their own day, so a replay of a day file holds that
/// day; ETF flows, rates, odds and daily totals carry days rather than moments and go to the
/// day they were recorded. Lines are buffered and written whole, at least once a second (a
/// timer while data is pending) and on `flush()`/`close()`, so `kill -9` loses at most the
/// last second. Files are only ever appended to.
///
/// **Never blocks the data path.** The actor only queues lines; a `RecordWriter` does the I/O
/// on a thread of its own, one batch at a time. While a batch is being written, new lines
/// queue up to `maxPendingBytes`; past that (a stalled disk, a hung mount) new events are
/// *dropped and counted*, never waited for. Failures never throw: they set `status` (in words),
/// the events of a failed write are dropped and counted, and the next write tries again.
/// `close(timeout:)` waits a bounded time and says whether everything was written.
public actor Recorder {
    public static let flushIntervalNanoseconds: UInt64 = 1_000_000_000
    /// A write in flight this long makes the status say the disk is blocked.
    public static let stallAfter: Swift.Duration = .seconds(2)

    public nonisolated let directory: String
    public nonisolated let keepRaw: Bool
    private let maxPendingBytes: Int
    private let clock: @Sendable () -> Millis
    private let writer: RecordWriter

    public private(set) var counters = RecorderCounters()

    /// Lines waiting for the next write, per file name, in arrival order.
    private struct Pending {
        var bytes: [UInt8] = []
        var events = 0
        var rawFrames = 0
    }

    private var pending: [String: Pending] = [:]
    private var pendingOrder: [String] = []
    public private(set) var pendingByteCount = 0
    private var timer: Task<Void, Never>?
    /// The batch being written, and since when.
    private var inFlight: Task<Void, Never>?
    private var inFlightSince: ContinuousClock.Instant?
    /// The last write's failure, cleared by the next write that succeeds.
    private var lastWriteError: String?
    /// Events dropped because the queue was full, since the last successful write.
    private var queueDropsSinceWrite = 0

    private struct InstrumentKey: Hashable {
        var venue: String
        var instrument: String
    }

    /// The facts orders were last priced with, per instrument (from `record(instruments:)`).
    private var facts: [InstrumentKey: InstrumentFacts] = [:]
    /// Per file, the facts already queued into it: each file states the facts it needs itself.
    private var factsInFile: [String: [InstrumentKey: InstrumentFacts]] = [:]

    /// - Parameters:
    ///   - directory: created (with parents) on the first write if missing.
    ///   - maxPendingBytes: the queue's bound: memory stays bounded however long the disk
    ///     blocks or fails (what does not fit is dropped and counted).
    ///   - clock: wall time, for the day of day-less events and the raw frames' time.
    ///   - beforeWrite: test seam, run on the writer's thread before each file is written.
    public init(directory: String, keepRaw: Bool = false, maxPendingBytes: Int = 8 << 20,
                clock: @escaping @Sendable () -> Millis = WallClock.now,
                beforeWrite: (@Sendable (String) -> Void)? = nil) {
        var dir = directory.isEmpty ? "." : directory
        while dir.count > 1, dir.hasSuffix("/") { dir.removeLast() }
        self.directory = dir
        self.keepRaw = keepRaw
        self.maxPendingBytes = max(1, maxPendingBytes)
        self.clock = clock
        self.writer = RecordWriter(directory: dir, beforeWrite: beforeWrite)
    }

    /// Whether recording works, in words: the last write's error, a write blocked for longer
    /// than `stallAfter`, or events dropped because the queue was full.
    public var status: RecorderStatus {
        if let lastWriteError { return .error(lastWriteError) }
        if let since = inFlightSince, ContinuousClock.now - since >= Self.stallAfter {
            return .error("a write to \(directory) is blocked (no return for over \(Self.stallAfter.components.seconds) s)")
        }
        if queueDropsSinceWrite > 0 { return .error("the disk is not keeping up with the feed") }
        return .ok
    }

    /// The recorder as a source for the status line: `record ✓`, or failing with the reason and the drops.
    public var health: SourceHealth {
        switch status {
        case .ok: return SourceHealth(name: "record", state: .live)
        case .error(let why):
            let dropped = counters.eventsDropped
            return SourceHealth(name: "record", state: .failing(why + (dropped > 0 ? " · \(dropped) events dropped" : "")))
        }
    }

    /// `liqtop-2026-01-14.ndjson`, or `liqtop-2026-01-14.raw.ndjson` for raw frames.
    public static func fileName(day: Day, raw: Bool = false) -> String {
        "liqtop-\(day)\(raw ? ".raw" : "").ndjson"
    }

    /// The file an event is recorded in, given the wall-clock day of recording.
    public static func day(of event: Event, recordedOn today: Day) -> Day {
        switch event {
        case .liquidation(let l): return Day(containing: l.time)
        case .note(let n): return Day(containing: n.time)
        case .markPrice(let m): return Day(containing: m.time)
        case .funding(let f): return Day(containing: f.time)
        case .openInterest(let o): return Day(containing: o.time)
        case .etfFlow, .rate, .cutOdds, .dailyTotals: return today
        }
    }

    /// Queues the events (and raw frames) for writing; returns at once, whatever the disk does.
    /// `instruments` are the facts the decoder priced these orders with (`DecodeOutput.instruments`):
    /// each file gets an `instrument` line before the first order priced with facts it does
    /// not state yet, so a replay of that file alone — normalized or raw — prices as live did.
    public func record(_ events: [Event], instruments: [InstrumentFacts] = [], raw: [String] = [], source: String) {
        let now = clock()
        let today = Day(containing: now)
        for f in instruments { facts[InstrumentKey(venue: f.venue, instrument: f.instrument)] = f }
        let rawName = keepRaw && !raw.isEmpty ? Self.fileName(day: today, raw: true) : nil
        for event in events {
            let name = Self.fileName(day: Self.day(of: event, recordedOn: today))
            if !facts.isEmpty, case .liquidation(let l) = event {
                let key = InstrumentKey(venue: l.venue.rawValue, instrument: l.instrument)
                if let f = facts[key] {
                    stateFacts(f, key, in: name)
                    // The raw frames of this batch follow: the raw file needs the facts first too.
                    if let rawName { stateFacts(f, key, in: rawName) }
                }
            }
            var line = NativeFormat.encode(event)
            line += "\n"
            append(line, to: name, events: 1, rawFrames: 0)
        }
        if let rawName {
            var prefix = "{\"source\":"
            NativeFormat.appendQuoted(source, to: &prefix)
            prefix += ",\"time\":\(now),\"frame\":"
            for frame in raw {
                var line = prefix
                NativeFormat.appendQuoted(frame, to: &line)
                line += "}\n"
                append(line, to: rawName, events: 0, rawFrames: 1)
            }
        }
        if pendingByteCount >= maxPendingBytes / 2 {
            startWrite()
        } else if pendingByteCount > 0, timer == nil, inFlight == nil {
            startTimer()
        }
    }

    /// Writes everything queued and waits for it, at most `timeout`. True when all of it was
    /// handled (written, or failed and counted); false when a write is still blocked.
    @discardableResult
    public func flush(timeout: Swift.Duration = .seconds(10)) async -> Bool {
        timer?.cancel()
        timer = nil
        let deadline = ContinuousClock.now + timeout
        while true {
            if inFlight == nil {
                if pending.isEmpty { return true }
                startWrite()
            }
            if ContinuousClock.now >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(2))
        }
    }

    /// Flushes (bounded by `timeout`) and releases the files. Recording may go on afterwards
    /// (files reopen lazily). False when something could not be written in time.
    @discardableResult
    public func close(timeout: Swift.Duration = .seconds(10)) async -> Bool {
        let done = await flush(timeout: timeout)
        writer.closeFiles()
        return done
    }

    /// Events queued but not yet handed to the disk, plus those in the write still in flight.
    public var eventsNotWritten: Int {
        pending.values.reduce(0) { $0 + $1.events } + inFlightEvents
    }

    private var inFlightEvents = 0

    // MARK: - Internals

    /// Queues an `instrument` line into `name` unless that file already states these facts.
    private func stateFacts(_ f: InstrumentFacts, _ key: InstrumentKey, in name: String) {
        if let stated = factsInFile[name]?[key], stated.prices(like: f) { return }
        if append(NativeFormat.encode(f) + "\n", to: name, events: 0, rawFrames: 0) {
            factsInFile[name, default: [:]][key] = f
        }
    }

    /// False when the line did not fit the queue and was dropped.
    @discardableResult
    private func append(_ line: String, to name: String, events: Int, rawFrames: Int) -> Bool {
        let size = line.utf8.count
        if pendingByteCount + size > maxPendingBytes {
            // The writer is behind (or blocked): drop and count rather than wait or hoard.
            counters.eventsDropped += events
            counters.rawFramesDropped += rawFrames
            queueDropsSinceWrite += events + rawFrames
            return false
        }
        if pending[name] == nil {
            pending[name] = Pending()
            pendingOrder.append(name)
        }
        pending[name]?.bytes.append(contentsOf: line.utf8)
        pending[name]?.events += events
        pending[name]?.rawFrames += rawFrames
        pendingByteCount += size
        return true
    }

    /// Hands what is queued to the writer, unless a write is already in flight.
    private func startWrite() {
        guard inFlight == nil, !pending.isEmpty else { return }
        timer?.cancel()
        timer = nil
        var batch = RecordBatch()
        for name in pendingOrder {
            guard let p = pending[name] else { continue }
            batch.files.append(.init(name: name, bytes: p.bytes, events: p.events, rawFrames: p.rawFrames))
        }
        pending = [:]
        pendingOrder = []
        pendingByteCount = 0
        inFlightEvents = batch.files.reduce(0) { $0 + $1.events }
        inFlightSince = ContinuousClock.now
        let writer = self.writer
        // The task inherits the actor's isolation; the write itself runs on the writer's thread.
        inFlight = Task { self.finished(await writer.write(batch)) }
    }

    private func finished(_ o: RecordOutcome) {
        counters.eventsWritten += o.eventsWritten
        counters.rawFramesWritten += o.rawFramesWritten
        counters.bytesWritten += o.bytesWritten
        counters.eventsDropped += o.eventsDropped
        counters.rawFramesDropped += o.rawFramesDropped
        counters.filesWritten += o.newFiles
        lastWriteError = o.error
        if o.error == nil { queueDropsSinceWrite = 0 }
        // A failed write may have lost an `instrument` line: state the facts again before the
        // next order in every file (a repeat is harmless, a missing line is not).
        if o.error != nil { factsInFile = [:] }
        inFlight = nil
        inFlightSince = nil
        inFlightEvents = 0
        if pendingByteCount >= maxPendingBytes / 2 {
            startWrite()
        } else if !pending.isEmpty, timer == nil {
            startTimer()
        }
    }

    private func startTimer() {
        // Holds the recorder until it fires, so pending lines are written even if the owner
        // lets go without calling close().
        timer = Task {
            try? await Task.sleep(nanoseconds: Self.flushIntervalNanoseconds)
            guard !Task.isCancelled else { return }
            self.timerFired() // the task inherits the actor's isolation
        }
    }

    private func timerFired() {
        timer = nil
        startWrite()
    }
}
