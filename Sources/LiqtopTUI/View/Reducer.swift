import LiqtopCore

/// What a key asks the outside world to do.
public enum Effect: Sendable, Equatable {
    case quit
    case replay(ReplayCommand)
    case nextTheme
    /// `m`: mute (or unmute) alert notifications.
    case toggleMute
    /// `h`/`5`: leave for `liqtop history` on the same inputs.
    case openHistory
}

extension ViewState {
    /// Applies one key. Returns the effects for the app to carry out.
    public mutating func handle(_ key: Key, snapshot s: Snapshot?) -> [Effect] {
        message = nil
        if editingFilter { editFilter(key, s); clampSelection(s); return [] }
        if editingTime != nil { return editTime(key, s) }
        if showHelp {
            // Any key closes the overlay, q too (as in htop); only Ctrl-C quits from here.
            showHelp = false
            return key == .ctrl("c") ? [.quit] : []
        }
        guard let action = keyMap.action(for: key) else { return [] }
        if chartCursor != nil, isDashboard, let moved = moveCursor(action, s) { chartCursor = moved; return [] }
        // In a drill table, Home/End go to its first and last row; on the dashboard they seek.
        if !isDashboard, action == .jumpStart || action == .jumpEnd, (s.map { Listing.count($0, self) } ?? 0) > 0 {
            move(action == .jumpStart ? -Int.max / 2 : Int.max / 2, s)
            return []
        }
        return apply(action, snapshot: s)
    }

    public mutating func apply(_ action: Action, snapshot s: Snapshot?) -> [Effect] {
        switch action {
        case .quit: return [.quit]
        case .help: showHelp = true
        case .nextTheme: return [.nextTheme]
        case .focusNext: focus = visiblePanels[((visiblePanels.firstIndex(of: focus) ?? -1) + 1) % visiblePanels.count]
        case .focusPrevious: focus = visiblePanels[((visiblePanels.firstIndex(of: focus) ?? 0) + visiblePanels.count - 1) % visiblePanels.count]
        case .focusLiquidations: focusPanel(.liquidations)
        case .focusETF: focusPanel(.etf)
        case .focusMacro: focusPanel(.macro)
        case .focusLeverage: focusPanel(.leverage)
        case .cyclePreset:
            let i = presets.firstIndex(of: preset) ?? -1
            preset = presets[(i + 1) % presets.count]
            if !preset.panels.contains(focus) { focus = preset.panels[0] }
            message = "preset \(preset.name): " + preset.panels.map(\.title).joined(separator: ", ")
        case .up: move(-1, s)
        case .down: move(1, s)
        case .pageUp: move(-pageSize, s)
        case .pageDown: move(pageSize, s)
        case .drillIn:
            guard let s else { break }
            if isDashboard, focus == .liquidations {
                // The highlighted coin: focus the panel on it; Enter on the focused coin opens its venues.
                let coins = Listing.coins(s, self)
                if let c = coins[safe: dashboardSelection[.liquidations, default: 0]]?.coin {
                    if coinFocus == c { push(.coin(c)) } else { coinFocus = c }
                }
            } else if let next = Listing.drill(s, self) { push(next) }
        case .allCoins: if context != .coins { push(.coins) }
        case .back: pop()
        case .showRejections:
            if context != .rejections { push(.rejections) }
        case .showVenues:
            if context != .venues { push(.venues) }
        case .goToTime: editingTime = ""
        case .cyclePane:
            lowerPane = LowerPane.allCases[(LowerPane.allCases.firstIndex(of: lowerPane)! + 1) % LowerPane.allCases.count]
        case .chartCursor:
            if let s, isDashboard {
                chartCursor = chartCursor == nil ? ChartSeries.range(window: window, clock: s.clock).last : nil
            }
        case .filter: editingFilter = true
        case .cycleSort: sort = CoinSort.allCases[(CoinSort.allCases.firstIndex(of: sort)! + 1) % CoinSort.allCases.count]
        case .cycleWindow: window = Window.allCases[(Window.allCases.firstIndex(of: window)! + 1) % Window.allCases.count]
        case .togglePause: return [.replay(.togglePause)]
        case .faster: return [.replay(.faster)]
        case .slower: return [.replay(.slower)]
        case .seekBackMinute: return [.replay(.seek(by: -Duration.minute))]
        case .seekForwardMinute: return [.replay(.seek(by: Duration.minute))]
        case .seekBackHour: return [.replay(.seek(by: -Duration.hour))]
        case .seekForwardHour: return [.replay(.seek(by: Duration.hour))]
        case .jumpStart: return [.replay(.jumpStart)]
        case .jumpEnd: return [.replay(.jumpEnd)]
        case .showAlerts:
            if context != .alerts { push(.alerts) }
        case .mute: return [.toggleMute]
        case .openHistory: return [.openHistory]
        case .jumpLargest:
            let target = coinFocus == nil ? s?.largestEver : (s?.focus.coin == coinFocus ? s?.detail?.largestEver : nil)
            if let t = target?.time { return [.replay(.jump(to: t))] }
        }
        clampSelection(s)
        return []
    }

