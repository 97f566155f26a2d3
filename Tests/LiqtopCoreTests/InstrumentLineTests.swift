import Testing
@testable import LiqtopCore
import LiqtopTestSupport

private let now: Millis = 1_768_348_800_000 // 2026-01-14

/// The native `instrument` line: what one contract was worth, stated in the file itself.
@Suite struct InstrumentLineTests {
    static let celo = InstrumentFacts(venue: "okx", instrument: "CELO-USDT-SWAP", contractValue: FixedDecimal(10),
                                      unit: .coin, kind: .linear, asOf: 1_768_300_000_000)

    @Test func encodesEveryField() {
        #expect(NativeFormat.encode(Self.celo)
            == #"{"type":"instrument","venue":"okx","instrument":"CELO-USDT-SWAP","contract_value":"10","unit":"coin","contract_type":"linear","as_of":1768300000000}"#)
    }

    @Test func pricesTheLinesAfterItOnly() throws {
        let text = [InstrumentFixtures.celoOrder, NativeFormat.encode(Self.celo), InstrumentFixtures.celoOrder].joined(separator: "\n")
        let out = decode(text)
        // Before the line: unknown, as ever; after it: 85.5 CELO × 0.6123 = 52.35165 USD.
        #expect(out.rejections.map(\.line) == [1])
        #expect(liquidations(out).map(\.usd) == [USD(micros: 52_351_650)])
        #expect(out.ignored == 0)
        #expect(out.instruments == [Self.celo]) // listed again: a recorder re-recording it keeps the facts
    }

    /// A `--record-raw` line wraps the venue's frame; after the file's `instrument` line it
    /// prices as the frame did live.
    @Test func rawRecordingLinesAreReadAsTheirFrame() throws {
        var frame = ""
        NativeFormat.appendQuoted(InstrumentFixtures.celoOrder, to: &frame)
        let raw = #"{"source":"okx","time":1768348000123,"frame":\#(frame)}"#
        let out = decode(NativeFormat.encode(Self.celo) + "\n" + raw)
        #expect(out.rejections.isEmpty)
        #expect(liquidations(out).map(\.usd) == [USD(micros: 52_351_650)])
        // One level only: a frame that is itself a wrapper is not unwrapped again.
        var nested = ""
        NativeFormat.appendQuoted(raw, to: &nested)
        let twice = decode(NativeFormat.encode(Self.celo) + "\n" + #"{"source":"x","time":1,"frame":\#(nested)}"#)
        #expect(twice.events.isEmpty)
        #expect(twice.ignored == 1)
    }

    @Test func badLinesAreRejectedWithTheirReason() {
        let base = #"{"type":"instrument","venue":"okx","instrument":"CELO-USDT-SWAP","contract_value":"10","unit":"coin","contract_type":"linear","as_of":1768300000000}"#
        let cases: [(String, String)] = [
            (base.replacing(#""unit":"coin""#, with: #""unit":"usd""#), "a linear contract cannot be valued in usd"),
            (base.replacing(#""unit":"coin""#, with: #""unit":"lots""#), "unit must be coin or usd"),
            (base.replacing(#""contract_value":"10""#, with: #""contract_value":"-10""#), "contract_value must be positive"),
            (base.replacing(#""venue":"okx""#, with: #""venue":"OKX\u001b""#), "venue must be 1...20 of a-z 0-9"),
            (base.replacing(#""contract_type":"linear""#, with: #""contract_type":"quanto""#), "contract_type must be linear or inverse"),
            (base.replacing(#","as_of":1768300000000"#, with: ""), "missing \"as_of\""),
            (base.replacing("1768300000000", with: "1000"), "timestamp before 2009"),
        ]
        for (line, reason) in cases {
            let out = decode(line + "\n" + InstrumentFixtures.celoOrder)
            #expect(out.rejections.first?.reason == reason, "\(line)")
            #expect(out.events.isEmpty) // a refused line prices nothing
        }
    }

    @Test func venuesThisBuildDoesNotStreamStillLoad() throws {
        let gate = try InstrumentFacts(venue: "gate", instrument: "BTC_USDT", contractValue: FixedDecimal.parse("0.0001"), unit: .coin, kind: .linear, asOf: now)
        let out = decode(NativeFormat.encode(gate))
        #expect(out.rejections.isEmpty)
        let back = out.statedInstruments.first
        #expect(back == gate)
    }
}
