import Foundation
import Testing
import LiqtopTestSupport

@Suite struct CLITests {
    @Test func missingFileExitsTwoWithOneLine() async throws {
        let r = try await LiqtopBinary.run(["summary", "/nonexistent/day.ndjson"])
        #expect(r.status == 2)
        #expect(r.stderr == "liqtop: cannot read /nonexistent/day.ndjson: No such file or directory\n")
        #expect(r.stdout.isEmpty)
    }

    @Test func badArgumentsExitTwo() async throws {
        #expect(try await LiqtopBinary.run(["summary", "--at", "yesterday-ish"]).status == 2)
        #expect(try await LiqtopBinary.run(["summary", "--no-such-flag"]).status == 2)
    }

    @Test func helpExitsZero() async throws {
        let r = try await LiqtopBinary.run(["summary", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("--json"))
    }

    @Test func readsStdin() async throws {
        let line = #"{"e":"forceOrder","E":1568014460893,"o":{"s":"BTCUSDT","S":"SELL","o":"LIMIT","f":"IOC","q":"0.014","p":"9910","ap":"9910","X":"FILLED","l":"0.014","z":"0.014","T":1568014460893}}"#
        let r = try await LiqtopBinary.run(["summary", "--json", "-"], stdin: line + "\n")
        #expect(r.status == 0)
        #expect(JSONText.number(r.stdout, ["windows", "24h", "long_usd"]) == "138.74")
    }
}

/// The same source named twice is read once, with a one-line notice.
@Suite struct DuplicateSourceTests {
    @Test func theSameFileTwiceCountsOnce() async throws {
        let line = #"{"type":"liquidation","time":1768435199000,"venue":"binance","instrument":"BTCUSDT","coin":"BTC","side":"short","price":"97000.5","qty":"0.014","usd":"1358.007"}"#
        let f = try LiqtopBinary.temporaryFile("dup-\(UUID().uuidString).ndjson", line + "\n")
        let link = f.deletingLastPathComponent().appendingPathComponent("link-\(UUID().uuidString).ndjson")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: f)
        defer { try? FileManager.default.removeItem(at: f); try? FileManager.default.removeItem(at: link) }
        let dotted = f.deletingLastPathComponent().path + "/./" + f.lastPathComponent
        for args in [[f.path, f.path], [f.path, dotted], [f.path, link.path]] {
            let r = try await LiqtopBinary.run(["summary", "--json"] + args)
            #expect(r.status == 0)
            #expect(JSONText.number(r.stdout, ["24h", "count"]) == "1", "\(args): \(r.stdout)")
            #expect(r.stderr.contains("reading it once"), "\(args): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        }
        // tail: the same file as a feed twice.
        let t = try await LiqtopBinary.run(["tail", "-", "-", "--print"], stdin: line + "\n")
        #expect(t.stdout.split(separator: "\n").count == 1)
        #expect(t.stderr.contains("- is named twice; reading it once"))
    }
}

/// `summary --json` names each tape and largest order's price as the venue sent it, as the
/// dashboard's tape shows it (`@ 96,981.9`). It once printed 0 for every one: summary keeps no
/// per-order detail, to save memory.
@Suite struct SummaryOrderPriceTests {
    @Test func tapeAndLargestOrdersCarryTheirPrices() async throws {
        let line = #"{"type":"liquidation","time":1768435199000,"venue":"binance","instrument":"BTCUSDT","coin":"BTC","side":"short","price":"97000.5","qty":"2","usd":"194001"}"#
        let small = #"{"type":"liquidation","time":1768435198000,"venue":"binance","instrument":"ETHUSDT","coin":"ETH","side":"long","price":"3300.25","qty":"1","usd":"3300.25"}"#
        let r = try await LiqtopBinary.run(["summary", "--json", "-"], stdin: small + "\n" + line + "\n")
        #expect(r.status == 0)
        #expect(r.stdout.contains(#""usd": 194001.00, "price": 97000.5}"#))
        // Orders below the tape's $50k keep no price in summary: said as null, never as 0.
        #expect(r.stdout.contains(#""usd": 3300.25, "price": null}"#))
        #expect(!r.stdout.contains(#""price": 0"#))
    }
}

/// The command-line conventions of issue 15 that are built: `--version`, "did you mean" for a
/// mistyped subcommand (it reaches `replay` as a FILE), and a file in which nothing was
/// recognized is an error, not a dashboard dated 1970-01-01.
@Suite struct CLIConventionTests {
    @Test func versionPrintsTheVersion() async throws {
        let r = try await LiqtopBinary.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("liqtop 1."), "\(r.stdout)")
    }

    @Test func aMistypedSubcommandGetsDidYouMean() async throws {
        let r = try await LiqtopBinary.run(["sumary"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("liqtop: no file 'sumary' (did you mean 'liqtop summary'?)"), "\(r.stderr)")
        let far = try await LiqtopBinary.run(["summary", "nothing-like-a-command"])
        #expect(far.status == 2 && !far.stderr.contains("did you mean"))
    }

    @Test func aFileWithNothingRecognizedIsAnError() async throws {
        let r = try await LiqtopBinary.run(["summary", "/etc/passwd"])
        #expect(r.status == 2)
        #expect(r.stderr.hasSuffix("\n") && r.stderr.split(separator: "\n").last.map { $0.hasPrefix("liqtop: no events recognized in /etc/passwd: ") } == true, "\(r.stderr)")
        #expect(r.stderr.contains("lines rejected, first line 1: "))
        #expect(r.stdout.isEmpty)
        let empty = try LiqtopBinary.temporaryFile("empty-\(UUID().uuidString).ndjson", "")
        defer { try? FileManager.default.removeItem(at: empty) }
        let e = try await LiqtopBinary.run(["summary", empty.path])
        #expect(e.status == 2 && e.stderr == "liqtop: no events recognized in \(empty.path): it is empty\n", "\(e.stderr)")
    }
}
