import Testing
@testable import LiqtopCore

@Suite struct TimeTests {
    @Test func dayRoundTrip() throws {
        let d = try #require(Day(year: 2026, month: 1, day: 14))
        #expect(d.description == "2026-01-14")
        #expect(d.start == 1_768_348_800_000)
        #expect(Day(iso: "2026-01-14") == d)
        #expect(Day(iso: "2026-02-30") == nil)
        #expect(d.weekday == 2) // a Wednesday
        #expect(Day(containing: d.start + Duration.day - 1) == d)
    }

    @Test func isoTime() {
        #expect(ISOTime.format(1_568_014_460_893) == "2019-09-09T07:34:20.893Z")
        #expect(ISOTime.parse("2019-09-09T07:34:20.893Z") == 1_568_014_460_893)
        #expect(ISOTime.parse("2026-01-14 12:00") == 1_768_348_800_000 + 12 * Duration.hour)
        #expect(ISOTime.parse("2026-01-14") == 1_768_348_800_000)
        #expect(ISOTime.parse("1568014460893") == 1_568_014_460_893)
        #expect(ISOTime.parse("2026-01-14T25:00") == nil)
    }
}
