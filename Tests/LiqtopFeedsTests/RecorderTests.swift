import Foundation
import Testing
@testable import LiqtopCore
@testable import LiqtopFeeds

@Suite struct RecorderTests {
    /// 2026-01-14T12:00:00Z: the wall clock while recording.
    static let now: Millis = 1_768_392_000_000
    static let context = DecodeContext(now: 1_768_435_199_999)
    static let clock: @Sendable () -> Millis = { RecorderTests.now }

    static func event(_ line: String) throws -> Event {
        let out = InputDecoder.decodeAll(line, source: "t", context: context)
        #expect(out.rejections.isEmpty, "\(out.rejections)")
        return try #require(out.events.first)
    }

    // Two liquidations on 2026-01-13, two on 2026-01-14, and every other kind.
    static func mixedEvents() throws -> [Event] {
        try [
            #"{"type":"liquidation","time":1768435199000,"venue":"binance","instrument":"BTCUSDT","coin":"BTC","side":"short","price":"97000.5","qty":"0.014","usd":"1358.007"}"#,
            #"{"type":"etf_flow","date":"2026-01-13","asset":"BTC","fund":"IBIT","usd":"648600000","coins":"6817.1","price":"95144.97"}"#,
            #"{"type":"liquidation","time":1768348799999,"venue":"bybit","instrument":"ETHUSDT","coin":"ETH","side":"long","price":"3300.25","qty":"2","usd":"6600.5"}"#,
            #"{"type":"note","time":1768300000000,"source":"Philadelphia Fed","text":"Paulson \"signalled\" cuts\\"}"#,
            #"{"type":"rate","date":"2026-01-13","series":"DFF","value":"3.64"}"#,
            #"{"type":"cut_odds","meeting":"2026-01-28","range":"3.50-3.75","probability":"95.0"}"#,
            #"{"type":"daily_liquidations","date":"2025-10-10","long_usd":"16700000000","short_usd":"2500000000"}"#,
            #"{"type":"liquidation","time":1768262400000,"venue":"okx","instrument":"SOL-USDT-SWAP","coin":"SOL","side":"short","price":"140.1","qty":"10","usd":"1401"}"#,
            #"{"type":"liquidation","time":1768392000123,"venue":"binance","instrument":"BTCUSDT","coin":"BTC","side":"long","price":"96000","qty":"1.5","usd":"144000"}"#,
        ].map(event)
    }

