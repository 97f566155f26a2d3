/// The text form of day digests, as the archive index keeps them on disk: one line per fact,
/// words separated by single spaces, events as native NDJSON lines. Read back strictly: an
/// index file is input like any other, and any line not exactly as written makes the whole
/// file unreadable (the caller then rebuilds it from the recordings).
///
///     odds {"type":"cut_odds",...}         (before the first day: odds belong to no day)
///     day 2026-01-14
///     total bybit short 3120 187654321000000 BTC
///     minute 1397 0 9690000000000          (long and short USD micros; non-empty minutes only)
///     event {"type":"liquidation",...}     (the largest orders, ETF flows, rates, notes, table totals)
public enum DigestText {
    public static func encode(_ digests: DayDigests) -> String {
        var out = ""
        for o in digests.odds { out += "odds " + NativeFormat.encode(.cutOdds(o)) + "\n" }
        for day in digests.days {
            guard let d = digests[day] else { continue }
            out += "day \(day)\n"
            for (k, c) in d.totals.sorted(by: { $0.key < $1.key }) {
                out += "total \(k.venue.rawValue) \(k.side.rawValue) \(c.count) \(c.usd.micros) \(k.coin)\n"
            }
            for m in 0 ..< 1_440 where d.minuteLong[m] != .zero || d.minuteShort[m] != .zero {
                out += "minute \(m) \(d.minuteLong[m].micros) \(d.minuteShort[m].micros)\n"
            }
            var events = d.largest.map(Event.liquidation) + d.etf.map(Event.etfFlow) + d.rates.map(Event.rate)
                + d.notes.map(Event.note)
            if let t = d.tableTotals { events.append(.dailyTotals(t)) }
            for e in events { out += "event " + NativeFormat.encode(e) + "\n" }
        }
        return out
    }

    /// The digests `text` holds, or nil when any line is not as `encode` writes it.
    public static func decode(_ text: Substring, context: DecodeContext) -> DayDigests? {
        var out = DayDigests()
        var current: DayDigest?
        func flush() { if let c = current { out.set(c) } }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { continue }
            guard let space = line.firstIndex(of: " ") else { return nil }
            let word = line[..<space], rest = line[line.index(after: space)...]
            switch word {
            case "day":
                guard let d = Day(iso: rest), d.description == rest, out[d] == nil else { return nil }
                flush()
                current = DayDigest(day: d)
            case "total":
                let f = rest.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: false)
                guard current != nil, f.count == 5, let venue = Venue(rawValue: String(f[0])),
                      let side = Side(rawValue: String(f[1])), let count = Int(f[2]), count > 0,
                      let micros = Int64(f[3]), !f[4].isEmpty else { return nil }
                let key = DayDigest.Key(coin: String(f[4]), venue: venue, side: side)
                guard current!.totals[key] == nil else { return nil }
                current!.totals[key] = DayDigest.Cell(count: count, usd: USD(micros: micros))
            case "minute":
                let f = rest.split(separator: " ", omittingEmptySubsequences: false)
                guard current != nil, f.count == 3, let m = Int(f[0]), (0 ..< 1_440).contains(m),
                      let long = Int64(f[1]), let short = Int64(f[2]) else { return nil }
                current!.minuteLong[m] = USD(micros: long)
                current!.minuteShort[m] = USD(micros: short)
            case "odds":
                let decoded = InputDecoder.decodeAll(String(rest), source: "index", context: context)
                guard current == nil, decoded.rejections.isEmpty, decoded.events.count == 1,
                      case .cutOdds(let o) = decoded.events[0] else { return nil }
                out.odds.append(o)
            case "event":
                let decoded = InputDecoder.decodeAll(String(rest), source: "index", context: context)
                guard current != nil, decoded.rejections.isEmpty, decoded.events.count == 1,
                      let e = decoded.events.first, DayDigest.day(of: e) == current!.day else { return nil }
                switch e {
                case .liquidation(let l): current!.largest.append(l)
                case .etfFlow(let f): current!.etf.append(f)
                case .rate(let r): current!.rates.append(r)
                case .note(let n): current!.notes.append(n)
                case .dailyTotals(let t): current!.tableTotals = t
                default: return nil
                }
            default:
                return nil
            }
        }
        flush()
        return out
    }
}
