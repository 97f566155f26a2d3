extension USD {
    /// An amount as people write it in a config or a rule: `50000`, `50_000`, `$250k`, `1.5M`,
    /// `2B` (k = 10^3, M = 10^6, B = 10^9; case of the suffix ignored, `m` is million). Exact:
    /// `1.5M` is 1,500,000 dollars to the micro-dollar, never a binary fraction. Nil when the
    /// text is anything else, negative, or beyond a trillion dollars.
    public static func amount(_ text: some StringProtocol) -> USD? {
        var s = Substring(text).filter { $0 != "_" }[...]
        if s.first == "$" { s = s.dropFirst() }
        var zeros = 0
        switch s.last?.lowercased() {
        case "k"?: zeros = 3
        case "m"?: zeros = 6
        case "b"?: zeros = 9
        default: break
        }
        if zeros > 0 { s = s.dropLast() }
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), s.filter({ $0 == "." }).count <= 1,
              s.first != ".", s.last != ".",
              let number = try? FixedDecimal.parse(s) else { return nil }
        let micros = FixedDecimal.rescale(Int128(number.mantissa) * FixedDecimal.pow10(zeros), from: Int(number.scale), to: 6)
        guard micros >= 0, micros <= Int128(USD.amountLimit.micros) else { return nil }
        return USD(micros: Int64(micros))
    }

    /// The largest amount a config or rule may name: a trillion dollars.
    public static let amountLimit = USD(dollars: 1_000_000_000_000)
}
