// PLACEHOLDER: replaced by the venue-format work.
enum BybitFormat {
    static func decode(_ doc: JSONDoc, _ root: Int, context: DecodeContext, into out: inout LineResults) throws(InputError) {
        throw InputError("Bybit format not implemented yet")
    }
}
