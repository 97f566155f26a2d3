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
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        if let environment { p.environment = environment }
        if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        let inputHandle = input.fileHandleForWriting
        async let o = offPool { out.fileHandleForReading.readDataToEndOfFile() }
        async let e = offPool { err.fileHandleForReading.readDataToEndOfFile() }
        await offPool { inputHandle.write(Data(stdin.utf8)); try? inputHandle.close() }
        let deadline = ContinuousClock.now + limit
        var timedOut = false
        while p.isRunning {
            if ContinuousClock.now > deadline { timedOut = true; kill(p.processIdentifier, SIGKILL); break }
            try await Task.sleep(for: .milliseconds(20))
        }
        await offPool { p.waitUntilExit() }
        return LiqtopBinary.Result(status: timedOut ? -1 : p.terminationStatus, stdout: String(decoding: await o, as: UTF8.self),
                                   stderr: String(decoding: await e, as: UTF8.self) + (timedOut ? "\n[killed after \(limit)]" : ""))
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
