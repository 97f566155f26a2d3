/// The bundled archive behind `history` and `compare` when no input is given: the demo day with
/// its daily history, ETF and rate tables, plus a generated 2025-10-10 crash day (synthetic,
/// see `DemoCrashDay`). Kept apart from `DemoDay.events()` so the dashboard and `summary` on
/// the demo day are unchanged.
public enum DemoArchive {
    /// The days the archive holds every order of.
    public static let fullDays: [Day] = [DemoCrashDay.day, DemoDay.day]

    public static func events() -> [Event] {
        DemoDay.events() + [.note(DemoCrashDay.note)] + DemoCrashDay.liquidations().map(Event.liquidation)
    }

    /// Said wherever the archive is shown: its orders are generated, not recorded.
    public static let label = "demo archive: 2025-10-10 and 2026-01-14 generated from published totals"
}
