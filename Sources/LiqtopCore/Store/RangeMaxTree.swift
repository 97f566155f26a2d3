/// Range-maximum index over the book's order sizes: the largest orders of any window in
/// O(k log n) without scanning the window (a crash day holds a million orders). The tree is
/// built over blocks of 64 orders — the values themselves stay in the book's `usd` column —
/// so it costs well under a byte an order; a query scans at most two partial blocks.
struct RangeMaxTree: Sendable {
    static let blockShift = 6
    static let blockSize = 1 << blockShift

    private(set) var count = 0
    /// Bottom-up segment tree over blocks, holding the order index of each block's maximum;
    /// leaf b sits at `capacity + b`; -1 = empty.
    private var tree: [Int32] = [-1, -1]
    private var capacity = 1

    /// Re-derives everything from order `k` on, the book's `values` now holding `newCount` orders.
    mutating func replace(from k: Int, count newCount: Int, values: [Int64]) {
        let oldBlocks = (count + Self.blockSize - 1) >> Self.blockShift
        count = newCount
        let blocks = (newCount + Self.blockSize - 1) >> Self.blockShift
        if blocks > capacity {
            while capacity < blocks { capacity <<= 1 }
            tree = Array(repeating: -1, count: 2 * capacity)
            rebuildLeaves(from: 0, to: blocks, values)
        } else {
            // Blocks past both the old and the new end are empty already.
            rebuildLeaves(from: min(k >> Self.blockShift, blocks), to: max(blocks, oldBlocks), values)
        }
    }

    private mutating func rebuildLeaves(from lo: Int, to hi: Int, _ values: [Int64]) {
        guard lo < hi else { return }
        for b in lo ..< hi {
            let start = b << Self.blockShift
            tree[capacity + b] = start < count ? Int32(scan(start, min(count, start + Self.blockSize), values)) : -1
        }
        var l = (capacity + lo) >> 1, r = (capacity + hi - 1) >> 1
        while l >= 1 {
            for node in l ... r { tree[node] = better(tree[2 * node], tree[2 * node + 1], values) }
            l >>= 1; r >>= 1
        }
    }

    @inline(__always) private func better(_ a: Int32, _ b: Int32, _ values: [Int64]) -> Int32 {
        if a < 0 { return b }
        if b < 0 { return a }
        return values[Int(b)] > values[Int(a)] ? b : a // ties: the earlier order
    }

    /// Index of the largest value in `a..<b` by a plain scan (ties: the earliest).
    private func scan(_ a: Int, _ b: Int, _ values: [Int64]) -> Int {
        var best = a
        for i in a ..< b where values[i] > values[best] { best = i }
        return best
    }

    /// Index of the largest value in `a..<b`, or nil when empty.
    func argmax(_ a: Int, _ b: Int, _ values: [Int64]) -> Int? {
        guard a < b else { return nil }
        let firstFull = (a + Self.blockSize - 1) >> Self.blockShift, endFull = b >> Self.blockShift
        guard firstFull < endFull else { return scan(a, b, values) }
        var best: Int32 = -1
        if a < firstFull << Self.blockShift { best = Int32(scan(a, firstFull << Self.blockShift, values)) }
        var l = firstFull + capacity, r = endFull + capacity
        while l < r {
            if l & 1 == 1 { best = better(best, tree[l], values); l += 1 }
            if r & 1 == 1 { r -= 1; best = better(best, tree[r], values) }
            l >>= 1; r >>= 1
        }
        if endFull << Self.blockShift < b { best = better(best, Int32(scan(endFull << Self.blockShift, b, values)), values) }
        return best < 0 ? nil : Int(best)
    }

    /// The `k` largest in `a..<b`, largest first: split the range around each maximum found.
    func top(_ k: Int, in a: Int, _ b: Int, _ values: [Int64]) -> [Int] {
        var out: [Int] = []
        var ranges: [(Int, Int, Int)] = [] // (argmax, lo, hi)
        if let m = argmax(a, b, values) { ranges.append((m, a, b)) }
        while out.count < k, !ranges.isEmpty {
            var bestPos = 0
            for i in 1 ..< ranges.count where values[ranges[i].0] > values[ranges[bestPos].0]
                || (values[ranges[i].0] == values[ranges[bestPos].0] && ranges[i].0 < ranges[bestPos].0) {
                bestPos = i
            }
            let (m, lo, hi) = ranges.remove(at: bestPos)
            out.append(m)
            if let l = argmax(lo, m, values) { ranges.append((l, lo, m)) }
            if let r = argmax(m + 1, hi, values) { ranges.append((r, m + 1, hi)) }
        }
        return out
    }

    /// The last index in `lo..<hi` whose value is at least `threshold`.
    func lastIndex(in lo: Int, _ hi: Int, atLeast threshold: Int64, _ values: [Int64]) -> Int? {
        guard lo < hi else { return nil }
        let firstFull = (lo + Self.blockSize - 1) >> Self.blockShift, endFull = hi >> Self.blockShift
        guard firstFull < endFull else { return lastScan(lo, hi, threshold, values) }
        if let i = lastScan(endFull << Self.blockShift, hi, threshold, values) { return i }
        if let block = lastBlock(node: 1, nodeLo: 0, nodeHi: capacity, firstFull, endFull, threshold, values) {
            let start = block << Self.blockShift
            return lastScan(start, start + Self.blockSize, threshold, values)
        }
        return lastScan(lo, firstFull << Self.blockShift, threshold, values)
    }

    private func lastScan(_ a: Int, _ b: Int, _ threshold: Int64, _ values: [Int64]) -> Int? {
        var i = b
        while i > a { i -= 1; if values[i] >= threshold { return i } }
        return nil
    }

    /// The rightmost block in `lo..<hi` whose maximum is at least `threshold`, descending the
    /// tree right child first and skipping subtrees whose maximum is below it.
    private func lastBlock(node: Int, nodeLo: Int, nodeHi: Int, _ lo: Int, _ hi: Int,
                           _ threshold: Int64, _ values: [Int64]) -> Int? {
        guard nodeLo < hi, lo < nodeHi else { return nil }
        let best = tree[node]
        guard best >= 0, values[Int(best)] >= threshold else { return nil }
        if nodeHi - nodeLo == 1 { return nodeLo }
        let mid = (nodeLo + nodeHi) >> 1
        return lastBlock(node: 2 * node + 1, nodeLo: mid, nodeHi: nodeHi, lo, hi, threshold, values)
            ?? lastBlock(node: 2 * node, nodeLo: nodeLo, nodeHi: mid, lo, hi, threshold, values)
    }
}
