import Foundation
import Testing
@testable import LiqtopCore
import LiqtopTestSupport

@Suite struct FarsideTableTests {
    let context = DecodeContext(now: 1_800_000_000_000)

    static let btcExcerpt = """
        Date,IBIT,FBTC,BITB,ARKB,BTCO,EZBC,BRRR,HODL,BTCW,GBTC,BTC,Total
        ,Blackrock,Fidelity,Bitwise,Ark,Invesco,Franklin,Valkyrie,VanEck,WTree,Grayscale,Grayscale,
        Fee,0.25%,0.25%,0.20%,0.21%,0.25%,0.19%,0.25%,0.20%,0.25%,1.50%,0.15%,
        12 Jan 2026,"1,120.0",(107.7),12.3,0.0,-,0.0,0.0,5.1,0.0,(25.0),3.2,"1,007.9"
        13 Jan 2026,648.6,(45.3),-,(12.4),0.0,-,-,0.0,-,(88.1),10.0,512.8
        14 Jan 2026,333.33,n/a,2.0,-,-,-,-,-,-,(1.5),-,333.83
        Total,"2,101.93",(153.0),14.3,(12.4),0.0,0.0,0.0,5.1,0.0,(114.6),13.2,"1,854.53"
        Average,700.6,(51.0),4.8,(4.1),0.0,0.0,0.0,1.7,0.0,(38.2),4.4,618.2
        Maximum,"1,120.0",0.0,12.3,0.0,0.0,0.0,0.0,5.1,0.0,0.0,10.0,"1,007.9"
        Minimum,333.33,(107.7),0.0,(12.4),0.0,0.0,0.0,0.0,0.0,(88.1),0.0,333.83
        Note: data may be revised

        """

    func flows(_ out: DecodeOutput) -> [EtfFlow] {
        out.events.compactMap { if case .etfFlow(let f) = $0 { f } else { nil } }
    }

    func usd(_ dollars: Int64) -> USD { USD(dollars: dollars) }

    @Test func realisticBitcoinExcerpt() throws {
        let out = InputDecoder.decodeAll(Self.btcExcerpt, source: "f.csv", context: context)
        let jan12 = try #require(Day(year: 2026, month: 1, day: 12))
        let jan13 = jan12.advanced(by: 1), jan14 = jan12.advanced(by: 2)
        func flow(_ day: Day, _ fund: String, _ dollars: Int64) -> EtfFlow {
            EtfFlow(day: day, asset: .BTC, fund: fund, netUSD: USD(dollars: dollars))
        }
        let expected: [EtfFlow] = [
            flow(jan12, "IBIT", 1_120_000_000), flow(jan12, "FBTC", -107_700_000), flow(jan12, "BITB", 12_300_000),
            flow(jan12, "ARKB", 0), flow(jan12, "EZBC", 0), flow(jan12, "BRRR", 0), flow(jan12, "HODL", 5_100_000),
            flow(jan12, "BTCW", 0), flow(jan12, "GBTC", -25_000_000), flow(jan12, "BTC", 3_200_000),
            flow(jan13, "IBIT", 648_600_000), flow(jan13, "FBTC", -45_300_000), flow(jan13, "ARKB", -12_400_000),
            flow(jan13, "BTCO", 0), flow(jan13, "HODL", 0), flow(jan13, "GBTC", -88_100_000),
            flow(jan13, "BTC", 10_000_000),
            flow(jan14, "IBIT", 333_330_000), flow(jan14, "BITB", 2_000_000), flow(jan14, "GBTC", -1_500_000),
        ]
        #expect(flows(out) == expected)
        #expect(out.events.count == 20)
        // Header, name row, fee row and the four summary rows.
        #expect(out.ignored == 7)
        #expect(out.lines == 11)
        #expect(out.rejections == [
            Rejection(source: "f.csv", line: 6, reason: #"FBTC: bad value "n/a" (not a number)"#),
            Rejection(source: "f.csv", line: 11, reason: #"not a date: "Note: data may be revised""#),
        ])
        // Day totals from the funds, to the cent: the Total column is not used.
        let day12 = flows(out).filter { $0.day == jan12 }.reduce(USD.zero) { $0 + $1.netUSD }
        #expect(day12.centsString == "1007900000.00")
        let day13 = flows(out).filter { $0.day == jan13 }.reduce(USD.zero) { $0 + $1.netUSD }
        #expect(day13.centsString == "512800000.00")
    }

