import LiqtopCore
import LiqtopTUI

/// The screens the view benchmark draws: the dashboard and the liquidations drill-down.
enum Level: String, CaseIterable {
    case dashboard, coins, coin, orders

    /// How many times Enter is pressed from the dashboard (liquidations panel focused).
    var drills: Int {
        switch self {
        case .dashboard: 0
        case .coins: 1
        case .coin: 2
        case .orders: 3
        }
    }

    var label: String {
        switch self {
        case .dashboard: "dashboard"
        case .coins: "coins list"
        case .coin: "coin (venue split)"
        case .orders: "coin × venue orders"
        }
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// Drives the real reducer from the dashboard down to `level`, as Enter presses would, and tells
/// the store the focus each step (as DashboardApp does), so the snapshot carries the drill detail.
func viewState(_ level: Level, store: MarketStore) async throws -> ViewState {
    var v = ViewState()
    for _ in 0..<level.drills {
        await store.setFocus(v.storeFocus)
        let s = await store.snapshot()
        _ = v.apply(.drillIn, snapshot: s)
    }
    await store.setFocus(v.storeFocus)
    let ok: Bool
    switch (level, v.context) {
    case (.dashboard, .dashboard), (.coins, .coins), (.coin, .coin), (.orders, .orders): ok = true
    default: ok = false
    }
    guard ok else { throw BenchError("could not drill to \(level.rawValue): the view is at '\(v.breadcrumb)'") }
    return v
}

/// `1000000` -> `1,000,000`, as the dashboard prints counts.
func grouped(_ n: Int) -> String {
    let digits = Array(String(n))
    var out = ""
    for (i, d) in digits.enumerated() {
        if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(d)
    }
    return out
}
