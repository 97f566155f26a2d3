#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Any program run to its end from a test (a shell sourcing a completion script, `make
/// install`, an installed liqtop), with its own environment and working directory, waited for
/// off the cooperative pool like `LiqtopBinary.run`.
public enum LiqtopProcess {
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                           directory: String? = nil, stdin: String = "", limit: Duration = .seconds(120)) async throws -> LiqtopBinary.Result {
        let r = try await LiqtopBinary.runToEnd(URL(fileURLWithPath: executable), arguments, environment: environment, directory: directory,
                                                input: Data(stdin.utf8), limit: limit)
        return LiqtopBinary.Result(status: r.timedOut ? -1 : r.status, stdout: String(decoding: r.stdout, as: UTF8.self),
                                   stderr: String(decoding: r.stderr, as: UTF8.self) + (r.timedOut ? "\n[killed after \(limit)]" : ""))
    }

    /// The first of `names` found on PATH (`/usr/bin/zsh`), or nil.
    public static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The package's root directory (this file is `Sources/LiqtopTestSupport/LiqtopProcess.swift`).
    public static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }
}
