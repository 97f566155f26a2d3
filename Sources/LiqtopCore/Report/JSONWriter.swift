/// Minimal JSON text builder with deterministic key order (the order written).
struct JSONWriter {
    private(set) var text = ""
    private var needsComma: [Bool] = [false]

    mutating func beginObject(_ key: String? = nil) { open(key, "{") }
    mutating func endObject() { close("}") }
    mutating func beginArray(_ key: String? = nil) { open(key, "[") }
    mutating func endArray() { close("]") }

    mutating func string(_ key: String?, _ value: String?) { raw(key, value.map(Self.quote) ?? "null") }
    mutating func number(_ key: String?, _ literal: String) { raw(key, literal) }
    mutating func int(_ key: String?, _ value: Int) { raw(key, String(value)) }
    mutating func null(_ key: String?) { raw(key, "null") }

    private mutating func open(_ key: String?, _ bracket: String) {
        raw(key, bracket)
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        needsComma.removeLast()
        text += bracket
    }

    private mutating func raw(_ key: String?, _ value: String) {
        if needsComma[needsComma.count - 1] { text += ", " }
        needsComma[needsComma.count - 1] = true
        if let key { text += Self.quote(key) + ": " }
        text += value
    }

    /// JSON string literal, escaped like the native format (one escaper for all output).
    static func quote(_ s: String) -> String {
        var out = ""
        NativeFormat.appendQuoted(s, to: &out)
        return out
    }
}
