/// One alert rule, parsed from the text a user writes (`--alert`, the config's `rule = "…"`).
///
/// Grammar (words separated by spaces; keywords in any case):
///
///     order >= AMOUNT [coin COIN] [venue VENUE] [side long|short]
///     cascade >= AMOUNT in DURATION [coin COIN] [venue VENUE] [side long|short]
///     highest-since WINDOW [side long|short]              WINDOW: 1h, 4h, 12h, 24h
///     etf-flip [asset BTC|ETH|SOL]
///     funding-extreme [>= PERCENT] [coin COIN] [venue VENUE]    a rate per 8 h, either sign
///     oi-drop >= PERCENT in DURATION [coin COIN]
///
/// AMOUNT is USD: `50000`, `250k`, `1.5M`, `2B` (an optional leading `$`), read exactly into
/// micro-dollars, never through a binary float. DURATION is a whole number of `s`, `m` or `h`,
/// at most 24h. PERCENT is e.g. `0.1%` or `3%`.
public struct AlertRule: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case order
        case cascade
        case highestSince = "highest-since"
        case etfFlip = "etf-flip"
        case fundingExtreme = "funding-extreme"
        case oiDrop = "oi-drop"
    }

    /// The text as the user wrote it (spaces trimmed): what every alert of the rule names.
    public let text: String
    public let kind: Kind
    /// `order`, `cascade`: the USD threshold.
    public var minimum: USD = .zero
    /// `cascade`, `oi-drop`: the sliding interval; `highest-since`: the window.
    public var interval: Millis = 0
    /// `funding-extreme` (a rate, 0.001 for 0.1%), `oi-drop` (a fraction, 0.03 for 3%).
    public var fraction: FixedDecimal = .zero
    public var coin: String?
    public var venue: Venue?
    public var side: Side?
    public var asset: EtfAsset?

    public var description: String { text }

    /// The funding rate per interval a bare `funding-extreme` fires at (0.1% per 8 h is about
    /// ten times the usual 0.01%: positions paying that much are crowded).
    public static let defaultFundingExtreme = FixedDecimal(mantissa: 1, scale: 3)!
    /// The longest interval a rule may slide over: the store keeps a day (plus a margin) live.
    public static let maxInterval = Duration.day

    /// Parses `text`; the error says what is allowed (shown as `FILE:LINE: message` or
    /// `liqtop: --alert '…': message`).
    public init(parsing text: String) throws(AlertRuleError) {
        let trimmed = String(text.trimmingASCIISpaces())
        var words = Self.words(trimmed)
        guard !words.isEmpty else { throw AlertRuleError("empty rule: \(Self.examples)") }
        let head = words.removeFirst().lowercased()
        guard let kind = Kind(rawValue: head) else {
            throw AlertRuleError("unknown rule \(SafeText.quoted(head)): the rules are \(Kind.allCases.map(\.rawValue).joined(separator: ", ")) (\(Self.examples))")
        }
        self.text = SafeText.clean(trimmed)
        self.kind = kind
        var rest = words[...]
        switch kind {
        case .order:
            minimum = try Self.threshold(&rest, kind, what: "an amount", example: "order >= 1M", read: Self.amount)
        case .cascade:
            minimum = try Self.threshold(&rest, kind, what: "an amount", example: "cascade >= 20M in 60s", read: Self.amount)
            interval = try Self.interval(&rest, kind, example: "cascade >= 20M in 60s")
        case .highestSince:
            guard let w = rest.first else { throw AlertRuleError("highest-since needs a window: 1h, 4h, 12h or 24h (e.g. 'highest-since 24h')") }
            guard let window = Window.allCases.first(where: { $0.rawValue == w.lowercased() }) else {
                throw AlertRuleError("highest-since: unknown window \(SafeText.quoted(w)): use 1h, 4h, 12h or 24h")
            }
            rest = rest.dropFirst()
            interval = window.duration
        case .etfFlip:
            break
        case .fundingExtreme:
            fraction = Self.defaultFundingExtreme
            if rest.first == ">=" {
                fraction = try Self.threshold(&rest, kind, what: "a rate", example: "funding-extreme >= 0.1%", read: Self.percent)
            }
        case .oiDrop:
            fraction = try Self.threshold(&rest, kind, what: "a percentage", example: "oi-drop >= 3% in 1h", read: Self.percent)
            interval = try Self.interval(&rest, kind, example: "oi-drop >= 3% in 1h")
        }
        try qualifiers(rest)
    }

    static let examples = "e.g. 'order >= 1M', 'cascade >= 20M in 60s', 'highest-since 24h', 'etf-flip'"

    /// Which qualifiers each kind takes.
    private static func allowed(_ kind: Kind) -> [String] {
        switch kind {
        case .order, .cascade: ["coin", "venue", "side"]
        case .highestSince: ["side"]
        case .etfFlip: ["asset"]
        case .fundingExtreme: ["coin", "venue"]
        case .oiDrop: ["coin"]
        }
    }

    private static func allowedText(_ kind: Kind) -> String {
        let parts = allowed(kind).map { q in
            switch q {
            case "coin": "coin COIN"
            case "venue": "venue VENUE"
            case "side": "side long|short"
            default: "asset BTC|ETH|SOL"
            }
        }
        return parts.joined(separator: ", ")
    }

    private mutating func qualifiers(_ words: ArraySlice<String>) throws(AlertRuleError) {
        var rest = words
        var seen: Set<String> = []
        while let word = rest.first {
            let key = word.lowercased()
            guard Self.allowed(kind).contains(key) else {
                throw AlertRuleError("\(kind.rawValue): unexpected \(SafeText.quoted(word)): after the rule come only \(Self.allowedText(kind))")
            }
            guard seen.insert(key).inserted else { throw AlertRuleError("\(kind.rawValue): \(key) given twice") }
            rest = rest.dropFirst()
            guard let value = rest.first else { throw AlertRuleError("\(kind.rawValue): \(key) needs a value (\(Self.allowedText(kind)))") }
            rest = rest.dropFirst()
            switch key {
            case "coin":
                let c = value.uppercased()
                guard (1 ... CoinNormalizer.maxLength).contains(c.count), c.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                    throw AlertRuleError("\(kind.rawValue): bad coin \(SafeText.quoted(value)): use a coin name like BTC")
                }
                coin = c
            case "venue":
                guard let v = Venue(rawValue: value.lowercased()), v.publishesLiquidations || kind == .fundingExtreme else {
                    throw AlertRuleError("\(kind.rawValue): unknown venue \(SafeText.quoted(value)): use one of \(Venue.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                venue = v
            case "side":
                guard let s = Side(rawValue: value.lowercased()) else {
                    throw AlertRuleError("\(kind.rawValue): side must be long or short, not \(SafeText.quoted(value))")
                }
                side = s
            default:
                guard let a = EtfAsset(rawValue: value.uppercased()) else {
                    throw AlertRuleError("etf-flip: unknown asset \(SafeText.quoted(value)): use BTC, ETH or SOL")
                }
                asset = a
            }
        }
    }

    // MARK: - Words

    /// Splits on spaces; `>=` is a word of its own even when written against a number (`>=1M`).
    static func words(_ text: String) -> [String] {
        text.replacing(">=", with: " >= ").split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    private static func threshold<T>(_ rest: inout ArraySlice<String>, _ kind: Kind, what: String, example: String,
                                     read: (String) -> T?) throws(AlertRuleError) -> T {
        guard rest.first == ">=" else {
            let found = rest.first.map { "not \(SafeText.quoted($0))" } ?? "nothing"
            throw AlertRuleError("\(kind.rawValue) needs '>=' and \(what), \(found) (e.g. '\(example)')")
        }
        rest = rest.dropFirst()
        guard let word = rest.first else { throw AlertRuleError("\(kind.rawValue): '>=' needs \(what) (e.g. '\(example)')") }
        guard let value = read(word) else {
            let hint = what == "an amount" ? "use USD like 50000, 250k, 1.5M or 2B" : "use a positive percentage like 0.1% or 3%"
            throw AlertRuleError("\(kind.rawValue): cannot read \(what) \(SafeText.quoted(word)): \(hint)")
        }
        rest = rest.dropFirst()
        return value
    }

    private static func interval(_ rest: inout ArraySlice<String>, _ kind: Kind, example: String) throws(AlertRuleError) -> Millis {
        guard rest.first?.lowercased() == "in" else {
            throw AlertRuleError("\(kind.rawValue) needs 'in' and an interval (e.g. '\(example)')")
        }
        rest = rest.dropFirst()
        guard let word = rest.first, let d = duration(word) else {
            let found = rest.first.map { SafeText.quoted($0) } ?? "nothing"
            throw AlertRuleError("\(kind.rawValue): cannot read interval \(found): use whole seconds, minutes or hours up to 24h, like 60s, 5m or 1h")
        }
        rest = rest.dropFirst()
        return d
    }

    /// `50000`, `$250k`, `1.5M`, `2B` as exact USD; nil when not positive or not such a word.
    public static func amount(_ word: String) -> USD? {
        guard let usd = USD.amount(word), usd > .zero else { return nil }
        return usd
    }

    /// `0.1%` as the fraction 0.001, exactly; nil when not positive or not a percentage.
    static func percent(_ word: String) -> FixedDecimal? {
        guard word.hasSuffix("%") else { return nil }
        let s = word.dropLast()
        guard !s.isEmpty, s.allSatisfy({ $0.isASCIIDigit || $0 == "." }),
              let d = try? FixedDecimal.parse(s), d.isPositive, let f = d.shifted(by: -2) else { return nil }
        return f
    }

    /// `60s`, `5m`, `1h`: positive, whole, at most a day.
    static func duration(_ word: String) -> Millis? {
        guard let unit = word.last?.lowercased(), let n = Int64(word.dropLast()), n > 0, word.dropLast().allSatisfy(\.isASCIIDigit) else { return nil }
        let size: Millis
        switch unit {
        case "s": size = Duration.second
        case "m": size = Duration.minute
        case "h": size = Duration.hour
        default: return nil
        }
        guard n <= maxInterval / size else { return nil }
        return n * size
    }
}

/// Why a rule's text is not a rule, in words that say what is allowed.
public struct AlertRuleError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
