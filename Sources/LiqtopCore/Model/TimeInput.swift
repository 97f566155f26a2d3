/// A time as a trader types it into go-to-time (`g`) or `--from`: a full time (`ISOTime.parse`),
/// a time of day (`21:00`, `21:00:05`, on `day`), or an offset from `now` (`-2h`, `+30m`, `-90s`).
public enum TimeInput {
    public static func parse(_ text: some StringProtocol, day: Day, now: Millis) -> Millis? {
        let s = text.trimmingASCIISpaces()
        if let t = ISOTime.parse(s) { return t }
        if let sign = s.first, sign == "-" || sign == "+" {
            guard let unit = s.last, let n = Millis(s.dropFirst().dropLast()), n >= 0, n <= 100_000 else { return nil }
            let step: Millis
            switch unit {
            case "s": step = Duration.second
            case "m": step = Duration.minute
            case "h": step = Duration.hour
            case "d": step = Duration.day
            default: return nil
            }
            return now + (sign == "-" ? -n : n) * step
        }
        // A time of day: let the full parser read it on `day`.
        guard (5 ... 12).contains(s.count), s.dropFirst(2).first == ":" else { return nil }
        return ISOTime.parse("\(day)T\(s)Z")
    }
}
