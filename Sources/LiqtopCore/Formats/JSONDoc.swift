/// Read access to a tokenized line: the bytes plus the tape, valid only inside `JSONTape.withDoc`.
public struct JSONDoc {
    public let bytes: UnsafeBufferPointer<UInt8>
    public let tokens: UnsafeBufferPointer<JSONTape.Token>

    public static let root = 0

    public func kind(_ t: Int) -> JSONTape.Kind { tokens[t].kind }

    /// The value stored under `key` in the object at `obj`, or `nil`.
    public func member(_ obj: Int, _ key: StaticString) -> Int? {
        guard tokens[obj].kind == .object else { return nil }
        var i = obj + 1
        let end = Int(tokens[obj].next)
        while i < end {
            if equals(i, key) { return i + 1 }
            i = Int(tokens[i + 1].next)
        }
        return nil
    }

    /// The elements of the array at `arr`.
    public func elements(_ arr: Int) -> [Int] {
        guard tokens[arr].kind == .array else { return [] }
        var out: [Int] = []
        var i = arr + 1
        let end = Int(tokens[arr].next)
        while i < end { out.append(i); i = Int(tokens[i].next) }
        return out
    }

    /// Whether the string token `t` is exactly `text` (raw bytes; escaped strings never match).
    public func equals(_ t: Int, _ text: StaticString) -> Bool {
        let tok = tokens[t]
        guard tok.kind == .string, !tok.escaped else { return false }
        let len = text.utf8CodeUnitCount
        guard Int(tok.end - tok.start) == len else { return false }
        let p = text.utf8Start, s = Int(tok.start)
        for k in 0 ..< len where bytes[s + k] != p[k] { return false }
        return true
    }

    /// Whether the string token `t` starts with `prefix`.
    public func hasPrefix(_ t: Int, _ prefix: StaticString) -> Bool {
        let tok = tokens[t]
        guard tok.kind == .string, !tok.escaped else { return false }
        let len = prefix.utf8CodeUnitCount
        guard Int(tok.end - tok.start) >= len else { return false }
        let p = prefix.utf8Start, s = Int(tok.start)
        for k in 0 ..< len where bytes[s + k] != p[k] { return false }
        return true
    }

    /// The raw bytes of a token (string contents without quotes).
    public func raw(_ t: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(tokens[t].start) ..< Int(tokens[t].end)])
    }

    /// A string value with escapes decoded; `nil` for non-strings or an unpaired surrogate.
    public func string(_ t: Int) -> String? {
        let tok = tokens[t]
        guard tok.kind == .string else { return nil }
        let r = raw(t)
        if !tok.escaped { return String(decoding: r, as: UTF8.self) }
        return Self.unescape(r)
    }

    /// An exact decimal from a JSON string (`"0.014"`) or number (`0.014`).
    public func decimal(_ t: Int) throws(InputError) -> FixedDecimal {
        let k = tokens[t].kind
        guard k == .string || k == .number else { throw InputError("expected a number") }
        return try FixedDecimal.parse(raw(t))
    }

    /// An integer (e.g. milliseconds) from a JSON number or a string of digits.
    public func integer(_ t: Int) throws(InputError) -> Int64 {
        let d = try decimal(t)
        guard d.scale == 0 else { throw InputError("expected an integer") }
        return d.mantissa
    }

    static func unescape(_ r: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(r.count)
        var i = 0
        var pendingHigh: UInt32? = nil
        func hex(_ at: Int) -> UInt32 {
            var v: UInt32 = 0
            for k in at ..< at + 4 {
                let b = r[k]
                v = v << 4 | UInt32(b <= 0x39 ? b - 0x30 : (b | 0x20) - 0x61 + 10)
            }
            return v
        }
        while i < r.count {
            let b = r[i]
            guard b == 0x5C else {
                if pendingHigh != nil { return nil }
                out.append(b); i += 1; continue
            }
            let e = r[i + 1]
            if e == 0x75 {
                let u = hex(i + 2)
                i += 6
                if let high = pendingHigh {
                    guard (0xDC00 ... 0xDFFF).contains(u) else { return nil }
                    pendingHigh = nil
                    appendScalar(0x10000 + ((high - 0xD800) << 10) + (u - 0xDC00), &out)
                } else if (0xD800 ... 0xDBFF).contains(u) {
                    pendingHigh = u
                } else if (0xDC00 ... 0xDFFF).contains(u) {
                    return nil
                } else {
                    appendScalar(u, &out)
                }
                continue
            }
            if pendingHigh != nil { return nil }
            switch e {
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            default: out.append(e)
            }
            i += 2
        }
        if pendingHigh != nil { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    static func appendScalar(_ v: UInt32, _ out: inout [UInt8]) {
        guard let s = Unicode.Scalar(v) else { return }
        out.append(contentsOf: UTF8.encode(s)!)
    }
}

extension JSONTape {
    /// Runs `body` with read access to the last parsed line.
    public func withDoc<R>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (JSONDoc) throws(InputError) -> R) throws(InputError) -> R {
        try tokens.withUnsafeBufferPointer { (toks) throws(InputError) -> R in
            try body(JSONDoc(bytes: bytes, tokens: toks))
        }
    }
}

