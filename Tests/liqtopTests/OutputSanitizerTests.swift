import Foundation
import Testing
import LiqtopTestSupport

/// Whatever comes from data or the file system reaches no output raw. Every
/// output path of the real binary (summary table, `--json`, rejections on stderr, error
/// messages, `tail --print`, venue replies) is fed strings holding every C0, C1, DEL and bidi
/// code point and the probe's escape sequences; the bytes written may contain none of them.
@Suite struct OutputSanitizerTests {
    /// Every code point the policy refuses: C0, DEL, C1, bidi marks/overrides/isolates, interlinear annotations.
    static let unsafe: [UInt32] = Array(0x00 ..< 0x20) + Array(0x7F ... 0x9F)
        + [0x061C, 0x200E, 0x200F] + Array(0x202A ... 0x202E) + Array(0x2066 ... 0x2069) + Array(0xFFF9 ... 0xFFFB)

    /// The probe's sequences: OSC 52 clipboard write, title change, clear screen, SGR, 8-bit CSI.
    static let probes = ["\u{1B}]52;c;SGVsbG8=\u{07}", "\u{1B}]0;PWNED\u{07}", "\u{1B}[2J", "\u{1B}[31m", "\u{9B}31m", "\u{202E}evil"]

    /// `s` as JSON string contents, with every unsafe scalar written as a `\u` escape.
    static func jsonEscaped(_ s: String) -> String {
        s.unicodeScalars.map { u in
            u == "\"" ? "\\\"" : u == "\\" ? "\\\\" : u.value < 0x20 || u.value >= 0x7F ? String(format: "\\u%04x", u.value) : String(u)
        }.joined()
    }

