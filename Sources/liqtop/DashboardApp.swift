#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LiqtopCore
import LiqtopFeeds
import LiqtopTUI

/// The one loop of the interactive dashboard: keys, signals and store snapshots come in as
/// events; a pure render turns state into a grid; the ncurses backend puts it on screen.
/// Everything here runs on the main actor, the only domain that calls ncurses.
@MainActor
final class DashboardApp {
    struct Options {
        var frames: Int?
        var theme: String?
    }

    /// At most ~30 frames a second, however fast snapshots arrive.
    static let frameInterval: Swift.Duration = .milliseconds(33)

    private enum AppEvent: Sendable {
        case input(InputEvent)
        case snapshot(Snapshot)
        case frameDue
    }

    private let store: MarketStore
    private let replay: ReplayController?
    private let options: Options
    private let themes: ThemeLoader
    private var chrome: ChromeInfo
    private var view = ViewState()
    private var snapshot: Snapshot?
    private var screen: NCursesScreen?
    private let watcher = InputWatcher()
    /// Bar shapes for the colour depth: without colour, the sides differ by glyph.
    private var glyphs = BarGlyphs.colour
    private var framesDrawn = 0
    private var lastFrame: ContinuousClock.Instant?
    private var frameScheduled = false
    private var continuation: AsyncStream<AppEvent>.Continuation?

    init(store: MarketStore, replay: ReplayController?, chrome: ChromeInfo, options: Options, themes: ThemeLoader) {
        self.store = store
        self.replay = replay
        self.chrome = chrome
        self.options = options
        self.themes = themes
    }

    /// Runs until `q`, Ctrl-C or a terminating signal; returns the exit status.
    func run() async throws -> Int32 {
        TerminalGuard.installExitHook()
        let screen = try NCursesScreen(terminal: .real)
        self.screen = screen
        defer { screen.restore() }
        do {
            try applyTheme(named: options.theme)
        } catch {
            screen.restore()
            throw error
        }

        let (events, continuation) = AsyncStream.makeStream(of: AppEvent.self)
        self.continuation = continuation
        let inputs = Task { [watcher] in for await e in watcher.events { continuation.yield(.input(e)) } }
        let snapshots = Task { [store] in for await s in store.snapshots { continuation.yield(.snapshot(s)) } }
        defer { inputs.cancel(); snapshots.cancel(); watcher.stop() }
        watcher.start()
        snapshot = await store.snapshot()
        await refreshPlayback()
        draw()

        for await event in events {
            switch event {
            case .input(.inputReady):
                let keys = screen.readKeys()
                watcher.resume()
                for key in keys {
                    if key == .resize { screen.handleResize(); continue }
                    if await handle(key) { return await shutdown(status: 0) }
                }
            case .input(.inputClosed):
                return await shutdown(status: 0)
            case .input(.signal(let n)):
                switch n {
                case SIGWINCH: screen.handleResize()
                case SIGCONT: screen.invalidate()
                default: return await shutdown(status: 128 + n)
                }
            case .snapshot(let s):
                snapshot = s
                view.clampSelection(s)
                await refreshPlayback()
            case .frameDue:
                frameScheduled = false
            }
            if requestFrame() { return await shutdown(status: 0) }
        }
        return await shutdown(status: 0)
    }

    /// Applies one key; true when the app should quit.
    private func handle(_ key: Key) async -> Bool {
        let before = view.storeFocus
        for effect in view.handle(key, snapshot: snapshot) {
            switch effect {
            case .quit: return true
            case .replay(let command):
                if let replay { await replay.handle(command); await refreshPlayback() }
                else { view.message = "live data: replay controls do nothing" }
            case .nextTheme:
                let name = themes.next(after: view.themeName)
                do { try applyTheme(named: name) } catch { view.message = "\(error)" }
            }
        }
        if view.storeFocus != before { await store.setFocus(view.storeFocus) }
        return false
    }

    private func applyTheme(named name: String?) throws {
        let (theme, warnings) = try themes.load(name)
        let depth = ColorMapping.depth(colors: screen?.colorCount ?? 0, environment: ThemeLoader.processEnvironment())
        screen?.applyTheme(ColorMapping.palette(for: theme, depth: depth))
        glyphs = .forDepth(depth)
        view.themeName = theme.name
        view.message = warnings.first.map { "theme \(theme.name): \($0)" } ?? (name == nil ? nil : "theme \(theme.name)")
    }

    private func refreshPlayback() async {
        guard let replay else { return }
        let st = await replay.state
        chrome.playback = PlaybackStatus(playing: st.playing, speed: st.speedLabel, atEnd: st.atEnd)
    }

    /// Draws now if the last frame is old enough, else schedules one. True when `--frames` is reached.
    private func requestFrame() -> Bool {
        let now = ContinuousClock.now
        if let last = lastFrame, now - last < Self.frameInterval {
            if !frameScheduled, let continuation {
                frameScheduled = true
                let wait = Self.frameInterval - (now - last)
                Task { try? await Task.sleep(for: wait); continuation.yield(.frameDue) }
            }
            return false
        }
        draw()
        return options.frames.map { framesDrawn >= $0 } ?? false
    }

    private func draw() {
        guard let screen else { return }
        let size = screen.size
        screen.draw(Renderer.render(snapshot, view, chrome, width: size.width, height: size.height, glyphs: glyphs))
        framesDrawn += 1
        lastFrame = ContinuousClock.now
    }

    private func shutdown(status: Int32) async -> Int32 {
        await replay?.stop()
        screen?.restore()
        return status
    }
}
