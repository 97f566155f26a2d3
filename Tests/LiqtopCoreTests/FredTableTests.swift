import Testing
@testable import LiqtopCore

@Suite struct FredTableTests {
    let context = DecodeContext(now: 1_800_000_000_000)

    func points(_ out: DecodeOutput) -> [RatePoint] {
        out.events.compactMap { if case .rate(let r) = $0 { r } else { nil } }
    }

    func point(_ iso: String, _ series: String, _ value: String) throws -> RatePoint {
        RatePoint(day: try #require(Day(iso: iso)), series: series, value: try FixedDecimal.parse(value))
    }

    @Test func observationDateHeader() throws {
        let text = """
            observation_date,DFF
            2026-01-12,3.64
            2026-01-13,.
            2026-01-14,
            2026-01-15,3.6400
            2026-01-16,abc
            2026-13-01,3.64
            1954-07-01,1.13
            """
        let out = InputDecoder.decodeAll(text, source: "DFF.csv", context: context)
        #expect(try points(out) == [point("2026-01-12", "DFF", "3.64"), point("2026-01-15", "DFF", "3.64"),
                                    point("1954-07-01", "DFF", "1.13")])
        #expect(out.ignored == 3) // header and the two missing observations
        #expect(out.rejections == [
            Rejection(source: "DFF.csv", line: 6, reason: #"DFF: bad value "abc" (not a number)"#),
            Rejection(source: "DFF.csv", line: 7, reason: #"not a date: "2026-13-01""#),
        ])
    }

    @Test func legacyDateHeaderWithSeveralSeries() throws {
        let text = """
            DATE,DFEDTARU,DFEDTARL
            2026-01-13,3.75,3.50
            2026-01-14,.,3.50
            2026-01-15,.,.
            2026-01-16,,
            2026-01-17,3.75,x
            2026-01-18,3.75
            2028-01-01,3.75,3.50
            """
        let out = InputDecoder.decodeAll(text, source: "fed.csv", context: context)
        #expect(try points(out) == [
            point("2026-01-13", "DFEDTARU", "3.75"), point("2026-01-13", "DFEDTARL", "3.5"),
            point("2026-01-14", "DFEDTARL", "3.50"),
            point("2026-01-17", "DFEDTARU", "3.75"),
        ])
        #expect(out.ignored == 3)
        // A short row is not read as "the first series only": a cell count off means columns off.
        #expect(out.rejections.map(\.reason) == [#"DFEDTARL: bad value "x" (not a number)"#,
                                                 "2 cells, the header has 3: the row is not used",
                                                 "date more than a day in the future"])
        #expect(out.rejections.map(\.line) == [6, 7, 8])
    }

    @Test func headerValidation() {
        #expect(FredTable(header: ["observation_date", "DFF"])?.series == ["DFF"])
        #expect(FredTable(header: ["Date", "DFEDTARU", "DFEDTARL"])?.series == ["DFEDTARU", "DFEDTARL"])
        #expect(FredTable(header: ["observation_date"]) == nil)
        #expect(FredTable(header: ["observation_date", "dff"]) == nil)
        #expect(FredTable(header: ["observation_date", "DFF", "DFF"]) == nil)
        #expect(FredTable(header: ["observation_date", String(repeating: "A", count: 31)]) == nil)
        #expect(FredTable(header: ["day", "DFF"]) == nil)
        let out = InputDecoder.decodeAll("observation_date,D-FF\n2026-01-12,3.64", source: "x.csv", context: context)
        #expect(out.events.isEmpty && out.rejections.count == 2)
    }

    @Test func ratesOutsideTheRecordableRangeAreRejected() throws {
        let text = """
            DATE,DFF,DFEDTARU
            2026-01-13,544,3.75
            2026-01-14,-100.5,100
            2026-01-15,-100,.
            """
        let out = InputDecoder.decodeAll(text, source: "DFF.csv", context: context)
        #expect(try points(out) == [point("2026-01-13", "DFEDTARU", "3.75"), point("2026-01-14", "DFEDTARU", "100"),
                                    point("2026-01-15", "DFF", "-100")])
        #expect(out.rejections == [
            Rejection(source: "DFF.csv", line: 2, reason: "DFF: 544 is outside -100...100 percent"),
            Rejection(source: "DFF.csv", line: 3, reason: "DFF: -100.5 is outside -100...100 percent"),
        ])
        #expect(NativeFormat.ratePercentRange == FixedDecimal(-100) ... FixedDecimal(100))
    }
}