extension FixedDecimal {
    /// Parses a plain decimal or JSON number (`-12.5`, `0.014`, `1e-3`); the result must fit
    /// in 18 significant digits and 18 fractional places. NaN, Infinity, `+`, and empty text
    /// are refused: a feed that sends them is broken, and guessing would corrupt totals.
    public static func parse(_ r: UnsafeBufferPointer<UInt8>) throws(InputError) -> FixedDecimal {
        let n = r.count
        var i = 0
        guard n > 0 else { throw InputError("empty number") }
        let negative = r[0] == 0x2D
        if negative { i = 1 }
        var mantissa: Int64 = 0
        var digits = 0          // significant digits taken into mantissa
        var scale = 0
        var sawDigit = false, sawPoint = false
        while i < n {
            let b = r[i]
            if b >= 0x30 && b <= 0x39 {
                sawDigit = true
                let d = Int64(b - 0x30)
                if mantissa == 0 && d == 0 {
                    if sawPoint { scale += 1 }
                } else if digits < 18 {
                    mantissa = mantissa * 10 + d
                    digits += 1
                    if sawPoint { scale += 1 }
                } else if d == 0 && sawPoint {
                    // A trailing fractional zero past 18 digits carries no information.
                } else {
                    throw InputError("number has more than 18 significant digits")
                }
                i += 1
            } else if b == 0x2E && !sawPoint {
                sawPoint = true; i += 1
            } else {
                break
            }
        }
        guard sawDigit else {
            throw InputError(Self.looksLikeNonFinite(r) ? "number is NaN or infinite" : "not a number")
        }
        var exponent = 0
        if i < n && (r[i] == 0x65 || r[i] == 0x45) {
            i += 1
            var expNegative = false
            if i < n && (r[i] == 0x2B || r[i] == 0x2D) { expNegative = r[i] == 0x2D; i += 1 }
            guard i < n else { throw InputError("not a number") }
            while i < n, r[i] >= 0x30 && r[i] <= 0x39 {
                exponent = exponent * 10 + Int(r[i] - 0x30)
                if exponent > 400 { throw InputError("number exponent out of range") }
                i += 1
            }
            if expNegative { exponent = -exponent }
        }
        guard i == n else { throw InputError("not a number") }
        if negative { mantissa = -mantissa }
        guard let v = FixedDecimal(mantissa: mantissa, scale: scale - exponent) else {
            throw InputError("number out of range")
        }
        return v
    }

    public static func parse(_ text: some StringProtocol) throws(InputError) -> FixedDecimal {
        var s = String(text)
        return try s.withUTF8 { p in Result { () throws(InputError) in try parse(p) } }.get()
    }

    static func looksLikeNonFinite(_ r: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = String(decoding: r, as: UTF8.self).lowercased()
        return s.contains("nan") || s.contains("inf")
    }
}
