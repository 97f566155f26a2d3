/// Farside Investors' daily spot-ETF flow tables: one row per day, one column per fund, in US$ millions.
///
/// `Date,IBIT,FBTC,…,Total`, then rows like `14 Jan 2026,648.6,(107.7),-,"1,120.0",…`.
/// Negatives are in parentheses, `-` means no data (not zero), and label rows (fund names, fees)
/// and summary rows (Total, Average, Maximum, Minimum) surround the days.
struct FarsideTable {
    static let knownTickers: [(asset: EtfAsset, tickers: Set<String>)] = [
        (.BTC, ["IBIT", "FBTC", "BITB", "ARKB", "BTCO", "EZBC", "BRRR", "HODL", "BTCW", "GBTC", "BTC"]),
        (.ETH, ["ETHA", "FETH", "ETHW", "TETH", "CETH", "ETHV", "QETH", "EZET", "ETHE", "ETH"]),
        (.SOL, ["BSOL", "VSOL", "FSOL", "TSOL", "SOEZ", "GSOL"]),
    ]

    /// No single fund moves this much in a day; a larger value is a misread cell.
    static let maxFundDayUSD = USD(dollars: 100_000_000_000)
    static let million = FixedDecimal(1_000_000)

    let asset: EtfAsset
    /// The fund ticker of each column; `nil` for the date column, `Total` and unusable headers.
    let funds: [String?]
    /// Once days have started, a row without a date but with numbers is lost data, not a label.
    private(set) var sawDay = false

    init?(header: [String]) {
        guard let first = header.first, first.isEmpty || TableCell.named(first, "date") else { return nil }
        var best: (asset: EtfAsset, count: Int)?
        for (asset, tickers) in Self.knownTickers {
            let count = header.dropFirst().reduce(0) { $0 + (tickers.contains($1) ? 1 : 0) }
            if count > (best?.count ?? 0) { best = (asset, count) }
        }
        guard let best, best.count >= 2 else { return nil }
        asset = best.asset
        var seen = Set<String>()
        var funds: [String?] = [nil]
        for name in header.dropFirst() {
            // Total is skipped: we sum the funds ourselves. So is a placeholder for an unnamed
            // column (`COL11`: the total of the Farside-derived ETH table). A repeated ticker
            // would count twice.
            let usable = !TableCell.named(name, "total") && !Self.isPlaceholder(name) && Self.isTicker(name)
                && seen.insert(name).inserted
            funds.append(usable ? name : nil)
        }
        self.funds = funds
    }

    mutating func decode(fields: [String], context: DecodeContext, into out: inout LineResults) throws(InputError) {
        let label = fields.first ?? ""
        guard let day = Self.parseDay(label) else {
            if isLabelRow(label, fields) { out.ignored = true; return }
            throw InputError("not a date: \(TableCell.quoted(label))")
        }
        try context.checkTime(day.start)
        sawDay = true
        try TableCell.checkCellCount(fields, header: funds.count)
        var produced = false
        for (i, fund) in funds.enumerated() {
            guard let fund, i < fields.count else { continue }
            let cell = fields[i]
            do throws(InputError) {
                guard let usd = try Self.parseMillions(cell) else { continue }
                out.events.append(.etfFlow(EtfFlow(day: day, asset: asset, fund: fund, netUSD: usd)))
                produced = true
            } catch {
                out.errors.append(InputError("\(fund): bad value \(TableCell.quoted(cell)) (\(error.reason))"))
            }
        }
        // A day on which no fund reported (all `-`) is well formed but carries nothing.
        if !produced { out.ignored = true }
    }

    private static let labels: Set<String> = [
        "fee", "fees", "seed", "ticker", "tickers", "name", "names", "fund", "funds", "issuer", "sponsor", "date",
    ]
    private static let summaries: Set<String> = ["total", "average", "maximum", "minimum"]

