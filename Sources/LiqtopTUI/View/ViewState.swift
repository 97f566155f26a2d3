import LiqtopCore

/// Which dashboard panel has the keyboard.
public enum Panel: Int, CaseIterable, Sendable, Hashable {
    case liquidations, etf, macro, leverage

    public var title: String {
        switch self {
        case .liquidations: "Liquidations"
        case .etf: "ETF flows"
        case .macro: "Macro"
        case .leverage: "Leverage"
        }
    }
}

/// One level of the drill-down stack.
public enum Context: Hashable, Sendable {
    case dashboard
    case coins
    case coin(String)
    case orders(coin: String, venue: Venue)
    case etfAsset(EtfAsset)
    case etfFund(EtfAsset, fund: String)
    case notes
    case note(MacroNote)
    case rejections
    /// Every venue: state, share of the window, instrument source, coverage caveat.
    case venues
    /// One coin's leverage: per venue open interest and funding, price and OI over the day.
    case leverageCoin(String)
    /// Every alert that fired, newest first.
    case alerts

    /// Breadcrumb label.
    public var label: String {
        switch self {
        case .dashboard: "Dashboard"
        case .coins: "Liquidations › coins"
        case .coin(let c): c
        case .orders(_, let v): v.rawValue + " orders"
        case .etfAsset(let a): "ETF › " + a.rawValue
        case .etfFund(_, let f): f
        case .notes: "Macro › notes"
        case .note(let n): ISOTime.format(n.time).prefix(16).replacingT()
        case .rejections: "Input problems"
        case .venues: "Venues"
        case .leverageCoin(let c): "Leverage › " + c
        case .alerts: "Alerts"
        }
    }
}

extension Substring {
    func replacingT() -> String { String(map { $0 == "T" ? " " : $0 }) }
}

/// What the Liquidations panel shows below the totals when it is too short for all three (`x`).
public enum LowerPane: String, CaseIterable, Sendable {
    /// `price`: the chart over the whole panel (totals hidden) so its price band has the rows.
    case chart, price, coins, tape
}

/// How coin lists are ordered (`s` cycles).
public enum CoinSort: String, CaseIterable, Sendable {
    case total, short, long, count, name
}

/// All view-only state: focus, the drill-down stack, filter, sort, window, overlays.
/// The market data itself lives in the store's snapshot; nothing here mutates it.
public struct ViewState: Sendable, Equatable {
    public struct Level: Sendable, Equatable {
        public var context: Context
        public var selected = 0
        public var scroll = 0
        public init(_ context: Context) { self.context = context }
    }

    public var focus: Panel = .liquidations
    public var stack: [Level] = [Level(.dashboard)]
    /// Selected row of each dashboard panel.
    public var dashboardSelection: [Panel: Int] = [:]
    /// First row shown of each dashboard panel's list (drill levels keep theirs in `Level.scroll`).
    public var dashboardScroll: [Panel: Int] = [:]
    public var window: Window = .h24
    public var sort: CoinSort = .total
    public var filter = ""
    public var editingFilter = false
    public var showHelp = false
    public var themeName = "default"
    /// A one-off message for the status line (e.g. a theme error).
    public var message: String?
    /// The chart cursor: the start of the bucket it is on (nil: off). A time, not a column, so
    /// it stays on its moment while the replay moves and when the window changes.
    public var chartCursor: Millis?
    public var lowerPane: LowerPane = .chart
    /// Go-to-time being typed (`g`), nil when not.
    public var editingTime: String?
    /// The coin the dashboard's Liquidations panel is focused on (Enter on a Top-coins row, a
    /// filter naming one coin, a click); Esc clears it.
    public var coinFocus: String?
    /// Rows the last frame showed of the list the keys move in (PgUp/PgDn move by this many).
    public var pageRows = 10
    /// The key table in use (the config's `[keys]` applied).
    public var keyMap = KeyMap.standard
    /// What `p` cycles through, and the one on screen.
    public var presets = Preset.builtIn
    public var preset = Preset.full
    /// Alerts that fired, newest first (at most `alertLimit`); the strip shows the first.
    public var alerts: [Alert] = []
    /// And how many fired in all (the list keeps the newest only).
    public var alertCount = 0
    public static let alertLimit = 500
    /// The zone times are shown in (`--tz`).
    public var zone = DisplayZone.utc

    public init() {}

    public var top: Level { stack[stack.count - 1] }
    public var context: Context { top.context }
    public var isDashboard: Bool { context == .dashboard }

    /// What the store should compute details for, derived from the stack.
    public var storeFocus: Focus {
        var f = Focus(coin: coinFocus, window: window)
        for level in stack {
            switch level.context {
            case .coin(let c), .leverageCoin(let c): f.coin = c // the store fills that coin's price minutes
            case .orders(let c, let v): f.coin = c; f.venue = v
            case .etfAsset(let a): f.etfAsset = a
            case .etfFund(let a, let fund): f.etfAsset = a; f.etfFund = fund
            default: break
            }
        }
        if isDashboard, let c = chartCursor {
            f.span = c ... c + Millis(ChartSeries.bucketMinutes(for: window)) * Duration.minute - 1
        }
        return f
    }

    public var breadcrumb: String {
        stack.map(\.context.label).joined(separator: " › ")
    }
}
