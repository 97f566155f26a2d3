import LiqtopFeeds
import Foundation
import LiqtopCore
import LiqtopTestSupport
import Testing

/// `liqtop live --venues htx,bitmex,deribit` against one loopback server: every new venue is
/// accepted, connected, printed and recorded, and BitMEX's receive-dated order is recorded with
/// that time, so the recording replays it exactly.
@Suite(.serialized) struct LiveCLINewVenueTests {
    /// The server, for the script to tell which endpoint a connection reached.
    final class Box: Sendable { let server = PthreadLock<LoopbackServer?>(nil) }

    @Test(.timeLimit(.minutes(1))) func newVenuesThroughTheCLIPrintAndRecord() async throws {
        let box = Box()
        let htxLinear = LoopbackNewVenueTests.htx(volume: 227)
        let htxCoin = #"{"op":"notify","topic":"public.ETH-USD.liquidation_orders","ts":1768348700060,"data":[{"symbol":"ETH","contract_code":"ETH-USD","direction":"buy","offset":"close","volume":231,"price":3300.5,"created_at":1768348700000}]}"#
        let server = try await LoopbackServer.start(Script(onText: { n, text in
            let path = box.server.withLock { $0?.paths } .flatMap { n < $0.count ? $0[n] : nil } ?? ""
            switch text {
            case LoopbackNewVenueTests.htxSub:
                return [.sendBinary(LoopbackNewVenueTests.gzip(path == "/swap-notification" ? htxCoin : htxLinear))]
            case #"{"op":"subscribe","args":["liquidation"]}"#:
                return [.send(LoopbackNewVenueTests.bitmex("a", qty: 9214, side: "Buy"))]
            case LoopbackNewVenueTests.deribitSubscribe:
                return [.send(LoopbackNewVenueTests.deribit("T", amount: 1120))]
            default:
                return []
            }
        }))
        box.server.withLock { $0 = server }
        defer { Task { await server.stop() } }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-live-new-\(getpid())")
        try? FileManager.default.removeItem(at: dir)

        let p = Process()
        p.executableURL = LiqtopBinary.url
        p.arguments = ["live", "--venues", "htx,bitmex,deribit", "--htx-url", server.url + "/linear-swap-notification",
                       "--htx-coin-url", server.url + "/swap-notification", "--bitmex-url", server.url + "/realtime",
                       "--deribit-url", server.url + "/ws/api/v2", "--print", "--record", dir.path]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        let started = Int64(Date().timeIntervalSince1970 * 1000)
        try p.run()
        var text = await LiqtopBinary.readLines(out, atLeast: 4)
        p.terminate()
        let (rest, stderr) = await LiqtopBinary.finish(p, out: out, err: err)
        text += rest
        let ended = Int64(Date().timeIntervalSince1970 * 1000)

        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "stdout: \(text)\nstderr: \(stderr)")
        #expect(Set(server.paths) == ["/linear-swap-notification", "/swap-notification", "/realtime", "/ws/api/v2"])
        func line(_ venue: String, _ instrument: String) -> [String: Any]? {
            lines.lazy.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
                .first { $0["venue"] as? String == venue && $0["instrument"] as? String == instrument }
        }
        #expect(line("htx", "BTC-USDT")?["usd"] as? String == "13620")
        #expect(line("htx", "ETH-USD")?["usd"] as? String == "2310") // 231 × $10
        #expect(line("deribit", "BTC-PERPETUAL")?["side"] as? String == "long")
        let bitmex = line("bitmex", "XBTUSD")
        #expect(bitmex?["usd"] as? String == "9214")
        #expect(bitmex?["coin"] as? String == "BTC")
        let time = (bitmex?["time"] as? NSNumber)?.int64Value ?? 0
        #expect(time >= started && time <= ended) // dated on receipt

        // The recording holds exactly the printed lines, BitMEX's receive time included.
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".ndjson") }
        let recorded = try files.flatMap { try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8).split(separator: "\n").map(String.init) }
        #expect(Set(recorded) == Set(lines))
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func helpListsEveryVenue() throws {
        let p = Process()
        p.executableURL = LiqtopBinary.url
        p.arguments = ["live", "--help"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let help = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        for venue in Venue.allCases { #expect(help.contains(venue.rawValue), "\(venue) missing from: \(help)") }
        for option in ["--htx-url", "--htx-coin-url", "--bitmex-url", "--deribit-url"] { #expect(help.contains(option)) }
    }
}
