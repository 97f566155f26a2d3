import LiqtopCore

/// The whole frame as a pure function of state: `render(snapshot, viewState, chrome, size)`.
/// No terminal here; the ncurses backend only copies the grid to the screen.
public enum Renderer {
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    /// `glyphs`: the bar shapes for the colour depth (`BarGlyphs.forDepth`).
    public static func render(_ s: Snapshot?, _ v: ViewState, _ chrome: ChromeInfo, width: Int, height: Int,
                              glyphs: BarGlyphs = .colour) -> CellGrid {
        var g = CellGrid(width: width, height: height, style: Style(.background), glyphs: glyphs)
        let screen = g.bounds
        guard width >= minimumWidth, height >= minimumHeight else {
            tooSmall(width, height, &g)
            return g
        }
        g.fill(screen, style: .text)
        let (header, afterHeader) = screen.splitTop(1)
        HeaderBar.draw(s, chrome, focus: v.coinFocus, zone: v.zone, in: header, into: &g)
        var body = Rect(x: afterHeader.x, y: afterHeader.y, width: afterHeader.width, height: afterHeader.height - 1)
        let status = Rect(x: 0, y: height - 1, width: width, height: 1)
        if let latest = v.alerts.first, let s {
            let (strip, rest) = body.splitTop(1)
            AlertsView.strip(latest, v, chrome, now: s.clock, in: strip, into: &g)
            body = rest
        }
        if let signal = s?.signal {
            let (banner, rest) = body.splitTop(1)
            HeaderBar.drawBanner(signal, in: banner, into: &g)
            body = rest
        }
        if let s {
            if v.isDashboard {
                dashboard(s, v, body, &g)
            } else {
                let (crumb, rest) = body.splitTop(1)
                g.hit(Rect(x: crumb.x, y: crumb.y, width: TextWidth.of(v.breadcrumb) + 2, height: 1), .breadcrumb)
                g.put(" " + v.breadcrumb, x: crumb.x, y: crumb.y, style: Style(.title, bold: true), clip: crumb)
                var hints = "window \(v.window.rawValue)"
                if case .coins = v.context { hints += " · sort \(v.sort.rawValue)" }
                if !v.filter.isEmpty { hints += " · /\(v.filter)" }
                g.putRight(hints + " ", right: crumb.maxX, y: crumb.y, style: .dim, clip: crumb)
                var computedFor = s.focus, wanted = v.storeFocus
                computedFor.span = nil; wanted.span = nil
                if computedFor != wanted {
                    // The store's detail is for another level: never draw one level with another's data.
                    g.put("loading…", x: rest.x + 2, y: rest.y + 1, style: .dim, clip: rest)
                } else {
                    DrillViews.draw(s, v, in: Rect(x: rest.x + 1, y: rest.y, width: rest.width - 2, height: rest.height), into: &g)
                }
            }
        } else {
            g.put("loading…", x: body.x + 2, y: body.y + 1, style: .dim)
        }
        StatusBar.draw(s, v, chrome, in: status, into: &g)
        if v.showHelp { HelpOverlay.draw(in: screen, into: &g, replay: chrome.playback != nil, keys: v.keyMap) }
        return g
    }

    /// Wide screens: liquidations on the left (3/5); on the right ETF, leverage and macro, 10:8:6
    /// after their minimums (8, 6 and 5 rows). Narrow: liquidations over ETF beside macro, which
    /// need 9 rows (three assets), or over Leverage alone while it has the focus; the rest goes to
    /// the liquidations.
    static func dashboard(_ s: Snapshot, _ v: ViewState, _ body: Rect, _ g: inout CellGrid) {
        guard v.preset.panels == Preset.full.panels else { return presetLayout(s, v, body, &g) }
        if body.width >= 110 {
            let columns = body.split(.horizontal, [.fill(3), .fill(2)])
            let right = columns[1].split(.vertical, [.min(8, weight: 10), .min(6, weight: 8), .min(5, weight: 6)])
            panels(s, v, columns[0], [(.etf, right[0]), (.leverage, right[1]), (.macro, right[2])], &g)
        } else {
            let rows = body.split(.vertical, [.min(9), .fixed(9)])
            let bottom = rows[1].split(.horizontal, [.fill(11), .fill(9)])
            // Focused, Leverage takes the whole strip: its columns need the width.
            panels(s, v, rows[0], v.focus == .leverage ? [(.leverage, rows[1])] : [(.etf, bottom[0]), (.macro, bottom[1])], &g)
        }
    }

