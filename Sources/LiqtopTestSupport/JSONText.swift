/// Pulls figures out of `summary --json` text without going through Double.
public enum JSONText {
    /// The raw number text after `"key": ` inside the first object that follows `path` keys in order.
    public static func number(_ json: String, _ path: [String]) -> String? {
        var rest = Substring(json)
        for key in path.dropLast() {
            guard let r = rest.range(of: "\"\(key)\": ") else { return nil }
            rest = rest[r.upperBound...]
        }
        guard let last = path.last, let r = rest.range(of: "\"\(last)\": ") else { return nil }
        let tail = rest[r.upperBound...]
        return String(tail.prefix { "-0123456789.".contains($0) })
    }

    /// The string after `"key": ` following `path` keys in order.
    public static func string(_ json: String, _ path: [String]) -> String? {
        var rest = Substring(json)
        for key in path {
            guard let r = rest.range(of: "\"\(key)\": ") else { return nil }
            rest = rest[r.upperBound...]
        }
        guard rest.first == "\"" else { return nil }
        return String(rest.dropFirst().prefix { $0 != "\"" })
    }
}
