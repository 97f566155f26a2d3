import CompressNIO
import LiqtopCore
@testable import LiqtopLive
import NIOCore
import Testing

/// HTX, BitMEX and Deribit played on 127.0.0.1: subscribe, keepalive, reconnect, gzip.
@Suite(.timeLimit(.minutes(1))) struct LoopbackNewVenueTests {
    static func gzip(_ text: String) -> [UInt8] {
        var b = ByteBuffer(string: text)
        var z = try! b.compress(with: .gzip())
        return z.readBytes(length: z.readableBytes)!
    }

    static func htx(volume: Int, time: Millis = 1_768_348_700_000) -> String {
        #"{"op":"notify","topic":"public.BTC-USDT.liquidation_orders","ts":\#(time + 60),"data":[{"contract_code":"BTC-USDT","symbol":"BTC","direction":"sell","offset":"close","volume":\#(volume),"price":60000,"created_at":\#(time),"amount":\#(Double(volume) / 1000),"trade_turnover":\#(volume * 60)}]}"#
    }

    static let htxSub = #"{"op":"sub","cid":"liqtop","topic":"public.*.liquidation_orders"}"#
    static let htxAck = #"{"op":"sub","cid":"liqtop","topic":"public.*.liquidation_orders","ts":1768348700000,"err-code":0}"#

    @Test func htxInflatesGzipFramesAnswersPingsAndReconnects() async throws {
        let server = try await LoopbackServer.start(Script(onText: { n, text in
            guard text == Self.htxSub else { return [] }
            if n == 0 {
                return [.sendBinary(Self.gzip(Self.htxAck)), .sendBinary(Self.gzip(#"{"op":"ping","ts":"1492420473058"}"#)),
                        .sendBinary(Self.gzip(Self.htx(volume: 227))), .sendBinary([0x1F, 0x8B, 0x08, 0x00, 0xDE, 0xAD]),
                        .pause(200), .close(reason: "bye")]
            }
            // After the reconnect: the same order again (a resend), then a new one.
            return [.sendBinary(Self.gzip(Self.htx(volume: 227))), .sendBinary(Self.gzip(Self.htx(volume: 5, time: 1_768_348_700_500)))]
        }))
        let recorder = Recorder()
        let source = VenueSource(config: .loopback(.htx, server, path: "/linear-swap-notification"), context: testContext,
                                 keepRaw: true, clock: { testNow }, timing: fastTiming)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { recorder.liquidations.count == 2 && server.connections == 2 })
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(server.paths == ["/linear-swap-notification", "/linear-swap-notification"])
        // Subscribe, then the pong with the ping's own ts; HTX needs no ping of ours.
        #expect(server.received(0) == [Self.htxSub, #"{"op":"pong","ts":"1492420473058"}"#])
        #expect(server.received(1) == [Self.htxSub])
        let ls = recorder.liquidations
        #expect(ls.map(\.usd.centsString) == ["13620.00", "300.00"]) // trade_turnover, USDT
        #expect(ls.allSatisfy { $0.venue == .htx && $0.side == .long && $0.coin == "BTC" })
        #expect(recorder.rejections.map(\.reason) == ["binary frame is not valid gzip"])
        #expect(recorder.reconnectErrors == ["connection closed by server: bye"])
        // The raw recording keeps the inflated text.
        #expect(recorder.batches.flatMap(\.raw).contains(Self.htx(volume: 227)))
    }

    @Test func htxGzipBombIsOneRejectedLine() async throws {
        let huge = String(repeating: " ", count: VenueSource.maxMessageBytes + 10)
        let server = try await LoopbackServer.start(Script(onText: { _, text in
            text == Self.htxSub ? [.sendBinary(Self.gzip(huge)), .sendBinary(Self.gzip(Self.htx(volume: 1)))] : []
        }))
        let recorder = Recorder()
        let source = VenueSource(config: .loopback(.htx, server, path: "/swap-notification"), context: testContext,
                                 clock: { testNow }, timing: fastTiming)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { recorder.liquidations.count == 1 })
        }
        #expect(recorder.rejections.map(\.reason) == ["gzip frame inflates past the 4 MiB message limit"])
        #expect(server.connections == 1)
    }

    @Test func htxCoinMarginedIsItsOwnSource() {
        let linear = VenueConfig.htx()
        let coin = VenueConfig.htxCoinMargined()
        #expect(linear.url == "wss://api.hbdm.com/linear-swap-notification")
        #expect(coin.url == "wss://api.hbdm.com/swap-notification")
        #expect(linear.name == "htx" && coin.name == "htx-coin")
        #expect(VenueProtocol.subscribeMessages(coin) == VenueProtocol.subscribeMessages(linear))
    }

    static func bitmex(_ order: String, qty: Int, side: String = "Sell") -> String {
        #"{"table":"liquidation","action":"insert","data":[{"orderID":"\#(order)","symbol":"XBTUSD","side":"\#(side)","price":97000.5,"leavesQty":\#(qty)}]}"#
    }

    @Test func bitmexSubscribesPingsWhenIdleAndDatesOnReceipt() async throws {
        let server = try await LoopbackServer.start(Script(onText: { _, text in
            if text == #"{"op":"subscribe","args":["liquidation"]}"# {
                return [.send(#"{"success":true,"subscribe":"liquidation","request":{"op":"subscribe","args":["liquidation"]}}"#),
                        .send(#"{"table":"liquidation","action":"partial","keys":["orderID"],"data":[{"orderID":"old","symbol":"XBTUSD","side":"Buy","price":1,"leavesQty":5}]}"#),
                        .send(Self.bitmex("a", qty: 1000)),
                        .send(#"{"table":"liquidation","action":"delete","data":[{"orderID":"a","symbol":"XBTUSD"}]}"#)]
            }
            if text == "ping" { return [.send("pong")] }
            return []
        }))
        let recorder = Recorder()
        let received: Millis = testNow - 4_321
        let source = VenueSource(config: .loopback(.bitmex, server, path: "/realtime"), context: testContext,
                                 clock: { received }, timing: fastTiming)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { server.received(0).filter { $0 == "ping" }.count >= 3 })
        }
        let got = server.received(0)
        #expect(got.first == #"{"op":"subscribe","args":["liquidation"]}"#)
        #expect(got.dropFirst().allSatisfy { $0 == "ping" })
        let ls = recorder.liquidations
        #expect(ls.count == 1) // the insert; not the partial, not the delete
        #expect(ls.first?.time == received)
        #expect(ls.first?.usd.centsString == "1000.00")
        #expect(ls.first?.side == .long)
        #expect(recorder.rejections.isEmpty)
    }

    @Test func bitmexReconnects() async throws {
        let server = try await LoopbackServer.start(Script(onText: { n, text in
            guard text.hasPrefix(#"{"op":"subscribe""#) else { return [] }
            return n == 0 ? [.send(Self.bitmex("a", qty: 1)), .pause(100), .hangUp] : [.send(Self.bitmex("b", qty: 2))]
        }))
        let recorder = Recorder()
        var timing = fastTiming
        timing.keepalive = .seconds(30)
        let source = VenueSource(config: .loopback(.bitmex, server, path: "/realtime"), context: testContext,
                                 clock: { testNow }, timing: timing)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { recorder.liquidations.count == 2 })
        }
        #expect(recorder.liquidations.map(\.usd.centsString) == ["1.00", "2.00"])
        #expect(recorder.reconnectErrors == ["connection dropped without a close frame"])
        #expect(server.received(1) == [#"{"op":"subscribe","args":["liquidation"]}"#])
    }

    static let deribitHeartbeat = #"{"jsonrpc":"2.0","id":1,"method":"public/set_heartbeat","params":{"interval":30}}"#
    static let deribitSubscribe = #"{"jsonrpc":"2.0","id":2,"method":"public/subscribe","params":{"channels":["trades.future.any.100ms"]}}"#
    static let deribitTest = #"{"jsonrpc":"2.0","id":3,"method":"public/test","params":{}}"#

    static func deribit(_ flag: String, amount: Int, time: Millis = 1_768_348_700_000) -> String {
        #"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"trades.future.any.100ms","data":[{"trade_seq":1,"trade_id":"1","timestamp":\#(time),"tick_direction":3,"price":97000.5,"liquidation":"\#(flag)","instrument_name":"BTC-PERPETUAL","index_price":97010,"mark_price":97010,"direction":"sell","amount":\#(amount)}]}}"#
    }

    @Test func deribitSetsHeartbeatAnswersTestRequestsAndReconnects() async throws {
        let server = try await LoopbackServer.start(Script(onText: { n, text in
            guard text == Self.deribitSubscribe else { return [] }
            if n == 0 {
                return [.send(#"{"jsonrpc":"2.0","id":2,"result":["trades.future.any.100ms"]}"#),
                        .send(#"{"jsonrpc":"2.0","method":"heartbeat","params":{"type":"test_request"}}"#),
                        .send(Self.deribit("MT", amount: 500)), .pause(200), .close(reason: "restart")]
            }
            return [.send(Self.deribit("MT", amount: 500)), .send(Self.deribit("T", amount: 70, time: 1_768_348_700_100))]
        }))
        let recorder = Recorder()
        let source = VenueSource(config: .loopback(.deribit, server, path: "/ws/api/v2"), context: testContext,
                                 clock: { testNow }, timing: fastTiming)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { recorder.liquidations.count == 3 && server.connections == 2 })
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(server.received(0) == [Self.deribitHeartbeat, Self.deribitSubscribe, Self.deribitTest])
        #expect(server.received(1) == [Self.deribitHeartbeat, Self.deribitSubscribe])
        let ls = recorder.liquidations
        // MT: both sides, once; its resend after the reconnect is dropped; then the new T trade.
        #expect(ls.map(\.side) == [.long, .short, .long])
        #expect(ls.map(\.usd.centsString) == ["500.00", "500.00", "70.00"])
        #expect(recorder.rejections.isEmpty)
        #expect(recorder.reconnectErrors == ["connection closed by server: restart"])
    }

    @Test func replies() {
        #expect(VenueProtocol.reply(.htx, to: #"{"op":"ping","ts":1492420473058}"#) == #"{"op":"pong","ts":1492420473058}"#)
        #expect(VenueProtocol.reply(.htx, to: #"{"op":"notify","topic":"x","ts":1}"#) == nil)
        #expect(VenueProtocol.reply(.htx, to: #"{"op":"ping"}"#) == nil)
        #expect(VenueProtocol.reply(.deribit, to: #"{"jsonrpc":"2.0","method":"heartbeat","params":{"type":"heartbeat"}}"#) == nil)
        #expect(VenueProtocol.reply(.bitmex, to: "pong") == nil)
        #expect(VenueProtocol.keepalive(.bitmex) == .whenIdle(.seconds(5), text: "ping"))
        #expect(VenueProtocol.keepalive(.htx) == Keepalive.none && VenueProtocol.keepalive(.deribit) == Keepalive.none)
    }
}
