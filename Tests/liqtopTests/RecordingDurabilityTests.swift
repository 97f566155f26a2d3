import Foundation
import Testing
import LiqtopCore
import LiqtopTestSupport

/// `kill -9` while recording loses at most the last second: lines that arrived well before
/// the kill are on disk, whole, and the file replays.
@Suite(.serialized) struct RecordingDurabilityTests {
    static func line(_ i: Int) -> String {
        NativeFormat.encode(.liquidation(Liquidation(
            time: 1_768_392_000_000 + Millis(i) * 1000, venue: .bybit, instrument: "BTCUSDT", coin: "BTC",
            side: i % 2 == 0 ? .short : .long, price: FixedDecimal(95_000), quantity: FixedDecimal(Int64(i + 1)),
            usd: USD(dollars: 95_000 * Int64(i + 1)))))
    }

    @Test(.timeLimit(.minutes(1))) func killNineLosesAtMostTheLastSecond() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-kill9-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("feed.ndjson")
        #expect(FileManager.default.createFile(atPath: input.path, contents: nil))
        let recordDir = dir.appendingPathComponent("rec")

        let p = Process()
        p.executableURL = LiqtopBinary.url
        p.arguments = ["tail", input.path, "--from-start", "--print", "--record", recordDir.path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()

        let handle = try FileHandle(forWritingTo: input)
        let early = (0 ..< 100).map(Self.line).joined(separator: "\n") + "\n"
        try handle.write(contentsOf: Data(early.utf8))
        // Wait (bounded) until the recorder has flushed the early lines: its promise is ≤ 1 s.
        let dayFile = recordDir.appendingPathComponent("liqtop-2026-01-14.ndjson")
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            let text = (try? String(contentsOf: dayFile, encoding: .utf8)) ?? ""
            if text.split(separator: "\n").count >= 100 { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        // More lines, then kill -9 at once: these may be lost, the early ones may not.
        let late = (100 ..< 150).map(Self.line).joined(separator: "\n") + "\n"
        try handle.write(contentsOf: Data(late.utf8))
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        try handle.close()
        #expect(p.terminationReason == .uncaughtSignal)

        let recorded = try String(contentsOf: dayFile, encoding: .utf8)
        let out = InputDecoder.decodeAll(recorded, source: "rec", context: DecodeContext(now: 1_800_000_000_000))
        let times = Set(out.events.compactMap { if case .liquidation(let l) = $0 { l.time } else { nil } })
        for i in 0 ..< 100 { #expect(times.contains(1_768_392_000_000 + Millis(i) * 1000), "line \(i) lost") }
        #expect(out.events.count >= 100 && out.events.count <= 150)
        #expect(out.rejections.count <= 1) // at most one torn last line
        // Replaying the recording afterwards appends safely: a second session keeps both.
        #expect(recorded.hasSuffix("\n") || out.rejections.count == 1)
    }
}
