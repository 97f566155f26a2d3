import Foundation
import Synchronization
import Testing
import LiqtopCore
@testable import LiqtopFeeds

/// Everything a tail delivered, readable from tests and from a writer thread.
///
/// Guarded by NSLock (a pthread mutex), not `Synchronization.Mutex`: on Linux a contended Mutex
/// is handed over by the kernel (`FUTEX_LOCK_PI`), which ThreadSanitizer cannot see, so it
/// reported the locked reads in `eventCount` as racing with the locked writes in `sink`.
final class TailCollector: @unchecked Sendable {
    struct State {
        var events: [Event] = []
        var rejections: [Rejection] = []
        var raw: [String] = []
        var batches = 0
        var health: [SourceHealth] = []
    }

    private let lock = NSLock()
    private var state = State() // only under `lock`

    private func withLock<T>(_ body: (inout State) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&state)
    }

    var sink: FeedSink {
        FeedSink(deliver: { batch in
            self.withLock {
                $0.events += batch.output.events
                $0.rejections += batch.output.rejections
                $0.raw += batch.raw
                $0.batches += 1
            }
        }, report: { health in
            self.withLock { $0.health.append(health) }
        })
    }

    var snapshot: State { withLock { $0 } }
    var eventCount: Int { withLock { $0.events.count } }
    var lastHealth: SourceHealth? { withLock { $0.health.last } }
    var sawTruncation: Bool { withLock { $0.health.contains { $0.lastError == "truncated" } } }
}

@Suite struct TailSourceTests {
    static let context = DecodeContext(now: 1_800_000_000_000)

    // MARK: - Helpers

    static func liquidation(_ i: Int) -> Event {
        let price = FixedDecimal(mantissa: 9_500_000 + Int64(i % 1000), scale: 2)!
        let qty = FixedDecimal(mantissa: Int64(i + 1), scale: 3)!
        return .liquidation(Liquidation(time: 1_768_000_000_000 + Int64(i) * 37, venue: [.binance, .bybit, .okx][i % 3],
                                        instrument: "BTCUSDT", coin: "BTC", side: i.isMultiple(of: 2) ? .long : .short,
                                        price: price, quantity: qty, usd: USD.product(price, qty)!))
    }

    static func line(_ i: Int) -> String { NativeFormat.encode(liquidation(i)) }

    static func tempPath(_ name: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-tail-\(getpid())-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }

