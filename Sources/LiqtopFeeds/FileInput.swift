#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LiqtopCore

/// A file that could not be opened or read; the message is ready for the user.
public struct FileInputError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "cannot read \(path): \(reason)" }
}

/// Reads whole files (or stdin) through the decoder, streaming: memory is bounded by one
/// chunk plus the events, never by the file size.
public enum FileInput {
    static let chunkSize = 1 << 20

    /// Decodes every line of `path` (`-` for stdin).
    public static func decode(path: String, context: DecodeContext) throws(FileInputError) -> DecodeOutput {
        let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY)
        guard fd >= 0 else { throw FileInputError(path: path, reason: errnoText()) }
        defer { if fd != 0 { close(fd) } }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            throw FileInputError(path: path, reason: "is a directory")
        }
        var decoder = InputDecoder(source: path, context: context)
        var splitter = LineSplitter()
        var out = DecodeOutput()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer.baseAddress, chunkSize)
            if n < 0 {
                if errno == EINTR { continue }
                throw FileInputError(path: path, reason: errnoText())
            }
            if n == 0 { break }
            let chunk = UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n)
            splitter.push(chunk) { decoder.consume($0, into: &out) }
        }
        splitter.finish { decoder.consume($0, into: &out) }
        return out
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// The wall clock, read only here at the edge (the core takes time as a parameter).
public enum WallClock {
    public static func now() -> Millis {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Millis(ts.tv_sec) * 1000 + Millis(ts.tv_nsec) / 1_000_000
    }
}
