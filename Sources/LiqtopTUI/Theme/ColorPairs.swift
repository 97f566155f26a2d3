/// ncurses colour pairs handed out on demand, one per (foreground, background) in use, instead
/// of one per role: a cell may put any role on any background. Terminals have a fixed number of
/// pairs (`COLOR_PAIRS`, 64 on an 8-colour console); a pair once given is reused, and when none
/// is left the caller falls back (see `NCursesScreen`). Pair 0 is the terminal default and is
/// never handed out. Pure bookkeeping: the backend calls `init_extended_pair` for `.new`.
public struct ColorPairs: Sendable {
    public enum Allocation: Equatable, Sendable {
        /// Already defined earlier.
        case known(Int32)
        /// Newly assigned: the caller must define it.
        case new(Int32)
        /// No pair left.
        case exhausted
    }

    private struct Key: Hashable { var fg: Int, bg: Int }

    /// Pairs 1 ..< limit can be used.
    public let limit: Int
    private var assigned: [Key: Int32] = [:]
    private var next: Int32 = 1

    public init(limit: Int) { self.limit = max(1, min(limit, Int(Int32.max))) }

    /// How many pairs are in use.
    public var count: Int { assigned.count }

    public mutating func pair(fg: Int, bg: Int) -> Allocation {
        let key = Key(fg: fg, bg: bg)
        if let p = assigned[key] { return .known(p) }
        guard Int(next) < limit else { return .exhausted }
        let p = next
        next += 1
        assigned[key] = p
        return .new(p)
    }

    /// The pair already assigned to (fg, bg), if any.
    public func existing(fg: Int, bg: Int) -> Int32? { assigned[Key(fg: fg, bg: bg)] }

    /// Takes back a pair the terminal refused to define, so it is not reused for these colours.
    public mutating func forget(fg: Int, bg: Int) { assigned[Key(fg: fg, bg: bg)] = nil }
}
