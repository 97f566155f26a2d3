import Foundation
import Synchronization
import Testing
import LiqtopCore
@testable import LiqtopFeeds

@Suite struct FileInputTests {
    let context = DecodeContext(now: 1_800_000_000_000)

    @Test func missingFileIsAClearError() {
        #expect(throws: FileInputError.self) { try FileInput.decode(path: "/nonexistent/x.ndjson", context: context) }
        do {
            _ = try FileInput.decode(path: "/nonexistent/x.ndjson", context: context)
        } catch {
            #expect(error.description == "cannot read /nonexistent/x.ndjson: No such file or directory")
        }
    }

    @Test func directoryIsRefused() {
        #expect(throws: FileInputError.self) { try FileInput.decode(path: "/tmp", context: context) }
    }

    /// Lines that straddle the 1 MiB read chunks are reassembled, and a last line without a newline counts.
    @Test func readsAcrossChunkBoundaries() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-fileinput-\(getpid()).ndjson")
        defer { try? FileManager.default.removeItem(at: url) }
        let line = #"{"e":"indexPriceUpdate","E":1568014460893,"i":"BTCUSD","p":"11794.15000000"}"#
        let count = (3 << 20) / (line.utf8.count + 1) + 7
        var text = Array(repeating: line, count: count).joined(separator: "\n")
        text += "\nnot json at all" // no trailing newline
        try text.write(to: url, atomically: true, encoding: .utf8)
        let out = try FileInput.decode(path: url.path, context: context)
        #expect(out.lines == count + 1)
        #expect(out.ignored == count)
        #expect(out.rejections.count == 1)
        #expect(out.rejections.first?.line == count + 1)
    }

    /// A large JSON-lines file is decoded on every core; the result must equal a serial read,
    /// event for event and rejection for rejection (line numbers included).
    @Test func parallelDecodeEqualsSerialDecode() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-parallel-\(getpid()).ndjson")
        defer { try? FileManager.default.removeItem(at: url) }
        let (lines, text) = try Self.writeLargeFile(url)
        let parallel = try FileInput.decode(path: url.path, context: context)
        let serial = InputDecoder.decodeAll(text, source: url.path, context: context)
        #expect(ProcessInfo.processInfo.activeProcessorCount < 2 || parallel.physicalLines == lines.count)
        #expect(parallel.events == serial.events)
        #expect(parallel.rejections == serial.rejections)
        #expect(parallel.ignored == serial.ignored)
        #expect(parallel.lines == serial.lines)
        #expect(parallel.rejections.count == lines.indices.filter { $0 % 97 == 13 }.count)
    }

    /// Parts come in file order, packed, and together equal a serial read.
    @Test func partsArriveInFileOrderAndAddUpToASerialRead() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-parts-\(getpid()).ndjson")
        defer { try? FileManager.default.removeItem(at: url) }
        let (_, text) = try Self.writeLargeFile(url)
        let parts = Mutex<[DecodeOutput]>([])
        try FileInput.decodeParts(path: url.path, context: context, packing: FileInput.Packing(keepsOrderDetail: true)) { part in
            parts.withLock { $0.append(part) }
        }
        let received = parts.withLock { $0 }
        let serial = InputDecoder.decodeAll(text, source: url.path, context: context)
        if ProcessInfo.processInfo.activeProcessorCount > 1 {
            #expect(received.count == ProcessInfo.processInfo.activeProcessorCount * FileInput.partsPerCore)
        }
        var orders: [Event] = []
        for part in received {
            #expect(part.events.isEmpty) // packed: liquidations are in the columns
            orders += (0 ..< part.orders.count).map { .liquidation(part.orders.liquidation(at: $0)) }
        }
        #expect(orders == serial.events)
        #expect(received.flatMap(\.rejections) == serial.rejections)
        #expect(received.reduce(0) { $0 + $1.ignored } == serial.ignored)
    }

    /// Just over the parallel threshold of Binance lines with a broken, a blank and an ignored
    /// line every 97.
    static func writeLargeFile(_ url: URL) throws -> (lines: [String], text: String) {
        var lines: [String] = []
        var size = 0
        var i = 0
        while size < FileInput.parallelThreshold + (1 << 20) {
            let line: String
            switch i % 97 {
            case 13: line = "{broken json"
            case 41: line = ""
            case 77: line = #"{"e":"indexPriceUpdate","E":1}"#
            default:
                line = #"{"e":"forceOrder","E":1768348800000,"o":{"s":"BTCUSDT","S":"\#(i % 2 == 0 ? "SELL" : "BUY")","o":"LIMIT","f":"IOC","q":"0.\#(i % 1000 + 1)","p":"95000","ap":"95000.\#(i % 10)","X":"FILLED","l":"0.1","z":"0.\#(i % 1000 + 1)","T":\#(1_768_348_800_000 + i)}}"#
            }
            lines.append(line)
            size += line.utf8.count + 1
            i += 1
        }
        let text = lines.joined(separator: "\n") + "\n"
        try text.write(to: url, atomically: true, encoding: .utf8)
        return (lines, text)
    }
}
