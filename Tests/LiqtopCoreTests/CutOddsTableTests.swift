import Testing
@testable import LiqtopCore

@Suite struct CutOddsTableTests {
    let context = DecodeContext(now: 1_800_000_000_000)

    func odds(_ out: DecodeOutput) -> [CutOdds] {
        out.events.compactMap { if case .cutOdds(let o) = $0 { o } else { nil } }
    }

    func expected(_ iso: String, _ range: String, _ percent: String) throws -> CutOdds {
        CutOdds(meeting: try #require(Day(iso: iso)), targetRange: range,
                probabilityPercent: try FixedDecimal.parse(percent))
    }

    @Test func percentAndFractionNotations() throws {
        let text = """
            Meeting_Date,TARGET_RANGE,probability
            2026-01-28,3.50-3.75,95.0
            2026-01-28,3.25-3.50,5%
            2026-03-18,3.25-3.50,0.62
            2026-03-18,3.50-3.75,1
            2026-03-18,3.00-3.25,0.5%
            2026-03-18,3.00-3.25,0
            """
        let out = InputDecoder.decodeAll(text, source: "odds.csv", context: context)
        #expect(try odds(out) == [
            expected("2026-01-28", "3.50-3.75", "95"), expected("2026-01-28", "3.25-3.50", "5"),
            expected("2026-03-18", "3.25-3.50", "62"), expected("2026-03-18", "3.50-3.75", "100"),
            expected("2026-03-18", "3.00-3.25", "0.5"), expected("2026-03-18", "3.00-3.25", "0"),
        ])
        #expect(out.rejections.isEmpty && out.ignored == 1)
    }

    @Test func refusals() {
        let text = """
            meeting_date,target_range,probability
            2026-03-18,3.50-3.75,101
            2026-03-18,3.50-3.75,-0.1
            2026-03-18,3.50-3.75,150%
            2026-03-18,3.75-3.50,10
            2026-03-18,3.50 to 3.75,10
            2026-03-18,3.50-3.75-4.00,10
            2026-03-18,.50-3.75,10
            2026-03-18,3.50-3.75,likely
            2026-03-18,3.50-3.75
            18 Mar 2026,3.50-3.75,10
            2040-03-18,3.50-3.75,10
            """
        let out = InputDecoder.decodeAll(text, source: "odds.csv", context: context)
        #expect(out.events.isEmpty)
        #expect(out.rejections.map(\.reason) == [
            #"probability outside 0...100%: "101""#,
            #"probability outside 0...100%: "-0.1""#,
            #"probability outside 0...100%: "150%""#,
            #"bad target range "3.75-3.50""#,
            #"bad target range "3.50 to 3.75""#,
            #"bad target range "3.50-3.75-4.00""#,
            #"bad target range ".50-3.75""#,
            #"bad probability "likely" (not a number)"#,
            "expected 3 fields, found 2",
            #"not a date: "18 Mar 2026""#,
            "meeting date out of range: 2040-03-18",
        ])
    }

    @Test func targetRangeShape() {
        #expect(CutOddsTable.isTargetRange("3.50-3.75"))
        #expect(CutOddsTable.isTargetRange("0-0.25"))
        #expect(CutOddsTable.isTargetRange("350-375"))
        #expect(!CutOddsTable.isTargetRange("3.5.0-3.75"))
        #expect(!CutOddsTable.isTargetRange("3.50-"))
        #expect(!CutOddsTable.isTargetRange("0000000003.50-3.7500000"))
        #expect(!CutOddsTable.isTargetRange("3.50–3.75")) // en dash
    }
}
