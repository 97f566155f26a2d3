import LiqtopCore
import Logging
import Synchronization

/// The process's log: off until `start`, then every `Logger` made by `logger(_:)` (or by
/// `Logger(label:)` once the executable has bootstrapped swift-log with `FileLogHandler`) writes
/// to the one `LogFile`. Never to stdout or stderr: while the dashboard runs, the terminal is its.
///
/// For a new log line anywhere above the core: `LiqtopLog.logger("liqtop.alerts").warning("…")`.
public enum LiqtopLog {
    private static let file = PthreadLock<LogFile?>(nil)
    /// The threshold as an index into `Logger.Level.allCases`; `off` while no file is open.
    private static let threshold = Atomic<Int>(off)
    private static let off = Logger.Level.allCases.count

    /// From now on, lines at `level` and above go to `log`.
    public static func start(_ log: LogFile, level: Logger.Level) {
        file.withLock { $0 = log }
        threshold.store(Logger.Level.allCases.firstIndex(of: level) ?? 0, ordering: .releasing)
    }

    /// Logging off again (tests; a session's end).
    public static func stop() {
        threshold.store(off, ordering: .releasing)
        file.withLock { $0 = nil }
    }

    /// The level handlers without one of their own use; `.critical` while off (no file: nothing is written).
    public static var level: Logger.Level {
        let i = threshold.load(ordering: .acquiring)
        return i < off ? Logger.Level.allCases[i] : .critical
    }

    public static var path: String? { file.withLock { $0?.path } }

    static var current: LogFile? { file.withLock { $0 } }

    /// A logger writing to the log file (a no-op until `start`).
    public static func logger(_ label: String) -> Logger {
        Logger(label: label, factory: { FileLogHandler(label: $0) })
    }
}

/// A swift-log handler appending one line per event to `LiqtopLog`'s file. Every part of the line
/// (label, message, metadata) passes `SafeText`: a venue's error text cannot put an escape
/// sequence into a log someone reads with `cat` or `tail -f`.
public struct FileLogHandler: LogHandler {
    public let label: String
    public var metadata: Logger.Metadata = [:]
    private var ownLevel: Logger.Level?
    /// nil: the process's log (`LiqtopLog`), as it is when a line is written.
    private let file: LogFile?

    public init(label: String, file: LogFile? = nil, level: Logger.Level? = nil) {
        self.label = label; self.file = file; self.ownLevel = level
    }

    public var logLevel: Logger.Level {
        get { ownLevel ?? LiqtopLog.level }
        set { ownLevel = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        guard let file = file ?? LiqtopLog.current else { return }
        var all = metadata
        if let m = event.metadata { all.merge(m) { _, new in new } }
        file.append(Self.line(time: WallClock.now(), level: event.level, label: label, message: event.message.description, metadata: all))
    }

    /// `2026-12-02T03:41:49.123Z warning liqtop.live: binance: reconnecting in 1 s key=value`.
    public static func line(time: Millis, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata = [:]) -> String {
        var s = "\(ISOTime.format(time)) \(level.rawValue) \(SafeText.clean(label)): \(SafeText.clean(message))"
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            s += " \(SafeText.clean(key))=\(SafeText.clean(value.description))"
        }
        return s
    }
}
