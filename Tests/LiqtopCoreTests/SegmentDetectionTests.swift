import Testing
@testable import LiqtopCore

/// Files can be mixed freely: a table after JSON lines, or a second
/// table, starts at its header wherever it is; a byte order mark before NDJSON is not line 1's data.
@Suite struct SegmentDetectionTests {
    static let context = DecodeContext(now: 1_768_435_200_000)

    @Test func tablesAfterJSONAndAfterEachOther() {
        let text = """
            {"type":"note","time":1768412400000,"source":"Fed","text":"first"}
            Date,IBIT,FBTC,Total
            14 Jan 2026,648.6,(107.7),540.9
            observation_date,DFF
            2026-01-13,3.64
            {"type":"rate","date":"2026-01-12","series":"DFF","value":"3.63"}
            2026-01-14,3.64
            meeting_date,target_range,probability
            2026-01-28,3.50-3.75,95
            time,source,text
            2026-01-14T17:40:00Z,Reuters,second
            """
        let out = InputDecoder.decodeAll(text, source: "mixed", context: Self.context)
        #expect(out.rejections.isEmpty, "\(out.rejections)")
        var kinds: [String] = []
        for e in out.events {
            switch e {
            case .note: kinds.append("note")
            case .etfFlow: kinds.append("etf")
            case .rate: kinds.append("rate")
            case .cutOdds: kinds.append("odds")
            default: kinds.append("other")
            }
        }
        #expect(kinds == ["note", "etf", "etf", "rate", "rate", "rate", "odds", "note"])
        #expect(out.ignored == 4) // the four headers
    }

    @Test func byteOrderMarkBeforeNDJSON() {
        let out = InputDecoder.decodeAll("\u{FEFF}" + #"{"type":"rate","date":"2026-01-13","series":"DFF","value":"3.64"}"#,
                                         source: "bom.ndjson", context: Self.context)
        #expect(out.rejections.isEmpty, "\(out.rejections)")
        #expect(out.events.count == 1)
    }
}
