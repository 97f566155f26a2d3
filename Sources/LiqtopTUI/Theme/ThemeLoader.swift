#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One theme the `t` key can switch to.
public struct ThemeInfo: Sendable, Equatable {
    public enum Origin: String, Sendable { case builtIn = "built-in", user, bundled, file }
    public var name: String
    /// nil for the compiled-in default.
    public var path: String?
    public var origin: Origin

    public init(name: String, path: String?, origin: Origin) {
        self.name = name; self.path = path; self.origin = origin
    }
}

/// Finds and loads themes: `--theme NAME|PATH`, then the user's directory
/// (`$XDG_CONFIG_HOME/liqtop/themes`, else `$HOME/.config/liqtop/themes`), then the bundled
/// directories the caller passes, in order. The first file of a name wins, so a user theme
/// shadows a bundled one.
public struct ThemeLoader: Sendable {
    public let searchDirectories: [String]
    public let environment: [String: String]

    public init(searchDirectories: [String], environment: [String: String]) {
        self.searchDirectories = searchDirectories
        self.environment = environment
    }

    /// `$XDG_CONFIG_HOME/liqtop/themes`; the XDG spec says to ignore an empty or relative value.
    public var userDirectory: String? {
        if let x = environment["XDG_CONFIG_HOME"], x.hasPrefix("/") { return Self.join(x, "liqtop/themes") }
        if let h = environment["HOME"], !h.isEmpty { return Self.join(h, ".config/liqtop/themes") }
        return nil
    }

    /// Every directory searched, in order, with where it came from.
    public var directories: [(path: String, origin: ThemeInfo.Origin)] {
        var out: [(path: String, origin: ThemeInfo.Origin)] = []
        if let u = userDirectory { out.append((u, .user)) }
        for d in searchDirectories where !out.contains(where: { $0.path == d }) { out.append((d, .bundled)) }
        return out
    }

    /// All themes by name, sorted; the built-in default is listed when no `default.theme` exists.
    public func available() -> [ThemeInfo] {
        var byName: [String: ThemeInfo] = [:]
        for (dir, origin) in directories {
            for file in FileSystem.list(dir) where file.hasSuffix(".theme") {
                let name = String(file.dropLast(6))
                let path = Self.join(dir, file)
                guard Self.isValidName(name), byName[name] == nil, FileSystem.isRegularFile(path) else { continue }
                byName[name] = ThemeInfo(name: name, path: path, origin: origin)
            }
        }
        if byName["default"] == nil { byName["default"] = ThemeInfo(name: "default", path: nil, origin: .builtIn) }
        return byName.values.sorted { $0.name < $1.name }
    }

    /// nil: "default" if a file of that name exists, else the built-in theme.
    /// A value containing "/" or ending in ".theme" is a path; anything else a name.
    public func load(_ nameOrPath: String?) throws(ThemeError) -> (Theme, warnings: [String]) {
        let wanted = nameOrPath ?? "default"
        if Self.isPath(wanted) {
            return try Self.loadFile(wanted, name: ThemeParser.echo(Self.stem(wanted)))
        }
        if let path = find(wanted) { return try Self.loadFile(path, name: wanted) }
        if wanted == "default" { return (.builtIn, []) }
        let looked = directories.map { Sanitizer.clean($0.path) }.joined(separator: ", ")
        throw ThemeError("theme '\(ThemeParser.echo(wanted))' not found (looked in: \(looked))")
    }

    /// The path of the first `NAME.theme` in search order.
    public func find(_ name: String) -> String? {
        guard Self.isValidName(name) else { return nil }
        for (dir, _) in directories {
            let path = Self.join(dir, name + ".theme")
            if FileSystem.isRegularFile(path) { return path }
        }
        return nil
    }

    /// The theme after `name` in `available()` order, wrapping round; the first one when
    /// `name` is not listed (e.g. a theme loaded by path).
    public func next(after name: String) -> String {
        let names = available().map(\.name)
        guard let i = names.firstIndex(of: name) else { return names.first ?? "default" }
        return names[(i + 1) % names.count]
    }

    // MARK: helpers for the executable

