import LiqtopCore
import LiqtopTUI

/// The commented default file `liqtop config --default` prints. Every setting is written at
/// its default value (a test reads it back and compares with `Settings()`), so copying it and
/// changing one line changes exactly that.
public enum DefaultConfig {
    public static var text: String {
        let s = Settings()
        let tiers = s.tiers.all.thresholds.map { "\"" + Self.amount($0) + "\"" }.joined(separator: ", ")
        var out = """
        # liqtop configuration: $XDG_CONFIG_HOME/liqtop/config.toml (else ~/.config/liqtop/config.toml);
        # --config PATH or LIQTOP_CONFIG=PATH read another file. Check a file with `liqtop config --check`.
        # liqtop never writes this file. What it remembers between runs (the last theme, window,
        # focus and preset) goes to $XDG_STATE_HOME/liqtop/state.toml; a value you change here
        # takes effect at the next start. Command-line flags override both.

        # Colour theme: a name from `liqtop themes`, or a .theme file.
        # theme = "amber"
        # The window the totals, coins and tape start on: 1h, 4h, 12h or 24h.
        window = "\(s.window.rawValue)"
        # Layout: \(Preset.builtIn.map(\.name).joined(separator: ", ")), or one of [presets.NAME] below (p cycles).
        preset = "\(s.preset)"
        # Mouse reports (false: clicks go to the terminal's own text selection, like --no-mouse).
        mouse = \(s.mouse)
        # The zone of the clock and times on screen: UTC, local or Area/City (e.g. America/New_York).
        # ETF days stay US trading days whatever the zone.
        timezone = "\(s.timeZone)"
        # `liqtop live` and `tail` record there (as --record DIR) unless --record names another.
        # record_dir = "~/liqtop-recordings"
        # Venues `liqtop live` connects to, and coins it keeps (empty: all).
        # venues = ["binance", "bybit", "okx"]
        venues = []
        coins = []
        # The tape lists orders of at least this much (amounts: 50000, "250k", "1.5M", "2B").
        tape_minimum = "\(Self.amount(s.tapeMinimum))"
        # The least time between two notifications of one alert rule, and how long `m` mutes.
        alert_repeat = "\(Self.duration(s.alertRepeat))"
        mute_for = "\(Self.duration(s.muteFor))"

        # Order size tiers: the tape's colours and the per-tier counts of the window.
        # 1 to \(SizeTiers.maxCount) ascending amounts; a coin may have its own.
        [tiers]
        all = [\(tiers)]
        # BTC = ["100k", "1M", "10M", "50M"]

        # Alerts: rule = one of
        #   order >= 1M [coin BTC] [venue bybit] [side long|short]
        #   cascade >= 20M in 60s [coin BTC]     (one side's liquidations over a sliding interval)
        #   highest-since 24h                    (a window total beats the daily history)
        #   etf-flip [BTC]                       (a day's ETF net flow changes sign)
        #   funding-extreme >= 0.1%   ·   oi-drop >= 3% in 1h
        # bell = true rings the terminal; command = ["notify-send", "liqtop"] runs a program (no
        # shell) with the alert as JSON on stdin and in LIQTOP_ALERT_* environment variables.

        """
        for a in s.alerts {
            out += "[[alerts]]\nrule = \"\(a.rule)\"\n"
            out += a.bell ? "bell = true\n" : "# bell = true\n"
            out += a.command.isEmpty ? "# command = [\"notify-send\", \"liqtop\"]\n" : "command = [\(a.command.map { "\"\($0)\"" }.joined(separator: ", "))]\n"
            out += "\n"
        }
        out += """
        # Keys: an action of the `?` table = a key or a list of keys (they replace its own).
        [keys]
        # toggle_pause = "p"
        # cycle_window = ["w", "W"]

        # Presets of your own: the panels, the first one the largest.
        # [presets.mine]
        # panels = ["liquidations", "leverage"]

        """
        return out
    }

    static func amount(_ u: USD) -> String { Figures.amount(u) }

    static func duration(_ ms: Millis) -> String {
        for (size, suffix) in [(Duration.day, "d"), (Duration.hour, "h"), (Duration.minute, "m")] where ms % size == 0 {
            return "\(ms / size)\(suffix)"
        }
        return "\(ms / Duration.second)s"
    }
}