    /// The real Farside-derived tables (btabiado/alpine-data): the ETH one heads its total column
    /// `COL11`, a placeholder a tool gave an unnamed column; read as a fund it doubled every day.
    @Test(arguments: [("etf_btc_flows_farside-derived__btabiado-alpine-data.csv", EtfAsset.BTC, Int64(840_600_000)),
                      ("etf_eth_flows_farside-derived__btabiado-alpine-data.csv", .ETH, 175_100_000)])
    func realFarsideDerivedTables(_ name: String, _ asset: EtfAsset, _ dayTotal: Int64) throws {
        let path = try #require(RealSamples.path(name), "../shared/samples/real/\(name) is needed")
        let out = InputDecoder.decodeAll(try String(contentsOfFile: path, encoding: .utf8), source: name, context: context)
        #expect(out.rejections.isEmpty)
        let all = flows(out)
        #expect(all.allSatisfy { $0.asset == asset && $0.fund != "COL11" && $0.fund != "Total" })
        let day = try #require(Day(year: 2026, month: 1, day: 14))
        #expect(all.filter { $0.day == day }.reduce(USD.zero) { $0 + $1.netUSD } == usd(dayTotal))
    }

    @Test func detectsEthereumFunds() throws {
        let text = """
            Date,ETHA,FETH,ETHW,TETH,ETHV,QETH,EZET,ETHE,ETH,Total
            2026-01-14,(41.2),5.5,-,-,-,-,-,(12.0),1.1,(46.6)
            """
        let out = InputDecoder.decodeAll(text, source: "eth.csv", context: context)
        let day = try #require(Day(year: 2026, month: 1, day: 14))
        #expect(flows(out) == [
            EtfFlow(day: day, asset: .ETH, fund: "ETHA", netUSD: usd(-41_200_000)),
            EtfFlow(day: day, asset: .ETH, fund: "FETH", netUSD: usd(5_500_000)),
            EtfFlow(day: day, asset: .ETH, fund: "ETHE", netUSD: usd(-12_000_000)),
            EtfFlow(day: day, asset: .ETH, fund: "ETH", netUSD: usd(1_100_000)),
        ])
        #expect(out.rejections.isEmpty && out.ignored == 1)
    }

    @Test func detectsSolanaFundsIncludingNewTickers() throws {
        let text = """
            ,BSOL,VSOL,FSOL,TSOL,SOEZ,GSOL,NEWX,Total
            15 January 2026,23.45,-,0.0,-,-,(1.05),0.5,22.9
            """
        let out = InputDecoder.decodeAll(text, source: "sol.csv", context: context)
        let day = try #require(Day(year: 2026, month: 1, day: 15))
        #expect(flows(out) == [
            EtfFlow(day: day, asset: .SOL, fund: "BSOL", netUSD: usd(23_450_000)),
            EtfFlow(day: day, asset: .SOL, fund: "FSOL", netUSD: .zero),
            EtfFlow(day: day, asset: .SOL, fund: "GSOL", netUSD: usd(-1_050_000)),
            EtfFlow(day: day, asset: .SOL, fund: "NEWX", netUSD: usd(500_000)),
        ])
        #expect(out.rejections.isEmpty)
    }

    @Test func assetDetection() throws {
        #expect(FarsideTable(header: ["Date", "BTC", "ETH", "IBIT"])?.asset == .BTC)
        #expect(FarsideTable(header: ["", "ETH", "ETHA", "BTC"])?.asset == .ETH)
        #expect(FarsideTable(header: ["Date", "IBIT", "ETHA"]) == nil)           // one ticker of each asset
        #expect(FarsideTable(header: ["Day", "IBIT", "FBTC"]) == nil)            // first column must be the date
        #expect(FarsideTable(header: ["Date", "IBIT", "Total"]) == nil)
        let t = try #require(FarsideTable(header: ["Date", "IBIT", "FBTC", "Grayscale Mini", "IBIT", "Total"]))
        #expect(t.funds == [nil, "IBIT", "FBTC", nil, nil, nil]) // unusable, repeated and Total columns are skipped
        // Tickers also look like FRED series names: the ETF reading wins.
        let detected = try #require(TableDecoder.detect(headerFields: ["date", "IBIT", "FBTC"]))
        guard case .farside = detected.kind else { Issue.record("not read as a Farside table"); return }
    }

    @Test func cellValues() throws {
        #expect(try FarsideTable.parseMillions("648.6") == USD(dollars: 648_600_000))
        #expect(try FarsideTable.parseMillions("(107.7)") == USD(dollars: -107_700_000))
        #expect(try FarsideTable.parseMillions("( 0.0 )") == .zero)
        #expect(try FarsideTable.parseMillions("-5.25") == USD(dollars: -5_250_000))
        #expect(try FarsideTable.parseMillions("12,345.678901") == USD(micros: 12_345_678_901_000_000))
        #expect(try FarsideTable.parseMillions("(1,120.0)") == USD(dollars: -1_120_000_000))
        #expect(try FarsideTable.parseMillions("0.0000001") == USD(micros: 100_000))
        #expect(try FarsideTable.parseMillions("100,000") == USD(dollars: 100_000_000_000))
        #expect(try FarsideTable.parseMillions("-") == nil)
        #expect(try FarsideTable.parseMillions("") == nil)
        for bad in ["1,20.0", "1,2345", ",100", "1.000,5", "(-5)", "100,000.01", "abc", "(", "()", "NaN", "5%"] {
            #expect(throws: InputError.self, "\(bad)") { try FarsideTable.parseMillions(bad) }
        }
    }

    @Test func dates() {
        #expect(FarsideTable.parseDay("14 Jan 2026") == Day(year: 2026, month: 1, day: 14))
        #expect(FarsideTable.parseDay("1 sept 2025") == Day(year: 2025, month: 9, day: 1))
        #expect(FarsideTable.parseDay("2026-01-14") == Day(year: 2026, month: 1, day: 14))
        for bad in ["30 Feb 2026", "14 Janu 2026", "14 Jan 26", "Jan 14 2026", "114 Jan 2026", "Total", ""] {
            #expect(FarsideTable.parseDay(bad) == nil, "\(bad)")
        }
    }

    @Test func rowsWithoutDates() {
        let text = """
            Date,IBIT,FBTC,Total
            Seed,10.0,5.0,
            ,iShares,Fidelity,
            14 Jan 2026,-,-,0.0
            ,1.0,2.0,3.0
            ,,,
            average,1,1,2
            15 Jan 2026,1.0,2.0,3.0,4.0
            01/16/2026,1.0,2.0,3.0
            2031-01-16,1.0,2.0,3.0
            """
        let out = InputDecoder.decodeAll(text, source: "f.csv", context: context)
        // Header, seed, names, the all-`-` day, the empty row and the summary.
        #expect(out.ignored == 6)
        #expect(out.events.isEmpty) // 15 Jan has an extra cell: none of it is used
        #expect(out.rejections.map(\.reason) == [
            #"not a date: """#,
            "5 cells, the header has 4: the row is not used (quote numbers with thousands separators)",
            #"not a date: "01/16/2026""#,
            "timestamp more than a day in the future",
        ])
        #expect(out.rejections.map(\.line) == [5, 8, 9, 10])
    }

    @Test func byteOrderMarkedFile() {
        let out = InputDecoder.decodeAll("\u{FEFF}Date,IBIT,FBTC\r\n14 Jan 2026,1.5,(2)\r\n", source: "f.csv", context: context)
        #expect(flows(out).map(\.netUSD) == [USD(dollars: 1_500_000), USD(dollars: -2_000_000)])
        #expect(out.rejections.isEmpty)
    }

    /// An unquoted thousands separator splits a cell; the row was rejected and still
    /// used, shifted by a column (IBIT $1M, FBTC $120M). Now none of it is used.
    @Test func aRowWithTheWrongCellCountIsNotUsedAtAll() {
        let text = """
            Date,IBIT,FBTC,GBTC,Total
            14 Jan 2026,1,120.0,10.0,-,1130
            15 Jan 2026,5.0,6.0
            16 Jan 2026,5.0,6.0,-,11.0,,
            """
        let out = InputDecoder.decodeAll(text, source: "f.csv", context: context)
        #expect(out.rejections.map(\.line) == [2, 3])
        #expect(out.rejections.first?.reason == "6 cells, the header has 5: the row is not used (quote numbers with thousands separators)")
        #expect(out.rejections.last?.reason == "3 cells, the header has 5: the row is not used")
        // Trailing empty cells are harmless: 16 Jan is used.
        #expect(flows(out).map(\.day) == [Day(year: 2026, month: 1, day: 16), Day(year: 2026, month: 1, day: 16)])
        #expect(flows(out).map(\.netUSD) == [USD(dollars: 5_000_000), USD(dollars: 6_000_000)])
    }
}
