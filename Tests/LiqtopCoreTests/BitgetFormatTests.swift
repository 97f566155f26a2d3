import Testing
@testable import LiqtopCore

private let now: Millis = 1_777_400_000_000 // 2026-04-28, after the captured frames

private func decode(_ text: String) -> DecodeOutput {
    InputDecoder.decodeAll(text, source: "t", context: DecodeContext(now: now))
}

private func liquidations(_ out: DecodeOutput) -> [Liquidation] {
    out.events.compactMap { if case .liquidation(let l) = $0 { l } else { nil } }
}

@Suite struct BitgetFormatTests {
    /// A real frame captured in tardis-node's tests (https://github.com/tardis-dev/tardis-node; v3 `liquidation` topic).
    static let captured = #"{"action":"update","arg":{"instType":"usdt-futures","topic":"liquidation"},"data":[{"symbol":"APEUSDT","side":"buy","price":"0.1649","amount":"13.70319","ts":"1777358886549"},{"symbol":"IPUSDT","side":"buy","price":"0.500280739469","amount":"143.330431857868","ts":"1777358876983"}],"ts":1777358897167}"#

    /// Bitget's published push example,
    /// https://www.bitget.com/api-doc/uta/websocket/public/Liquidation-Channel (pretty-printed there).
    static let documented = #"{"data":[{"symbol":"BTCUSDT","side":"buy","price":"89000","amount":"37.722858","ts":"1736371332162"}],"arg":{"instType":"usdt-futures","topic":"liquidation"},"action":"update","ts":1736371332162}"#

    @Test func capturedFrame() throws {
        let out = decode(Self.captured)
        #expect(out.rejections.isEmpty)
        let all = liquidations(out)
        #expect(all.count == 2)
        let ape = try #require(all.first), ip = try #require(all.last)
        #expect(ape.venue == .bitget && ip.venue == .bitget)
        // Position side: "buy" = a long was liquidated (Bitget's push parameters).
        #expect(ape.side == .long && ip.side == .long)
        #expect(ape.coin == "APE" && ip.coin == "IP")
        #expect(ape.instrument == "APEUSDT" && ip.instrument == "IPUSDT")
        #expect(ape.time == 1_777_358_886_549 && ip.time == 1_777_358_876_983)
        // `amount` is the quote-coin notional: 13.70319 USDT (= 83.1 APE × 0.1649), to the cent 13.70;
        // 143.330431857868 (= 286.5 IP × 0.500280739469) to the cent 143.33.
        #expect(ape.usd.centsString == "13.70")
        #expect(ape.usd.micros == 13_703_190)
        #expect(ip.usd.centsString == "143.33")
        #expect(ip.usd.micros == 143_330_432) // .431857868 rounds up to a micro-dollar
        #expect(ape.price == (try FixedDecimal.parse("0.1649")))
        #expect(ape.quantity == (try FixedDecimal.parse("13.70319")))
    }

    @Test func documentedExample() throws {
        let out = decode(Self.documented)
        #expect(out.rejections.isEmpty)
        let l = try #require(liquidations(out).first)
        #expect(liquidations(out).count == 1)
        #expect(l.venue == .bitget && l.side == .long && l.coin == "BTC" && l.instrument == "BTCUSDT")
        #expect(l.time == 1_736_371_332_162)
        #expect(l.usd.centsString == "37.72") // 37.722858 USDT
    }

    @Test func sellIsAShortLiquidated() throws {
        // The documented example with the other side (no captured "sell" frame exists yet).
        let text = Self.documented.replacing(#""side":"buy""#, with: #""side":"sell""#)
        let l = try #require(liquidations(decode(text)).first)
        #expect(l.side == .short && l.usd.centsString == "37.72")
    }

    @Test func coinAndUSDCFuturesAreReadAlike() throws {
        let out = decode(#"{"action":"update","arg":{"instType":"coin-futures","topic":"liquidation"},"data":[{"symbol":"BTCUSD","side":"sell","price":"97000.5","amount":"1500","ts":"1777358886549"}],"ts":1777358897167}"#
            + "\n" + #"{"action":"update","arg":{"instType":"usdc-futures","topic":"liquidation"},"data":[{"symbol":"ETHPERP","side":"buy","price":"2500","amount":"250.25","ts":"1777358886550"}],"ts":1777358897167}"#)
        #expect(out.rejections.isEmpty)
        let all = liquidations(out)
        #expect(all.map(\.coin) == ["BTC", "ETH"])
        #expect(all.map(\.side) == [.short, .long])
        #expect(all.map(\.usd.centsString) == ["1500.00", "250.25"])
    }

    @Test func badEntriesAreRejectedOneByOne() {
        let out = decode(#"{"action":"update","arg":{"instType":"usdt-futures","topic":"liquidation"},"data":[{"symbol":"APEUSDT","side":"long","price":"0.1649","amount":"13.70319","ts":"1777358886549"},{"symbol":"APEUSDT","side":"sell","price":"0.1649","amount":"0","ts":"1777358886549"},{"symbol":"APEUSDT","side":"sell","price":"0.1649","amount":"1","ts":"1777358886549"}],"ts":1777358897167}"#)
        #expect(liquidations(out).count == 1)
        #expect(out.rejections.map(\.reason) == [#"unknown side "long" in data.side"#, "quantity is zero or negative"])
    }

    @Test func acksTickersAndPongsAreIgnoredErrorsRejected() {
        // A subscribe ack (Bitget docs), the captured v3 ticker
        // (a real capture from tardis-node's tests), an empty push, a pong.
        let out = decode([
            #"{"event":"subscribe","arg":{"instType":"usdt-futures","topic":"liquidation"},"connId":"xxxxxxxxxx"}"#,
            #"{"action":"snapshot","arg":{"instType":"usdt-futures","topic":"ticker","symbol":"BTCUSDT"},"data":[{"lastPrice":"76631.3","markPrice":"76631.3","fundingRate":"-0.00003","openInterest":"29539.3825","nextFundingTime":"1777363200000"}],"ts":1777358880084}"#,
            #"{"action":"update","arg":{"instType":"usdt-futures","topic":"liquidation"},"data":[],"ts":1777358897167}"#,
            "pong",
            #"{"event":"error","arg":{"instType":"usdt-futures","topic":"liquidation"},"code":"30001","msg":"instType:usdt-futures,channel:liquidation doesn't exist","connId":"x"}"#,
        ].joined(separator: "\n"))
        #expect(out.events.isEmpty)
        #expect(out.ignored == 4)
        #expect(out.rejections.map(\.reason) == ["Bitget error 30001: instType:usdt-futures,channel:liquidation doesn't exist"])
    }
}
