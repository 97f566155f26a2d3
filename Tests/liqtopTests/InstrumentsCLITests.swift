import Foundation
import Testing

/// `--instruments FILE` on the command line, and recordings that carry the facts they used.
@Suite struct InstrumentsCLITests {
    /// OKX `GET /api/v5/public/instruments?instType=SWAP` as saved from the venue (shape from
    /// OKX v5 docs "Get instruments"; see LiqtopCoreTests/InstrumentFixtures.swift).
    static let okxSwaps = """
        {"code":"0","msg":"","data":[
        {"instType":"SWAP","instId":"CELO-USDT-SWAP","uly":"CELO-USDT","instFamily":"CELO-USDT","settleCcy":"USDT","ctVal":"10","ctMult":"1","ctValCcy":"CELO","ctType":"linear","state":"live"},
        {"instType":"OPTION","instId":"BTC-USD-230929-30000-C","uly":"BTC-USD","ctVal":"1","ctMult":"0.01","ctValCcy":"BTC","ctType":"","state":"live"}
        ]}
        """
    /// 8.55 contracts of CELO-USDT-SWAP at 0.6123, long liquidated: 85.5 CELO × 0.6123 = $52.35165.
    static let celoOrder = #"{"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"details":[{"bkLoss":"0","bkPx":"0.6123","ccy":"","posSide":"long","side":"sell","sz":"8.55","ts":"1768348000000"}],"instFamily":"CELO-USDT","instId":"CELO-USDT-SWAP","instType":"SWAP","uly":"CELO-USDT"}]}"#

    @Test func summaryPricesWithTheSavedList() throws {
        let list = try LiqtopBinary.temporaryFile("okx-swaps-\(UUID().uuidString).json", Self.okxSwaps)
        let capture = try LiqtopBinary.temporaryFile("okx-capture-\(UUID().uuidString).ndjson", Self.celoOrder + "\n")
        defer { try? FileManager.default.removeItem(at: list); try? FileManager.default.removeItem(at: capture) }
        let r = try LiqtopBinary.run(["summary", "--json", "--instruments", list.path, capture.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(JSONText.number(r.stdout, ["24h", "long_usd"]) == "52.35")
        #expect(r.stderr.contains("1 okx instruments (OKX /api/v5/public/instruments); 1 skipped: 1 × OPTION instruments are not swaps or futures"), "\(r.stderr)")

        let without = try LiqtopBinary.run(["summary", "--json", capture.path])
        #expect(JSONText.number(without.stdout, ["24h", "long_usd"]) == "0.00")
        #expect(without.stderr.contains("unknown OKX instrument CELO-USDT-SWAP: contract value not known (load the venue's instrument list with --instruments FILE)"))
    }

    @Test func aFileThatIsNoListIsOneLineAndExitTwo() throws {
        let capture = try LiqtopBinary.temporaryFile("not-a-list-\(UUID().uuidString).ndjson", Self.celoOrder + "\n")
        defer { try? FileManager.default.removeItem(at: capture) }
        for args in [["summary", capture.path], ["tail", "-", "--print"]] {
            let r = try LiqtopBinary.run(args + ["--instruments", capture.path], stdin: "")
            #expect(r.status == 2)
            #expect(r.stderr.hasPrefix("liqtop: --instruments: cannot read \(capture.path): not a saved instrument list (expected OKX /api/v5/public/instruments"), "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1)
        }
        let missing = try LiqtopBinary.run(["tail", "-", "--print", "--instruments", "/nonexistent/list.json"], stdin: "")
        #expect(missing.status == 2)
        #expect(missing.stderr == "liqtop: --instruments: cannot read /nonexistent/list.json: No such file or directory\n")
    }
}
