import Foundation

/// Runs the built `liqtop` executable, as a user would.
enum LiqtopBinary {
    static var url: URL {
        // The test bundle lives next to the products of the same build.
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if dir.lastPathComponent.hasSuffix(".xctest") { dir.deleteLastPathComponent() }
        for candidate in [dir, dir.deletingLastPathComponent()] {
            let u = candidate.appendingPathComponent("liqtop")
            if FileManager.default.isExecutableFile(atPath: u.path) { return u }
        }
        return URL(fileURLWithPath: ".build/debug/liqtop")
    }

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ arguments: [String], stdin: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = url
        p.arguments = arguments
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting so a large output cannot block the child.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    struct RawResult { var status: Int32; var stdout: Data; var stderr: Data; var timedOut: Bool }

    /// Runs liqtop with `stdin` (bytes, as given), killing it after `limit`: a hang fails the
    /// test instead of holding up the suite.
    static func run(_ arguments: [String], input: Data, limit: Duration = .seconds(30)) async throws -> RawResult {
        let p = Process()
        p.executableURL = url
        p.arguments = arguments
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = stdin
        try p.run()
        let stdinHandle = stdin.fileHandleForWriting
        async let o = offPool { out.fileHandleForReading.readDataToEndOfFile() }
        async let e = offPool { err.fileHandleForReading.readDataToEndOfFile() }
        // A large input fills the pipe until liqtop reads it: written off the pool too.
        await offPool { stdinHandle.write(input); try? stdinHandle.close() }
        let deadline = ContinuousClock.now + limit
        var timedOut = false
        while p.isRunning {
            if ContinuousClock.now > deadline { timedOut = true; kill(p.processIdentifier, SIGKILL); break }
            try await Task.sleep(for: .milliseconds(20))
        }
        await offPool { p.waitUntilExit() }
        return RawResult(status: p.terminationStatus, stdout: await o, stderr: await e, timedOut: timedOut)
    }

    static func temporaryFile(_ name: String, _ contents: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-tests-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}

/// Pulls figures out of `summary --json` text without going through Double.
enum JSONText {
    /// The raw number text after `"key": ` inside the first object that follows `path` keys in order.
    static func number(_ json: String, _ path: [String]) -> String? {
        var rest = Substring(json)
        for key in path.dropLast() {
            guard let r = rest.range(of: "\"\(key)\": ") else { return nil }
            rest = rest[r.upperBound...]
        }
        guard let r = rest.range(of: "\"\(path.last!)\": ") else { return nil }
        let tail = rest[r.upperBound...]
        return String(tail.prefix { "-0123456789.".contains($0) })
    }

    static func string(_ json: String, _ path: [String]) -> String? {
        var rest = Substring(json)
        for key in path {
            guard let r = rest.range(of: "\"\(key)\": ") else { return nil }
            rest = rest[r.upperBound...]
        }
        guard rest.first == "\"" else { return nil }
        return String(rest.dropFirst().prefix { $0 != "\"" })
    }
}


/// Runs blocking work (a pipe read, a wait for a process) on a dispatch thread and awaits it:
/// blocking a thread of Swift's cooperative pool (two on this machine) stalls every other test.
func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { c in DispatchQueue.global().async { c.resume(returning: work()) } }
}