    /// The panels the preset shows, in the numbers' order (Tab goes 1, 2, 3, 4).
    public var visiblePanels: [Panel] { Panel.allCases.filter { preset.panels.contains($0) } }

    /// Focus a panel the preset shows; for one it hides, say how to see it.
    mutating func focusPanel(_ p: Panel) {
        if visiblePanels.contains(p) { focus = p } else { message = "\(p.title) is not in preset \(preset.name) (p switches)" }
    }

    /// Applies one mouse report on `target` (what the last frame drew there), as htop and btop
    /// do: a click focuses a panel, selects a row, and on the selected row drills in; the wheel
    /// scrolls the list under it or moves the chart cursor; a click on the breadcrumb goes back.
    public mutating func handle(mouse e: MouseEvent, target: HitTarget?, snapshot s: Snapshot?) -> [Effect] {
        message = nil
        if showHelp { showHelp = false; return [] } // a click closes the help, like a key
        guard !editingFilter, editingTime == nil else { return [] }
        switch (e.action, target) {
        case (.wheelUp, .chartBucket), (.wheelDown, .chartBucket):
            if chartCursor == nil, let s { chartCursor = ChartSeries.range(window: window, clock: s.clock).last }
            if let moved = moveCursor(e.action == .wheelUp ? .seekBackMinute : .seekForwardMinute, s) { chartCursor = moved }
        case (.wheelUp, _), (.wheelDown, _):
            if isDashboard, let p = target.flatMap(Self.panel) { focus = p }
            move(e.action == .wheelUp ? -1 : 1, s)
        case (.press, .panel(let p)?):
            if isDashboard { focus = p }
        case (.press, .panelRow(let p, let i)?):
            guard isDashboard else { break }
            if focus == p, dashboardSelection[p, default: 0] == i { return apply(.drillIn, snapshot: s) }
            focus = p
            dashboardSelection[p] = i
        case (.press, .row(let i)?):
            guard !isDashboard else { break }
            if top.selected == i { return apply(.drillIn, snapshot: s) }
            stack[stack.count - 1].selected = i
        case (.press, .breadcrumb?):
            pop()
        case (.press, .chartBucket(let t)?):
            focus = .liquidations
            chartCursor = t
        default:
            break
        }
        clampSelection(s)
        return []
    }

    static func panel(_ t: HitTarget) -> Panel? {
        switch t {
        case .panel(let p), .panelRow(let p, _): p
        case .chartBucket: .liquidations
        case .row, .breadcrumb, .historyDay: nil
        }
    }

    /// Rows a page moves: as many as the list shows (the app copies them from each frame).
    var pageSize: Int { max(1, pageRows) }

    mutating func push(_ c: Context) {
        if case .dashboard = c { return }
        stack.append(Level(c))
    }

    mutating func pop() {
        if stack.count > 1 { stack.removeLast() } else if coinFocus != nil { coinFocus = nil } else if !filter.isEmpty { filter = "" }
    }

