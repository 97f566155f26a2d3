import Foundation
import Testing
import LiqtopCore
import LiqtopTestSupport

/// Recording failures are never silent and never stall ingest — on the
/// real binary, headless (`tail - --print --record DIR`, as under cron).
@Suite(.serialized) struct RecordingFaultTests {
    static func line(_ i: Int) -> String {
        let size = Int64(i % 7 + 1)
        let order = Liquidation(time: 1_768_392_000_000 + Millis(i) * 10, venue: .bybit, instrument: "BTCUSDT", coin: "BTC",
                                side: i % 2 == 0 ? .short : .long, price: FixedDecimal(95_000), quantity: FixedDecimal(size),
                                usd: USD(dollars: 95_000 * size))
        return NativeFormat.encode(.liquidation(order))
    }

    static func lines(_ n: Int) -> String { (0 ..< n).map(line).joined(separator: "\n") + "\n" }

    static func tempDir(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-recfault-\(name)-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    struct Run { var status: Int32; var stdout: String; var stderr: String; var timedOut: Bool }

    static func run(_ arguments: [String], stdin: String) async throws -> Run {
        let r = try await LiqtopBinary.run(arguments, input: Data(stdin.utf8))
        return Run(status: r.status, stdout: String(decoding: r.stdout, as: UTF8.self),
                   stderr: String(decoding: r.stderr, as: UTF8.self), timedOut: r.timedOut)
    }

    @Test func recordingIntoARegularFileIsReportedAndExitsTwo() async throws {
        let dir = try Self.tempDir("file")
        defer { try? FileManager.default.removeItem(at: dir) }
        let notADir = dir.appendingPathComponent("plain")
        try Data("x".utf8).write(to: notADir)
        let r = try await Self.run(["tail", "-", "--print", "--record", notADir.path], stdin: Self.lines(50))
        #expect(!r.timedOut)
        #expect(r.status == 2, "status \(r.status), stderr: \(r.stderr)")
        #expect(r.stdout.split(separator: "\n").count == 50, "the events still go to stdout")
        #expect(r.stderr.contains("liqtop: recording failing: cannot create directory \(notADir.path): Not a directory"), "\(r.stderr)")
        #expect(r.stderr.contains("liqtop: recording incomplete: 50 events not written to \(notADir.path)"), "\(r.stderr)")
    }

    @Test func aFifoAtTheDayFileNeitherHangsNorIsSilent() async throws {
        let dir = try Self.tempDir("fifo")
        defer { try? FileManager.default.removeItem(at: dir) }
        let day = dir.appendingPathComponent("liqtop-2026-01-14.ndjson")
        #expect(mkfifo(day.path, 0o644) == 0)
        let r = try await Self.run(["tail", "-", "--print", "--record", dir.path], stdin: Self.lines(2000))
        #expect(!r.timedOut, "liqtop hung on the FIFO (killed after 30 s); stderr: \(r.stderr)")
        #expect(r.status == 2)
        #expect(r.stdout.split(separator: "\n").count == 2000)
        #expect(r.stderr.contains("is a FIFO or socket, not a regular file"), "\(r.stderr)")
    }

    /// `… | head -1` used to kill liqtop by SIGPIPE (exit 141) before the recording was flushed.
    @Test func aReaderThatGoesAwayStillLeavesTheRecording() async throws {
        let dir = try Self.tempDir("pipe")
        defer { try? FileManager.default.removeItem(at: dir) }
        let feed = dir.appendingPathComponent("feed.ndjson")
        // More than a pipe buffer, so a write after `head` exits meets the closed pipe.
        try Data(Self.lines(20_000).utf8).write(to: feed)
        let rec = dir.appendingPathComponent("rec")
        let script = "'\(LiqtopBinary.url.path)' tail '\(feed.path)' --from-start --print --record '\(rec.path)' | head -1 > /dev/null; echo \"status=${PIPESTATUS[0]}\""
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", script]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let deadline = ContinuousClock.now + .seconds(60)
        while p.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        if p.isRunning { p.terminate() }
        #expect(!p.isRunning || ContinuousClock.now < deadline, "liqtop kept running after its reader left")
        let said = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(said.contains("status=0"), "\(said)")
        let recorded = (try? String(contentsOf: rec.appendingPathComponent("liqtop-2026-01-14.ndjson"), encoding: .utf8)) ?? ""
        let got = recorded.split(separator: "\n")
        #expect(got.count >= 1, "nothing recorded")
        // What was recorded is the start of the feed, whole lines, in order.
        let sent = Self.lines(20_000).split(separator: "\n")
        #expect(Array(sent.prefix(got.count)) == got)
    }

    /// Root only: a small tmpfs that fills up, and one mounted read-only.
    @Test func fullAndReadOnlyFilesystemsAreReported() async throws {
        let dir = try Self.tempDir("mounts")
        defer { try? FileManager.default.removeItem(at: dir) }
        let full = dir.appendingPathComponent("full"), ro = dir.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: full, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: ro, withIntermediateDirectories: true)
        guard Self.mount(["-t", "tmpfs", "-o", "size=64k", "tmpfs", full.path]) else {
            print("RecordingFaultTests: skipped the tmpfs cases: cannot mount (needs root; .ci/run runs as root)")
            return
        }
        defer { _ = Self.umount(full.path) }
        let r = try await Self.run(["tail", "-", "--print", "--record", full.path], stdin: Self.lines(3000))
        #expect(!r.timedOut)
        #expect(r.status == 2)
        #expect(r.stderr.contains("No space left on device"), "\(r.stderr)")
        #expect(r.stderr.contains("liqtop: recording incomplete: "), "\(r.stderr)")

        guard Self.mount(["-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", ro.path]) else {
            Issue.record("a read-only tmpfs could not be mounted although a writable one could")
            return
        }
        defer { _ = Self.umount(ro.path) }
        let r2 = try await Self.run(["tail", "-", "--print", "--record", ro.path + "/days"], stdin: Self.lines(10))
        #expect(r2.status == 2)
        #expect(r2.stderr.contains("Read-only file system"), "\(r2.stderr)")
        #expect(r2.stderr.contains("liqtop: recording incomplete: 10 events not written"), "\(r2.stderr)")
    }

