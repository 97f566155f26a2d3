import Foundation
import Testing
@testable import LiqtopCore
@testable import LiqtopFeeds

/// The recorder states the instrument facts it priced with in every file it writes, before the
/// first order priced with them, so each file alone replays to the same USD.
@Suite struct RecordedInstrumentsTests {
    static let context = DecodeContext(now: 1_768_435_199_999)
    static let celo = InstrumentFacts(venue: "okx", instrument: "CELO-USDT-SWAP", contractValue: FixedDecimal(10),
                                      unit: .coin, kind: .linear, asOf: 1_768_300_000_000)

    /// An OKX CELO order at `ts`: 8.55 contracts at 0.6123 (85.5 CELO × 0.6123 = $52.35165).
    static func order(ts: Millis) -> String {
        #"{"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"details":[{"bkLoss":"0","bkPx":"0.6123","ccy":"","posSide":"long","side":"sell","sz":"8.55","ts":"\#(ts)"}],"instFamily":"CELO-USDT","instId":"CELO-USDT-SWAP","instType":"SWAP","uly":"CELO-USDT"}]}"#
    }

    static func usd(_ out: DecodeOutput) -> [USD] {
        out.events.compactMap { if case .liquidation(let l) = $0 { l.usd } else { nil } }
    }

    @Test func everyDayFileAndTheRawFileStateTheFactsFirst() async throws {
        let dir = try RecorderTests.tempDir("facts")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var live = InputDecoder(source: "okx", context: DecodeContext(now: Self.context.now, instruments: InstrumentBook([Self.celo])))
        // Two orders on 2026-01-13, one on 2026-01-14: two day files.
        let frames = [Self.order(ts: 1_768_348_000_000), Self.order(ts: 1_768_348_000_500), Self.order(ts: 1_768_392_000_000)]
        let recorder = Recorder(directory: dir, keepRaw: true, clock: RecorderTests.clock)
        for (k, frame) in frames.enumerated() {
            var out = DecodeOutput()
            var text = frame
            text.withUTF8 { live.consume($0, lineNumber: k + 1, into: &out) }
            await recorder.record(out.events, instruments: out.instruments, raw: [frame], source: "okx")
        }
        await recorder.close()
        #expect(try RecorderTests.files(in: dir) == ["liqtop-2026-01-13.ndjson", "liqtop-2026-01-14.ndjson", "liqtop-2026-01-14.raw.ndjson"])
        let factsLine = NativeFormat.encode(Self.celo)
        for (file, lines) in [("liqtop-2026-01-13.ndjson", 3), ("liqtop-2026-01-14.ndjson", 2), ("liqtop-2026-01-14.raw.ndjson", 4)] {
            let text = try RecorderTests.read(dir + "/" + file)
            let split = text.split(separator: "\n")
            #expect(split.count == lines, "\(file): \(text)")
            #expect(split.first.map(String.init) == factsLine, "\(file)")
            #expect(split.dropFirst().allSatisfy { !$0.contains(#""type":"instrument""#) }, "stated once: \(file)")
        }
        // Each file alone, with no instrument list: the USD it was priced with live.
        let day13 = try RecorderTests.decodeFile(dir + "/liqtop-2026-01-13.ndjson")
        #expect(Self.usd(day13) == [USD(micros: 52_351_650), USD(micros: 52_351_650)])
        let raw = try RecorderTests.decodeFile(dir + "/liqtop-2026-01-14.raw.ndjson")
        #expect(raw.rejections.isEmpty)
        #expect(Self.usd(raw) == Array(repeating: USD(micros: 52_351_650), count: 3))
    }

    /// New facts for an instrument (a refreshed list) are stated again before the next order.
    @Test func changedFactsAreStatedAgain() async throws {
        let dir = try RecorderTests.tempDir("facts2")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recorder = Recorder(directory: dir, clock: RecorderTests.clock)
        var changed = Self.celo
        changed.contractValue = FixedDecimal(1)
        for facts in [Self.celo, Self.celo, changed] {
            let out = InputDecoder.decodeAll(Self.order(ts: 1_768_348_000_000), source: "okx",
                                             context: DecodeContext(now: Self.context.now, instruments: InstrumentBook([facts])))
            await recorder.record(out.events, instruments: out.instruments, source: "okx")
        }
        await recorder.close()
        let lines = try RecorderTests.read(dir + "/liqtop-2026-01-13.ndjson").split(separator: "\n")
        #expect(lines.filter { $0.contains(#""type":"instrument""#) }.count == 2)
        #expect(lines.count == 5)
    }

    /// A file large enough to be read in parallel parts: the part holding the order sees the
    /// facts stated at the top of the file.
    @Test func parallelPartsSeeTheFactsStatedBeforeThem() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-facts-parallel-\(getpid())-\(UUID().uuidString).ndjson")
        defer { try? FileManager.default.removeItem(at: url) }
        let filler = #"{"e":"indexPriceUpdate","E":1568014460893,"i":"BTCUSD","p":"11794.15000000"}"#
        let count = (FileInput.parallelThreshold + (1 << 20)) / (filler.utf8.count + 1)
        var text = NativeFormat.encode(Self.celo) + "\n"
        text += Array(repeating: filler, count: count).joined(separator: "\n")
        text += "\n" + Self.order(ts: 1_768_348_000_000) + "\n"
        try text.write(to: url, atomically: true, encoding: .utf8)
        let out = try FileInput.decode(path: url.path, context: Self.context)
        #expect(out.rejections.isEmpty, "\(out.rejections)")
        #expect(Self.usd(out) == [USD(micros: 52_351_650)])
        // Stated after the order, they do not price it (as a serial read).
        var late = Array(repeating: filler, count: count).joined(separator: "\n")
        late += "\n" + Self.order(ts: 1_768_348_000_000) + "\n" + NativeFormat.encode(Self.celo) + "\n"
        try late.write(to: url, atomically: true, encoding: .utf8)
        let lateOut = try FileInput.decode(path: url.path, context: Self.context)
        #expect(lateOut.events.isEmpty)
        #expect(lateOut.rejections.count == 1)
    }
}
