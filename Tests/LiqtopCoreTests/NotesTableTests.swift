import Testing
@testable import LiqtopCore

@Suite struct NotesTableTests {
    let context = DecodeContext(now: 1_800_000_000_000)

    func notes(_ out: DecodeOutput) -> [MacroNote] {
        out.events.compactMap { if case .note(let n) = $0 { n } else { nil } }
    }

    @Test func quotedTextWithCommas() {
        let text = """
            time,source,text
            2026-01-14T15:30:00Z,Reuters,"Philadelphia Fed President Paulson signalled stronger rate-cut expectations, citing cooling inflation"
            2026-01-14 16:00,Desk,"He said ""patience"", then left"
            1768406400000,Fed,Statement released
            """
        let out = InputDecoder.decodeAll(text, source: "notes.csv", context: context)
        let jan14: Millis = 1_768_348_800_000
        #expect(notes(out) == [
            MacroNote(time: jan14 + 15 * Duration.hour + 30 * Duration.minute, source: "Reuters",
                      text: "Philadelphia Fed President Paulson signalled stronger rate-cut expectations, citing cooling inflation"),
            MacroNote(time: jan14 + 16 * Duration.hour, source: "Desk", text: #"He said "patience", then left"#),
            MacroNote(time: 1_768_406_400_000, source: "Fed", text: "Statement released"),
        ])
        #expect(out.rejections.isEmpty && out.ignored == 1)
    }

    @Test func refusals() {
        let long = String(repeating: "x", count: 4001)
        let text = """
            TIME,Source,Text
            not-a-time,X,y
            2026-01-14T15:30:00Z,,empty source
            2026-01-14T15:30:00Z,Reuters,
            2026-01-14T15:30:00Z,Reuters,unquoted, comma
            2100-01-01T00:00:00Z,Reuters,future
            2008-12-31T00:00:00Z,Reuters,too old
            2026-01-14T15:30:00Z,\(String(repeating: "s", count: 101)),text
            2026-01-14T15:30:00Z,Reuters,\(long)
            2026-01-14T15:30:00Z,Reuters,\(long.dropLast())
            """
        let out = InputDecoder.decodeAll(text, source: "notes.csv", context: context)
        #expect(notes(out).map(\.text.count) == [4000])
        #expect(out.rejections.map(\.reason) == [
            #"bad time "not-a-time""#,
            "source must be 1 to 100 characters",
            "text must be 1 to 4000 characters",
            "expected 3 fields, found 4 (quote text that contains commas)",
            "timestamp more than a day in the future",
            "timestamp before 2009",
            "source must be 1 to 100 characters",
            "text must be 1 to 4000 characters",
        ])
    }
}
