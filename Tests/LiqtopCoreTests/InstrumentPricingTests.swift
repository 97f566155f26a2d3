import Testing
@testable import LiqtopCore

private let now: Millis = 1_768_348_800_000 // 2026-01-14

private func book(_ responses: String...) throws -> InstrumentBook {
    var b = InstrumentBook()
    for r in responses { b.add(InstrumentBook(try InstrumentList.parse(r, asOf: now).facts)) }
    return b
}

private func decode(_ text: String, _ book: InstrumentBook = InstrumentBook()) -> DecodeOutput {
    InputDecoder.decodeAll(text, source: "t", context: DecodeContext(now: now, instruments: book))
}

private func liquidations(_ out: DecodeOutput) -> [Liquidation] {
    out.events.compactMap { if case .liquidation(let l) = $0 { l } else { nil } }
}

/// Orders sized in contracts are priced with the venue's own instrument list first; the USD
/// figures here are worked out by hand from the decimal strings.
@Suite struct InstrumentPricingTests {
    @Test func okxOutsideTheBundledTableIsPricedWithTheListedCtVal() throws {
        let out = decode(InstrumentFixtures.celoOrder, try book(InstrumentFixtures.okxSwaps))
        #expect(out.rejections.isEmpty)
        let l = try #require(liquidations(out).first)
        // 8.55 contracts × 10 CELO = 85.5 CELO; × 0.6123 = 52.35165 USD.
        let base = try FixedDecimal.parse("85.5")
        #expect(l.quantity == base)
        #expect(l.usd == USD(micros: 52_351_650))
        #expect(l.side == .long)
        #expect(l.coin == "CELO")
    }

    @Test func unknownInstrumentSaysHowToFixIt() {
        let out = decode(InstrumentFixtures.celoOrder)
        #expect(out.events.isEmpty)
        #expect(out.rejections.map(\.reason) == ["unknown OKX instrument CELO-USDT-SWAP: contract value not known (load the venue's instrument list with --instruments FILE)"])
    }

    /// OKX's published example (https://www.okx.com/docs-v5/en/#public-data-websocket-liquidation-orders-channel).
    @Test func okxDocsExampleWithTheList() throws {
        let docs = #"{"id":"1512","arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"details":[{"bkLoss":"0","bkPx":"0.007831","ccy":"","posSide":"short","side":"buy","sz":"13","ts":"1692266434010"}],"instFamily":"IOST-USDT","instId":"IOST-USDT-SWAP","instType":"SWAP","uly":"IOST-USDT"}]}"#
        let l = try #require(liquidations(decode(docs, try book(InstrumentFixtures.okxSwaps))).first)
        // 13 × 1000 IOST = 13000 IOST × 0.007831 = 101.803 USD.
        #expect(l.usd == USD(micros: 101_803_000))
        #expect(l.side == .short)
    }

    /// A real FUTURES frame captured in tardis-node's tests (https://github.com/tardis-dev/tardis-node), inverse.
    @Test func okxInverseFutureFromTheRealSample() throws {
        let frame = #"{"arg":{"channel":"liquidation-orders","instType":"FUTURES"},"data":[{"details":[{"bkLoss":"0","bkPx":"0.55205","ccy":"","posSide":"short","side":"buy","sz":"39","ts":"1680173247614"}],"instFamily":"XRP-USD","instId":"XRP-USD-230929","instType":"FUTURES","uly":"XRP-USD"}]}"#
        let l = try #require(liquidations(decode(frame, try book(InstrumentFixtures.okxFutures))).first)
        // 39 contracts × 10 USD = 390 USD, whatever the price.
        #expect(l.usd == USD(dollars: 390))
        #expect(l.quantity == FixedDecimal(39))
    }

    /// A list beats the bundled table (here a hypothetical BTC-USDT-SWAP of 0.001 BTC).
    @Test func theListComesBeforeTheBundledTable() throws {
        let list = InstrumentFixtures.okxSwaps.replacing("CELO-USDT-SWAP", with: "BTC-USDT-SWAP")
            .replacing(#""ctVal":"10","ctMult":"1","ctValCcy":"CELO""#, with: #""ctVal":"0.001","ctMult":"1","ctValCcy":"BTC""#)
        let order = InstrumentFixtures.celoOrder.replacing("CELO", with: "BTC")
        let l = try #require(liquidations(decode(order, try book(list))).first)
        // 8.55 × 0.001 = 0.00855 BTC × 0.6123 = 0.005235165 USD.
        #expect(l.usd == USD(micros: 5_235))
        let bundled = try #require(liquidations(decode(order)).first)
        // Bundled 0.01: 0.0855 BTC × 0.6123 = 0.05235165 USD.
        #expect(bundled.usd == USD(micros: 52_352))
    }

    /// Binance COIN-M, general path (the real capture with `ps`) and fast path (Binance's own
    /// layout), with a hypothetical contractSize of 20 so the list's value is visible.
    @Test func binanceCoinMWithExchangeInfo() throws {
        let info = InstrumentFixtures.binanceCoinM.replacing(#""contractSize":10"#, with: #""contractSize":20"#)
        let b = try book(info)
        let general = #"{"e":"forceOrder","E":1768348000001,"o":{"s":"DOGEUSD_PERP","ps":"DOGEUSD","S":"SELL","o":"LIMIT","f":"IOC","q":"3","p":"0.1","ap":"0.11","X":"FILLED","l":"3","z":"3","T":1768348000000}}"#
        let fast = #"{"e":"forceOrder","E":1768348000001,"o":{"s":"DOGEUSD_PERP","S":"BUY","o":"LIMIT","f":"IOC","q":"3","p":"0.1","ap":"0.11","X":"FILLED","l":"3","z":"3","T":1768348000000}}"#
        for line in [general, fast] {
            let withList = try #require(liquidations(decode(line, b)).first)
            #expect(withList.usd == USD(dollars: 60)) // 3 contracts × 20 USD
            let bundled = try #require(liquidations(decode(line)).first)
            #expect(bundled.usd == USD(dollars: 30)) // 3 × 10 USD, the bundled rule
        }
    }

    @Test func outputListsEachInstrumentOnceBeforeItsOrders() throws {
        let two = InstrumentFixtures.celoOrder + "\n" + InstrumentFixtures.celoOrder
        let out = decode(two, try book(InstrumentFixtures.okxSwaps))
        #expect(liquidations(out).count == 2)
        #expect(out.instruments.map(\.instrument) == ["CELO-USDT-SWAP"])
        #expect(out.instruments.first?.contractValue == FixedDecimal(10))
        // The bundled rule is listed too: a replay must not depend on a later build's table.
        let cm = #"{"e":"forceOrder","E":1768348000001,"o":{"s":"BTCUSD_PERP","S":"BUY","o":"LIMIT","f":"IOC","q":"3","p":"90000","ap":"90000","X":"FILLED","l":"3","z":"3","T":1768348000000}}"#
        let cmOut = decode(cm + "\n" + cm)
        #expect(cmOut.instruments == [InstrumentFacts(venue: "binance", instrument: "BTCUSD_PERP", contractValue: FixedDecimal(100),
                                                      unit: .usd, kind: .inverse, asOf: BinanceFormat.bundledAsOf)])
        // USD-M lines list nothing.
        let um = #"{"e":"forceOrder","E":1768348000001,"o":{"s":"BTCUSDT","S":"BUY","o":"LIMIT","f":"IOC","q":"3","p":"90000","ap":"90000","X":"FILLED","l":"3","z":"3","T":1768348000000}}"#
        #expect(decode(um).instruments.isEmpty)
    }
}
