import LiqtopCore

/// What a live source hands on: decoded input from one source, plus the raw lines when the
/// recorder keeps them (`--record-raw`).
public struct FeedBatch: Sendable {
    public var source: String
    public var output: DecodeOutput
    /// The raw frames/lines this batch was decoded from, in order (empty unless asked for).
    public var raw: [String]

    public init(source: String, output: DecodeOutput, raw: [String] = []) {
        self.source = source; self.output = output; self.raw = raw
    }
}

/// Where a source delivers: the runner decides what happens next (store, recorder, stdout).
public struct FeedSink: Sendable {
    public let deliver: @Sendable (FeedBatch) async -> Void
    public let report: @Sendable (SourceHealth) async -> Void

    public init(deliver: @escaping @Sendable (FeedBatch) async -> Void,
                report: @escaping @Sendable (SourceHealth) async -> Void) {
        self.deliver = deliver; self.report = report
    }
}

/// Anything that produces input while running: a tailed file, stdin, a venue socket.
public protocol FeedSource: Sendable {
    var name: String { get }
    /// Runs until the task is cancelled or the source ends for good (e.g. stdin closed).
    func run(_ sink: FeedSink) async
}