    static func removeDir(of path: String) {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    /// Appends `text` to `path` (creating it) in one write.
    static func append(_ text: String, to path: String) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        defer { close(fd) }
        writeAll(fd, Array(text.utf8))
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { writeAll(fd, $0) }
    }

    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) {
        var at = 0
        while at < bytes.count {
            let n = write(fd, bytes.baseAddress! + at, bytes.count - at)
            if n < 0 { if errno == EINTR { continue }; return }
            at += n
        }
    }

    /// How long a wait may take before it counts as a hang. Polls return as soon as their
    /// condition holds, so this costs nothing when things work; it is generous because a
    /// sanitizer run on two loaded cores is 5-10× slower than a plain one.
    static let patience: Swift.Duration = .seconds(60)

    /// Polls `condition` until it holds or `timeout` passes; returns whether it held.
    static func eventually(_ timeout: Swift.Duration = patience, _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return condition()
    }

    /// The same, for a writer thread.
    static func waitBlocking(_ timeout: Swift.Duration = patience, _ condition: () -> Bool) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition() { return true }
            usleep(500)
        }
        return condition()
    }

    static func isLive(_ c: TailCollector) -> Bool { c.lastHealth?.isLive == true }

    // MARK: - Tests

    /// A writer appends 100,000 lines in random-sized writes that cut lines in half, rotates the
    /// file twice and truncates it once: every line arrives exactly once, none is parsed early.
    @Test func followsThroughRotationAndTruncationWithoutLossOrDoubles() async throws {
        let path = Self.tempPath("feed.ndjson")
        defer { Self.removeDir(of: path) }
        Self.append("", to: path)
        let total = 100_000
        let lines = (0 ..< total).map(Self.line)
        let collector = TailCollector()
        let source = TailSource(path: path, context: Self.context, pollInterval: .milliseconds(5))
        let task = Task { await source.run(collector.sink) }
        defer { task.cancel() }
        #expect(await Self.eventually { Self.isLive(collector) })

        let writer = RotatingWriter(path: path, lines: lines, rotateBefore: [30_000, 80_000], truncateBefore: 55_000,
                                    collector: collector)
        let failure: String? = await withCheckedContinuation { done in
            Thread { done.resume(returning: writer.run()) }.start()
        }
        #expect(failure == nil)

        #expect(await Self.eventually { collector.eventCount >= total })
        // Give a doubled line the chance to show up before counting.
        try await Task.sleep(for: .milliseconds(150))
        task.cancel()
        await task.value

        let got = collector.snapshot
        #expect(got.rejections.isEmpty, "\(got.rejections.prefix(3))")
        #expect(got.events.count == total)
        let received = Set(got.events.map(NativeFormat.encode))
        let written = Set(lines)
        #expect(written.count == total) // every line written is unique, so sets compare multisets
        #expect(received.count == got.events.count, "doubled lines")
        #expect(written.subtracting(received).count == 0, "lost lines")
        #expect(received.subtracting(written).count == 0, "lines not written")
        #expect(got.batches < total / 20, "\(got.batches) batches")
        #expect(collector.sawTruncation)
    }

    @Test func waitsForAFileThatDoesNotExistYetThenReadsItFromTheStart() async {
        let path = Self.tempPath("later.ndjson")
        defer { Self.removeDir(of: path) }
        let collector = TailCollector()
        let source = TailSource(path: path, context: Self.context, pollInterval: .milliseconds(10))
        #expect(source.name == path)
        let task = Task { await source.run(collector.sink) }
        defer { task.cancel() }
        #expect(await Self.eventually { collector.lastHealth?.state == .waiting("file does not exist yet") })
        #expect(collector.eventCount == 0)

        Self.append((0 ..< 3).map(Self.line).joined(separator: "\n") + "\n", to: path)
        #expect(await Self.eventually { collector.eventCount == 3 })
        #expect(collector.snapshot.events == (0 ..< 3).map(Self.liquidation))
        #expect(collector.lastHealth?.state == .live)
        #expect(collector.lastHealth?.name == path)
    }

    @Test func fromStartDecidesWhetherExistingLinesAreRead() async {
        let path = Self.tempPath("existing.ndjson")
        defer { Self.removeDir(of: path) }
        Self.append((0 ..< 3).map(Self.line).joined(separator: "\n") + "\n", to: path)
        let fromEnd = TailCollector(), fromStart = TailCollector()
        let a = Task { await TailSource(path: path, context: Self.context, pollInterval: .milliseconds(10)).run(fromEnd.sink) }
        let b = Task {
            await TailSource(path: path, fromStart: true, context: Self.context, keepRaw: true,
                             pollInterval: .milliseconds(10)).run(fromStart.sink)
        }
        defer { a.cancel(); b.cancel() }
        #expect(await Self.eventually { Self.isLive(fromEnd) && fromStart.eventCount == 3 })

        Self.append(Self.line(3) + "\n" + Self.line(4) + "\n", to: path)
        #expect(await Self.eventually { fromEnd.eventCount == 2 && fromStart.eventCount == 5 })
        try? await Task.sleep(for: .milliseconds(50))
        #expect(fromEnd.snapshot.events == [Self.liquidation(3), Self.liquidation(4)])
        #expect(fromStart.snapshot.events == (0 ..< 5).map(Self.liquidation))
        #expect(fromStart.snapshot.raw == (0 ..< 5).map(Self.line))
        #expect(fromEnd.snapshot.raw.isEmpty)
    }

    /// Rejections carry each file's own line numbers: counted past the lines skipped at the
    /// start, and from 1 again in a rotated-in file. A partial last line at the start is skipped.
    @Test func rejectionsCarryRealLineNumbersPerFile() async {
        let path = Self.tempPath("numbers.ndjson")
        defer { Self.removeDir(of: path) }
        let partial = Self.line(9)
        let cut = partial.utf8.count / 2
        Self.append((0 ..< 4).map(Self.line).joined(separator: "\n") + "\n" + String(partial.prefix(cut)), to: path)
        let collector = TailCollector()
        let task = Task { await TailSource(path: path, context: Self.context, pollInterval: .milliseconds(10)).run(collector.sink) }
        defer { task.cancel() }
        #expect(await Self.eventually { Self.isLive(collector) })

        // Line 5 ends (it started before we did, so it is not ours), 6 is garbage, 7 is good.
        Self.append(String(partial.dropFirst(cut)) + "\nnot a line\n" + Self.line(5) + "\n", to: path)
        #expect(await Self.eventually { collector.eventCount == 1 })
        #expect(collector.snapshot.rejections.map(\.line) == [6])

        rename(path, path + ".1")
        Self.append(Self.line(6) + "\n{\"type\":\"liquidation\"}\n", to: path)
        #expect(await Self.eventually { collector.snapshot.rejections.count == 2 })
        let got = collector.snapshot
        #expect(got.rejections.map(\.line) == [6, 2])
        #expect(got.rejections.allSatisfy { $0.source == path })
        #expect(got.events == [Self.liquidation(5), Self.liquidation(6)])
    }

    /// A writer that keeps appending to the renamed file for a moment (it has not reopened yet)
    /// loses nothing, and that file's last line counts once it has gone quiet, even without a newline.
    @Test func aRotatedFileIsReadUntilItGoesQuiet() async {
        let path = Self.tempPath("slow.ndjson")
        defer { Self.removeDir(of: path) }
        let old = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        defer { close(old) }
        let collector = TailCollector()
        let task = Task { await TailSource(path: path, context: Self.context, pollInterval: .milliseconds(10)).run(collector.sink) }
        defer { task.cancel() }
        #expect(await Self.eventually { Self.isLive(collector) })

        Self.writeAll(old, Array((Self.line(0) + "\n").utf8))
        #expect(await Self.eventually { collector.eventCount == 1 })
        rename(path, path + ".1")
        Self.append(Self.line(1) + "\n", to: path)
        #expect(await Self.eventually { collector.eventCount == 2 })
        Self.writeAll(old, Array((Self.line(2) + "\n" + Self.line(3)).utf8))
        #expect(await Self.eventually { collector.eventCount == 4 })
        let got = collector.snapshot
        #expect(got.events == (0 ..< 4).map(Self.liquidation))
        #expect(got.rejections.isEmpty)
    }

    /// A pipe read like stdin: partial lines wait, the final line without a newline is parsed
    /// when the writer closes, and run returns after reporting the end of input.
    @Test func readsAStreamUntilItEnds() async throws {
        #expect(TailSource(path: "-", context: Self.context).name == "-")
        var fds: [Int32] = [-1, -1]
        try #require(pipe(&fds) == 0)
        defer { close(fds[0]) }
        let collector = TailCollector()
        let source = TailSource(descriptor: fds[0], name: "-", context: Self.context, keepRaw: true)
        let task = Task { await source.run(collector.sink) }
        defer { task.cancel() }

        let second = Array(Self.line(1).utf8)
        Self.writeAll(fds[1], Array((Self.line(0) + "\n").utf8) + second[..<20])
        #expect(await Self.eventually { collector.eventCount == 1 })
        Self.writeAll(fds[1], Array(second[20...]) + Array(("\n" + Self.line(2)).utf8))
        close(fds[1])

        #expect(await Self.eventually { collector.lastHealth?.state == .stopped("end of input") })
        await task.value
        let got = collector.snapshot
        #expect(got.events == (0 ..< 3).map(Self.liquidation))
        #expect(got.raw == (0 ..< 3).map(Self.line))
        #expect(got.rejections.isEmpty)
        #expect(got.health.first?.state == .live)
    }

    @Test func cancellationEndsRunPromptly() async throws {
        let path = Self.tempPath("idle.ndjson")
        defer { Self.removeDir(of: path) }
        Self.append(Self.line(0) + "\n", to: path)
        var fds: [Int32] = [-1, -1]
        try #require(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }

        let sources = [TailSource(path: path, context: Self.context, pollInterval: .seconds(30)),
                       TailSource(path: path + ".missing", context: Self.context, pollInterval: .seconds(30)),
                       TailSource(descriptor: fds[0], name: "-", context: Self.context, pollInterval: .seconds(30))]
        for source in sources {
            let collector = TailCollector()
            let finished = Atomic(false) // not Mutex: see TailCollector
            let task = Task {
                await source.run(collector.sink)
                finished.store(true, ordering: .releasing)
            }
            #expect(await Self.eventually { collector.lastHealth != nil })
            try await Task.sleep(for: .milliseconds(20)) // let it settle into its wait
            let start = ContinuousClock.now
            task.cancel()
            // Without a prompt end, run would sleep out its 30 s poll; 10 s tells the two apart
            // even on a sanitizer run that is 10× slower (a prompt end takes milliseconds).
            #expect(await Self.eventually(.seconds(20)) { finished.load(ordering: .acquiring) }, "\(source.name)")
            let took = ContinuousClock.now - start
            #expect(took < .seconds(10), "\(source.name): \(took)")
        }
    }
}

