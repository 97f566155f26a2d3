// PLACEHOLDER: replaced by the native-format work.
public enum NativeFormat {
    static func decode(_ doc: JSONDoc, _ root: Int, context: DecodeContext, into out: inout LineResults) throws(InputError) {
        throw InputError("native format not implemented yet")
    }
}