    /// One note per unsafe code point (source and text), one per probe, and lines that are
    /// rejected with the hostile value in the reason (unknown type, bad instrument, a venue's error reply).
    static func hostileLines() -> [String] {
        var lines: [String] = []
        var t: Int64 = 1_768_400_000_000
        for v in unsafe {
            let c = String(UnicodeScalar(v)!)
            t += 1000
            lines.append(#"{"type":"note","time":\#(t),"source":"S\#(jsonEscaped(c))src","text":"T\#(jsonEscaped(c))txt"}"#)
        }
        for p in probes {
            t += 1000
            lines.append(#"{"type":"note","time":\#(t),"source":"A\#(jsonEscaped(p))B","text":"x\#(jsonEscaped(p))y"}"#)
            lines.append(#"{"type":"\#(jsonEscaped(p))"}"#)
            lines.append(#"{"type":"etf_flow","date":"2026-01-14","asset":"\#(jsonEscaped(p))","fund":"IBIT","usd":"1"}"#)
            lines.append(#"{"success":false,"ret_msg":"\#(jsonEscaped(p))","op":"\#(jsonEscaped(p))"}"#)
        }
        // Raw (unescaped) C1 and bidi bytes inside a JSON string are refused with a reason.
        lines.append("{\"type\":\"note\",\"time\":\(t + 1000),\"source\":\"raw\u{85}\u{202E}\",\"text\":\"x\"}")
        return lines
    }

    /// Scalars of `bytes` (invalid UTF-8 counts as a violation) that no output may carry; `\n` is allowed.
    static func violations(_ bytes: Data) -> [String] {
        var found: [String] = []
        if String(data: bytes, encoding: .utf8) == nil { found.append("invalid UTF-8") }
        for u in String(decoding: bytes, as: UTF8.self).unicodeScalars where u != "\n" && unsafe.contains(u.value) {
            found.append(String(format: "U+%04X", u.value))
        }
        return found
    }

    static func run(_ arguments: [String], stdin: Data = Data()) async throws -> (status: Int32, out: Data, err: Data) {
        let r = try await LiqtopBinary.run(arguments, input: stdin)
        #expect(!r.timedOut, "\(arguments) did not end")
        return (r.status, r.stdout, r.stderr)
    }

    static func hostileFiles() throws -> (dir: URL, ndjson: URL, csv: URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-sanitize-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        // A file name carrying escapes: it is echoed in every rejection line.
        let ndjson = dir.appendingPathComponent("bad\u{1B}[31mname\u{1B}]0;T\u{07}\u{202E}.ndjson")
        try Data(hostileLines().joined(separator: "\n").utf8).write(to: ndjson)
        // A Farside table whose bad cells carry raw C1 and bidi bytes and escapes.
        let csv = dir.appendingPathComponent("farside\u{9B}2J.csv")
        // (One good row, so the file is read as a table with bad cells, not as nothing recognized.)
        try Data("Date,IBIT,FBTC,Total\n14 Jan 2026,1\u{1B}[2J,\u{85}\u{202E}9,1\n15 Jan 2026,\u{1B}]52;c;SGVsbG8=\u{07},2,3\n16 Jan 2026,1,2,3\n".utf8).write(to: csv)
        return (dir, ndjson, csv)
    }

    static func expectClean(_ r: (status: Int32, out: Data, err: Data), _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(violations(r.out).count == 0, "\(what) stdout: \(violations(r.out).prefix(10))", sourceLocation: sourceLocation)
        #expect(violations(r.err).count == 0, "\(what) stderr: \(violations(r.err).prefix(10))", sourceLocation: sourceLocation)
    }

    @Test func summaryTableJSONAndRejectionsCarryNoControlOrBidi() async throws {
        let (dir, ndjson, csv) = try Self.hostileFiles()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The latest note decides what the table shows: check each note on its own as the latest.
        let table = try await Self.run(["summary", ndjson.path, csv.path])
        #expect(table.status == 0)
        #expect(!table.err.isEmpty, "the rejections are listed on stderr")
        Self.expectClean(table, "summary table")
        for k in stride(from: 0, to: Self.unsafe.count, by: 7) {
            let at = String(1_768_400_000_000 + Int64(k + 1) * 1000)
            Self.expectClean(try await Self.run(["summary", "--at", at, ndjson.path]), "summary --at \(at)")
        }
        let json = try await Self.run(["summary", "--json", ndjson.path, csv.path])
        #expect(json.status == 0)
        Self.expectClean(json, "summary --json")
        // What was escaped is still there, as text.
        #expect(String(decoding: json.out, as: UTF8.self).contains(#"name\u001b]0;T\u0007\u202e.ndjson"#))
    }

    @Test func errorMessagesCarryNoControlOrBidi() async throws {
        let missing = "/nonexistent/evil\u{1B}]52;c;SGVsbG8=\u{07}\u{202E}\u{9B}2J.ndjson"
        for args in [["summary", missing], ["summary", "--at", "\u{1B}[2J\u{202E}"], ["--bogus\u{1B}[31m"], ["summary", "--json", "--jsn\u{85}"],
                     ["replay", missing], ["--theme", "\u{1B}]0;x\u{07}", "--frames", "1"]] {
            let r = try await Self.run(args)
            #expect(r.status == 2, "\(args)")
            #expect(!r.err.isEmpty)
            Self.expectClean(r, "\(args)")
        }
    }

    @Test func badArgumentsAreOneLine() async throws {
        let r = try await Self.run(["summary", "--jsn"])
        #expect(r.status == 2)
        let lines = String(decoding: r.err, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.hasPrefix("liqtop: ") == true)
    }

    @Test func tailPrintCarriesNoControlOrBidi() async throws {
        let (dir, ndjson, csv) = try Self.hostileFiles()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try Data(contentsOf: ndjson) + Data("\n".utf8) + Data(contentsOf: csv)
        let r = try await Self.run(["tail", "-", "--print"], stdin: input)
        #expect(r.status == 0)
        #expect(!r.out.isEmpty && !r.err.isEmpty)
        Self.expectClean(r, "tail --print")
    }
}
