import LiqtopCore

/// What the frame shows about the source, beside the market data.
public struct ChromeInfo: Sendable, Equatable {
    /// e.g. `demo · synthetic orders`, `replay day.ndjson`, `tail -`, `live binance,bybit`.
    public var source: String
    public var playback: PlaybackStatus?
    /// `m`: alert notifications (flash, bell, commands) are off for a while.
    public var alertsMuted = false
    /// A rule just fired: the header is drawn inverted for a moment.
    public var flash = false

    public init(source: String, playback: PlaybackStatus? = nil) {
        self.source = source; self.playback = playback
    }
}

public struct PlaybackStatus: Sendable, Equatable {
    public var playing: Bool
    /// `60×`, `max`
    public var speed: String
    public var atEnd: Bool

    public init(playing: Bool, speed: String, atEnd: Bool) {
        self.playing = playing; self.speed = speed; self.atEnd = atEnd
    }
}

enum HeaderBar {
    static func draw(_ s: Snapshot?, _ chrome: ChromeInfo, focus: String? = nil, zone: DisplayZone = .utc, in r: Rect, into g: inout CellGrid) {
        // Whatever is drawn here sits on the bar: the strip is patched last.
        defer { g.patch(r, with: chrome.flash ? StylePatch(background: .warn, reverse: false) : .on(.bar)) }
        g.fill(r, style: Style(.text, on: chrome.flash ? .warn : .bar))
        var x = r.x + 1
        x += g.put("liqtop", x: x, y: r.y, style: Style(.title, bold: true), clip: r) + 2
        x += g.put(chrome.source, x: x, y: r.y, style: Style(.dim), clip: r) + 2
        if let focus { x += g.put("focus " + focus, x: x, y: r.y, style: Style(.focus, bold: true), clip: r) + 2 }
        if let s {
            x += g.put(Fmt.dateTime(s.clock, zone) + " " + zone.label(at: s.clock), x: x, y: r.y, style: Style(.text, bold: true), clip: r) + 2
        }
        if let p = chrome.playback {
            let text = p.playing ? "▶ \(p.speed)" : (p.atEnd ? "❚❚ end" : "❚❚ paused")
            x += g.put(text, x: x, y: r.y, style: Style(p.playing ? .focus : .warn, bold: true), clip: r) + 2
            if let s, let range = s.dataRange { progress(s.clock, in: range, x: x, width: min(30, r.maxX - x - 1), y: r.y, &g) }
        }
    }

    /// Where the replay is in the data: `━━━━━━━━╸──────` from its first to its last event.
    static func progress(_ t: Millis, in range: ClosedRange<Millis>, x: Int, width: Int, y: Int, _ g: inout CellGrid) {
        guard width >= 6 else { return }
        let span = max(1, range.upperBound - range.lowerBound)
        let done = Int((Int128(min(max(t, range.lowerBound), range.upperBound) - range.lowerBound) * Int128(width - 1)) / Int128(span))
        g.put(String(repeating: "━", count: done) + "╸", x: x, y: y, style: Style(.focus))
        g.put(String(repeating: "─", count: width - 1 - done), x: x + done + 1, y: y, style: Style(.dim))
    }

    /// The squeeze banner on its own row.
    static func drawBanner(_ signal: Signal, in r: Rect, into g: inout CellGrid) {
        g.fill(r, style: Style(.banner, reverse: true))
        let text = " ▲ " + signal.name.uppercased() + " · " + signal.detail
        g.put(text, x: r.x, y: r.y, style: Style(.banner, bold: true, reverse: true), clip: r)
    }
}

enum StatusBar {
    static func draw(_ s: Snapshot?, _ v: ViewState, _ chrome: ChromeInfo, in r: Rect, into g: inout CellGrid) {
        defer { g.patch(r, with: .on(.bar)) }
        g.fill(r, style: Style(.text, on: .bar))
        var right = ""
        if let s {
            right = "rejected \(Fmt.count(s.input.rejected)) · ignored \(Fmt.count(s.input.ignored))"
            if s.input.rejected > 0 { right += " (e)" }
        }
        if let s, !s.health.isEmpty {
            // Ten venues and the recorder do not fit one line in words: then counts and glyphs
            // (the venue list says the rest).
            right = SourceHealth.statusText(s.health, now: s.clock, room: r.width / 2, width: TextWidth.of) + " · " + right
        }
        let rightWidth = TextWidth.of(right)
        let hintsClip = Rect(x: r.x, y: r.y, width: max(0, r.width - rightWidth - 2), height: 1)
        if let msg = v.message {
            g.put(" " + msg, x: r.x, y: r.y, style: Style(.warn, bold: true), clip: hintsClip)
        } else if let text = v.editingTime {
            g.put(" go to: " + text + "▏  Enter go · Esc cancel  (21:00, -2h, 2026-01-14 21:00)", x: r.x, y: r.y,
                  style: Style(.focus, bold: true), clip: hintsClip)
        } else if v.editingFilter {
            g.put(" filter: " + v.filter + "▏  Enter keep · Esc clear", x: r.x, y: r.y, style: Style(.focus, bold: true), clip: hintsClip)
        } else {
            var x = r.x + 1
            // From the key table: a binding's short label, replay keys only when there is a replay.
            let shown = v.keyMap.bindings.filter { $0.hint != nil && !$0.keys.isEmpty && (chrome.playback != nil || !$0.isReplayOnly) }
            for (key, what) in shown.map({ ($0.statusKey, $0.hint!) }) {
                x += g.put(key, x: x, y: r.y, style: Style(.focus, bold: true), clip: hintsClip)
                x += g.put(" " + what + "  ", x: x, y: r.y, style: Style(.dim), clip: hintsClip)
            }
        }
        let warn = (s?.input.rejected ?? 0) > 0
        g.putRight(right + " ", right: r.maxX, y: r.y, style: Style(warn ? .warn : .dim), clip: r)
    }
}

