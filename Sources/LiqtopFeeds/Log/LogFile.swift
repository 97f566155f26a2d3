#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The log file, `$XDG_STATE_HOME/liqtop/liqtop.log` (else `~/.local/state/liqtop/liqtop.log`),
/// opened for appending. Each line is one write(2) on an O_APPEND descriptor, so two instances
/// logging at once interleave whole lines, never parts of them.
public final class LogFile: Sendable {
    public let path: String
    private let fd: Int32

    /// A file over this size at start is moved to `liqtop.log.1` (the one older copy kept), so a
    /// tool left running for months does not fill the disk.
    public static let rotateAtBytes = 8 << 20

    private init(path: String, fd: Int32) { self.path = path; self.fd = fd }

    deinit { _ = close(fd) }

    /// `$XDG_STATE_HOME/liqtop` (the XDG spec ignores an empty or relative value), else
    /// `$HOME/.local/state/liqtop`; nil without either. What liqtop keeps between runs lives here.
    public static func stateDirectory(environment: [String: String]) -> String? {
        if let x = environment["XDG_STATE_HOME"], x.hasPrefix("/") { return x + "/liqtop" }
        if let h = environment["HOME"], h.hasPrefix("/") { return h + "/.local/state/liqtop" }
        return nil
    }

    public static func defaultPath(environment: [String: String]) -> String? {
        stateDirectory(environment: environment).map { $0 + "/liqtop.log" }
    }

    /// Opens (creating the directory 0755 and the file 0600) `path` for appending; the reason in
    /// words when it cannot.
    public static func open(_ path: String) -> Result<LogFile, LogFileError> {
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            let dir = String(path[..<slash])
            if let failure = RecorderIO.makeDirectories(dir) { return .failure(LogFileError(path: path, reason: "cannot create \(dir): \(failure.reason)")) }
        }
        var st = stat()
        if stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) > rotateAtBytes {
            _ = rename(path, path + ".1")
        }
        // O_NONBLOCK: a FIFO put there would otherwise block the open until a reader came.
        let fd = RecorderIO.retrying { openLog(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NONBLOCK, 0o600) }
        guard fd >= 0 else { return .failure(LogFileError(path: path, reason: String(cString: strerror(errno)))) }
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            _ = close(fd)
            return .failure(LogFileError(path: path, reason: "not a regular file"))
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return .success(LogFile(path: path, fd: fd))
    }

    /// Appends one line (a newline is added). A failed write is dropped: logging never stops liqtop.
    public func append(_ line: String) {
        _ = WriteAll.write(fd, Array((line + "\n").utf8))
    }
}

public struct LogFileError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot write the log \(path): \(reason)" }
}

/// The variadic C `open`, named apart from `LogFile.open`.
private func openLog(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    open(path, flags, mode)
}