    static func tempDir(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("liqtop-rec-\(name)-\(getpid())-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    static func decodeFile(_ path: String) throws -> DecodeOutput {
        InputDecoder.decodeAll(try read(path), source: path, context: context)
    }

    static func files(in dir: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
    }

    @Test func everyKindRoundTripsIntoItsDayFile() async throws {
        let root = try Self.tempDir("mix")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let dir = root + "/nested/rec/" // missing parents, trailing slash
        let events = try Self.mixedEvents()
        let recorder = Recorder(directory: dir, clock: Self.clock)
        await recorder.record(Array(events[0 ..< 4]), source: "binance")
        await recorder.record(Array(events[4...]), source: "bybit")
        await recorder.close()

        let base = root + "/nested/rec"
        #expect(try Self.files(in: base) == ["liqtop-2026-01-13.ndjson", "liqtop-2026-01-14.ndjson"])
        // By their own time: liquidations 2 and 7 and the note (2026-01-13); the day-less kinds
        // go to the recording day (2026-01-14), whatever day they name.
        let d13 = try Self.decodeFile(base + "/liqtop-2026-01-13.ndjson")
        let d14 = try Self.decodeFile(base + "/liqtop-2026-01-14.ndjson")
        #expect(d13.rejections.isEmpty && d14.rejections.isEmpty)
        #expect(d13.events == [events[2], events[3], events[7]])
        #expect(d14.events == [events[0], events[1], events[4], events[5], events[6], events[8]])

        let counters = await recorder.counters
        #expect(counters.eventsWritten == 9)
        #expect(counters.filesWritten == 2)
        #expect(counters.eventsDropped == 0)
        let size13 = try Self.read(base + "/liqtop-2026-01-13.ndjson").utf8.count
        let size14 = try Self.read(base + "/liqtop-2026-01-14.ndjson").utf8.count
        #expect(counters.bytesWritten == Int64(size13 + size14))
        #expect(await recorder.status == .ok)
    }

    @Test func appendsAcrossSessionsNeverOverwrites() async throws {
        let dir = try Self.tempDir("append")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let events = try Self.mixedEvents()
        let first = Recorder(directory: dir, clock: Self.clock)
        await first.record([events[0], events[8]], source: "a")
        await first.close()
        let second = Recorder(directory: dir, clock: Self.clock)
        await second.record([events[1]], source: "b")
        await second.flush()
        await second.record([events[0]], source: "b")
        await second.close()
        let out = try Self.decodeFile(dir + "/liqtop-2026-01-14.ndjson")
        #expect(out.rejections.isEmpty)
        #expect(out.events == [events[0], events[8], events[1], events[0]])
        #expect(out.lines == 4)
    }

    @Test func tornLastLineStaysAloneAndIsRejectedOnce() async throws {
        let dir = try Self.tempDir("torn")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let events = try Self.mixedEvents()
        let path = dir + "/liqtop-2026-01-14.ndjson"
        let good = NativeFormat.encode(events[0])
        let torn = #"{"type":"liquidation","time":17684"#
        try (good + "\n" + torn).write(toFile: path, atomically: false, encoding: .utf8)

        let recorder = Recorder(directory: dir, clock: Self.clock)
        await recorder.record([events[8], events[1]], source: "x")
        await recorder.close()

        let text = try Self.read(path)
        #expect(text == good + "\n" + torn + "\n" + NativeFormat.encode(events[8]) + "\n" + NativeFormat.encode(events[1]) + "\n")
        let out = InputDecoder.decodeAll(text, source: "rec", context: Self.context)
        #expect(out.events == [events[0], events[8], events[1]])
        #expect(out.rejections.count == 1)
        #expect(out.rejections.first?.line == 2)
    }

    @Test func unwritableDirectoryIsAnErrorNotACrashAndRecovers() async throws {
        let root = try Self.tempDir("err")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let events = try Self.mixedEvents()
        // A parent that is a regular file blocks even root.
        let blocker = root + "/blocker"
        try "x".write(toFile: blocker, atomically: false, encoding: .utf8)
        let dir = blocker + "/rec"
        let recorder = Recorder(directory: dir, clock: Self.clock)
        await recorder.record([events[0], events[1]], raw: ["frame"], source: "x")
        await recorder.flush()
        #expect(await recorder.status == .error("cannot create directory \(dir): Not a directory"))
        #expect(await recorder.status.isOK == false)
        var counters = await recorder.counters
        #expect(counters.eventsDropped == 2 && counters.eventsWritten == 0 && counters.filesWritten == 0)
        #expect(await recorder.pendingByteCount == 0) // dropped, not hoarded

        // Fixing the cause resumes recording on the next flush.
        try FileManager.default.removeItem(atPath: blocker)
        try FileManager.default.createDirectory(atPath: blocker, withIntermediateDirectories: false)
        await recorder.record([events[8]], source: "x")
        await recorder.close()
        #expect(await recorder.status == .ok)
        counters = await recorder.counters
        #expect(counters.eventsDropped == 2 && counters.eventsWritten == 1)
        #expect(try Self.decodeFile(dir + "/liqtop-2026-01-14.ndjson").events == [events[8]])

        // A path the kernel refuses whoever we are.
        let proc = Recorder(directory: "/proc/liqtop-rec-\(getpid())", clock: Self.clock)
        await proc.record([events[0]], source: "x")
        await proc.close()
        #expect(await proc.status.description.hasPrefix("cannot create directory /proc/liqtop-rec-\(getpid()): "))
        #expect(await proc.counters.eventsDropped == 1)
    }

    @Test func readOnlyDirectoryWhenPermissionsApply() async throws {
        let dir = try Self.tempDir("ro")
        defer {
            chmod(dir, 0o755)
            try? FileManager.default.removeItem(atPath: dir)
        }
        #expect(chmod(dir, 0o555) == 0)
        // As root chmod does not block writes: the blocked-parent case above covers that.
        let probe = dir + "/probe"
        let fd = open(probe, O_WRONLY | O_CREAT, 0o644)
        if fd >= 0 {
            close(fd)
            unlink(probe)
            return
        }
        let recorder = Recorder(directory: dir, clock: Self.clock)
        await recorder.record(try Self.mixedEvents(), source: "x")
        await recorder.close()
        // The first file in arrival order (events[0] is on 2026-01-14) names the error.
        #expect(await recorder.status == .error("cannot write \(dir)/liqtop-2026-01-14.ndjson: Permission denied"))
        #expect(await recorder.counters.eventsDropped == 9)
    }

    /// /dev/full answers every write with ENOSPC: a full disk, for real.
    @Test func fullDiskIsAnErrorAndMemoryStaysBounded() async throws {
        let dir = try Self.tempDir("full")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let path = dir + "/liqtop-2026-01-14.ndjson"
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/full")
        let events = try Self.mixedEvents()
        let recorder = Recorder(directory: dir, maxPendingBytes: 4096, clock: Self.clock)
        var maxPending = 0
        for _ in 0 ..< 200 {
            await recorder.record([events[0], events[8]], source: "x")
            maxPending = max(maxPending, await recorder.pendingByteCount)
        }
        #expect(maxPending <= 4096)
        await recorder.close()
        #expect(await recorder.status == .error("cannot write \(path): No space left on device"))
        let counters = await recorder.counters
        #expect(counters.eventsDropped == 400)
        #expect(counters.eventsWritten == 0 && counters.bytesWritten == 0)
    }

    /// The 1 s timer writes pending lines without `flush()` or `close()`. What is checked is that
    /// the timer exists and waits for its second, not its punctuality: the timer task shares the
    /// cooperative pool with every other suite, and a sanitizer run on two busy cores starved it
    /// for over 10 s. A timer that never fires still fails here, after a minute.
    @Test func timerFlushesAfterASecondWithoutClose() async throws {
        let dir = try Self.tempDir("timer")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let events = try Self.mixedEvents()
        let recorder = Recorder(directory: dir, clock: Self.clock)
        let started = ContinuousClock.now
        await recorder.record([events[0]], source: "x")
        let path = dir + "/liqtop-2026-01-14.ndjson"
        #expect(!FileManager.default.fileExists(atPath: path)) // buffered, not written per event
        var text = ""
        while ContinuousClock.now - started < .seconds(60) {
            if let t = try? Self.read(path), !t.isEmpty { text = t; break }
            try await Task.sleep(for: .milliseconds(20))
        }
        let elapsed = ContinuousClock.now - started
        #expect(text == NativeFormat.encode(events[0]) + "\n")
        #expect(elapsed >= .milliseconds(900), "written after \(elapsed): not by the timer")
        // The writer's thread writes the file first and reports back to the actor after.
        var written = 0
        while ContinuousClock.now - started < .seconds(60) {
            written = await recorder.counters.eventsWritten
            if written == 1 { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(written == 1)
        await recorder.close()
    }

    @Test func rawFramesAreValidJSONWithTheOriginalText() async throws {
        let dir = try Self.tempDir("raw")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let frames = [
            #"{"e":"forceOrder","E":1568014460893,"o":{"s":"BTCUSDT","S":"SELL","q":"0.014","p":"9910"}}"#,
            "pong",
            "quote \" backslash \\ tab \t newline \n cr \r esc \u{1B}]0;title\u{07} del \u{7F} c1 \u{9B}2J bidi \u{202E} é 🚀",
            "",
        ]
        let events = try Self.mixedEvents()
        let recorder = Recorder(directory: dir, keepRaw: true, clock: Self.clock)
        await recorder.record([events[0]], raw: frames, source: "binance \"fut\"")
        await recorder.close()
        #expect(try Self.files(in: dir) == ["liqtop-2026-01-14.ndjson", "liqtop-2026-01-14.raw.ndjson"])
        #expect(await recorder.counters.rawFramesWritten == 4)

        let text = try Self.read(dir + "/liqtop-2026-01-14.raw.ndjson")
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x07 })
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 5 && lines.last == "")
        for (line, frame) in zip(lines, frames) {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            let o = try #require(object)
            #expect(o["frame"] as? String == frame)
            #expect(o["source"] as? String == "binance \"fut\"")
            #expect((o["time"] as? NSNumber)?.int64Value == Self.now)
            #expect(o.count == 3)
        }
        #expect(lines.first == #"{"source":"binance \"fut\"","time":1768392000000,"frame":"{\"e\":\"forceOrder\",\"E\":1568014460893,\"o\":{\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"q\":\"0.014\",\"p\":\"9910\"}}"}"#)

        // Without keepRaw, no raw file.
        let plainDir = try Self.tempDir("noraw")
        defer { try? FileManager.default.removeItem(atPath: plainDir) }
        let plain = Recorder(directory: plainDir, clock: Self.clock)
        await plain.record([events[0]], raw: frames, source: "x")
        await plain.close()
        #expect(try Self.files(in: plainDir) == ["liqtop-2026-01-14.ndjson"])
        #expect(await plain.counters.rawFramesWritten == 0)
    }

