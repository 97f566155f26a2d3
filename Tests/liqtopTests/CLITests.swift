import Foundation
import Testing

@Suite struct CLITests {
    @Test func missingFileExitsTwoWithOneLine() throws {
        let r = try LiqtopBinary.run(["summary", "/nonexistent/day.ndjson"])
        #expect(r.status == 2)
        #expect(r.stderr == "liqtop: cannot read /nonexistent/day.ndjson: No such file or directory\n")
        #expect(r.stdout.isEmpty)
    }

    @Test func badArgumentsExitTwo() throws {
        #expect(try LiqtopBinary.run(["summary", "--at", "yesterday-ish"]).status == 2)
        #expect(try LiqtopBinary.run(["summary", "--no-such-flag"]).status == 2)
    }

    @Test func helpExitsZero() throws {
        let r = try LiqtopBinary.run(["summary", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("--json"))
    }

    @Test func readsStdin() throws {
        let line = #"{"e":"forceOrder","E":1568014460893,"o":{"s":"BTCUSDT","S":"SELL","o":"LIMIT","f":"IOC","q":"0.014","p":"9910","ap":"9910","X":"FILLED","l":"0.014","z":"0.014","T":1568014460893}}"#
        let r = try LiqtopBinary.run(["summary", "--json", "-"], stdin: line + "\n")
        #expect(r.status == 0)
        #expect(JSONText.number(r.stdout, ["windows", "24h", "long_usd"]) == "138.74")
    }
}
