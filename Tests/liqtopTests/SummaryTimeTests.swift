import Foundation
import Testing
import LiqtopTestSupport

/// `summary`'s time means what a person means (issue 16, item 7): without `--at` the latest time
/// of any event, a dated one counting at the end of its day; `--at DAY` the end of that day.
@Suite struct SummaryTimeTests {
    static let fred = "fred_DFF__HuseynliGulara.csv"

    /// The real FRED download holds rates only: the summary is at the end of its last day
    /// (2026-08-06, 3.63), not at 1970-01-01 with no rate.
    @Test func aRatesOnlyFileIsSummarizedAtTheEndOfItsLastDay() async throws {
        let file = try #require(RealSamples.path(Self.fred), "../shared/samples/real/\(Self.fred) is not beside the checkout")
        let lastLine = try #require(try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").last)
        let fields = lastLine.split(separator: ",")
        let (day, value) = (String(fields[0]), String(fields[1]))
        let r = try await LiqtopBinary.run(["summary", file])
        #expect(r.status == 0, "\(r.stderr)")
        let first = r.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.contains("at \(day)T23:59:59.999Z"), "\(first)")
        #expect(r.stdout.contains("Effective fed funds \(value)% (\(day))"), "\(r.stdout)")
    }

    /// `--at 2026-01-14` on the demo day is that day's end: the $577M of shorts, the same 24 h
    /// figures as the default time (the last order, 23:59:59.080); `T00:00Z` still means midnight.
    @Test func aBareDayMeansTheEndOfThatDay() async throws {
        func liquidations24h(_ arguments: [String]) async throws -> (at: String, short: Double, count: Int) {
            let r = try await LiqtopBinary.run(["summary", "--json"] + arguments)
            #expect(r.status == 0, "\(r.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let windows = try #require((json["liquidations"] as? [String: Any])?["windows"] as? [String: Any])
            let day = try #require(windows["24h"] as? [String: Any])
            return (json["at"] as? String ?? "", day["short_usd"] as? Double ?? -1, day["count"] as? Int ?? -1)
        }
        let end = try await liquidations24h(["--at", "2026-01-14"])
        #expect(end.at == "2026-01-14T23:59:59.999Z")
        #expect((576_500_000 ..< 577_500_000).contains(end.short), "24 h shorts \(end.short)")
        let latest = try await liquidations24h([])
        #expect(end.short == latest.short && end.count == latest.count)
        let midnight = try await liquidations24h(["--at", "2026-01-14T00:00Z"])
        #expect(midnight.at == "2026-01-14T00:00:00.000Z")
        #expect(midnight.count == 0)
    }
}
