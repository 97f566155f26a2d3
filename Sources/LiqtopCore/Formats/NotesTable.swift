/// Dated macro notes from a file: `time,source,text`; quote the text when it contains commas.
struct NotesTable {
    static let sourceLength = 1 ... 100
    static let textLength = 1 ... 4000

    init?(header: [String]) {
        guard header.count == 3, TableCell.named(header[0], "time"),
              TableCell.named(header[1], "source"), TableCell.named(header[2], "text") else { return nil }
    }

    func decode(fields: [String], context: DecodeContext, into out: inout LineResults) throws(InputError) {
        // More than 3 fields is nearly always an unquoted comma in the text: rejoining would guess.
        guard fields.count == 3 else {
            throw InputError("expected 3 fields, found \(fields.count) (quote text that contains commas)")
        }
        guard let time = ISOTime.parse(fields[0]) else { throw InputError("bad time \(TableCell.quoted(fields[0]))") }
        try context.checkTime(time)
        let source = fields[1], text = fields[2]
        guard Self.sourceLength.contains(source.count) else {
            throw InputError("source must be \(Self.sourceLength.lowerBound) to \(Self.sourceLength.upperBound) characters")
        }
        guard Self.textLength.contains(text.count) else {
            throw InputError("text must be \(Self.textLength.lowerBound) to \(Self.textLength.upperBound) characters")
        }
        out.events.append(.note(MacroNote(time: time, source: source, text: text)))
    }
}
