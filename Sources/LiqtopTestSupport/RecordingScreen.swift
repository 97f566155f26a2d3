import LiqtopTUI

/// A `TerminalScreen` that keeps what the dashboard loop did to it: every frame drawn (with the
/// test clock's time, when given one), every theme applied, resizes and restores. Input the test
/// types waits in `pending` until the loop reads it.
@MainActor
public final class RecordingScreen: TerminalScreen {
    public var size: (width: Int, height: Int)
    public private(set) var frames: [CellGrid] = []
    /// When each frame was drawn, on `clock` (empty without one).
    public private(set) var drawTimes: [Swift.Duration] = []
    /// Names of the themes applied, in order, and the environment of the last.
    public private(set) var themes: [String] = []
    public private(set) var themeEnvironment: [String: String] = [:]
    public private(set) var resizeCount = 0
    public private(set) var invalidateCount = 0
    public private(set) var restoreCount = 0
    public private(set) var bellCount = 0
    /// How many times the loop read the input.
    public private(set) var readCount = 0
    public var pending: [TerminalInput] = []
    private let clock: ManualClock?

    public init(width: Int, height: Int, clock: ManualClock? = nil) {
        size = (width, height)
        self.clock = clock
    }

    public var lastFrame: CellGrid? { frames.last }

    public func apply(_ theme: Theme, environment: [String: String]) -> BarGlyphs {
        themes.append(theme.name)
        themeEnvironment = environment
        return .forDepth(ColorMapping.depth(colors: 256, environment: environment))
    }

    public func draw(_ frame: CellGrid) {
        frames.append(frame)
        if let clock { drawTimes.append(clock.elapsed) }
    }

    public func readInput() -> [TerminalInput] {
        readCount += 1
        defer { pending = [] }
        return pending
    }

    public func handleResize() { resizeCount += 1 }
    public func invalidate() { invalidateCount += 1 }
    public func bell() { bellCount += 1 }
    public func restore() { restoreCount += 1 }
}
