import Foundation
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
        let line = #"{"e":"markPriceUpdate","E":1568014460893,"s":"BTCUSDT","p":"11794.15000000"}"#
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
}
