/// How a live source is doing, for the status line and for marking outages on the charts.
public struct SourceHealth: Sendable, Hashable {
    public enum State: Sendable, Hashable {
        /// Receiving (or following) normally.
        case live
        case connecting
        /// Down; the next attempt is due at this wall time.
        case reconnecting(at: Millis)
        /// Waiting for something outside, e.g. a file that does not exist yet.
        case waiting(String)
        /// Given up or finished, with the reason in words.
        case stopped(String)
        /// Still running but not doing its job (a recorder that cannot write), in words.
        case failing(String)
    }

    /// e.g. `binance`, or a tailed file's name.
    public var name: String
    public var state: State
    /// The last error in words, kept after recovery so the user can see what happened.
    public var lastError: String?
    /// Whether an outage of this source leaves gaps in the liquidation charts (venue feeds do).
    public var marksGaps: Bool

    public init(name: String, state: State, lastError: String? = nil, marksGaps: Bool = false) {
        self.name = name; self.state = state; self.lastError = lastError; self.marksGaps = marksGaps
    }

    public var isLive: Bool { if case .live = state { true } else { false } }

    /// A few characters for a crowded status line: `okx ⟳8s`, `bitget …`, `record ✗`.
    public func glyph(now: Millis) -> String {
        switch state {
        case .live: return "\(name) ✓"
        case .connecting: return "\(name) …"
        case .reconnecting(let at): return "\(name) ⟳\(max(0, (at - now + 999) / 1000))s"
        case .waiting: return "\(name) ⌛"
        case .stopped, .failing: return "\(name) ✗"
        }
    }

    /// The status line's words for `sources`: each in full when they fit in `room` columns
    /// (`width` measures); else how many are live, and the others in words — a failure is never
    /// reduced to a glyph while its words fit — or, when even that is too long, as glyphs too.
    public static func statusText(_ sources: [SourceHealth], now: Millis, room: Int, width: (String) -> Int) -> String {
        let full = sources.map { $0.summary(now: now) }.joined(separator: " · ")
        if width(full) <= room { return full }
        let count = "\(sources.filter(\.isLive).count)/\(sources.count) ✓"
        let down = sources.filter { !$0.isLive }
        let words = ([count] + down.map { $0.summary(now: now) }).joined(separator: " · ")
        // Words for what is wrong may take the whole line but the hints' first few.
        if down.count <= 1 || width(words) <= room * 2 - 20 { return words }
        return ([count] + down.map { $0.glyph(now: now) }).joined(separator: " · ")
    }

    /// Short words for the status line, relative to `now` (for "reconnecting in 4 s").
    public func summary(now: Millis) -> String {
        switch state {
        case .live: return "\(name) ✓"
        case .connecting: return "\(name) connecting"
        case .reconnecting(let at):
            let s = max(0, (at - now + 999) / 1000)
            return "\(name) reconnecting in \(s) s" + (lastError.map { " (\($0))" } ?? "")
        case .waiting(let what): return "\(name) waiting: \(what)"
        case .stopped(let why): return "\(name) stopped: \(why)"
        case .failing(let why): return "\(name) failing: \(why)"
        }
    }
}

/// A span during which a source that feeds the charts was down.
public struct Outage: Sendable, Hashable {
    public var source: String
    public var from: Millis
    /// nil while still down.
    public var to: Millis?

    public func overlaps(_ a: Millis, _ b: Millis) -> Bool { from < b && (to ?? .max) > a }
}
