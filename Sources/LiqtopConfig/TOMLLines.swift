/// Where each key of a TOML document is, by line: TOMLKit gives values but not their place,
/// and every message about a config value names its line. A line scan is enough for what a
/// config holds (tables, arrays of tables, `key = value`); a key it cannot place gets the
/// line of its table's header, never a wrong key's.
struct TOMLLines {
    /// `path` → 1-based line; paths are `key`, `table.key`, `alerts#2.rule` (the 3rd [[alerts]]).
    private var lines: [String: Int] = [:]

    init(_ text: String) {
        var table = ""
        var arrayCounts: [String: Int] = [:]
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[[") {
                let name = Self.headerName(line.dropFirst(2))
                let k = arrayCounts[name, default: -1] + 1
                arrayCounts[name] = k
                table = "\(name)#\(k)"
                lines[table] = n + 1
            } else if line.hasPrefix("[") {
                table = Self.headerName(line.dropFirst())
                lines[table] = n + 1
            } else if let eq = line.firstIndex(of: "="), !line.hasPrefix("#") {
                let key = Self.unquote(line[..<eq].trimmingSpaces)
                let path = table.isEmpty ? key : table + "." + key
                if lines[path] == nil { lines[path] = n + 1 }
            }
        }
    }

    /// The line of `path`, else of its nearest enclosing table, else 1.
    func line(_ path: String) -> Int {
        var p = Substring(path)
        while true {
            if let n = lines[String(p)] { return n }
            guard let dot = p.lastIndex(of: ".") else { return 1 }
            p = p[..<dot]
        }
    }

    private static func headerName(_ s: Substring) -> String {
        let name = s.prefix { $0 != "]" }
        return name.split(separator: ".").map { unquote($0.trimmingSpaces) }.joined(separator: ".")
    }

    private static func unquote(_ s: Substring) -> String {
        if s.count >= 2, let f = s.first, f == "\"" || f == "'", s.last == f { return String(s.dropFirst().dropLast()) }
        return String(s)
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = drop { $0 == " " || $0 == "\t" }
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return s
    }
}
