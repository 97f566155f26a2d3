#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import LiqtopCore
import Synchronization

/// A file that could not be opened or read; the message is ready for the user.
public struct FileInputError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "cannot read \(path): \(reason)" }
}

/// Reads whole files (or stdin) through the decoder, streaming: memory is bounded by one
/// chunk plus the events, never by the file size. Large JSON-lines files are split at a line
/// boundary and decoded on every core; the parts' results are joined in file order, with
/// line numbers as a serial read would give them.
public enum FileInput {
    static let chunkSize = 1 << 20
    /// Below this, a second thread costs more than it saves.
    static let parallelThreshold = 8 << 20

    /// How liquidations come out: as events (default), or packed into columns for a store
    /// (a million-order day), with or without each order's price and quantity.
    public struct Packing: Sendable {
        public var keepsOrderDetail: Bool
        public init(keepsOrderDetail: Bool) { self.keepsOrderDetail = keepsOrderDetail }
    }

    /// Decodes every line of `path` (`-` for stdin).
    public static func decode(path: String, context: DecodeContext, packing: Packing? = nil) throws(FileInputError) -> DecodeOutput {
        let merged = Mutex(DecodeOutput(keepsOrderDetail: packing?.keepsOrderDetail ?? true))
        try decodeParts(path: path, context: context, packing: packing) { part in
            merged.withLock { $0.append(part); $0.physicalLines += part.physicalLines }
        }
        return merged.withLock { $0 }
    }

