/// Milliseconds since 1970-01-01T00:00:00Z. Every event and the store clock use this.
public typealias Millis = Int64

public enum Duration {
    public static let second: Millis = 1_000
    public static let minute: Millis = 60_000
    public static let hour: Millis = 3_600_000
    public static let day: Millis = 86_400_000
}

/// A UTC calendar day, stored as days since 1970-01-01.
public struct Day: Sendable, Hashable, Comparable, Strideable, CustomStringConvertible {
    public let index: Int32

    public init(index: Int32) { self.index = index }

    /// `nil` for impossible dates (2026-02-30) or years outside 1900...2999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1900 ... 2999).contains(year), (1 ... 12).contains(month),
              (1 ... Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        // Days from civil (H. Hinnant): exact for the proleptic Gregorian calendar.
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        index = Int32(era * 146_097 + doe - 719_468)
    }

    public init(containing time: Millis) {
        index = Int32((time >= 0 ? time : time - Duration.day + 1) / Duration.day)
    }

    public var start: Millis { Millis(index) * Duration.day }

    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(index) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// 0 = Monday … 6 = Sunday.
    public var weekday: Int { Int((index % 7 + 7 + 3) % 7) }
    public var isWeekend: Bool { weekday >= 5 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2026-01-14`
    public var description: String {
        let c = components
        return "\(c.year)-\(pad2(c.month))-\(pad2(c.day))"
    }

    /// Parses `2026-01-14`.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func < (a: Day, b: Day) -> Bool { a.index < b.index }
    public func distance(to other: Day) -> Int { Int(other.index - index) }
    public func advanced(by n: Int) -> Day { Day(index: index + Int32(n)) }
}

func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
func pad3(_ n: Int) -> String { n < 10 ? "00\(n)" : (n < 100 ? "0\(n)" : "\(n)") }

public enum ISOTime {
    /// `2026-01-14T23:59:59.000Z`: always milliseconds, always UTC.
    public static func format(_ t: Millis) -> String {
        let day = Day(containing: t)
        let ms = Int(t - day.start)
        let h = ms / 3_600_000, m = ms / 60_000 % 60, s = ms / 1000 % 60
        return "\(day)T\(pad2(h)):\(pad2(m)):\(pad2(s)).\(pad3(ms % 1000))Z"
    }

    /// `HH:MM:SS` of the UTC day.
    public static func clock(_ t: Millis, seconds: Bool = true) -> String {
        let ms = Int(t - Day(containing: t).start)
        let base = "\(pad2(ms / 3_600_000)):\(pad2(ms / 60_000 % 60))"
        return seconds ? base + ":\(pad2(ms / 1000 % 60))" : base
    }

    /// Parses the forms a user types or a file holds: `2026-01-14T12:00:00Z`, `…T12:00:00.250Z`,
    /// `2026-01-14 12:00`, `2026-01-14T12:00:00+00:00`, a bare day (its start), or epoch milliseconds.
    public static func parse(_ text: some StringProtocol) -> Millis? {
        let s = text.trimmingASCIISpaces()
        if !s.isEmpty, s.allSatisfy(\.isASCIIDigit), s.count >= 10, s.count <= 13, let v = Millis(s) {
            return s.count == 13 ? v : v * 1000 // 13 digits: ms; 10 digits: seconds
        }
        guard s.count >= 10, let day = Day(iso: s.prefix(10)) else { return nil }
        var rest = s.dropFirst(10)
        if rest.isEmpty { return day.start }
        guard rest.first == "T" || rest.first == " " else { return nil }
        rest = rest.dropFirst()
        if rest.hasSuffix("Z") { rest = rest.dropLast() } else if rest.hasSuffix("+00:00") { rest = rest.dropLast(6) }
        let hms = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard hms.count == 2 || hms.count == 3, hms[0].count == 2, hms[1].count == 2,
              let h = Int(hms[0]), let m = Int(hms[1]), h < 24, m < 60 else { return nil }
        var ms = Millis(h) * Duration.hour + Millis(m) * Duration.minute
        if hms.count == 3 {
            let secParts = hms[2].split(separator: ".", omittingEmptySubsequences: false)
            guard secParts[0].count == 2, let sec = Int(secParts[0]), sec < 60, secParts.count <= 2 else { return nil }
            ms += Millis(sec) * Duration.second
            if secParts.count == 2 {
                let frac = secParts[1]
                guard (1 ... 3).contains(frac.count), let f = Int(frac) else { return nil }
                ms += Millis(f) * [100, 10, 1][frac.count - 1]
            }
        }
        return day.start + ms
    }
}

extension ISOTime {
    /// An instant as a person means it: as `parse`, but a bare day is the end of that day (its
    /// last millisecond), so `summary --at 2026-01-14` covers the whole day; `2026-01-14T00:00Z`
    /// still means midnight.
    public static func parseInstant(_ text: some StringProtocol) -> Millis? {
        let s = text.trimmingASCIISpaces()
        if s.count == 10, let day = Day(iso: s) { return day.start + Duration.day - 1 }
        return parse(s)
    }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
}

extension StringProtocol {
    func trimmingASCIISpaces() -> Substring {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" || f == "\n" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" || l == "\n" { s = s.dropLast() }
        return s
    }
}
