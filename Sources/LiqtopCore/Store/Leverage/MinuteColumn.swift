/// One instrument's values, at most one slot per minute, in minute order (minutes since the
/// epoch beside the slots). Appends in time order are O(1); a late minute is inserted in place.
struct MinuteColumn<Slot: Sendable>: Sendable {
    private(set) var minutes: [Int32] = []
    private(set) var slots: [Slot] = []

    var isEmpty: Bool { minutes.isEmpty }
    var count: Int { minutes.count }

    /// The last index whose minute is at or before `m`.
    func lastIndex(atOrBefore m: Int32) -> Int? {
        guard let last = minutes.last else { return nil }
        if last <= m { return minutes.count - 1 }
        var lo = 0, hi = minutes.count // first index with minute > m
        while lo < hi {
            let mid = (lo + hi) / 2
            if minutes[mid] <= m { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : lo - 1
    }

    /// The first index whose minute is at or after `m` (`count` when none).
    func firstIndex(atOrAfter m: Int32) -> Int {
        guard let i = lastIndex(atOrBefore: m) else { return 0 }
        return minutes[i] == m ? i : i + 1
    }

    /// Puts `new` into minute `m`, merging with the slot already there; the slot's index.
    @discardableResult
    mutating func merge(minute m: Int32, _ new: Slot, _ combine: (inout Slot, Slot) -> Void) -> Int {
        let i = lastIndex(atOrBefore: m)
        if let i, minutes[i] == m { combine(&slots[i], new); return i }
        let at = (i ?? -1) + 1
        grow()
        if at == minutes.count { minutes.append(m); slots.append(new) } else { minutes.insert(m, at: at); slots.insert(new, at: at) }
        return at
    }

    /// Grows by an eighth (at least an hour of minutes) instead of doubling: a day of a few hundred
    /// instruments would otherwise carry up to twice its size in spare capacity.
    private mutating func grow() {
        guard minutes.count == minutes.capacity || slots.count == slots.capacity else { return }
        let target = minutes.count + max(60, minutes.count / 8)
        minutes.reserveCapacity(target)
        slots.reserveCapacity(target)
    }

    /// Drops the minutes before `m`.
    mutating func drop(before m: Int32) {
        let k = firstIndex(atOrAfter: m)
        guard k > 0 else { return }
        minutes.removeFirst(k)
        slots.removeFirst(k)
    }

    /// Bytes held (capacity), for the memory benchmark.
    var bytes: Int { minutes.capacity * MemoryLayout<Int32>.stride + slots.capacity * MemoryLayout<Slot>.stride }
}

/// Minutes since the epoch of `t` (floor), `nil` outside what an `Int32` minute holds (years
/// beyond ±4000: hostile input, refused).
func minuteIndex(_ t: Millis) -> Int32? {
    let q = t >= 0 ? t / Duration.minute : (t - Duration.minute + 1) / Duration.minute
    return Int32(exactly: q)
}

func minuteStart(_ m: Int32) -> Millis { Millis(m) * Duration.minute }
