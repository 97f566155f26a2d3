import Foundation
import LiqtopCore
import LiqtopTestSupport
import Testing

/// `liqtop live` and Hyperliquid, a venue with leverage data and no liquidations: the real
/// binary against a loopback server.
@Suite(.serialized) struct LiveCLIHyperliquidTests {
    @Test(.timeLimit(.minutes(1))) func hyperliquidPrintsMarkFundingAndOpenInterestPerCoin() async throws {
        let server = try await LoopbackServer.start(Script(onText: { _, text in
            for coin in ["BTC", "ETH"] where text == LoopbackHyperliquidTests.subscribe(coin) {
                return [.send(LoopbackHyperliquidTests.ack(coin)),
                        .send(LoopbackHyperliquidTests.context(coin, mark: coin == "BTC" ? "97000" : "3300", oi: "2"))]
            }
            return []
        }))
        defer { Task { await server.stop() } }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-live-hl-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (p, out, err) = try LiqtopBinary.start(["live", "--venues", "hyperliquid", "--coins", "BTC,ETH",
                                                    "--hyperliquid-url", server.url + "/ws", "--print", "--record", dir.path])
        let started = Int64(Date().timeIntervalSince1970 * 1000)
        var text = await LiqtopBinary.readLines(out, atLeast: 6)
        p.terminate()
        let (rest, stderr) = await LiqtopBinary.finish(p, out: out, err: err)
        text += rest
        let ended = Int64(Date().timeIntervalSince1970 * 1000)
        #expect(server.paths == ["/ws"])
        #expect(server.received(0).prefix(2) == [LoopbackHyperliquidTests.subscribe("BTC"), LoopbackHyperliquidTests.subscribe("ETH")])
        let lines = text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.count == 6, "stdout: \(text)\nstderr: \(stderr)")
        #expect(lines.map { $0["type"] as? String ?? "" } == ["mark_price", "funding", "open_interest", "mark_price", "funding", "open_interest"])
        #expect(lines.allSatisfy { $0["venue"] as? String == "hyperliquid" })
        let oi = lines.filter { $0["type"] as? String == "open_interest" }
        #expect(oi.map { $0["usd"] as? String } == ["194000", "6600"])
        #expect(oi.map { $0["unit"] as? String } == ["coin", "coin"])
        #expect(lines.filter { $0["type"] as? String == "funding" }.map { $0["interval_h"] as? Int } == [1, 1])
        for line in lines {
            let time = (line["time"] as? NSNumber)?.int64Value ?? 0
            #expect(time >= started - 1_000 && time <= ended) // dated on receipt
        }
        // The recording holds the printed lines, receive times included: it replays without them.
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".ndjson") }
        let recorded = try files.flatMap { try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8).split(separator: "\n").map(String.init) }
        #expect(Set(recorded) == Set(text.split(separator: "\n").map(String.init)), "\(recorded)")
    }

    @Test(.timeLimit(.minutes(1))) func noLeverageWithOnlyHyperliquidIsAnError() async throws {
        let (p, out, err) = try LiqtopBinary.start(["live", "--print", "--no-leverage", "--venues", "hyperliquid"])
        let exited = await eventually(.seconds(8)) { !p.isRunning }
        if !exited { p.terminate() }
        let (_, said) = await LiqtopBinary.finish(p, out: out, err: err)
        #expect(exited && p.terminationStatus == 2)
        #expect(said == "liqtop: --no-leverage leaves nothing to read: hyperliquid publishes no liquidations, "
            + "only funding, open interest and mark prices (see 'liqtop --help')\n", "\(said)")
    }

    /// Beside a liquidation venue, `--no-leverage` leaves Hyperliquid out, and says so.
    @Test(.timeLimit(.minutes(1))) func noLeverageSkipsANamedHyperliquid() async throws {
        let server = try await LoopbackServer.start(Script())
        defer { Task { await server.stop() } }
        let (p, out, err) = try LiqtopBinary.start(["live", "--print", "--no-leverage", "--venues", "okx,hyperliquid",
                                                    "--okx-url", server.url + "/ws/v5/public",
                                                    "--hyperliquid-url", server.url + "/ws"])
        #expect(await eventually(.seconds(20)) { server.connections >= 1 })
        #expect(await !eventually(.seconds(2)) { server.connections >= 2 })
        p.terminate()
        let (_, stderr) = await LiqtopBinary.finish(p, out: out, err: err)
        #expect(server.paths == ["/ws/v5/public"])
        #expect(stderr.contains("liqtop: venue hyperliquid publishes no liquidations; not connected with --no-leverage"), "\(stderr)")
    }

    @Test func helpNamesHyperliquidAndItsURL() throws {
        let (p, out, err) = try LiqtopBinary.start(["live", "--help"])
        let help = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        _ = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(help.contains("--hyperliquid-url"))
        // The help is wrapped to the terminal: compare words, not lines.
        let words = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("Hyperliquid publishes no liquidations"), "\(help)")
        #expect(words.contains("all but hyperliquid"), "\(help)")
    }
}