    /// Bundled theme directories relative to the executable: an install prefix
    /// (`bin/../share/liqtop/Themes`, what `make install` writes), a SwiftPM build tree
    /// (`.build/debug/liqtop` through the symlink, or `.build/<triple>/debug/liqtop` resolved),
    /// then `./Themes`. The prefix comes first: for `/usr/local/bin/liqtop` the build-tree
    /// guesses name `/usr/Themes` and `/Themes`, which are no install's.
    public static func bundledDirectories(executablePath: String?) -> [String] {
        var out: [String] = []
        if let exe = executablePath, let slash = exe.lastIndex(of: "/") {
            let dir = exe[..<slash].isEmpty ? "/" : String(exe[..<slash])
            out += [join(dir, "../share/liqtop/Themes"), join(dir, "../../Themes"), join(dir, "../../../Themes")]
        }
        out.append("./Themes")
        return out
    }

    /// The running executable: /proc/self/exe on Linux (argv[0] is often a bare name from $PATH).
    public static func executablePath() -> String? {
        #if os(Linux)
        var buf = [CChar](repeating: 0, count: 4097)
        let n = readlink("/proc/self/exe", &buf, 4096)
        if n > 0 { return String(decoding: buf[0 ..< n].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        #endif
        return CommandLine.arguments.first
    }

    /// The variables themes and colour depth depend on, read from the process.
    public static func processEnvironment(_ keys: [String] = ["XDG_CONFIG_HOME", "HOME", "NO_COLOR", "COLORTERM", "TERM"]) -> [String: String] {
        var env: [String: String] = [:]
        for k in keys { if let v = getenv(k) { env[k] = String(cString: v) } }
        return env
    }

    // MARK: internals

    static func isPath(_ s: String) -> Bool { s.contains("/") || s.hasSuffix(".theme") }

    /// Names listed and looked up: [A-Za-z0-9._-], not hidden, at most 64 bytes.
    static func isValidName(_ s: String) -> Bool {
        guard !s.isEmpty, s.utf8.count <= 64, s.first != "." else { return false }
        return s.utf8.allSatisfy { c in
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
                || c == UInt8(ascii: "_") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
        }
    }

    static func join(_ dir: String, _ file: String) -> String { dir.hasSuffix("/") ? dir + file : dir + "/" + file }

    static func stem(_ path: String) -> String {
        var base = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
        if base.hasSuffix(".theme"), base.count > 6 { base.removeLast(6) }
        return base
    }

    static func loadFile(_ path: String, name: String) throws(ThemeError) -> (Theme, warnings: [String]) {
        let shown = Sanitizer.clean(path)
        switch FileSystem.read(path, limit: ThemeParser.maxFileBytes) {
        case .failed(let reason): throw ThemeError("\(shown): cannot read theme (\(reason))")
        case .tooLarge: throw ThemeError("\(shown): file larger than 64 KiB")
        case .ok(let bytes): return try ThemeParser.parse(bytes: bytes, name: name, file: path)
        }
    }
}

/// The few POSIX calls theme loading needs, without Foundation.
public enum FileSystem {
    public enum ReadResult: Sendable { case ok([UInt8]), tooLarge, failed(String) }

    private static let typeMask: UInt32 = 0o170000
    private static let regularType: UInt32 = 0o100000

    static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0 else { return false }
        return UInt32(st.st_mode) & typeMask == regularType
    }

    /// Reads at most `limit` bytes of a regular file. O_NONBLOCK so a FIFO passed as a
    /// theme cannot hang startup; it is then rejected as not a regular file.
    public static func read(_ path: String, limit: Int) -> ReadResult {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failed(errorText(errno)) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failed(errorText(errno)) }
        guard UInt32(st.st_mode) & typeMask == regularType else { return .failed("not a regular file") }
        var buf = [UInt8](repeating: 0, count: limit + 1)
        var used = 0
        while used < buf.count {
            let n = buf.withUnsafeMutableBytes { p -> Int in
                guard let base = p.baseAddress else { return 0 }
                return posixRead(fd, base + used, p.count - used)
            }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .failed(errorText(errno))
            }
            if n == 0 { break }
            used += n
        }
        if used > limit { return .tooLarge }
        return .ok(Array(buf[..<used]))
    }

    /// Entry names of a directory; empty when it cannot be opened.
    static func list(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let ent = readdir(dir) {
            let name = withUnsafeBytes(of: ent.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    private static func errorText(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES: "permission denied"
        case EISDIR: "is a directory"
        case ELOOP: "too many symbolic links"
        case ENAMETOOLONG: "name too long"
        default: "error \(code)"
        }
    }
}

/// `read` is shadowed inside `FileSystem` by the static method of the same name.
@inline(__always)
private func posixRead(_ fd: Int32, _ buf: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buf, count)
}
