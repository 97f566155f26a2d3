import Testing
@testable import LiqtopCore

/// Tokenizes `bytes`; `nil` on success, else the error.
private func parseError(_ bytes: [UInt8]) -> InputError? {
    var tape = JSONTape()
    return bytes.withUnsafeBufferPointer { p -> InputError? in
        do throws(InputError) { try tape.parse(p); return nil } catch { return error }
    }
}

private func parseError(_ text: String) -> InputError? { parseError(Array(text.utf8)) }

/// Parses `text` and runs `body` on the document.
private func withDoc<R>(_ text: String, _ body: (JSONDoc) throws(InputError) -> R) throws(InputError) -> R {
    let bytes = Array(text.utf8)
    var tape = JSONTape()
    return try bytes.withUnsafeBufferPointer { (p) throws(InputError) -> R in
        try tape.parse(p)
        return try tape.withDoc(p, body)
    }
}

/// The root string of `json` with escapes decoded.
private func decodedString(_ json: String) throws -> String? {
    try withDoc(json) { doc in doc.string(JSONDoc.root) }
}

private func decimal(_ json: String) throws(InputError) -> FixedDecimal {
    try withDoc(json) { (doc) throws(InputError) in try doc.decimal(JSONDoc.root) }
}

@Suite struct JSONTapeTests {
    @Test func wellFormedLineTokenizes() throws {
        let (kinds, next, s) = try withDoc(#" {"a":[1,{"b":null}],"c":"x", "d":true,"e":false,"f":{}} "#) { doc in
            (doc.tokens.map(\.kind), Int(doc.tokens[0].next), doc.member(0, "c").flatMap { doc.string($0) })
        }
        #expect(kinds == [.object, .string, .array, .number, .object, .string, .null, .string, .string,
                          .string, .true, .string, .false, .string, .object])
        #expect(next == kinds.count)
        #expect(s == "x")
    }

    @Test(arguments: [#"{"a":1"#, #"{"a":"#, #"{"a"#, #"{"a""#, "[1,2", "[1,", #""abc"#, "tru", "-", "[", "{",
                      #"{"a":1,"#, #""\"#, #""\u12"#, "[[]"])
    func truncated(_ text: String) {
        #expect(parseError(text)?.reason == "truncated JSON")
    }

    @Test func deepNestingIsRefusedWithoutRecursion() {
        let deep = String(repeating: "[", count: 10_000)
        #expect(parseError(deep)?.reason == "JSON nested deeper than 32")
        let closed = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(parseError(closed)?.reason == "JSON nested deeper than 32")
        let objects = String(repeating: #"{"a":"#, count: 10_000)
        #expect(parseError(objects)?.reason == "JSON nested deeper than 32")
        // Exactly at the limit is fine, one more is not.
        #expect(parseError(String(repeating: "[", count: 32) + String(repeating: "]", count: 32)) == nil)
        #expect(parseError(String(repeating: "[", count: 33) + String(repeating: "]", count: 33)) != nil)
    }

    @Test func nanAndInfinityAreNotNumbers() throws {
        #expect(parseError("NaN")?.reason == "invalid JSON: NaN/Infinity are not numbers")
        #expect(parseError(#"{"p":Infinity}"#)?.reason == "invalid JSON: NaN/Infinity are not numbers")
        #expect(parseError("[-Infinity]")?.reason == "invalid JSON number")
        // As strings (how venues send numbers) they tokenize but are refused as decimals.
        #expect(throws: InputError("number is NaN or infinite")) { try decimal(#""NaN""#) }
        #expect(throws: InputError("number is NaN or infinite")) { try decimal(#""-Infinity""#) }
        #expect(throws: InputError("number is NaN or infinite")) { try decimal(#""inf""#) }
    }

    @Test(arguments: [
        [0x22, 0xC3, 0x28, 0x22],             // 2-byte lead, bad continuation
        [0x22, 0xC0, 0xAF, 0x22],             // overlong "/"
        [0x22, 0xE0, 0x80, 0xAF, 0x22],       // overlong 3-byte
        [0x22, 0xED, 0xA0, 0x80, 0x22],       // UTF-16 surrogate D800
        [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], // above U+10FFFF
        [0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], // invalid lead
        [0x22, 0x80, 0x22],                   // lone continuation
        [0x22, 0xE2, 0x82, 0x22],             // cut short by the quote
        [0x22, 0xE2, 0x82],                   // cut short by the end
    ] as [[UInt8]])
    func invalidUTF8InString(_ bytes: [UInt8]) {
        #expect(parseError(bytes)?.reason == "invalid UTF-8")
    }

    @Test func validUTF8AndStrayBytes() throws {
        #expect(parseError([0x22, 0xC3, 0xA9, 0x22]) == nil)                 // é
        #expect(parseError([0x22, 0xF0, 0x9F, 0x9A, 0x80, 0x22]) == nil)     // 🚀
        #expect(parseError([0x22, 0xEF, 0xBF, 0xBF, 0x22]) == nil)           // U+FFFF
        #expect(parseError([0xC3, 0xA9])?.reason == "invalid JSON: stray non-ASCII byte")
        #expect(try decodedString("\"é🚀\"") == "é🚀")
    }

    @Test(arguments: [0x00, 0x0A, 0x0D, 0x09, 0x1B, 0x1F] as [UInt8])
    func rawControlByteInString(_ b: UInt8) {
        #expect(parseError([0x22, 0x61, b, 0x62, 0x22])?.reason == "control byte in JSON string")
    }

    @Test func delIsNotAControlByte() {
        #expect(parseError([0x22, 0x7F, 0x22]) == nil)
    }

    @Test(arguments: [#"{"a":1}x"#, "{} {}", "1 2", #"{"a":1}}"#, "[1]]", #""a""b""#, "null,"])
    func trailingGarbage(_ text: String) {
        #expect(parseError(text)?.reason == "invalid JSON: content after the value")
    }

    @Test(arguments: ["[1,]", #"{"a":1,}"#, "[,]", "[,1]", "[1,,2]", "{,}"])
    func trailingAndStrayCommas(_ text: String) {
        #expect(parseError(text) != nil)
    }

    @Test func otherMalformedInput() {
        #expect(parseError("")?.reason == "empty line")
        #expect(parseError("  \t ")?.reason == "empty line")
        #expect(parseError("[}")?.reason == "invalid JSON: mismatched bracket")
        #expect(parseError("{]")?.reason == "invalid JSON: mismatched bracket")
        #expect(parseError(#"{"a":1]"#)?.reason == "invalid JSON: mismatched bracket")
        #expect(parseError("{1:2}")?.reason == "invalid JSON: object key must be a string")
        #expect(parseError(#"{"a" 1}"#)?.reason == "invalid JSON: expected ':'")
        #expect(parseError(#"{"a":}"#) != nil)
        #expect(parseError("[1 2]")?.reason == "invalid JSON: expected ',' or a closing bracket")
        #expect(parseError("nul")?.reason == "truncated JSON")
        #expect(parseError("nulx")?.reason == "invalid JSON literal")
        #expect(parseError("[True]") != nil)
        #expect(parseError(#""\x""#)?.reason == "invalid escape in JSON string")
        #expect(parseError(#""\u12G4""#)?.reason == #"invalid \u escape"#)
        #expect(parseError("'a'") != nil)
        #expect(parseError("[1] // c") != nil)
    }

    @Test func tapeIsReusableAfterAnError() throws {
        let bytes = Array("[1,".utf8), good = Array(#"{"k":"v"}"#.utf8)
        var tape = JSONTape()
        let first: InputError? = bytes.withUnsafeBufferPointer { p in
            do throws(InputError) { try tape.parse(p); return nil } catch { return error }
        }
        #expect(first?.reason == "truncated JSON")
        let value = try good.withUnsafeBufferPointer { (p) throws(InputError) -> String? in
            try tape.parse(p)
            return try tape.withDoc(p) { doc in doc.member(0, "k").flatMap { doc.string($0) } }
        }
        #expect(value == "v")
    }

    @Test func escapesAreDecoded() throws {
        #expect(try decodedString(#""caf\u00e9""#) == "café")
        #expect(try decodedString(#""\u00E9""#) == "é")
        #expect(try decodedString(#""\ud83d\ude80""#) == "🚀")
        #expect(try decodedString(#""a\nb\t\"\\\/\b\f\r""#) == "a\nb\t\"\\/\u{08}\u{0C}\r")
        #expect(try decodedString(#""plain""#) == "plain")
        #expect(try decodedString(#""\u0041BC""#) == "ABC")
    }

    @Test func loneSurrogatesDecodeToNil() throws {
        #expect(try decodedString(#""\ud83d""#) == nil)       // high, then the end
        #expect(try decodedString(#""\ude80""#) == nil)       // low alone
        #expect(try decodedString(#""\ud83dx""#) == nil)      // high, then a plain byte
        #expect(try decodedString(#""\ud83d\u0041""#) == nil) // high, then not a low
        #expect(try decodedString(#""\ud83d\n""#) == nil)     // high, then another escape
        #expect(try decodedString(#""\ude80\ud83d""#) == nil) // reversed pair
    }

    @Test func escapedStringsNeverMatchRawComparisons() throws {
        let (eq, prefix) = try withDoc(#""\u0053ELL""#) { doc in (doc.equals(0, "SELL"), doc.hasPrefix(0, "S")) }
        #expect(!eq && !prefix)
    }

    @Test func exponentNumbers() throws {
        #expect(try decimal("1e3") == FixedDecimal(1000))
        #expect(try decimal("1E+2") == FixedDecimal(100))
        #expect(try decimal("-2.5E-2") == (try FixedDecimal.parse("-0.025")))
        #expect(try decimal("0e0") == .zero)
        #expect(try decimal("1.5e1") == FixedDecimal(15))
        #expect(try decimal("1e18") == FixedDecimal(1_000_000_000_000_000_000))
        #expect(try decimal(#""9910.50e-2""#) == (try FixedDecimal.parse("99.105")))
        #expect(throws: InputError("number out of range")) { try decimal("1e19") }
        #expect(throws: InputError("number out of range")) { try decimal("1e-400") }
        #expect(throws: InputError("number exponent out of range")) { try decimal("1e999") }
        #expect(throws: InputError("number has more than 18 significant digits")) { try decimal("12345678901234567891") }
    }

    @Test(arguments: ["1e", "1e+", "1E-", "1.", ".5", "01", "-01", "1.e5", "+1", "- 1", "0x10", "1e5.5"])
    func malformedNumbers(_ text: String) {
        #expect(parseError(text) != nil)
    }
}
