#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts a byte stream into lines, however it arrives in chunks.
///
/// A line is only handed out once its newline has arrived (`finish()` flushes a last line
/// without one, which a reader of a closed file may want and a tail must not). Lines longer
/// than `maxLineBytes` are not buffered whole: they are reported as too long and skipped.
public struct LineSplitter {
    public static let defaultMaxLineBytes = 1 << 20

    public let maxLineBytes: Int
    private var pending: [UInt8] = []
    private var overlong = false
    /// Number of the next line to be emitted (1-based).
    public private(set) var nextLineNumber = 1

    public init(maxLineBytes: Int = LineSplitter.defaultMaxLineBytes) {
        self.maxLineBytes = maxLineBytes
    }

    public enum Line {
        case text(UnsafeBufferPointer<UInt8>, number: Int)
        case tooLong(number: Int)
    }

    /// Feeds a chunk; calls `body` for each complete line (without `\n` or a trailing `\r`).
    public mutating func push(_ chunk: UnsafeBufferPointer<UInt8>, _ body: (Line) -> Void) {
        var start = 0
        let n = chunk.count
        while start < n {
            guard let nl = Self.indexOfNewline(chunk, from: start) else {
                let rest = n - start
                if overlong || pending.count + rest > maxLineBytes {
                    overlong = true
                    pending.removeAll(keepingCapacity: false)
                } else {
                    pending.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start ..< n]))
                }
                return
            }
            let number = nextLineNumber
            nextLineNumber += 1
            if overlong || pending.count + (nl - start) > maxLineBytes {
                overlong = false
                pending.removeAll(keepingCapacity: true)
                body(.tooLong(number: number))
            } else if pending.isEmpty {
                body(.text(Self.trimCR(UnsafeBufferPointer(rebasing: chunk[start ..< nl])), number: number))
            } else {
                pending.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start ..< nl]))
                pending.withUnsafeBufferPointer { body(.text(Self.trimCR($0), number: number)) }
                pending.removeAll(keepingCapacity: true)
            }
            start = nl + 1
        }
    }

    /// Emits a final line that had no newline (end of a finished file).
    public mutating func finish(_ body: (Line) -> Void) {
        defer { pending.removeAll(); overlong = false }
        if overlong { body(.tooLong(number: nextLineNumber)); nextLineNumber += 1; return }
        guard !pending.isEmpty else { return }
        let number = nextLineNumber
        nextLineNumber += 1
        pending.withUnsafeBufferPointer { body(.text(Self.trimCR($0), number: number)) }
    }

    /// Bytes held for an unfinished line.
    public var pendingByteCount: Int { pending.count }

    static func indexOfNewline(_ p: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = p.baseAddress, from < p.count else { return nil }
        guard let hit = memchrNewline(base + from, p.count - from) else { return nil }
        return hit - base
    }

    @inline(__always)
    static func memchrNewline(_ p: UnsafePointer<UInt8>, _ n: Int) -> UnsafePointer<UInt8>? {
        // libc's vectorized memchr: the newline scan is most of what splitting costs.
        memchr(p, 0x0A, n).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) }
    }

    static func trimCR(_ p: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        if let last = p.last, last == 0x0D { return UnsafeBufferPointer(rebasing: p[0 ..< p.count - 1]) }
        return p
    }
}
