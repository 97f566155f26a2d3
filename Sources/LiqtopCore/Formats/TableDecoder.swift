/// A CSV table source, recognized once from its header line; decodes the rows that follow.
///
/// Each kind keeps its own small state (column layout, position in the table) in its own file.
struct TableDecoder {
    enum Kind {
        case farside(FarsideTable)
        case fred(FredTable)
        case cutOdds(CutOddsTable)
        case notes(NotesTable)
    }

    var kind: Kind

    /// The table kind whose header this is, or `nil` when no known table starts this way.
    static func detect(headerFields: [String]) -> TableDecoder? {
        // `Date,IBIT,FBTC` would also pass as FRED series names: fund tickers win.
        if let t = NotesTable(header: headerFields) { return TableDecoder(kind: .notes(t)) }
        if let t = CutOddsTable(header: headerFields) { return TableDecoder(kind: .cutOdds(t)) }
        if let t = FarsideTable(header: headerFields) { return TableDecoder(kind: .farside(t)) }
        if let t = FredTable(header: headerFields) { return TableDecoder(kind: .fred(t)) }
        return nil
    }

    /// Decodes one data row. A whole-row problem becomes one error; a bad cell of a multi-cell
    /// row becomes an error of its own while the good cells still produce events.
    mutating func decode(fields: [String], context: DecodeContext, into out: inout LineResults) {
        do throws(InputError) {
            switch kind {
            case .farside(var t):
                defer { kind = .farside(t) }
                try t.decode(fields: fields, context: context, into: &out)
            case .fred(let t):
                try t.decode(fields: fields, context: context, into: &out)
            case .cutOdds(let t):
                try t.decode(fields: fields, context: context, into: &out)
            case .notes(let t):
                try t.decode(fields: fields, context: context, into: &out)
            }
        } catch {
            out.errors.append(error)
        }
    }
}

/// Small helpers the table kinds share.
enum TableCell {
    /// Untrusted text quoted for an error message (the one output policy, cut short).
    static func quoted(_ s: some StringProtocol) -> String { SafeText.quoted(s) }

    /// A row must have the header's cells (trailing empty ones are harmless): one cell more or
    /// less means every value after it would land in the wrong column, so none of it is used.
    static func checkCellCount(_ fields: [String], header count: Int) throws(InputError) {
        if fields.count > count, !allEmpty(fields, from: count) {
            let n = fields.lastIndex { !$0.isEmpty }.map { $0 + 1 } ?? fields.count
            throw InputError("\(n) cells, the header has \(count): the row is not used (quote numbers with thousands separators)")
        }
        if fields.count < count {
            throw InputError("\(fields.count) cells, the header has \(count): the row is not used")
        }
    }

    /// True when every cell from `index` on is empty (trailing commas are harmless).
    static func allEmpty(_ fields: [String], from index: Int) -> Bool {
        index >= fields.count || fields[index...].allSatisfy(\.isEmpty)
    }

    /// Case-insensitive ASCII comparison of a header name.
    static func named(_ field: String, _ name: String) -> Bool {
        field.lowercased() == name
    }
}
