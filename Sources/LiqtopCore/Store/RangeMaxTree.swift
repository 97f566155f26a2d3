/// Range-maximum index over order sizes: the largest orders of any window in O(k log n),
/// without scanning the window (a crash day holds a million orders).
struct RangeMaxTree: Sendable {
    private var values: [Int64] = []
    /// Bottom-up segment tree of indices into `values`; leaf i sits at `capacity + i`; -1 = empty.
    private var tree: [Int32] = [-1, -1]
    private var capacity = 1

    var count: Int { values.count }

    /// Replaces everything from position `k` on with `newValues` (k == count appends).
    mutating func replace(from k: Int, with newValues: some Collection<Int64>) {
        values.removeSubrange(k...)
        values.append(contentsOf: newValues)
        if values.count > capacity {
            while capacity < values.count { capacity <<= 1 }
            tree = Array(repeating: -1, count: 2 * capacity)
            rebuildLeaves(from: 0, to: capacity)
        } else {
            rebuildLeaves(from: k, to: capacity)
        }
    }

    private mutating func rebuildLeaves(from lo: Int, to hi: Int) {
        for i in lo ..< hi { tree[capacity + i] = i < values.count ? Int32(i) : -1 }
        var l = (capacity + lo) >> 1, r = (capacity + hi - 1) >> 1
        while l >= 1 {
            for node in l ... r { tree[node] = better(tree[2 * node], tree[2 * node + 1]) }
            l >>= 1; r >>= 1
        }
    }

    private func better(_ a: Int32, _ b: Int32) -> Int32 {
        if a < 0 { return b }
        if b < 0 { return a }
        return values[Int(b)] > values[Int(a)] ? b : a // ties: the earlier order
    }

    /// Index of the largest value in `a..<b`, or nil when empty.
    func argmax(_ a: Int, _ b: Int) -> Int? {
        guard a < b else { return nil }
        var best: Int32 = -1
        var l = a + capacity, r = b + capacity
        while l < r {
            if l & 1 == 1 { best = better(best, tree[l]); l += 1 }
            if r & 1 == 1 { r -= 1; best = better(best, tree[r]) }
            l >>= 1; r >>= 1
        }
        return best < 0 ? nil : Int(best)
    }

    /// The `k` largest in `a..<b`, largest first: split the range around each maximum found.
    func top(_ k: Int, in a: Int, _ b: Int) -> [Int] {
        var out: [Int] = []
        var ranges: [(Int, Int, Int)] = [] // (argmax, lo, hi)
        if let m = argmax(a, b) { ranges.append((m, a, b)) }
        while out.count < k, !ranges.isEmpty {
            var bestPos = 0
            for i in 1 ..< ranges.count where values[ranges[i].0] > values[ranges[bestPos].0]
                || (values[ranges[i].0] == values[ranges[bestPos].0] && ranges[i].0 < ranges[bestPos].0) {
                bestPos = i
            }
            let (m, lo, hi) = ranges.remove(at: bestPos)
            out.append(m)
            if let l = argmax(lo, m) { ranges.append((l, lo, m)) }
            if let r = argmax(m + 1, hi) { ranges.append((r, m + 1, hi)) }
        }
        return out
    }

    /// The last index in `lo..<hi` whose value is at least `threshold`.
    func lastIndex(in lo: Int, _ hi: Int, atLeast threshold: Int64) -> Int? {
        guard let m = argmax(lo, hi), values[m] >= threshold else { return nil }
        // Binary search for the largest start s with max(s..<hi) >= threshold.
        var a = m, b = hi - 1
        while a < b {
            let mid = (a + b + 1) >> 1
            if let x = argmax(mid, hi), values[x] >= threshold { a = mid } else { b = mid - 1 }
        }
        return a
    }
}
