import Foundation
import LiqtopCore
import LiqtopTestSupport
import Testing

/// `liqtop live` subscribes the leverage streams and polls Binance's open interest, and
/// `--no-leverage` does neither: the real binary against loopback servers.
@Suite(.serialized) struct LiveCLILeverageTests {
    static let binanceSubscribe = #"{"method":"SUBSCRIBE","params":["!markPrice@arr@1s"],"id":1}"#

    /// Runs `live` on Binance, Bybit and OKX (all on `server`, open interest on `rest`) with
    /// `extra` arguments until `done`, then stops it.
    static func live(_ extra: [String], server: LoopbackServer, rest: ScriptedHTTPServer,
                     until done: @escaping () -> Bool) async throws -> String {
        let (p, out, err) = try LiqtopBinary.start(["live", "--venues", "binance,bybit,okx", "--coins", "BTC,ETH",
                                                    "--binance-url", server.url + "/ws/!forceOrder@arr",
                                                    "--binance-rest-url", rest.url,
                                                    "--bybit-url", server.url + "/v5/public/linear",
                                                    "--okx-url", server.url + "/ws/v5/public", "--print"] + extra)
        let reached = await eventually(.seconds(20), done)
        p.terminate()
        let (_, stderr) = await LiqtopBinary.finish(p, out: out, err: err)
        if !reached { throw TestFailure("not reached; stderr: \(stderr)") }
        return stderr
    }

    static func subscriptions(_ server: LoopbackServer, path: String) -> [String] {
        guard let n = server.paths.firstIndex(of: path) else { return [] }
        return server.received(n).filter { $0.contains("subscribe") || $0.contains("SUBSCRIBE") }
    }

    @Test(.timeLimit(.minutes(1))) func liveSubscribesTheLeverageStreamsAndPollsOpenInterest() async throws {
        let server = try await LoopbackServer.start(Script())
        let rest = try await ScriptedHTTPServer.start { _, _ in .init(body: #"{"openInterest":"10659.509","symbol":"BTCUSDT","time":1589437530011}"#) }
        defer { Task { await server.stop(); await rest.stop() } }
        let okxLeverage = #"{"channel":"open-interest","instId":"ETH-USDT-SWAP"}"#
        _ = try await Self.live([], server: server, rest: rest) {
            !rest.requests.isEmpty && Self.subscriptions(server, path: "/ws/v5/public").joined().contains(okxLeverage)
                && Self.subscriptions(server, path: "/v5/public/linear").count == 2
                && Self.subscriptions(server, path: "/ws/!forceOrder@arr") == [Self.binanceSubscribe]
        }
        #expect(rest.requests.first == "/fapi/v1/openInterest?symbol=BTCUSDT") // --coins names the coins polled
        #expect(Self.subscriptions(server, path: "/v5/public/linear").last == #"{"op":"subscribe","args":["tickers.BTCUSDT","tickers.ETHUSDT"]}"#)
    }

    @Test(.timeLimit(.minutes(1))) func noLeverageSubscribesAndPollsNothingButLiquidations() async throws {
        let server = try await LoopbackServer.start(Script())
        let rest = try await ScriptedHTTPServer.start { _, _ in .init(body: "{}") }
        defer { Task { await server.stop(); await rest.stop() } }
        _ = try await Self.live(["--no-leverage"], server: server, rest: rest) {
            server.connections == 3 && Self.subscriptions(server, path: "/ws/v5/public").count == 1
                && Self.subscriptions(server, path: "/v5/public/linear").count == 1
        }
        // Time for anything more to arrive, were it sent (it is sent right after the first).
        try await Task.sleep(for: .milliseconds(1500))
        #expect(Self.subscriptions(server, path: "/ws/!forceOrder@arr").isEmpty)
        #expect(Self.subscriptions(server, path: "/v5/public/linear") == [#"{"op":"subscribe","args":["allLiquidation.BTCUSDT","allLiquidation.ETHUSDT"]}"#])
        #expect(Self.subscriptions(server, path: "/ws/v5/public") == [#"{"op":"subscribe","args":[{"channel":"liquidation-orders","instType":"SWAP"}]}"#])
        #expect(rest.requests.isEmpty)
    }

    @Test(.timeLimit(.minutes(1))) func anUnusableRESTURLExitsWithStatusTwo() async throws {
        let (q, qout, qerr) = try LiqtopBinary.start(["live", "--print", "--binance-rest-url", "ftp://x"])
        let exited = await eventually(.seconds(8)) { !q.isRunning }
        if !exited { q.terminate() }
        let (_, said) = await LiqtopBinary.finish(q, out: qout, err: qerr)
        #expect(exited && q.terminationStatus == 2)
        #expect(said == "liqtop: --binance-rest-url 'ftp://x' must start with http:// or https:// (see 'liqtop --help')\n", "\(said)")
    }
}
