import Foundation
import Testing
import LiqtopCore
import LiqtopTestSupport

/// `liqtop live` knows every venue, and an Aster connection's orders stay Aster's through the
/// recording, while the same bytes in a plain file read as Binance (the documented caveat).
@Suite(.serialized) struct LiveCLIVenuesTests {
    @Test(.timeLimit(.minutes(1))) func helpAndErrorsNameEveryVenue() throws {
        let (p, out, _) = try LiqtopBinary.start(["live", "--help"])
        let help = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        for venue in Venue.allCases { #expect(help.contains(venue.rawValue), "\(venue) missing from: \(help)") }
        for option in ["--bitget-url", "--gate-url", "--aster-url"] { #expect(help.contains(option)) }

        let (q, _, err) = try LiqtopBinary.start(["live", "--venues", "kraken", "--print"])
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        q.waitUntilExit()
        #expect(q.terminationStatus == 2) // usage errors exit 2
        #expect(stderr.contains("unknown venue 'kraken': use " + Venue.allCases.map(\.rawValue).joined(separator: ", ")), "\(stderr)")
    }

    @Test(.timeLimit(.minutes(1))) func asterLiveRecordsAsAsterAndItsRawBytesReadAsBinance() async throws {
        let frames = [Frames.binance(qty: "0.014"), Frames.binance(qty: "0.5", time: 1_768_348_701_000, side: "BUY")]
        let server = try await LoopbackServer.start(Script(onConnect: { _ in frames.map { .send($0) } }))
        defer { Task { await server.stop() } }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-live-aster-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        let (p, out, err) = try LiqtopBinary.start(["live", "--venues", "aster", "--aster-url", server.url + "/ws/!forceOrder@arr",
                                                    "--print", "--record", dir.path])
        var text = await LiqtopBinary.readLines(out, atLeast: 2)
        p.terminate()
        let (rest, stderr) = await LiqtopBinary.finish(p, out: out, err: err)
        text += rest
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2, "stdout: \(text)\nstderr: \(stderr)")
        #expect(lines.allSatisfy { $0.contains(#""venue":"aster""#) })
        #expect(server.paths == ["/ws/!forceOrder@arr"])

        // The recording replays as Aster's; the venue's raw bytes in a file read as Binance's.
        let recording = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasSuffix(".ndjson") })
        let replayed = try await LiqtopBinary.summaryJSON(dir.appendingPathComponent(recording).path)
        #expect(replayed.contains(#""aster""#) && !replayed.contains(#""binance""#), "\(replayed)")
        let raw = dir.appendingPathComponent("raw-aster-capture.txt")
        try (frames.joined(separator: "\n") + "\n").write(to: raw, atomically: true, encoding: .utf8)
        let plain = try await LiqtopBinary.summaryJSON(raw.path)
        #expect(plain.contains(#""binance""#) && !plain.contains(#""aster""#), "\(plain)")
        try? FileManager.default.removeItem(at: dir)
    }
}
