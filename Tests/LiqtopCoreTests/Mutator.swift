@testable import LiqtopCore

/// Deterministic input mutation for `MutationTests`: the same seed gives the same inputs on
/// every machine and every run, so a failure names an input that can be regenerated.

/// Makes hostile variants of valid sample lines: byte-level damage, special bytes, splices of
/// two samples, numbers swapped for huge/negative/non-finite ones, hostile strings, deep nesting.
struct Mutator {
    var rng: SeededRandom
    let samples: [[UInt8]]

    init(seed: UInt64, samples: [String]) {
        rng = SeededRandom(seed: seed)
        self.samples = samples.map { Array($0.utf8) }
    }

    /// Bytes that trip parsers (NUL, ESC, DEL, a stray continuation byte, invalid UTF-8 leads), plus the other JSON/CSV structure bytes and line ends.
    static let specialBytes: [UInt8] = [0x00, 0x1B, 0x7F, 0x80, 0xC0, 0xFF, 0x22, 0x5C, 0x7B, 0x5B, 0x2C,
                                        0x7D, 0x5D, 0x3A, 0x0D, 0x0A, 0x09, 0x20, 0x2D, 0x2E, 0x28, 0x29]

    /// Replacements for a run of digits.
    static let numbers: [[UInt8]] = [
        "99999999999999999999999", "-1", "-0", "0", "00", "NaN", "nan", "Infinity", "-Infinity", "inf",
        "1e400", "1e-400", "1E18", "1e-18", "1e308", "4.9e-324", "1.7976931348623157e308", "0.0000000000000000001",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "18446744073709551616",
        "1.", ".5", "1e", "1e+", "-", "+1", "0x10", "1_000", "1,000", "(5)", "%", "5%", "1/2",
        "123456789012345678", "1234567890123456789", "0.123456789012345678", "1.0000000000000000000000001",
        "100000000000", "10000000000.000001", String(repeating: "9", count: 60), "1e-7", "5e-7", "-5e-7",
        "\u{0661}\u{0662}\u{0663}", "\u{FF11}",
    ].map { Array($0.utf8) }

    /// Contents for a JSON string or a CSV cell: hostile text and the values that switch code paths.
    static let strings: [[UInt8]] = [
        "", " ", "SELL", "BUY", "Buy", "Sell", "long", "short", "net", "buy", "sell",
        "BTCUSD_PERP", "ETHUSD_260327", "BTCUSD", "BTCUSDH26", "BTC-USD-SWAP", "ETH-USDT-SWAP", "SOL-USDT-SWAP",
        "forceOrder", "allLiquidation.X", "liquidation.BTCUSD", "liquidation-orders",
        "liquidation", "etf_flow", "note", "rate", "cut_odds", "daily_liquidations",
        "-", ".", "Total", "total", "Fee", "Date", "14 Jan 2026", "2026-02-30", "2026-01-14T15:30:00Z",
        "1969-12-31", "9999-12-31", "0000-01-01", "2026-01-14T25:61:61Z",
        #"\u001b]0;pwned\u0007"#, #"\u0000"#, #"\ud800"#, #"\udc00\ud800"#, #"\u00"#, #"\"#, #"\\"#,
        "\u{1B}[2J", "\u{1B}]0;title\u{07}", "\u{9B}31m", "\u{85}", "\u{202E}evil", "\u{2066}x\u{2069}", "\u{FEFF}",
        "e\u{301}" + String(repeating: "\u{301}", count: 300), "👨‍👩‍👧‍👦", String(repeating: "A", count: 41),
        String(repeating: "x", count: 5000),
    ].map { Array($0.utf8) }

    /// Raw byte sequences that break UTF-8 or smuggle controls.
    static let rawSequences: [[UInt8]] = [
        [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xC2],
        [0xC2, 0x85], [0xC2, 0x9B], [0xE2, 0x80, 0xAE], [0xEF, 0xBB, 0xBF], [0x1B, 0x5B, 0x32, 0x4A],
        [0xF0, 0x9F, 0x9A, 0x80], [0xFE, 0xFF],
    ]

    mutating func pick<T>(_ list: [T]) -> T { list[rng.below(list.count)] }

    /// A fresh mutant of a random sample: one to four mutations stacked.
    mutating func next() -> [UInt8] {
        var b = pick(samples)
        let rounds = 1 + rng.below(4)
        for _ in 0 ..< rounds { mutate(&b) }
        return b
    }

