/// Error replies the venues send on a WebSocket — a refused subscription, a malformed request —
/// become rejections with the venue's own words: a live session subscribed to nothing then says
/// so in its input problems instead of sitting silently at zero.
enum VenueErrorReply {
    static let messageLimit = 80

    /// The rejection reason when `root` is an error reply, else nil.
    /// `venue` is the live connection's, when known: Aster answers in Binance's shape.
    static func reason(_ doc: JSONDoc, _ root: Int, venue: Venue? = nil) -> String? {
        // Bybit v5: {"success":false,"ret_msg":"…","op":"subscribe",…}
        if let success = doc.member(root, "success"), doc.kind(success) == .false {
            return "Bybit refused \(text(doc, doc.member(root, "op"), or: "a request")): \(text(doc, doc.member(root, "ret_msg")))"
        }
        // OKX v5: {"event":"error","code":"60012","msg":"…"}
        if let event = doc.member(root, "event"), doc.equals(event, "error") {
            // Bitget answers in the same shape (its replies usually carry `arg`: BitgetFormat).
            return "\(venue == .bitget ? "Bitget" : "OKX") error \(text(doc, doc.member(root, "code"))): \(text(doc, doc.member(root, "msg")))"
        }
        // Deribit (JSON-RPC): {"jsonrpc":"2.0","id":1,"error":{"code":-32602,"message":"…"}}
        if doc.member(root, "jsonrpc") != nil, let error = doc.member(root, "error"), doc.kind(error) == .object {
            return "Deribit error \(text(doc, doc.member(error, "code"))): \(text(doc, doc.member(error, "message")))"
        }
        // BitMEX: {"status":400,"error":"Unknown table: x","request":{…}}
        if let status = doc.member(root, "status"), doc.kind(status) == .number,
           let error = doc.member(root, "error"), doc.kind(error) == .string {
            return "BitMEX error \(text(doc, status)): \(text(doc, error))"
        }
        // Binance: {"error":{"code":2,"msg":"…"},"id":1}
        if let error = doc.member(root, "error"), doc.kind(error) == .object {
            return "\(venue == .aster ? "Aster" : "Binance") error \(text(doc, doc.member(error, "code"))): \(text(doc, doc.member(error, "msg")))"
        }
        return nil
    }

    /// A string's or number's text, printable and short; `or` when absent or of another kind.
    static func text(_ doc: JSONDoc, _ t: Int?, or fallback: String = "(no message)") -> String {
        guard let t, doc.kind(t) == .string || doc.kind(t) == .number else { return fallback }
        return VenueField.printable(doc, t, limit: messageLimit)
    }
}
