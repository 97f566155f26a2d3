// PLACEHOLDER: replaced by the venue-format work.
enum OKXFormat {
    static func decode(_ doc: JSONDoc, _ root: Int, context: DecodeContext, into out: inout LineResults) throws(InputError) {
        throw InputError("OKX format not implemented yet")
    }
}