    /// Any other preset: one panel takes the body; the first of several takes 3/5 of a wide
    /// screen (the rest stacked beside it) or all but a 9-row strip of a narrow one (the rest
    /// side by side in the strip). Without Liquidations (`flows`) the panels stack.
    static func presetLayout(_ s: Snapshot, _ v: ViewState, _ body: Rect, _ g: inout CellGrid) {
        let panels = v.preset.panels
        guard panels.count > 1 else { return place(s, v, [(panels[0], body)], &g) }
        if panels[0] != .liquidations {
            let rows = body.split(.vertical, panels.map { _ in .min(6, weight: 1) })
            return place(s, v, Array(zip(panels, rows)), &g)
        }
        let rest = Array(panels.dropFirst())
        if body.width >= 110 {
            let columns = body.split(.horizontal, [.fill(3), .fill(2)])
            let right = columns[1].split(.vertical, rest.map { _ in .min(6, weight: 1) })
            place(s, v, [(panels[0], columns[0])] + Array(zip(rest, right)), &g)
        } else {
            let rows = body.split(.vertical, [.min(9), .fixed(9)])
            let bottom = rows[1].split(.horizontal, rest.map { _ in .fill(1) })
            place(s, v, [(panels[0], rows[0])] + Array(zip(rest, bottom)), &g)
        }
    }

    /// The panels, each a click target (their rows register after them, and win).
    static func panels(_ s: Snapshot, _ v: ViewState, _ liq: Rect, _ others: [(Panel, Rect)], _ g: inout CellGrid) {
        place(s, v, [(.liquidations, liq)] + others, &g)
    }

    static func place(_ s: Snapshot, _ v: ViewState, _ placed: [(Panel, Rect)], _ g: inout CellGrid) {
        for (panel, r) in placed { g.hit(r, .panel(panel)) }
        for (panel, r) in placed {
            switch panel {
            case .liquidations: liquidations(s, v, r, &g)
            case .etf: EtfPanel.draw(s, v, in: r, into: &g)
            case .leverage: LeveragePanel.draw(s, v, in: r, into: &g)
            case .macro: MacroPanel.draw(s, v, in: r, into: &g)
            }
        }
    }

    /// The Liquidations panel, of the focused coin when there is one.
    static func liquidations(_ s: Snapshot, _ v: ViewState, _ r: Rect, _ g: inout CellGrid) {
        guard let coin = v.coinFocus else { return LiquidationsPanel.draw(s, v, in: r, into: &g) }
        guard let focused = CoinFocus.snapshot(s, coin: coin) else {
            // The store has not computed this coin yet: never the previous focus's figures.
            g.box(r, title: "1 Liquidations · \(coin)", style: Style(.focus), titleStyle: Style(.focus, bold: true))
            g.put("loading \(coin)…", x: r.x + 2, y: r.y + 1, style: .dim, clip: r.inset(by: 1))
            return
        }
        LiquidationsPanel.draw(focused, v, in: r, into: &g)
    }

    static func tooSmall(_ w: Int, _ h: Int, _ g: inout CellGrid) {
        let lines = ["terminal too small", "need \(minimumWidth)×\(minimumHeight), have \(w)×\(h)", "q quits"]
        for (k, line) in lines.enumerated() {
            let y = h / 2 - 1 + k
            g.put(line, x: max(0, (w - TextWidth.of(line)) / 2), y: y, style: Style(k == 0 ? .warn : .text, bold: k == 0))
        }
    }
}
