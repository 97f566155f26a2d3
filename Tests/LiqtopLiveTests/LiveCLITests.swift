import Foundation
import Testing
import LiqtopCore
import LiqtopTestSupport

/// The real binary against the loopback server: `liqtop live --print --record` shows the
/// venue's events as NDJSON, and the recording replays to exactly the same summary.
@Suite(.serialized) struct LiveCLITests {
    @Test(.timeLimit(.minutes(1))) func liveBinanceThroughTheCLIRecordsAndReplays() async throws {
        let frames = (1 ... 5).map { Frames.binance(qty: "0.0\($0)", time: 1_768_348_700_000 + Millis($0) * 1000, side: $0 % 2 == 0 ? "BUY" : "SELL") }
        let server = try await LoopbackServer.start(Script(onConnect: { _ in [.send("{not json")] + frames.map { .send($0) } }))
        defer { Task { await server.stop() } }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-live-cli-\(getpid())")
        try? FileManager.default.removeItem(at: dir)

        let p = Process()
        p.executableURL = LiqtopBinary.url
        p.arguments = ["live", "--venues", "binance", "--binance-url", server.url + "/ws/!forceOrder@arr", "--print", "--record", dir.path]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()

        // Read NDJSON lines until all five liquidations arrived.
        var text = await LiqtopBinary.readLines(out, atLeast: 5)
        p.terminate() // SIGTERM: flushes the recording, exits 143
        let (rest, stderr) = await LiqtopBinary.finish(p, out: out, err: err)
        text += rest

        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 5, "stdout: \(text)\nstderr: \(stderr)")
        #expect(lines.allSatisfy { $0.hasPrefix(#"{"type":"liquidation","#) && $0.contains(#""venue":"binance""#) })
        #expect(lines.first?.contains(#""side":"long""#) == true) // SELL = a long was liquidated
        #expect(stderr.contains("rejected binance:1"))             // the malformed first frame, counted not fatal
        #expect(p.terminationStatus == 143)

        // The recording holds the same events and summarizes identically.
        let recorded = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".ndjson") }
        let dayFile = "liqtop-\(Day(containing: 1_768_348_701_000)).ndjson" // the events' own UTC day
        #expect(recorded == [dayFile])
        let printed = dir.appendingPathComponent("printed.ndjson.txt")
        try (lines.joined(separator: "\n") + "\n").write(to: printed, atomically: true, encoding: .utf8)
        let a = try await LiqtopBinary.summaryJSON(dir.appendingPathComponent(dayFile).path)
        let b = try await LiqtopBinary.summaryJSON(printed.path)
        #expect(a.replacingOccurrences(of: dayFile, with: "X") == b.replacingOccurrences(of: "printed.ndjson.txt", with: "X"))
        #expect(a.contains(#""count": 5"#))
        try? FileManager.default.removeItem(at: dir)
    }

    @Test(.timeLimit(.minutes(1))) func aVenueNamedTwiceIsConnectedOnce() async throws {
        let server = try await LoopbackServer.start(Script(onConnect: { _ in [.send(Frames.binance(qty: "0.5"))] }))
        defer { Task { await server.stop() } }
        let (p, out, err) = try LiqtopBinary.start(["live", "--venues", "binance, BINANCE,binance", "--binance-url",
                                                    server.url + "/ws/!forceOrder@arr", "--print"])
        #expect(await eventually(.seconds(20)) { server.connections >= 1 })
        // A second socket would be opened at the same moment as the first: give it ample time.
        #expect(await !eventually(.seconds(2)) { server.connections >= 2 })
        try await Task.sleep(for: .milliseconds(500))
        p.terminate()
        let (stdout, stderr) = await LiqtopBinary.finish(p, out: out, err: err)
        #expect(server.connections == 1)
        #expect(stdout.split(separator: "\n").count == 1, "stdout: \(stdout)")
        #expect(stderr.split(separator: "\n").filter { $0.contains("named twice") }
            == ["liqtop: venue binance named twice; connecting once"], "stderr: \(stderr)")
    }

    @Test(.timeLimit(.minutes(1))) func unusableURLsExitWithStatusTwo() async throws {
        let cases: [(option: String, url: String, says: String)] = [
            ("--binance-url", "", "--binance-url '' is empty"),
            ("--bybit-url", "ftp://127.0.0.1/v5/public/linear", "--bybit-url 'ftp://127.0.0.1/v5/public/linear' must start with ws:// or wss://"),
            ("--okx-url", "ws://127.0.0.1:99999/ws/v5/public", "--okx-url 'ws://127.0.0.1:99999/ws/v5/public' port '99999' is not in 1-65535"),
            ("--binance-url", "wss:///ws/!forceOrder@arr", "--binance-url 'wss:///ws/!forceOrder@arr' names no host"),
        ]
        for c in cases {
            let (p, out, err) = try LiqtopBinary.start(["live", "--print", c.option, c.url])
            // Before the fix these ran (and retried) until killed.
            let exited = await eventually(.seconds(8)) { !p.isRunning }
            if !exited { p.terminate() }
            let (_, stderr) = await LiqtopBinary.finish(p, out: out, err: err)
            #expect(exited && p.terminationStatus == 2, "\(c.option) '\(c.url)': status \(p.terminationStatus)")
            #expect(stderr == "liqtop: \(c.says) (see 'liqtop --help')\n", "\(c.option) '\(c.url)': \(stderr)")
        }
    }
}
