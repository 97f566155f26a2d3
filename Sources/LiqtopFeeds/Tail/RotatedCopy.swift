#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The copy `copytruncate` made of a file just before truncating it, found beside it by content:
/// a regular file named after it (`f.1`, `f-20260114`) that holds the same bytes at its start and
/// just before the offset read so far. Its bytes past that offset were appended after the last
/// read and are gone from the truncated file.
enum RotatedCopy {
    /// An open descriptor on the copy (the caller closes it), or nil when none is there
    /// uncompressed in the same directory (`compress` without `delaycompress`, `olddir`).
    static func find(beside path: String, matching fingerprint: ContentFingerprint, readUpTo offset: Int64,
                     excluding identity: FileIdentity) -> Int32? {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[..<$0]) } ?? "."
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !base.isEmpty, let d = opendir(dir.isEmpty ? "/" : dir) else { return nil }
        defer { closedir(d) }
        var best: (fd: Int32, size: Int64)?
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.count > base.count, name.hasPrefix(base) else { continue }
            let fd = open(dir + "/" + name, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            guard fd >= 0 else { continue }
            var st = stat()
            guard fstat(fd, &st) == 0, FileIdentity(st) != identity, let stamp = FileStamp(fd: fd),
                  stamp.size >= offset, fingerprint.matches(fd, endingAt: offset) else { close(fd); continue }
            // Several matches (an older backup of the same start): the largest holds the most.
            if let b = best, b.size >= stamp.size {
                close(fd)
            } else {
                if let b = best { close(b.fd) }
                best = (fd, stamp.size)
            }
        }
        return best?.fd
    }
}
