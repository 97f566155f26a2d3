/// One mouse report, in 0-based screen cells.
public struct MouseEvent: Sendable, Hashable {
    public enum Action: Sendable, Hashable {
        /// Button 1 (left) pressed; other buttons are `.otherPress`.
        case press, release, wheelUp, wheelDown, otherPress
    }
    public var x: Int
    public var y: Int
    public var action: Action

    public init(x: Int, y: Int, action: Action) { self.x = x; self.y = y; self.action = action }
}

/// Mouse reports in the SGR (1006) encoding, `ESC [ < b ; x ; y M|m`, when they reach us as
/// plain characters: ncurses decodes only the encoding its terminfo names (`kmous`), and
/// `tmux-256color` names the old X10 one, so SGR bytes arrive key by key.
public enum SGRMouse {
    /// `keys` with every complete SGR report replaced by its event, in order.
    public static func extract(_ keys: [Key]) -> [TerminalInput] {
        var out: [TerminalInput] = []
        var i = 0
        while i < keys.count {
            if let (event, used) = report(keys, at: i) {
                if let event { out.append(.mouse(event)) }
                i += used
            } else {
                out.append(.key(keys[i]))
                i += 1
            }
        }
        return out
    }

    /// A report starting at `i`: its event (nil for one we do not use, e.g. motion) and its length.
    static func report(_ keys: [Key], at i: Int) -> (MouseEvent?, Int)? {
        guard i + 2 < keys.count, keys[i] == .escape, keys[i + 1] == .char("["), keys[i + 2] == .char("<") else { return nil }
        var numbers: [Int] = [0]
        var j = i + 3
        while j < keys.count, j - i < 32 {
            guard case .char(let c) = keys[j] else { return nil }
            if let d = c.wholeNumberValue, c.isASCII {
                numbers[numbers.count - 1] = min(numbers[numbers.count - 1] * 10 + d, 100_000)
            } else if c == ";" {
                numbers.append(0)
                if numbers.count > 3 { return nil }
            } else if c == "M" || c == "m" {
                guard numbers.count == 3, numbers[1] >= 1, numbers[2] >= 1 else { return nil }
                return (event(button: numbers[0], x: numbers[1] - 1, y: numbers[2] - 1, pressed: c == "M"), j - i + 1)
            } else {
                return nil
            }
            j += 1
        }
        return nil
    }

    static func event(button b: Int, x: Int, y: Int, pressed: Bool) -> MouseEvent? {
        if b & 32 != 0 { return nil } // motion
        switch b & ~(4 | 8 | 16) { // without shift, meta, ctrl
        case 0: return MouseEvent(x: x, y: y, action: pressed ? .press : .release)
        case 1, 2: return pressed ? MouseEvent(x: x, y: y, action: .otherPress) : nil
        case 64: return MouseEvent(x: x, y: y, action: .wheelUp)
        case 65: return MouseEvent(x: x, y: y, action: .wheelDown)
        default: return nil
        }
    }
}