    /// A write that blocks (a stalled disk, a hung mount) holds up neither `record`
    /// nor shutdown. The writer's thread is held on a semaphore; everything else goes on.
    @Test(.timeLimit(.minutes(1))) func blockedWriteNeverStallsRecordingAndCloseIsBounded() async throws {
        let dir = try Self.tempDir("blocked")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let gate = DispatchSemaphore(value: 0)
        let recorder = Recorder(directory: dir, maxPendingBytes: 4096, clock: Self.clock, beforeWrite: { _ in gate.wait() })
        let events = try Self.mixedEvents()
        let held = ContinuousClock.now
        await recorder.record([events[0]], source: "x")
        #expect(await recorder.flush(timeout: .milliseconds(50)) == false) // the write is held
        // Ingest goes on: 1,000 more batches return at once; what does not fit the 4 KiB queue is counted.
        let started = ContinuousClock.now
        for _ in 0 ..< 1000 { await recorder.record([events[8]], source: "x") }
        #expect(ContinuousClock.now - started < .seconds(20))
        #expect(await recorder.pendingByteCount <= 4096)
        let dropped = await recorder.counters.eventsDropped
        #expect(dropped > 900, "\(dropped)")
        // Until the held write is older than `stallAfter` the queue is what fails; after it (a loaded
        // machine under ThreadSanitizer can take that long for the 1,000 batches) the blocked write.
        let status = await recorder.status
        #expect(status == .error("the disk is not keeping up with the feed") || status == .error("a write to \(dir) is blocked (no return for over 2 s)"),
                "\(status) after \(ContinuousClock.now - held)")
        try await Task.sleep(for: Recorder.stallAfter + .milliseconds(200))
        #expect(await recorder.status == .error("a write to \(dir) is blocked (no return for over 2 s)"))
        if case .failing(let why) = await recorder.health.state {
            #expect(why.hasSuffix("· \(dropped) events dropped"))
        } else {
            Issue.record("health is not failing")
        }
        // Shutdown waits a bounded time and says it could not finish.
        let closing = ContinuousClock.now
        #expect(await recorder.close(timeout: .milliseconds(300)) == false)
        #expect(ContinuousClock.now - closing < .seconds(10))
        #expect(await recorder.eventsNotWritten > 0)
        // The disk comes back: what was queued is written, in order, and the status clears.
        for _ in 0 ..< 4 { gate.signal() }
        #expect(await recorder.close(timeout: .seconds(20)))
        gate.signal(); gate.signal()
        #expect(await recorder.status == .ok)
        let c = await recorder.counters
        #expect(c.eventsWritten + c.eventsDropped == 1001)
        let out = try Self.decodeFile(dir + "/liqtop-2026-01-14.ndjson")
        #expect(out.events.count == c.eventsWritten)
        #expect(out.events.first == events[0])
    }

    /// A FIFO at the day file used to block the open (no reader) and with it all
    /// ingest; it is now an error in words, and nothing waits.
    @Test(.timeLimit(.minutes(1))) func fifoAtTheDayFileIsAnErrorNotAHang() async throws {
        let dir = try Self.tempDir("fifo")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/liqtop-2026-01-14.ndjson"
        #expect(mkfifo(path, 0o644) == 0)
        let recorder = Recorder(directory: dir, clock: Self.clock)
        await recorder.record([try Self.mixedEvents()[0]], source: "x")
        #expect(await recorder.close(timeout: .seconds(20)))
        #expect(await recorder.status == .error("cannot write \(path): is a FIFO or socket, not a regular file"))
        #expect(await recorder.counters.eventsDropped == 1)
    }
}