    /// Decodes every line of `path` and hands the results to `deliver` in file order, one part
    /// at a time, as soon as each part and all before it are done: a consumer can ingest the
    /// start of a large file while the rest is still being decoded, and each part's memory goes
    /// once it is consumed. Rejection line numbers are the file's own. Small files, pipes and
    /// non-JSON files come as a single part.
    public static func decodeParts(path: String, context: DecodeContext, packing: Packing? = nil,
                                   deliver: @Sendable (DecodeOutput) -> Void) throws(FileInputError) {
        let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY)
        guard fd >= 0 else { throw FileInputError(path: path, reason: errnoText()) }
        defer { if fd != 0 { close(fd) } }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw FileInputError(path: path, reason: errnoText()) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw FileInputError(path: path, reason: "is a directory") }
        let size = Int(st.st_size)
        let cores = ProcessInfoCores.count
        if (st.st_mode & S_IFMT) == S_IFREG, size >= parallelThreshold, cores > 1, startsWithJSON(fd) {
            // Several parts per core: the in-order hand-over then overlaps the decoding.
            let parts = cores * partsPerCore
            return try decodeInParallel(fd: fd, path: path, size: size, parts: parts, context: context,
                                        packing: packing, deliver: deliver)
        }
        var decoder = InputDecoder(source: path, context: context)
        decoder.packsLiquidations = packing != nil
        deliver(try decodeRange(fd: fd, path: path, range: nil, decoder: &decoder, packing: packing))
    }

    static let partsPerCore = 4

    /// `decodeParts` as a stream for async code. The reading runs on its own dispatch queue, not
    /// on a thread of Swift's cooperative pool: a long blocking read there would leave the pool
    /// no thread to ingest the parts with until the whole file was decoded.
    public static func parts(path: String, context: DecodeContext, packing: Packing? = nil) -> AsyncThrowingStream<DecodeOutput, any Error> {
        let (stream, delivery) = AsyncThrowingStream.makeStream(of: DecodeOutput.self)
        DispatchQueue(label: "liqtop.file-input").async {
            do {
                try decodeParts(path: path, context: context, packing: packing) { delivery.yield($0) }
                delivery.finish()
            } catch {
                delivery.finish(throwing: error)
            }
        }
        return stream
    }

    /// Reads `range` (or the whole stream with `read`) through `decoder`.
    static func decodeRange(fd: Int32, path: String, range: Range<Int>?, decoder: inout InputDecoder,
                            packing: Packing?) throws(FileInputError) -> DecodeOutput {
        var splitter = LineSplitter()
        var out = DecodeOutput(keepsOrderDetail: packing?.keepsOrderDetail ?? true)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var offset = range?.lowerBound ?? 0
        while true {
            let want = range.map { min(chunkSize, $0.upperBound - offset) } ?? chunkSize
            if want <= 0 { break }
            let n = range == nil ? read(fd, buffer.baseAddress, want) : pread(fd, buffer.baseAddress, want, off_t(offset))
            if n < 0 {
                if errno == EINTR { continue }
                throw FileInputError(path: path, reason: errnoText())
            }
            if n == 0 { break }
            offset += n
            let chunk = UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n)
            splitter.push(chunk) { decoder.consume($0, into: &out) }
        }
        splitter.finish { decoder.consume($0, into: &out) }
        // Lines counted by the splitter, including blank ones, for the next part's numbering.
        out.physicalLines = splitter.nextLineNumber - 1
        return out
    }

    static func decodeInParallel(fd: Int32, path: String, size: Int, parts: Int, context: DecodeContext,
                                 packing: Packing?, deliver: @Sendable (DecodeOutput) -> Void) throws(FileInputError) {
        // Cut points just after a newline, so every part holds whole lines.
        var cuts = [0]
        for k in 1 ..< parts {
            let cut = nextLineStart(fd: fd, from: size * k / parts, size: size)
            cuts.append(max(cut, cuts[cuts.count - 1]))
        }
        cuts.append(size)
        let bounds = cuts
        // A part can be decoded again while the lock is held, so it is contended for long:
        // a lock ThreadSanitizer can follow (see `PthreadLock`).
        let handOver = PthreadLock(InOrderHandOver(parts: parts))
        DispatchQueue.concurrentPerform(iterations: parts) { k in
            var decoder = InputDecoder(source: path, context: context, continuingJSON: k > 0)
            decoder.packsLiquidations = packing != nil
            let r = Result { () throws(FileInputError) -> DecodeOutput in
                try decodeRange(fd: fd, path: path, range: bounds[k] ..< bounds[k + 1], decoder: &decoder, packing: packing)
            }
            // Whoever completes the next part in file order delivers it (and any done after it);
            // the lock keeps deliveries in order and one at a time.
            handOver.withLock { $0.complete(k, r, deliver) { part, stated in
                // The part was decoded without the facts that `instrument` lines before it state:
                // read it again with them, as a serial read would have (rare: such lines come
                // with raw venue lines, in a recording's raw file).
                var again = context
                again.instruments.add(stated)
                var decoder = InputDecoder(source: path, context: again, continuingJSON: true)
                decoder.packsLiquidations = packing != nil
                return Result { () throws(FileInputError) -> DecodeOutput in
                    try decodeRange(fd: fd, path: path, range: bounds[part] ..< bounds[part + 1], decoder: &decoder, packing: packing)
                }
            } }
        }
        if let error = handOver.withLock({ $0.error }) { throw error }
    }

    /// Parts finished out of order wait here until every part before them was delivered.
    struct InOrderHandOver: ~Copyable {
        var done: [Result<DecodeOutput, FileInputError>?]
        var next = 0
        var lineOffset = 0
        var error: FileInputError?

        init(parts: Int) { done = Array(repeating: nil, count: parts) }

        /// Facts stated by `instrument` lines of the parts delivered so far.
        var stated = InstrumentBook()

        /// `redecode` reads a part again with the facts stated before it.
        mutating func complete(_ k: Int, _ r: Result<DecodeOutput, FileInputError>, _ deliver: (DecodeOutput) -> Void,
                               redecode: (Int, InstrumentBook) -> Result<DecodeOutput, FileInputError>) {
            done[k] = r
            while next < done.count, var ready = done[next] {
                done[next] = nil
                next += 1
                guard error == nil else { continue } // after a read error, nothing more is delivered
                if next > 1, !stated.isEmpty, case .success = ready { ready = redecode(next - 1, stated) }
                if case .success(let part) = ready { for f in part.statedInstruments { stated.add(f) } }
                switch ready {
                case .failure(let e):
                    error = e
                case .success(var part):
                    // Parts are cut to equal sizes, so the first one tells how many orders to expect.
                    if next == 1 { part.expectedOrders = part.orders.count * done.count + done.count }
                    part.shiftRejectionLines(by: lineOffset)
                    lineOffset += part.physicalLines
                    deliver(part)
                }
            }
        }
    }

    /// The offset of the first line that starts at or after `position`.
    static func nextLineStart(fd: Int32, from position: Int, size: Int) -> Int {
        var buf = [UInt8](repeating: 0, count: 64 * 1024)
        var offset = max(0, position - 1) // a line starting exactly at `position` follows a newline at position-1
        while offset < size {
            let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset)) }
            if n <= 0 { return size }
            if let i = buf[0 ..< n].firstIndex(of: 0x0A) { return offset + i + 1 }
            offset += n
        }
        return size
    }

    /// Whether the first non-blank byte of the file is `{`: a JSON-lines file, safe to split.
    static func startsWithJSON(_ fd: Int32) -> Bool {
        var buf = [UInt8](repeating: 0, count: 4096)
        let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return false }
        return buf[0 ..< n].first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D } == UInt8(ascii: "{")
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// Cores available to this process.
enum ProcessInfoCores {
    static var count: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}

/// The wall clock, read only here at the edge (the core takes time as a parameter).
public enum WallClock {
    public static func now() -> Millis {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Millis(ts.tv_sec) * 1000 + Millis(ts.tv_nsec) / 1_000_000
    }
}
