import Testing
@testable import LiqtopCore

/// Venues' error replies are rejections in the venue's words (printable, short); their
/// success replies stay ignored.
@Suite struct VenueErrorReplyTests {
    static let context = DecodeContext(now: 1_768_435_200_000)

    static func outcome(_ line: String) -> (reasons: [String], ignored: Int, events: Int) {
        let out = InputDecoder.decodeAll(line, source: "live", context: context)
        return (out.rejections.map(\.reason), out.ignored, out.events.count)
    }

    @Test func bybitRefusedSubscription() {
        let r = Self.outcome(#"{"success":false,"ret_msg":"error:handler not found","conn_id":"2324d924-aa4d-45b0-a858-7b8be29ab52b","req_id":"","op":"subscribe"}"#)
        #expect(r.reasons == ["Bybit refused subscribe: error:handler not found"])
        #expect(r.ignored == 0 && r.events == 0)
        // The success reply is still an ignored ack.
        let ok = Self.outcome(#"{"success":true,"ret_msg":"","conn_id":"2324d924-aa4d-45b0-a858-7b8be29ab52b","req_id":"","op":"subscribe"}"#)
        #expect(ok.reasons.isEmpty && ok.ignored == 1)
    }

    @Test func okxErrorEvent() {
        let r = Self.outcome(#"{"event":"error","code":"60012","msg":"Invalid request: {\"op\": \"subscribe\", \"argss\":[{ \"channel\" : \"liquidation-orders\", \"instType\" : \"SWAP\"}]}","connId":"a4d3ae55"}"#)
        #expect(r.reasons == [#"OKX error 60012: Invalid request: {\"op\": \"subscribe\", \"argss\":[{ \"channel\" : \"liquidatio…"#]) // 80 bytes of it
        let ack = Self.outcome(#"{"event":"subscribe","arg":{"channel":"liquidation-orders","instType":"SWAP"},"connId":"a4d3ae55"}"#)
        #expect(ack.reasons.isEmpty && ack.ignored == 1)
    }

    @Test func binanceErrorReply() {
        let r = Self.outcome(#"{"error":{"code":2,"msg":"Invalid request: unknown variant `SUBSCRIBEE`"},"id":1}"#)
        #expect(r.reasons == ["Binance error 2: Invalid request: unknown variant `SUBSCRIBEE`"])
        let ack = Self.outcome(#"{"result":null,"id":1}"#)
        #expect(ack.reasons.isEmpty && ack.ignored == 1)
    }

    @Test func hostileMessagesStayPrintableAndShort() {
        let r = Self.outcome(#"{"success":false,"ret_msg":"\u001b]0;PWNED\u0007 \u009b31m"# + String(repeating: "x", count: 500) + #"","op":"\u001b[2J"}"#)
        #expect(r.reasons.count == 1)
        let reason = r.reasons.first ?? ""
        #expect(reason.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F || $0 == "…" })
        #expect(reason.count < 200)
        #expect(reason.hasPrefix(#"Bybit refused \u001b[2J: \u001b]0;PWNED\u0007"#))
        // Neither string nor number: the fallback words.
        #expect(Self.outcome(#"{"success":false,"ret_msg":{"x":1}}"#).reasons == ["Bybit refused a request: (no message)"])
    }
}
