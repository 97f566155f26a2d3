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
/// last second. Files are only ever appended to. Failures never throw: they set `status`,
/// drop what could not be written (counted), and the next flush tries again.
public actor Recorder {
    public static let flushIntervalNanoseconds: UInt64 = 1_000_000_000
    /// Open descriptors kept beyond the ones just written (yesterday's file around midnight).
    static let maxIdleFiles = 4

    public nonisolated let directory: String
    public nonisolated let keepRaw: Bool
    private let maxPendingBytes: Int
    private let clock: @Sendable () -> Millis

    public private(set) var status: RecorderStatus = .ok
    public private(set) var counters = RecorderCounters()

    /// Lines waiting for the next flush, per file name, in arrival order.
    private struct Pending {
        var bytes: [UInt8] = []
        var events = 0
        var rawFrames = 0
    }

    private var pending: [String: Pending] = [:]
    private var pendingOrder: [String] = []
    public private(set) var pendingByteCount = 0
    private var files: [String: AppendFile] = [:]
    private var written: Set<String> = []
    private var directoryReady = false
    private var timer: Task<Void, Never>?

    /// - Parameters:
    ///   - directory: created (with parents) on the first flush if missing.
    ///   - maxPendingBytes: above this the recorder flushes at once, so memory stays bounded even
    ///     when writes keep failing (the failed data is dropped and counted).
    ///   - clock: wall time, for the day of day-less events and the raw frames' time.
    public init(directory: String, keepRaw: Bool = false, maxPendingBytes: Int = 8 << 20,
                clock: @escaping @Sendable () -> Millis = WallClock.now) {
        var dir = directory.isEmpty ? "." : directory
        while dir.count > 1, dir.hasSuffix("/") { dir.removeLast() }
        self.directory = dir
        self.keepRaw = keepRaw
        self.maxPendingBytes = max(1, maxPendingBytes)
        self.clock = clock
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
        case .etfFlow, .rate, .cutOdds, .dailyTotals: return today
        }
    }

    public func record(_ events: [Event], raw: [String] = [], source: String) {
        let now = clock()
        let today = Day(containing: now)
        for event in events {
            var line = NativeFormat.encode(event)
            line += "\n"
            append(line, to: Self.fileName(day: Self.day(of: event, recordedOn: today)), events: 1, rawFrames: 0)
        }
        if keepRaw, !raw.isEmpty {
            var prefix = "{\"source\":"
            NativeFormat.appendQuoted(source, to: &prefix)
            prefix += ",\"time\":\(now),\"frame\":"
            let name = Self.fileName(day: today, raw: true)
            for frame in raw {
                var line = prefix
                NativeFormat.appendQuoted(frame, to: &line)
                line += "}\n"
                append(line, to: name, events: 0, rawFrames: 1)
            }
        }
        if pendingByteCount >= maxPendingBytes {
            flush()
        } else if pendingByteCount > 0, timer == nil {
            startTimer()
        }
    }

    /// Writes everything pending now: one write per file, whole lines only.
    public func flush() {
        timer?.cancel()
        timer = nil
        guard !pending.isEmpty else { return }
        let batch = pending
        let order = pendingOrder
        pending = [:]
        pendingOrder = []
        pendingByteCount = 0

        var firstError: String?
        for name in order {
            guard let p = batch[name] else { continue }
            if let message = write(p, to: name) {
                firstError = firstError ?? message
                counters.eventsDropped += p.events
                counters.rawFramesDropped += p.rawFrames
            }
        }
        status = firstError.map(RecorderStatus.error) ?? .ok
        closeIdleFiles(keeping: Set(order))
    }

    /// Flushes and releases the files. Recording may go on afterwards (files reopen lazily).
    public func close() {
        flush()
        files.removeAll()
    }

    // MARK: - Internals

    private func append(_ line: String, to name: String, events: Int, rawFrames: Int) {
        if pending[name] == nil {
            pending[name] = Pending()
            pendingOrder.append(name)
        }
        pending[name]?.bytes.append(contentsOf: line.utf8)
        pending[name]?.events += events
        pending[name]?.rawFrames += rawFrames
        pendingByteCount += line.utf8.count
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
        flush()
    }

    /// Writes one file's pending lines; the error in words on failure.
    private func write(_ p: Pending, to name: String) -> String? {
        let path = directory == "/" ? "/" + name : directory + "/" + name
        let file: AppendFile
        if let open = files[name] {
            file = open
        } else {
            if !directoryReady {
                if let failure = RecorderIO.makeDirectories(directory) {
                    return "cannot create directory \(directory): \(failure.reason)"
                }
                directoryReady = true
            }
            switch AppendFile.open(path) {
            case .success(let opened):
                file = opened
                files[name] = opened
            case .failure(let failure):
                directoryReady = false // it may have been removed: check again next time
                return "cannot write \(path): \(failure.reason)"
            }
        }
        let bytes = file.needsNewline ? [0x0A] + p.bytes : p.bytes
        if let failure = file.writeAll(bytes) {
            // Part of a line may have reached the disk: reopening checks the tail again.
            files[name] = nil
            directoryReady = false
            return "cannot write \(path): \(failure.reason)"
        }
        file.needsNewline = false
        counters.eventsWritten += p.events
        counters.rawFramesWritten += p.rawFrames
        counters.bytesWritten += Int64(bytes.count)
        if written.insert(name).inserted { counters.filesWritten += 1 }
        return nil
    }

    private func closeIdleFiles(keeping active: Set<String>) {
        let idle = files.keys.filter { !active.contains($0) }.sorted()
        guard idle.count > Self.maxIdleFiles else { return }
        // Day names sort by date: the oldest days close first.
        for name in idle.prefix(idle.count - Self.maxIdleFiles) { files[name] = nil }
    }
}
