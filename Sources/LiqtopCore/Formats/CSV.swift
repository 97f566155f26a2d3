/// RFC 4180 field splitting for one line of a CSV table (the line splitter already removed the newline).
///
/// Strict where leniency would silently misread data: an unterminated quote, a quote inside an
/// unquoted field or text after a closing quote would shift every later column, so the line is refused.
enum CSV {
    /// More columns than any table liqtop reads; a guard against pathological lines.
    static let maxFields = 200

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")
    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    static func split(_ line: UnsafeBufferPointer<UInt8>) throws(InputError) -> [String] {
        let n = line.count
        var i = 0
        // Spreadsheets write a UTF-8 byte order mark before the header; it is not part of the first field.
        if n >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF { i = 3 }
        var fields: [String] = []
        var field: [UInt8] = []
        while true {
            field.removeAll(keepingCapacity: true)
            while i < n, isBlank(line[i]) { i += 1 }
            if i < n, line[i] == quote {
                i += 1
                var closed = false
                while i < n {
                    let b = line[i]
                    if b == quote {
                        if i + 1 < n, line[i + 1] == quote { field.append(quote); i += 2; continue }
                        i += 1
                        closed = true
                        break
                    }
                    try checkByte(b)
                    field.append(b)
                    i += 1
                }
                guard closed else { throw InputError("unterminated quote") }
                while i < n, isBlank(line[i]) { i += 1 }
                if i < n, line[i] != comma { throw InputError("text after a closing quote") }
            } else {
                let start = i
                while i < n, line[i] != comma {
                    let b = line[i]
                    if b == quote { throw InputError("quote inside an unquoted field") }
                    try checkByte(b)
                    i += 1
                }
                var end = i
                while end > start, isBlank(line[end - 1]) { end -= 1 }
                field.append(contentsOf: UnsafeBufferPointer(rebasing: line[start ..< end]))
            }
            guard fields.count < maxFields else { throw InputError("more than \(maxFields) fields") }
            // Fields split only at ASCII bytes, so validating each field validates the whole line.
            guard let text = String(validating: field, as: UTF8.self) else { throw InputError("invalid UTF-8") }
            fields.append(text)
            if i >= n { break }
            i += 1 // the comma
        }
        return fields
    }

    @inline(__always)
    private static func isBlank(_ b: UInt8) -> Bool { b == space || b == tab }

    /// Control bytes (other than tab) have no business in a table and could drive a terminal.
    @inline(__always)
    private static func checkByte(_ b: UInt8) throws(InputError) {
        if (b < 0x20 && b != tab) || b == 0x7F {
            throw InputError("control byte 0x" + (b < 0x10 ? "0" : "") + String(b, radix: 16, uppercase: true))
        }
    }
}
