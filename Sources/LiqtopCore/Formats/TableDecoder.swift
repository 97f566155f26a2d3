// PLACEHOLDER: replaced by the table-format work.
struct TableDecoder {
    static func detect(headerFields: [String]) -> TableDecoder? { nil }
    mutating func decode(fields: [String], context: DecodeContext, into out: inout LineResults) {}
}
