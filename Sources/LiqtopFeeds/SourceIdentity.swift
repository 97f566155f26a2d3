#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which named sources are the same file: `f f`, `f ./f`, a symlink to `f`, a hard link.
/// Reading one twice would count every order twice, so the second naming is dropped.
public enum SourceIdentity {
    /// A file by device and inode when it exists; otherwise (a file `tail` waits for) by its
    /// path with `.` and `..` and repeated slashes resolved. `-` is stdin.
    enum Key: Hashable {
        case file(dev: UInt64, ino: UInt64)
        case path(String)
    }

    /// For each of `paths`, whether it is the first to name its source; each repeat with the
    /// earlier name it repeats.
    public static func firstNamings(_ paths: [String]) -> (keep: [Bool], repeats: [(repeated: String, of: String)]) {
        var seen: [Key: String] = [:]
        var keep: [Bool] = []
        var repeats: [(String, String)] = []
        for p in paths {
            let k = key(p)
            if let first = seen[k] {
                repeats.append((p, first))
                keep.append(false)
            } else {
                seen[k] = p
                keep.append(true)
            }
        }
        return (keep, repeats)
    }

    /// `paths` without repeats.
    public static func unique(_ paths: [String]) -> (kept: [String], repeats: [(repeated: String, of: String)]) {
        let (keep, repeats) = firstNamings(paths)
        return (zip(paths, keep).filter(\.1).map(\.0), repeats)
    }

    /// The one-line notice for a repeat.
    public static func notice(_ r: (repeated: String, of: String)) -> String {
        r.repeated == r.of ? "\(r.repeated) is named twice; reading it once" : "\(r.repeated) is the same file as \(r.of); reading it once"
    }

    static func key(_ path: String) -> Key {
        if path == "-" { return .path("-") }
        var st = stat()
        if stat(path, &st) == 0 { return .file(dev: UInt64(st.st_dev), ino: UInt64(st.st_ino)) }
        return .path(normalized(path))
    }

    /// `a//b/./c/../d` → `a/b/d`, relative to the working directory when not absolute.
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        var absolute = path.hasPrefix("/")
        if !absolute, let cwd = getcwd(nil, 0) {
            defer { free(cwd) }
            parts = String(cString: cwd).split(separator: "/")
            absolute = true
        }
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return (absolute ? "/" : "") + parts.joined(separator: "/")
    }
}
