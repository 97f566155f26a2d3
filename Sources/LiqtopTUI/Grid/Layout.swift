/// How a part of a split takes its share (ratatui's constraints, the few liqtop needs).
public enum Constraint: Sendable, Hashable {
    /// Exactly n cells (less only when the whole is smaller).
    case fixed(Int)
    /// At least n cells, plus a share of what is left like `fill(weight)`.
    case min(Int, weight: Int = 1)
    /// A share of what is left after fixed and minimum parts, by weight.
    case fill(Int)
}

extension Rect {
    public enum Axis: Sendable { case horizontal, vertical }

    /// Splits into consecutive parts along `axis`. Fixed and minimum sizes come first (cut from
    /// the last part backwards when they do not fit); the rest goes to minimum and fill parts by
    /// weight, the remainder of the division to the earliest of them.
    public func split(_ axis: Axis, _ parts: [Constraint]) -> [Rect] {
        let total = axis == .horizontal ? width : height
        var sizes = parts.map { c -> Int in
            switch c {
            case .fixed(let n), .min(let n, _): Swift.max(0, n)
            case .fill: 0
            }
        }
        var over = sizes.reduce(0, +) - total
        for i in sizes.indices.reversed() where over > 0 {
            let cut = Swift.min(sizes[i], over)
            sizes[i] -= cut
            over -= cut
        }
        let weights = parts.map { c -> Int in
            switch c {
            case .fixed: 0
            case .min(_, let w): Swift.max(0, w)
            case .fill(let w): Swift.max(0, w)
            }
        }
        let left = Swift.max(0, total - sizes.reduce(0, +)), weight = weights.reduce(0, +)
        if weight > 0 {
            var given = 0
            for i in sizes.indices where weights[i] > 0 {
                let share = left * weights[i] / weight
                sizes[i] += share
                given += share
            }
            if let first = weights.firstIndex(where: { $0 > 0 }) { sizes[first] += left - given }
        }
        var out: [Rect] = []
        var at = axis == .horizontal ? x : y
        for n in sizes {
            out.append(axis == .horizontal ? Rect(x: at, y: y, width: n, height: height) : Rect(x: x, y: at, width: width, height: n))
            at += n
        }
        return out
    }
}