    mutating func move(_ delta: Int, _ s: Snapshot?) {
        let count = s.map { Listing.count($0, self) } ?? 0
        if isDashboard {
            let cur = dashboardSelection[focus, default: 0]
            let next = max(0, min(count - 1, cur.addingReportingOverflow(delta).overflow ? (delta > 0 ? count - 1 : 0) : cur + delta))
            dashboardSelection[focus] = next
            dashboardScroll[focus] = ListView.follow(selected: next, scroll: dashboardScroll[focus, default: 0], count: count, rows: pageRows)
        } else {
            let next = max(0, min(count - 1, top.selected + delta))
            stack[stack.count - 1].selected = next
            stack[stack.count - 1].scroll = ListView.follow(selected: next, scroll: top.scroll, count: count, rows: pageRows)
        }
    }

    /// With the chart cursor on, ←→ move it a bucket, Home/End to the window's ends, Esc turns it
    /// off; nil for every other action (which then does what it always does).
    func moveCursor(_ action: Action, _ s: Snapshot?) -> Millis?? {
        guard let s, let c = chartCursor else { return nil }
        let (first, last) = ChartSeries.range(window: window, clock: s.clock)
        let step = Millis(ChartSeries.bucketMinutes(for: window)) * Duration.minute
        switch action {
        case .seekBackMinute: return .some(max(first, c - step))
        case .seekForwardMinute: return .some(min(last, c + step))
        case .jumpStart: return .some(first)
        case .jumpEnd: return .some(last)
        case .back: return .some(nil)
        default: return nil
        }
    }

    /// Keeps selections inside their lists when the data or the filter changes.
    public mutating func clampSelection(_ s: Snapshot?) {
        guard let s else { return }
        if let c = chartCursor {
            // On the bucket holding the same moment in the current window's bucket size, inside the window.
            let (first, last) = ChartSeries.range(window: window, clock: s.clock)
            let step = Millis(ChartSeries.bucketMinutes(for: window)) * Duration.minute
            chartCursor = min(last, max(first, c - ((c % step) + step) % step))
        }
        let count = Listing.count(s, self)
        if isDashboard {
            let cur = dashboardSelection[focus, default: 0]
            dashboardSelection[focus] = max(0, min(count - 1, cur))
        } else {
            stack[stack.count - 1].selected = max(0, min(count - 1, top.selected))
        }
    }

    /// Go-to-time: Enter jumps the replay there (or says what it could not read), Esc cancels.
    mutating func editTime(_ key: Key, _ s: Snapshot?) -> [Effect] {
        guard var text = editingTime else { return [] }
        switch key {
        case .enter:
            editingTime = nil
            guard let s else { return [] }
            if let t = TimeInput.parse(text, day: Day(containing: s.clock), now: s.clock) { return [.replay(.jump(to: t))] }
            message = "cannot read time '\(text)': use 21:00, -2h, +30m or 2026-01-14 21:00"
        case .escape, .ctrl("c"): editingTime = nil
        case .backspace: if !text.isEmpty { text.removeLast() }; editingTime = text
        case .char(let c) where c.isNumber || ":-+. TZsmhd".contains(c):
            if text.count < 24 { text.append(c) }
            editingTime = text
        default: break
        }
        return []
    }

    mutating func editFilter(_ key: Key, _ s: Snapshot? = nil) {
        switch key {
        case .enter:
            editingFilter = false
            // A filter that names a coin focuses the Liquidations panel on it (`/SOL`).
            if let s, Window.allCases.contains(where: { w in (s.byCoin[w] ?? []).contains { $0.coin == filter } }) { coinFocus = filter }
        case .escape: editingFilter = false; filter = ""
        case .backspace: if !filter.isEmpty { filter.removeLast() }
        case .char(let c) where c.isLetter || c.isNumber || c == "-" || c == ".":
            if filter.count < 12 { filter.append(Character(c.uppercased())) }
        case .ctrl("c"): editingFilter = false
        default: break
        }
    }
}
