import LiqtopCore
import Logging

/// Turns the sources' health reports (a venue socket, the open-interest poller, a tailed file,
/// the recorder) into log lines: one per change of state, so a reconnect is logged once, with
/// its wait and the error that caused it, and a source that reports "live" every connection
/// logs it once per connection.
public final class HealthLog: Sendable {
    private let logger: Logger
    private let last = PthreadLock<[String: SourceHealth]>([:])

    public init(logger: Logger = LiqtopLog.logger("liqtop.sources")) { self.logger = logger }

    public func report(_ health: SourceHealth, now: Millis) {
        let previous = last.withLock { seen in
            defer { seen[health.name] = health }
            return seen[health.name]
        }
        guard let (level, text) = Self.line(health, previous: previous, now: now) else { return }
        logger.log(level: level, "\(text)")
    }

    /// The level and words for `health` after `previous`; nil when nothing changed worth a line.
    public static func line(_ health: SourceHealth, previous: SourceHealth?, now: Millis) -> (Logger.Level, String)? {
        if let previous, previous.state == health.state, previous.lastError == health.lastError { return nil }
        let name = health.name
        let why = health.lastError.map { " (last error: \($0))" } ?? ""
        switch health.state {
        case .connecting:
            return (.debug, "\(name): connecting")
        case .live:
            if let previous, previous.isLive { return nil } // only the error words changed
            return (.info, "\(name): live")
        case .reconnecting(let at):
            let ms = max(0, at - now)
            return (.warning, "\(name): reconnecting in \(ms % 1000 == 0 ? "\(ms / 1000)" : "\(ms / 1000).\(ms % 1000 / 100)") s" + why)
        case .waiting(let words):
            return (.notice, "\(name): waiting: \(words)")
        case .failing(let words):
            return (.error, "\(name): failing: \(words)")
        case .stopped(let words):
            return (words == "stopped" ? .info : .error, "\(name): stopped" + (words == "stopped" ? "" : ": \(words)") + why)
        }
    }
}