/// Appends lines in random-sized writes (cutting lines in half), rotating and truncating the
/// file at line boundaries. Runs on a thread of its own.
final class RotatingWriter: Sendable {
    let path: String
    let lines: [String]
    let rotateBefore: Set<Int>
    let truncateBefore: Int
    let collector: TailCollector

    init(path: String, lines: [String], rotateBefore: Set<Int>, truncateBefore: Int, collector: TailCollector) {
        self.path = path; self.lines = lines; self.rotateBefore = rotateBefore
        self.truncateBefore = truncateBefore; self.collector = collector
    }

    /// Returns a failure in words, or nil.
    func run() -> String? {
        var bytes: [UInt8] = []
        var lineEnds: [Int] = [] // byte offset just past each line's newline
        for line in lines {
            bytes += line.utf8
            bytes.append(0x0A)
            lineEnds.append(bytes.count)
        }
        var fd = open(path, O_WRONLY | O_APPEND)
        guard fd >= 0 else { return "open failed" }
        var random = SeededRandom(seed: 0x5EED) // a failing run can be repeated
        var at = 0
        var complete = 0 // lines whose newline has been written
        let stops = (rotateBefore.union([truncateBefore])).sorted() + [lines.count]
        return bytes.withUnsafeBytes { all -> String? in
            for stop in stops {
                let end = lineEnds[stop - 1]
                while at < end {
                    let n = min(1 + Int(random.next() % 6000), end - at)
                    TailSourceTests.writeAll(fd, UnsafeRawBufferPointer(rebasing: all[at ..< at + n]))
                    at += n
                    while complete < lineEnds.count && lineEnds[complete] <= at { complete += 1 }
                    // Stay close ahead of the reader, so it often finds the file ending mid-line.
                    guard TailSourceTests.waitBlocking(TailSourceTests.patience, { complete - collector.eventCount < 300 }) else {
                        return "reader stalled at \(collector.eventCount) of \(complete)"
                    }
                }
                if rotateBefore.contains(stop) {
                    close(fd)
                    guard rename(path, path + ".1") == 0 else { return "rename failed" }
                    fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL, 0o644)
                    guard fd >= 0 else { return "create failed" }
                } else if stop == truncateBefore {
                    // Truncate only once the reader has caught up, and go on once it noticed:
                    // a file that regrows past the old size between two polls cannot be told apart.
                    guard TailSourceTests.waitBlocking(TailSourceTests.patience, { collector.eventCount == stop }) else {
                        return "reader did not catch up: \(collector.eventCount) of \(stop)"
                    }
                    guard ftruncate(fd, 0) == 0 else { return "truncate failed" }
                    guard TailSourceTests.waitBlocking(TailSourceTests.patience, { collector.sawTruncation }) else { return "truncation not noticed" }
                }
            }
            close(fd)
            return nil
        }
    }
}