enum HelpOverlay {
    /// The key table in one column, or in two (split between groups) when one is too tall, as at
    /// 80×24; descriptions are clipped only when even two columns are too narrow.
    /// `replay`: false on live data, where the replay keys are greyed (they do nothing there).
    static func draw(in screen: Rect, into g: inout CellGrid, replay: Bool = true, keys: KeyMap = .standard) {
        let groups = ["General", "Navigate", "View", "Replay"]
        let bindings = keys.bindings.filter { !$0.keys.isEmpty }
        let room = screen.height - 2 - 3
        func rows(_ list: [KeyBinding]) -> [(keys: String, description: String, replayOnly: Bool)] {
            list.map { ($0.keys.map(KeyBindings.label).joined(separator: " "), $0.description, $0.isReplayOnly) }
        }
        var table = rows(bindings)
        if table.count + groups.count > 2 * room {
            // Too tall even in two columns (80×24): pairs such as ↑/↓ share a line.
            table = HelpPairs.merged(bindings)
        }
        let keyWidth = table.map { TextWidth.of($0.keys) }.max() ?? 10
        let descriptionWidth = table.map { TextWidth.of($0.description) }.max() ?? 40
        let groupOf = Dictionary(bindings.map { ($0.keys.map(KeyBindings.label).joined(separator: " "), $0.group) }, uniquingKeysWith: { a, _ in a })
        let blocks: [[(String, String?, Bool)]] = groups.map { group in
            [(group, nil, group == "Replay")] + table.filter { (groupOf[$0.keys] ?? HelpPairs.group(of: $0.keys, bindings)) == group }.map {
                (Fmt.pad($0.keys, keyWidth), $0.description, $0.replayOnly)
            }
        }
        let lines = blocks.flatMap { $0 }
        var columns = [lines]
        if lines.count > room {
            // The split between groups that leaves the taller column shortest.
            var best = 1
            for k in 1 ..< blocks.count {
                let a = blocks[..<k].joined().count, b = blocks[k...].joined().count
                let bestA = blocks[..<best].joined().count, bestB = blocks[best...].joined().count
                if max(a, b) < max(bestA, bestB) { best = k }
            }
            columns = [Array(blocks[..<best].joined()), Array(blocks[best...].joined())]
        }
        let columnWidth = min(keyWidth + 2 + descriptionWidth, (screen.width - 6) / columns.count - 2)
        let width = min(screen.width - 2, columns.count * (columnWidth + 2) + 2)
        let height = min(screen.height - 2, (columns.map(\.count).max() ?? 0) + 3)
        let box = Rect(x: screen.x + (screen.width - width) / 2, y: screen.y + (screen.height - height) / 2, width: width, height: height)
        g.fill(box, style: Style(.text))
        g.box(box, title: "Keys · any key closes", style: Style(.focus), titleStyle: Style(.focus, bold: true))
        for (c, column) in columns.enumerated() {
            let inner = Rect(x: box.x + 2 + c * (columnWidth + 2), y: box.y + 1, width: columnWidth, height: box.height - 2)
            for (k, line) in column.prefix(inner.height).enumerated() {
                let y = inner.y + k
                let idle = !replay && line.2
                if let desc = line.1 {
                    g.put(line.0, x: inner.x, y: y, style: idle ? .dim : Style(.focus, bold: true), clip: inner)
                    g.put(desc, x: inner.x + keyWidth + 2, y: y, style: idle ? .dim : .text, clip: inner)
                } else {
                    g.put(line.0 + (idle ? " (replay only)" : ""), x: inner.x, y: y, style: idle ? .dim : Style(.title, bold: true, underline: true), clip: inner)
                }
            }
        }
    }
}

/// Bindings the `?` overlay shows on one line when it is short of rows: each pair (or run)
/// of actions that are one idea, their keys side by side.
enum HelpPairs {
    static let runs: [([Action], String)] = [
        ([.focusLiquidations, .focusETF, .focusMacro, .focusLeverage], "focus panel 1–4"),
        ([.up, .down], "move up / down"),
        ([.pageUp, .pageDown], "page up / down (by the rows shown)"),
        ([.faster, .slower], "faster / slower (1× … 3600×, max)"),
        ([.seekBackMinute, .seekForwardMinute], "seek −/+ 1 minute"),
        ([.seekBackHour, .seekForwardHour], "seek −/+ 1 hour"),
    ]

    static func merged(_ bindings: [KeyBinding]) -> [(keys: String, description: String, replayOnly: Bool)] {
        var out: [(keys: String, description: String, replayOnly: Bool)] = []
        var done = Set<Action>()
        for b in bindings where !done.contains(b.action) {
            if let (run, text) = runs.first(where: { $0.0.first == b.action }) {
                let members = run.compactMap { a in bindings.first { $0.action == a } }
                if members.count == run.count {
                    out.append((members.map { $0.keys.map(KeyBindings.label).joined(separator: " ") }.joined(separator: " "), text, b.isReplayOnly))
                    done.formUnion(run)
                    continue
                }
            }
            out.append((b.keys.map(KeyBindings.label).joined(separator: " "), b.description, b.isReplayOnly))
            done.insert(b.action)
        }
        return out
    }

    /// The group of a merged line: its first binding's.
    static func group(of keys: String, _ bindings: [KeyBinding]) -> String {
        let first = keys.split(separator: " ").first.map(String.init) ?? ""
        return bindings.first { $0.keys.map(KeyBindings.label).contains(first) }?.group ?? "General"
    }
}
