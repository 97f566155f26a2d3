#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LiqtopCore
import LiqtopFeeds

/// The bundled snapshot of the venues' instrument lists: the responses as `Instruments/snapshot.sh`
/// saved them (same file names as the cache) plus a `DATE` file with the UTC day they were
/// fetched — the as-of date of every fact read from them (file times of a checkout say nothing).
public struct InstrumentSnapshot: Sendable {
    public let directory: String
    public let day: Day

    /// The snapshot in `directory`, or nil when it has no readable `DATE`.
    public init?(directory: String) {
        let files = InstrumentCacheFiles(directory: directory)
        guard let text = files.text("DATE"), let day = Day(iso: String(text.prefix { $0 != "\n" && $0 != " " })) else { return nil }
        self.directory = directory
        self.day = day
    }

    /// The first snapshot found next to the executable (a SwiftPM build, an installed
    /// `<prefix>/share/liqtop/Instruments/snapshot`) or under `./Instruments/snapshot`.
    public static func find(executablePath: String?) -> InstrumentSnapshot? {
        var candidates: [String] = []
        if let exe = executablePath, let slash = exe.lastIndex(of: "/") {
            let dir = exe[..<slash].isEmpty ? "/" : String(exe[..<slash])
            candidates += ["../../Instruments/snapshot", "../../../Instruments/snapshot", "../share/liqtop/Instruments/snapshot"].map { dir + "/" + $0 }
        }
        candidates.append("./Instruments/snapshot")
        return candidates.lazy.compactMap(InstrumentSnapshot.init(directory:)).first
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

    /// The snapshot's list `name`, every fact dated by `DATE`.
    public func list(_ name: String) -> InstrumentList? {
        guard var list = InstrumentCacheFiles(directory: directory).cached(name) else { return nil }
        for i in list.facts.indices { list.facts[i].asOf = day.start }
        return list
    }
}
