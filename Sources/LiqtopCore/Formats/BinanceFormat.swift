// PLACEHOLDER: replaced by the venue-format work.
enum BinanceFormat {
    static func decode(_ doc: JSONDoc, _ root: Int, context: DecodeContext, into out: inout LineResults) throws(InputError) {
        throw InputError("Binance format not implemented yet")
    }
}
