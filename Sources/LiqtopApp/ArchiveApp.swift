#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LiqtopCore
import LiqtopTUI

/// The loop of `liqtop history`: keys, clicks and signals in, a pure render out. Nothing here
/// changes with time, so a frame is drawn only after input. Enter ends the loop with the day to
/// replay: the executable gives the terminal to `liqtop replay` for it.
@MainActor
public final class ArchiveApp {
    public enum Outcome: Sendable, Equatable {
        case quit(Int32)
        case replay(Day)
    }

    private let model: ArchiveModel
    private let source: String
    private let screen: any TerminalScreen
    private let input: any InputSource
    private let frames: Int?
    private var view: ArchiveViewState
    private var glyphs = BarGlyphs.colour
    private var lastHits: [Hit] = []
    private var drawn = 0

    public init(model: ArchiveModel, source: String, screen: any TerminalScreen, input: any InputSource,
                theme: Theme, environment: [String: String], frames: Int? = nil, replayable: Set<Day>? = nil) {
        self.model = model; self.source = source; self.screen = screen; self.input = input; self.frames = frames
        view = ArchiveViewState(series: model.series)
        view.replayable = replayable
        glyphs = screen.apply(theme, environment: environment)
    }

    public static func onTerminal(model: ArchiveModel, source: String, theme: Theme, mouse: Bool, frames: Int?,
                                  replayable: Set<Day>?) throws -> ArchiveApp {
        TerminalGuard.installExitHook()
        let watcher = InputWatcher()
        let screen = try NCursesScreen(terminal: .real)
        if mouse { screen.enableMouse() }
        return ArchiveApp(model: model, source: source, screen: screen, input: watcher, theme: theme,
                          environment: ThemeLoader.processEnvironment(), frames: frames, replayable: replayable)
    }

    /// Runs until q, Enter on a day, the end of input, `--frames` or a signal; the terminal is
    /// given back on every path.
    public func run() async -> Outcome {
        defer { screen.restore(); input.stop() }
        input.start()
        draw()
        if let frames, drawn >= frames { return .quit(0) }
        for await event in input.events {
            switch event {
            case .inputReady:
                let received = screen.readInput()
                input.resume()
                for item in received {
                    switch item {
                    case .key(.resize): screen.handleResize()
                    case .key(let key):
                        switch view.handle(key, model.series) {
                        case .quit?: return .quit(0)
                        case .replay(let day)?: return .replay(day)
                        case nil: break
                        }
                    case .mouse(let e):
                        guard e.action == .press || e.action == .wheelUp || e.action == .wheelDown else { continue }
                        if e.action == .wheelUp { _ = view.handle(.left, model.series); continue }
                        if e.action == .wheelDown { _ = view.handle(.right, model.series); continue }
                        view.handle(click: lastHits.last { $0.rect.contains(x: e.x, y: e.y) }?.target)
                    }
                }
            case .inputClosed:
                return .quit(0)
            case .signal(let n):
                switch n {
                case SIGWINCH: screen.handleResize()
                case SIGCONT: screen.invalidate()
                default: return .quit(128 + n)
                }
            }
            draw()
            if let frames, drawn >= frames { return .quit(0) }
        }
        return .quit(0)
    }

    private func draw() {
        let size = screen.size
        let frame = ArchiveRenderer.render(model, &view, source: source, width: size.width, height: size.height, glyphs: glyphs)
        screen.draw(frame)
        lastHits = frame.hits
        drawn += 1
    }
}