    /// Name/fee rows under the header, summary rows at the bottom, and empty rows are not days.
    func isLabelRow(_ label: String, _ fields: [String]) -> Bool {
        let key = label.lowercased()
        if Self.summaries.contains(key) || Self.labels.contains(key) { return true }
        guard label.isEmpty else { return false }
        return !sawDay || TableCell.allEmpty(fields, from: 1)
    }

    /// `648.6`, `(107.7)`, `"1,120.0"` (quotes already removed) → exact USD; `-` or empty → no data.
    static func parseMillions(_ cell: String) throws(InputError) -> USD? {
        var s = cell.trimmingASCIISpaces()
        if s.isEmpty || s == "-" { return nil }
        var negative = false
        if s.hasPrefix("("), s.hasSuffix(")"), s.count >= 2 {
            negative = true
            s = s.dropFirst().dropLast().trimmingASCIISpaces()
        }
        guard let plain = stripThousands(s) else { throw InputError("misplaced thousands separator") }
        var value = try FixedDecimal.parse(plain)
        if negative {
            guard value.signum >= 0 else { throw InputError("negative inside parentheses") }
            value = FixedDecimal(uncheckedMantissa: -value.mantissa, scale: value.scale)
        }
        guard let usd = USD.product(value, million), usd.micros.magnitude <= maxFundDayUSD.micros.magnitude else {
            throw InputError("more than \(maxFundDayUSD.compact()) in a day")
        }
        return usd
    }

    /// Removes commas that group thousands (`12,345.6`); `nil` when commas are anywhere else.
    static func stripThousands(_ s: Substring) -> String? {
        guard s.contains(",") else { return String(s) }
        var body = s
        var sign = ""
        if body.first == "-" { sign = "-"; body = body.dropFirst() }
        let point = body.firstIndex(of: ".") ?? body.endIndex
        let groups = body[..<point].split(separator: ",", omittingEmptySubsequences: false)
        guard let lead = groups.first, (1 ... 3).contains(lead.count),
              groups.dropFirst().allSatisfy({ $0.count == 3 }),
              groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              !body[point...].contains(",") else { return nil }
        return sign + groups.joined() + body[point...]
    }

    /// A column header that can name a fund we do not list (a new launch): `[A-Z0-9]{1,10}`.
    /// `COL11`, `COLUMN3`: what a spreadsheet or CSV tool names a column that had no header.
    /// No fund is named so (tickers are letters, at most a digit or two after them: `BTCW`).
    static func isPlaceholder(_ s: String) -> Bool {
        for prefix in ["COLUMN", "COL"] where s.hasPrefix(prefix) {
            let rest = s.dropFirst(prefix.count)
            return !rest.isEmpty && rest.allSatisfy(\.isASCII) && rest.allSatisfy(\.isNumber)
        }
        return false
    }

    static func isTicker(_ s: String) -> Bool {
        let u = s.utf8
        return (1 ... 10).contains(u.count) && u.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// `14 Jan 2026` (Farside), `14 January 2026`, or ISO `2026-01-14`.
    static func parseDay(_ text: String) -> Day? {
        if let d = Day(iso: text) { return d }
        let parts = text.split(separator: " ")
        guard parts.count == 3, (1 ... 2).contains(parts[0].count), parts[0].allSatisfy(\.isASCIIDigit),
              parts[2].count == 4, parts[2].allSatisfy(\.isASCIIDigit),
              let day = Int(parts[0]), let year = Int(parts[2]) else { return nil }
        let name = parts[1].lowercased()
        guard name.count >= 3, let m = months.firstIndex(of: String(name.prefix(3))),
              name.count == 3 || Self.fullMonthNames[m] == name || (name == "sept") else { return nil }
        return Day(year: year, month: m + 1, day: day)
    }

    private static let fullMonthNames = ["january", "february", "march", "april", "may", "june", "july",
                                         "august", "september", "october", "november", "december"]
}
