#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LiqtopCore

/// The venues' instrument lists as they sent them, kept under
/// `$XDG_CACHE_HOME/liqtop/instruments/` (`$HOME/.cache/…` when XDG_CACHE_HOME is unset, empty
/// or relative), so a venue that cannot be reached is still priced with its last list.
public struct InstrumentCacheFiles: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// The cache directory the environment names, or nil without HOME or XDG_CACHE_HOME.
    public static func directory(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/liqtop/instruments" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/liqtop/instruments" }
        return nil
    }

    func path(_ name: String) -> String { directory + "/" + name }

    /// Writes `bytes` as `name` atomically (a temporary file in the same directory, fsync,
    /// rename): a reader never sees half a list. The error in words, nil on success.
    public func store(_ name: String, _ bytes: [UInt8]) -> String? {
        AtomicFile.write(bytes, to: path(name), directory: directory)
    }

    /// A small text file of the directory (a snapshot's `DATE`), or nil.
    public func text(_ name: String) -> String? {
        let fd = open(path(name), O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buf = [UInt8](repeating: 0, count: 64)
        let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        return n > 0 ? String(decoding: buf[0 ..< n], as: UTF8.self) : nil
    }

    /// The cached list `name`, as of when it was written, or nil when there is none or it is
    /// not a list any more.
    public func cached(_ name: String) -> InstrumentList? {
        try? InstrumentFile.load(path: path(name))
    }
}
