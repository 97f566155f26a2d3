/// The macro backdrop of the demo day: Fed notes, policy-rate series and meeting odds.
///
/// The rate levels follow the December 2025 cut (3.75-4.00 to 3.50-3.75, effective from
/// 2025-12-11); the notes are paraphrased, and the odds are illustrative.
enum DemoMacro {
    static func events() -> [Event] {
        notes().map(Event.note) + rates().map(Event.rate) + odds().map(Event.cutOdds)
    }

    static func notes() -> [MacroNote] {
        func at(_ day: Day, _ h: Int64, _ m: Int64) -> Millis { day.start + h * Duration.hour + m * Duration.minute }
        return [
            MacroNote(time: at(DemoDay.date(2025, 12, 10), 19, 0), source: "FOMC",
                      text: "The Fed cut its policy rate by a quarter point to a 3.50-3.75% target range."),
            MacroNote(time: at(DemoDay.date(2026, 1, 13), 13, 30), source: "BLS",
                      text: "US consumer price data for December released; traders keep a 2026 rate cut in view."),
            MacroNote(time: at(DemoDay.day, 17, 40), source: "Philadelphia Fed",
                      text: "Philadelphia Fed President Anna Paulson signalled firmer expectations of rate cuts later "
                          + "this year, pointing to inflation that should keep easing."),
        ]
    }

    static let cutDay = DemoDay.date(2025, 12, 11)

    /// DFF, DFEDTARU and DFEDTARL on business days, 2025-12-01 through 2026-01-13.
    static func rates() -> [RatePoint] {
        var out: [RatePoint] = []
        var d = DemoDay.date(2025, 12, 1)
        let last = DemoDay.date(2026, 1, 13)
        while d <= last {
            if !d.isWeekend {
                let after = d >= cutDay
                out.append(RatePoint(day: d, series: "DFF", value: DemoDay.dec(after ? 364 : 389, 2)))
                out.append(RatePoint(day: d, series: "DFEDTARU", value: DemoDay.dec(after ? 375 : 400, 2)))
                out.append(RatePoint(day: d, series: "DFEDTARL", value: DemoDay.dec(after ? 350 : 375, 2)))
            }
            d = d.advanced(by: 1)
        }
        return out
    }

    static func odds() -> [CutOdds] {
        let january = DemoDay.date(2026, 1, 28), march = DemoDay.date(2026, 3, 18)
        return [
            CutOdds(meeting: january, targetRange: "3.50-3.75", probabilityPercent: DemoDay.dec(950, 1)),
            CutOdds(meeting: january, targetRange: "3.25-3.50", probabilityPercent: DemoDay.dec(50, 1)),
            CutOdds(meeting: march, targetRange: "3.50-3.75", probabilityPercent: DemoDay.dec(733, 1)),
            CutOdds(meeting: march, targetRange: "3.25-3.50", probabilityPercent: DemoDay.dec(252, 1)),
            CutOdds(meeting: march, targetRange: "3.00-3.25", probabilityPercent: DemoDay.dec(15, 1)),
        ]
    }
}
