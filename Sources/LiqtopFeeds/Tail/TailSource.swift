import LiqtopCore

/// Follows a file like `tail -F` (or reads stdin as it arrives) and delivers what it decodes.
///
/// Only lines whose newline has arrived are parsed; a file that is rotated away is read to its
/// end (while its writer may still append) alongside the new one, read from its start; a file
/// truncated or rewritten in place is read again from its start (after what `copytruncate`'s
/// copy holds); a file that does not exist yet is waited for. A table is read again whole
/// whenever it changed. `-` reads stdin until it ends.
public struct TailSource: FeedSource {
    public let name: String
    private let input: Input
    private let fromStart: Bool
    private let table: Bool
    private let context: DecodeContext
    private let keepRaw: Bool
    private let pollInterval: Swift.Duration

    enum Input {
        case path(String)
        /// A stream already open (stdin, or a pipe in tests); never closed by the source.
        case descriptor(Int32)
    }

    /// At most this much is read at once: a busy file becomes a few large batches, not one
    /// batch per line.
    static let chunkSize = 1 << 20

    /// - Parameters:
    ///   - path: the file to follow, or `-` for stdin.
    ///   - fromStart: read the lines already in the file first (otherwise start at its end).
    ///   - table: a watched table (`--etf`, `--notes`, `--rates`), not a log: read whole again
    ///     whenever it changed, since a saved table is rewritten, not appended to.
    ///   - keepRaw: hand on the raw lines with each batch (for `--record-raw`).
    ///   - pollInterval: how often a file is checked for new data, rotation and truncation.
    public init(path: String, fromStart: Bool = false, table: Bool = false, context: DecodeContext, keepRaw: Bool = false,
                pollInterval: Swift.Duration = .milliseconds(200)) {
        self.init(name: path, input: path == "-" ? .descriptor(0) : .path(path), fromStart: fromStart, table: table,
                  context: context, keepRaw: keepRaw, pollInterval: pollInterval)
    }

    /// Reads an open stream, e.g. a pipe, as if it were stdin (tests).
    init(descriptor: Int32, name: String, context: DecodeContext, keepRaw: Bool = false,
         pollInterval: Swift.Duration = .milliseconds(200)) {
        self.init(name: name, input: .descriptor(descriptor), fromStart: true, table: false,
                  context: context, keepRaw: keepRaw, pollInterval: pollInterval)
    }

    private init(name: String, input: Input, fromStart: Bool, table: Bool, context: DecodeContext, keepRaw: Bool,
                 pollInterval: Swift.Duration) {
        self.name = name; self.input = input; self.fromStart = fromStart; self.table = table
        self.context = context; self.keepRaw = keepRaw; self.pollInterval = pollInterval
    }

    /// Runs until cancelled; for a stream, also returns when it ends (after `.stopped("end of input")`).
    public func run(_ sink: FeedSink) async {
        switch input {
        case .path(let path):
            await FileTail(path: path, name: name, fromStart: fromStart, table: table, context: context,
                           keepRaw: keepRaw, pollInterval: pollInterval).run(sink)
        case .descriptor(let fd):
            await StreamTail(fd: fd, name: name, context: context, keepRaw: keepRaw,
                             pollInterval: pollInterval).run(sink)
        }
    }
}

/// Sends a source's health only when it changes, keeping the last error once one was seen.
struct TailHealth {
    private let sink: FeedSink
    private var last: SourceHealth?
    private let name: String

    init(name: String, sink: FeedSink) { self.name = name; self.sink = sink }

    mutating func set(_ state: SourceHealth.State, error: String? = nil) async {
        var health = last ?? SourceHealth(name: name, state: state)
        health.state = state
        if let error { health.lastError = error }
        guard health != last else { return }
        last = health
        await sink.report(health)
    }
}

extension FeedSink {
    /// Delivers `batch` unless it holds nothing at all.
    func deliver(_ batch: PendingBatch, from source: String) async {
        guard !batch.isEmpty else { return }
        await deliver(FeedBatch(source: source, output: batch.output, raw: batch.raw))
    }
}
