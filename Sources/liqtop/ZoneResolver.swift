import Foundation
import LiqtopCore

/// `--tz UTC|local|Area/City` → a `DisplayZone` from the system's zone database (Foundation's
/// TimeZone reads /usr/share/zoneinfo), with its offsets over the span the data covers.
enum ZoneResolver {
    /// Why `name` is not a zone here, nil when it is.
    static func problem(_ name: String) -> String? {
        zone(name) == nil ? "unknown time zone '\(SafeText.short(name))': use UTC, local or an Area/City name such as America/New_York" : nil
    }

    static func zone(_ name: String) -> TimeZone? {
        switch name {
        case "UTC", "utc", "Z": TimeZone(identifier: "UTC")
        case "local": TimeZone.current
        default: name.contains("/") ? TimeZone(identifier: name) : nil
        }
    }

    /// The zone's offsets from `span`'s start to its end (a day either side, so a replay that
    /// seeks past the data still shows the right offset).
    static func resolve(_ name: String, span: ClosedRange<Millis>) throws -> DisplayZone {
        guard let tz = zone(name) else { throw CLIError(message: problem(name)!) }
        func date(_ t: Millis) -> Date { Date(timeIntervalSince1970: Double(t) / 1000) }
        func millis(_ d: Date) -> Millis { Millis((d.timeIntervalSince1970 * 1000).rounded()) }
        let start = span.lowerBound - Duration.day, end = span.upperBound + Duration.day
        var transitions: [(from: Millis, offset: Millis)] = [(start, Millis(tz.secondsFromGMT(for: date(start))) * 1000)]
        var at = date(start)
        while let next = tz.nextDaylightSavingTimeTransition(after: at), millis(next) <= end, transitions.count < 1000 {
            transitions.append((millis(next), Millis(tz.secondsFromGMT(for: next)) * 1000))
            at = next
        }
        let label = name == "local" ? "local" : name
        return DisplayZone(name: label, transitions: transitions)
    }
}