    mutating func mutate(_ b: inout [UInt8]) {
        let pos = b.isEmpty ? 0 : rng.below(b.count + 1)
        switch rng.below(15) {
        case 0: // flip one bit
            if !b.isEmpty { b[rng.below(b.count)] ^= UInt8(1) << UInt8(rng.below(8)) }
        case 1: // overwrite a byte
            if !b.isEmpty { b[rng.below(b.count)] = UInt8(truncatingIfNeeded: rng.next()) }
        case 2, 3: // insert a special byte
            b.insert(pick(Self.specialBytes), at: pos)
        case 4: // delete a short range
            if !b.isEmpty {
                let start = rng.below(b.count)
                b.removeSubrange(start ..< min(b.count, start + 1 + rng.below(16)))
            }
        case 5: // truncate
            b.removeSubrange(pos...)
        case 6: // duplicate a chunk somewhere else
            if !b.isEmpty {
                let start = rng.below(b.count)
                let chunk = Array(b[start ..< min(b.count, start + 1 + rng.below(64))])
                b.insert(contentsOf: chunk, at: rng.below(b.count + 1))
            }
        case 7: // splice: a prefix of this one and a suffix of another sample
            let other = pick(samples)
            let cut = other.isEmpty ? 0 : rng.below(other.count + 1)
            b.replaceSubrange(pos..., with: other[cut...])
        case 8, 9: // replace a run of digits by an awkward number
            replaceDigits(&b)
        case 10, 11: // replace the contents of a quoted string (a JSON value or a quoted cell)
            replaceString(&b)
        case 12: // replace a CSV cell / JSON value between separators by hostile text
            replaceCell(&b)
        case 13: // invalid UTF-8, C1 controls, bidi overrides, terminal escapes
            b.insert(contentsOf: pick(Self.rawSequences), at: pos)
        default: // deep nesting, sometimes closed again
            b.insert(contentsOf: pick(Self.nests), at: pos)
        }
    }

    /// `[[[…` and `{"a":{"a":…` at and around the depth limit and far beyond, open or closed.
    static let nests: [[UInt8]] = {
        var all: [[UInt8]] = []
        for depth in [31, 32, 33, 64, 1000, 20000] {
            for (open, close) in [(Array(#"{"a":"#.utf8), UInt8(ascii: "}")), ([UInt8(ascii: "[")], UInt8(ascii: "]"))] {
                var nest: [UInt8] = []
                for _ in 0 ..< depth { nest.append(contentsOf: open) }
                all.append(nest)
                nest.append(UInt8(ascii: "1"))
                nest.append(contentsOf: repeatElement(close, count: depth))
                all.append(nest)
            }
        }
        return all
    }()

    // The helpers below scan with plain loops from a random start: `filter` over indices is
    // ten times slower in debug builds, where this test runs.

    /// Replaces the run of digits at or after a random position (wrapping round) by an awkward number.
    private mutating func replaceDigits(_ b: inout [UInt8]) {
        let n = b.count
        guard n > 0 else { b = pick(Self.numbers); return }
        let from = rng.below(n)
        var k = 0, start = -1
        while k < n {
            let i = (from + k) % n
            if isDigit(b[i]) { start = i; break }
            k += 1
        }
        guard start >= 0 else { b.insert(contentsOf: pick(Self.numbers), at: from); return }
        while start > 0, isDigit(b[start - 1]) { start -= 1 }
        var end = start
        while end < n, isDigit(b[end]) || b[end] == 0x2E { end += 1 }
        b.replaceSubrange(start ..< end, with: pick(Self.numbers))
    }

    /// Replaces the text between the first two quotes at or after a random position.
    private mutating func replaceString(_ b: inout [UInt8]) {
        let n = b.count
        guard n > 1 else { return }
        var open = rng.below(n)
        while open < n, b[open] != 0x22 { open += 1 }
        if open >= n { open = 0; while open < n, b[open] != 0x22 { open += 1 } }
        var close = open + 1
        while close < n, b[close] != 0x22 { close += 1 }
        guard close < n else { return }
        b.replaceSubrange(open + 1 ..< close, with: pick(Self.strings))
    }

    /// Replaces the cell (between `,` or `:` separators) around a random position.
    private mutating func replaceCell(_ b: inout [UInt8]) {
        let n = b.count
        let at = n == 0 ? 0 : rng.below(n)
        var start = at, end = at
        while start > 0, b[start - 1] != 0x2C, b[start - 1] != 0x3A { start -= 1 }
        while end < n, b[end] != 0x2C, b[end] != 0x3A { end += 1 }
        b.replaceSubrange(start ..< end, with: pick(Self.strings))
    }

    private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
}
