import LiqtopCore

/// What a cell on screen stands for, so a click can be turned into the same view change a key
/// makes. Panels register their regions while they draw; later (inner) ones win.
public enum HitTarget: Sendable, Hashable {
    /// A dashboard panel's box.
    case panel(Panel)
    /// Row `index` of a dashboard panel's list (Top coins, ETF assets).
    case panelRow(Panel, Int)
    /// Row `index` of the drill level's table.
    case row(Int)
    /// The breadcrumb: back one level.
    case breadcrumb
    /// The chart column of the bucket starting at this time.
    case chartBucket(Millis)
    /// A day's column in the history view (its index in the series).
    case historyDay(Int)
}

public struct Hit: Sendable, Hashable {
    public var rect: Rect
    public var target: HitTarget
}

extension Rect {
    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }
}

extension CellGrid {
    /// Registers `rect` as `target` (clipped to the grid).
    public mutating func hit(_ rect: Rect, _ target: HitTarget) {
        guard !rect.isEmpty else { return }
        hits.append(Hit(rect: rect, target: target))
    }

    /// The innermost target under (x, y).
    public func target(x: Int, y: Int) -> HitTarget? {
        hits.last { $0.rect.contains(x: x, y: y) }?.target
    }
}
