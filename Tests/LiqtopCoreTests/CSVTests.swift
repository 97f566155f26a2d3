import Testing
@testable import LiqtopCore

@Suite struct CSVTests {
    /// Splits through the same `UnsafeBufferPointer` API the input decoder uses.
    func split(_ bytes: [UInt8]) throws -> [String] {
        try bytes.withUnsafeBufferPointer { (p) throws(InputError) -> [String] in try CSV.split(p) }
    }

    func split(_ text: String) throws -> [String] { try split(Array(text.utf8)) }

    @Test func plainFields() throws {
        #expect(try split("a,b,c") == ["a", "b", "c"])
        #expect(try split("") == [""])
        #expect(try split("a,") == ["a", ""])
        #expect(try split(",,") == ["", "", ""])
        #expect(try split("  a  ,\tb\t, c d ") == ["a", "b", "c d"])
        #expect(try split("a\tb") == ["a\tb"])
    }

    @Test func quotedFields() throws {
        #expect(try split(#" a , "b, c" ,"say ""hi""","#) == ["a", "b, c", #"say "hi""#, ""])
        #expect(try split(#""""#) == [""])
        #expect(try split(#""  padded  ",x"#) == ["  padded  ", "x"])
        #expect(try split(#"12 Jan 2026,"1,120.0",(107.7)"#) == ["12 Jan 2026", "1,120.0", "(107.7)"])
        #expect(try split(#""""""#) == [#"""#])
    }

    @Test func stripsByteOrderMark() throws {
        #expect(try split([0xEF, 0xBB, 0xBF] + Array("Date,IBIT".utf8)) == ["Date", "IBIT"])
        #expect(try split([0xEF, 0xBB, 0xBF] + Array(#""q",1"#.utf8)) == ["q", "1"])
        // Only at the start of the line: elsewhere it is text.
        #expect(try split(Array("a,".utf8) + [0xEF, 0xBB, 0xBF]) == ["a", "\u{FEFF}"])
    }

    @Test func acceptsValidUTF8() throws {
        #expect(try split("€,\"Zürich, CH\",日本") == ["€", "Zürich, CH", "日本"])
    }

    @Test func refusesInvalidUTF8() {
        let bad: [[UInt8]] = [
            [0x61, 0xFF],                  // never valid
            [0xC0, 0xAF],                  // overlong "/"
            [0xE2, 0x82],                  // truncated €
            [0xED, 0xA0, 0x80],            // UTF-16 surrogate
            [0x22, 0x61, 0x80, 0x22],      // stray continuation inside quotes
            [0x61, 0x2C, 0xE2, 0x2C, 0x82, 0xAC], // a sequence cut by a comma
        ]
        for bytes in bad {
            #expect(throws: InputError("invalid UTF-8"), "\(bytes)") { try split(bytes) }
        }
    }

    @Test func refusesControlBytes() {
        #expect(throws: InputError("control byte 0x01")) { try split([0x61, 0x01, 0x62]) }
        #expect(throws: InputError("control byte 0x1B")) { try split(Array("\"x\u{1B}[2J\"".utf8)) }
        #expect(throws: InputError("control byte 0x7F")) { try split([0x61, 0x7F]) }
        #expect(throws: InputError("control byte 0x0D")) { try split(Array("a\rb,c".utf8)) }
        #expect(throws: InputError("control byte 0x00")) { try split([0x00]) }
    }

    @Test func refusesMalformedQuotes() {
        #expect(throws: InputError("unterminated quote")) { try split(#"a,"abc"#) }
        #expect(throws: InputError("unterminated quote")) { try split(#""abc"",d"#) }
        #expect(throws: InputError("text after a closing quote")) { try split(#""a"b,c"#) }
        #expect(throws: InputError("quote inside an unquoted field")) { try split(#"a"b",c"#) }
    }

    @Test func limitsFieldCount() throws {
        let ok = Array(repeating: "1", count: 200).joined(separator: ",")
        #expect(try split(ok).count == 200)
        #expect(throws: InputError("more than 200 fields")) { try split(ok + ",1") }
    }
}
