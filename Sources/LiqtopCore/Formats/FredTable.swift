/// FRED's CSV download: `observation_date,DFF[,DFEDTARU…]` (older files: `DATE,…`), one row per day,
/// values in percent, missing observations written as `.` or left empty.
struct FredTable {
    /// Series names, one per value column.
    let series: [String]

    init?(header: [String]) {
        guard let first = header.first,
              TableCell.named(first, "observation_date") || TableCell.named(first, "date") else { return nil }
        let names = Array(header.dropFirst())
        guard !names.isEmpty, names.allSatisfy(Self.isSeriesName), Set(names).count == names.count else { return nil }
        series = names
    }

    func decode(fields: [String], context: DecodeContext, into out: inout LineResults) throws(InputError) {
        let date = fields.first ?? ""
        guard let day = Day(iso: date) else { throw InputError("not a date: \(TableCell.quoted(date))") }
        // Rate history legitimately reaches back to 1954, so only the future is refused.
        if day.start > context.now + DecodeContext.maxFutureSkew {
            throw InputError("date more than a day in the future")
        }
        try TableCell.checkCellCount(fields, header: series.count + 1)
        var produced = false
        for (k, name) in series.enumerated() where k + 1 < fields.count {
            let cell = fields[k + 1]
            if cell.isEmpty || cell == "." { continue } // FRED's "no observation"
            do throws(InputError) {
                let value = try FixedDecimal.parse(cell)
                // Outside the range a recording accepts, so it could never be replayed.
                guard NativeFormat.ratePercentRange.contains(value) else {
                    out.errors.append(InputError("\(name): \(value) is outside \(NativeFormat.rateRangeText) percent"))
                    continue
                }
                out.events.append(.rate(RatePoint(day: day, series: name, value: value)))
                produced = true
            } catch {
                out.errors.append(InputError("\(name): bad value \(TableCell.quoted(cell)) (\(error.reason))"))
            }
        }
        // A day with every series missing is well formed but carries nothing.
        if !produced { out.ignored = true }
    }

    /// `[A-Z0-9_]{1,30}`, as FRED names its series.
    static func isSeriesName(_ s: String) -> Bool {
        let u = s.utf8
        return (1 ... 30).contains(u.count)
            && u.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
    }
}
