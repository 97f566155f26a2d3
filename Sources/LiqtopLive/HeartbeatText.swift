/// The raw JSON value of a top-level key in a short control message (a venue's ping), without a
/// full parse: only called on messages that already look like pings, never on data.
enum HeartbeatText {
    /// The value's text as written (`"1492420473058"` with its quotes, or `1492420473058`), or nil
    /// when it is missing or not a plain string or number.
    static func value(of key: String, in text: String) -> String? {
        guard let k = text.firstRange(of: "\"\(key)\"") else { return nil }
        var rest = text[k.upperBound...].drop { $0 == " " }
        guard rest.first == ":" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        if rest.first == "\"" {
            let body = rest.dropFirst().prefix { $0 != "\"" && $0 != "\\" }
            guard body.count < 40, rest.dropFirst(body.count + 1).first == "\"" else { return nil }
            return "\"" + body + "\""
        }
        let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == "-" || $0 == ".") }
        guard !number.isEmpty, number.count < 40 else { return nil }
        return String(number)
    }
}
