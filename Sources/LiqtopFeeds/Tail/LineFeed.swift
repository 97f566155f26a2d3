import LiqtopCore

/// Decoded input gathered from one read burst, waiting to be delivered as one `FeedBatch`.
struct PendingBatch {
    var output = DecodeOutput()
    var raw: [String] = []

    var isEmpty: Bool {
        output.lines == 0 && output.events.isEmpty && output.rejections.isEmpty && output.ignored == 0 && raw.isEmpty
    }
}

/// The parsing state of one opened file (or stream): its own splitter, decoder and line
/// numbers, so a rotated-in file starts at line 1 and a CSV header is remembered per file.
struct LineFeed {
    private var splitter = LineSplitter()
    private let lines: LineConsumer

    init(source: String, context: DecodeContext, keepRaw: Bool, linesBefore: Int = 0, startsMidLine: Bool = false) {
        lines = LineConsumer(decoder: InputDecoder(source: source, context: context), keepRaw: keepRaw,
                             linesBefore: linesBefore, skipFirstLine: startsMidLine)
    }

    /// Bytes held for a line whose newline has not arrived yet.
    var pendingByteCount: Int { splitter.pendingByteCount }

    /// Parses every complete line in `chunk`; a partial last line waits for its newline.
    /// `now` keeps the decoder's "not from the future" check current in a long-running tail.
    mutating func push(_ chunk: UnsafeBufferPointer<UInt8>, now: Millis, into batch: inout PendingBatch) {
        let lines = self.lines
        lines.decoder.context.now = now
        splitter.push(chunk) { lines.take($0, into: &batch) }
    }

    /// Parses a last line without a newline: only for input that has ended for good.
    mutating func finish(now: Millis, into batch: inout PendingBatch) {
        let lines = self.lines
        lines.decoder.context.now = now
        splitter.finish { lines.take($0, into: &batch) }
    }
}

/// Decodes the lines a splitter hands out (a class so the splitter's callback can mutate it
/// while the splitter itself is being mutated).
private final class LineConsumer {
    var decoder: InputDecoder
    let keepRaw: Bool
    /// Lines of the file before the point where reading started (tailing from the end).
    let linesBefore: Int
    /// Reading started in the middle of a line: that fragment is not a line of its own.
    var skipFirstLine: Bool

    init(decoder: InputDecoder, keepRaw: Bool, linesBefore: Int, skipFirstLine: Bool) {
        self.decoder = decoder; self.keepRaw = keepRaw
        self.linesBefore = linesBefore; self.skipFirstLine = skipFirstLine
    }

    func take(_ line: LineSplitter.Line, into batch: inout PendingBatch) {
        if skipFirstLine { skipFirstLine = false; return }
        switch line {
        case .tooLong(let number):
            decoder.consume(.tooLong(number: linesBefore + number), into: &batch.output)
        case .text(let bytes, let number):
            if keepRaw, bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
                batch.raw.append(String(decoding: bytes, as: UTF8.self))
            }
            decoder.consume(.text(bytes, number: linesBefore + number), into: &batch.output)
        }
    }
}

/// "Now" for the decoder: the caller's `now` advanced by the monotonic time since the tail
/// started, so a tail that runs for days does not start refusing events as "from the future".
struct DecodeClock {
    private let base: Millis
    private let start = ContinuousClock.now

    init(base: Millis) { self.base = base }

    func now() -> Millis {
        let elapsed = ContinuousClock.now - start
        let (seconds, attoseconds) = elapsed.components
        return base + Millis(seconds) * 1000 + Millis(attoseconds / 1_000_000_000_000_000)
    }
}