    static func mount(_ args: [String]) -> Bool { shell("/bin/mount", args) }
    static func umount(_ path: String) -> Bool { shell("/bin/umount", [path]) }

    static func shell(_ tool: String, _ args: [String]) -> Bool {
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: tool) else { return false }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }
}

/// Recording failures on the dashboard: the status line says the recording fails, and quitting says
/// what was not written (and exits 2) once the terminal is back.
@Suite(.serialized) struct RecordingFaultDashboardTests {
    @Test(.timeLimit(.minutes(1))) func theStatusLineShowsARecordingThatFails() async throws {
        try #require(TmuxSession.executable != nil, Comment(rawValue: TmuxSession.missingMessage))
        let dir = try RecordingFaultTests.tempDir("tui")
        defer { try? FileManager.default.removeItem(at: dir) }
        let feed = dir.appendingPathComponent("feed.ndjson")
        try Data(RecordingFaultTests.lines(20).utf8).write(to: feed)
        let notADir = dir.appendingPathComponent("plain")
        try Data("x".utf8).write(to: notADir)
        let script = "env LANG=C.UTF-8 '\(LiqtopBinary.url.path)' tail '\(feed.path)' --from-start --record '\(notADir.path)'; echo \"exit=$?\"; sleep 60"
        let tmux = try TmuxSession(width: 200, height: 50, script: script)
        defer { tmux.kill() }
        try await tmux.waitFor("record failing: cannot create directory", "20 events dropped")
        try tmux.send("q")
        let after = try await tmux.waitFor("exit=2")
        #expect(after.contains("liqtop: recording incomplete: 20 events not written to"), "\(TmuxSession.framed(after))")
    }
}

/// Headless runs end in order on every signal whose default would end them: the recording is
/// flushed first (SIGUSR1 and SIGALRM used to kill `--print --record` on the spot).
@Suite(.serialized) struct HeadlessSignalTests {
    @Test(.timeLimit(.minutes(1)), arguments: [SIGUSR1, SIGALRM, SIGTERM, SIGHUP])
    func aSignalFlushesTheRecordingFirst(signal: Int32) async throws {
        let dir = try RecordingFaultTests.tempDir("sig\(signal)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = Process()
        p.executableURL = LiqtopBinary.url
        p.arguments = ["tail", "-", "--print", "--record", dir.path]
        let out = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        p.standardInput = input
        try p.run()
        input.fileHandleForWriting.write(Data(RecordingFaultTests.lines(30).utf8))
        // Wait until the lines came through, then signal at once (well inside the 1 s flush timer).
        var seen = 0
        let deadline = ContinuousClock.now + .seconds(20)
        while seen < 30, ContinuousClock.now < deadline {
            let handle = out.fileHandleForReading
            seen += String(decoding: await offPool { handle.availableData }, as: UTF8.self).split(separator: "\n").count
        }
        #expect(seen == 30)
        kill(p.processIdentifier, signal)
        while p.isRunning, ContinuousClock.now < deadline + .seconds(10) { try await Task.sleep(for: .milliseconds(20)) }
        #expect(!p.isRunning)
        p.waitUntilExit()
        #expect(p.terminationReason == .exit && p.terminationStatus == 128 + signal)
        let recorded = (try? String(contentsOf: dir.appendingPathComponent("liqtop-2026-01-14.ndjson"), encoding: .utf8)) ?? ""
        #expect(recorded.split(separator: "\n").count == 30)
        try? input.fileHandleForWriting.close()
    }
}
