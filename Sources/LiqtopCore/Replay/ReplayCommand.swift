/// What a user can ask of a replay, on the day's own clock.
public enum ReplayCommand: Sendable, Equatable {
    case togglePause, faster, slower
    case seek(by: Millis)
    case jumpStart, jumpEnd
    case jump(to: Millis)
}

/// Replay speeds in data-milliseconds per wall-millisecond; `nil` is "max".
public enum ReplaySpeed {
    public static let steps: [Int?] = [1, 10, 60, 300, 900, 3600, nil]
    /// "max" plays a whole day in about a second: faster than any chart can follow anyway.
    public static let maxMultiplier = 86_400

    public static func multiplier(_ index: Int) -> Int { steps[index] ?? maxMultiplier }
    public static func label(_ index: Int) -> String { steps[index].map { "\($0)×" } ?? "max" }

    /// Parses `--speed 60`, `60x`, `60×` or `max` into an index of `steps`.
    public static func index(of text: String) -> Int? {
        if text.lowercased() == "max" { return steps.count - 1 }
        let t = text.lowercased().replacingSuffix("×").replacingSuffix("x")
        return Int(t).flatMap { v in steps.firstIndex(of: v) }
    }
}

extension String {
    func replacingSuffix(_ s: String) -> String { hasSuffix(s) ? String(dropLast(s.count)) : self }
}
