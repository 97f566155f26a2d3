import LiqtopCore

/// What `liqtop history` shows and where its cursor is: the history view, or two days compared.
/// Keys change it through `handle`, a pure function, so the views are tested without a terminal.
public struct ArchiveViewState: Sendable, Equatable {
    public enum Mode: Sendable, Equatable {
        case history
        /// The two days' indexes in the series, earlier first.
        case compare(Int, Int)
    }

    /// What a key asks of the app beyond the view.
    public enum Effect: Sendable, Equatable {
        case quit
        /// Open the day's replay (the app hands the terminal to `liqtop replay`).
        case replay(Day)
    }

    public var mode: Mode = .history
    public var cursor: Int
    /// The day `m` marked: `c` compares it with the cursor's.
    public var mark: Int?
    /// Compare: curves on each cascade's onset instead of the clock, and on one USD scale
    /// instead of each day's share of its own total.
    public var aligned = false
    public var usdScale = false
    public var showHelp = false
    /// Days a history column stands for: set by the renderer's layout on each frame (PgUp/PgDn).
    public var visibleDays = 30
    /// One line for the status bar after a key that could not do what it asks.
    public var message: String?
    /// The days Enter can replay (nil: every day with orders); the demo archive replays its demo day only.
    public var replayable: Set<Day>?

    public init(series: HistorySeries) {
        cursor = max(0, series.entries.count - 1)
    }

    /// Applies one key.
    public mutating func handle(_ key: Key, _ series: HistorySeries) -> Effect? {
        message = nil
        if showHelp {
            if key == .char("q") || key == .escape || key == .char("?") || key == .enter { showHelp = false }
            return nil
        }
        let last = series.entries.count - 1
        switch key {
        case .char("q"), .ctrl("c"): return .quit
        case .char("?"): showHelp = true
        case .escape:
            if case .compare = mode { mode = .history } else if mark != nil { mark = nil } else { return .quit }
        case .left, .char("h"): cursor = max(0, cursor - 1)
        case .right, .char("l"): cursor = min(last, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = max(0, last)
        case .pageUp: cursor = max(0, cursor - max(1, visibleDays))
        case .pageDown: cursor = min(last, cursor + max(1, visibleDays))
        case .char("m"): mark = mark == cursor ? nil : cursor
        case .char("c"):
            if case .compare = mode { mode = .history; return nil }
            guard let other = partner(series) else { message = "nothing to compare: the archive has one day"; return nil }
            mode = .compare(min(other, cursor), max(other, cursor))
        case .char("a"): if case .compare = mode { aligned.toggle() }
        case .char("s"): if case .compare = mode { usdScale.toggle() }
        case .enter:
            guard series.entries.indices.contains(cursor) else { return nil }
            let e = series.entries[cursor]
            guard e.hasOrders else { message = "\(e.day): no orders in the archive to replay"; return nil }
            guard replayable?.contains(e.day) ?? true else { message = "\(e.day): generated for compare, it has no replay (the demo day, 2026-01-14, has)"; return nil }
            return .replay(e.day)
        default: break
        }
        return nil
    }

    /// A click: on a day's column in the history view, the cursor goes there.
    public mutating func handle(click target: HitTarget?) {
        guard case .historyDay(let i)? = target, case .history = mode else { return }
        cursor = i
    }

    /// The day `c` compares the cursor's with: the marked one, else the day with the most
    /// liquidated (the last great flush), else the day before.
    func partner(_ series: HistorySeries) -> Int? {
        if let mark, mark != cursor { return mark }
        let others = series.entries.indices.filter { $0 != cursor && series.entries[$0].totals.totalUSD > .zero }
        if let best = others.max(by: { series.entries[$0].totals.totalUSD < series.entries[$1].totals.totalUSD }) { return best }
        return cursor > 0 ? cursor - 1 : (series.entries.count > 1 ? 1 : nil)
    }
}
