/// One instrument's funding reports per minute, with checkpoints of the carried-forward sum
/// (each minute counts the latest report at or before it, scaled to 8 h) every `block` slots, so
/// a window's sum is two binary searches and at most `2 × block` steps instead of a day's scan.
struct FundingColumn: Sendable {
    private(set) var column = MinuteColumn<FundingSlot>()
    /// `checkpoints[c]`: the carried sum from the first slot's minute up to slot `c × block`'s
    /// minute (exclusive). Built lazily; a slot inserted or changed at index k invalidates
    /// every checkpoint at or after it.
    private var checkpoints: [Int128] = [0]
    static let block = 16

    mutating func merge(minute m: Int32, _ new: FundingSlot) {
        let k = column.merge(minute: m, new) { if FundingSlot.isLater($1, than: $0) { $0 = $1 } }
        let keep = max(1, (k + Self.block - 1) / Self.block) // checkpoints c with c × block < k
        if checkpoints.count > keep { checkpoints.removeSubrange(keep...) }
    }

    mutating func drop(before m: Int32) {
        column.drop(before: m)
        checkpoints = [0]
    }

    /// The carried sum and count of minutes from the first report up to minute `x` (exclusive).
    mutating func carried(to x: Int32) -> (sum: Int128, count: Int128) {
        guard let first = column.minutes.first, x > first, let k = column.lastIndex(atOrBefore: x - 1) else { return (0, 0) }
        let sum = prefix(k) + column.slots[k].normalized8h * Int128(x - column.minutes[k])
        return (sum, Int128(x - first))
    }

    /// The carried sum up to slot k's minute (exclusive).
    private mutating func prefix(_ k: Int) -> Int128 {
        let b = k / Self.block
        while checkpoints.count <= b {
            let c = checkpoints.count
            checkpoints.append(checkpoints[c - 1] + steps(from: (c - 1) * Self.block, to: c * Self.block))
        }
        return checkpoints[b] + steps(from: b * Self.block, to: k)
    }

    /// Σ over slots j in [from, to) of the slot's rate × the minutes until the next slot.
    private func steps(from: Int, to: Int) -> Int128 {
        var s: Int128 = 0
        for j in from ..< to { s += column.slots[j].normalized8h * Int128(column.minutes[j + 1] - column.minutes[j]) }
        return s
    }

    var bytes: Int { column.bytes + checkpoints.capacity * MemoryLayout<Int128>.stride }
}
