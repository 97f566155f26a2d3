#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LiqtopCore
import LiqtopFeeds
import LiqtopTUI

/// The one loop of the interactive dashboard: keys, signals and store snapshots come in as
/// events; a pure render turns state into a grid; the screen puts it on the terminal.
/// Everything here runs on the main actor, the only domain that calls ncurses. The screen, the
/// input and the clock are passed in, so tests drive the loop with a recording screen.
@MainActor
public final class DashboardApp {
    public struct Options: Sendable {
        public var frames: Int?
        public var theme: String?
        /// Mouse reports on (`--no-mouse` turns them off: the terminal's own selection then works).
        public var mouse: Bool

        public var window: Window = .h24
        /// What `p` cycles through, and the one to start on (by name; unknown: the first).
        public var presets: [Preset] = Preset.builtIn
        public var preset = Preset.full.name
        public var keyMap = KeyMap.standard
        /// The zone times are shown in (`--tz`).
        public var zone = DisplayZone.utc
        /// The coin focus to start with (remembered from the last run).
        public var coinFocus: String?
        /// Called on the main actor whenever the theme, window, focus or preset changes, to
        /// remember them between runs (the executable writes state.toml).
        public var remember: (@Sendable (ViewMemory) -> Void)?
        public var alerts = AlertOptions()
        /// Whether `h` may leave for `liqtop history` (replay: yes; live: it would end the session),
        /// and what it says when it may not.
        public var historyUnavailable: String?

        public init(frames: Int? = nil, theme: String? = nil, mouse: Bool = true) {
            self.frames = frames; self.theme = theme; self.mouse = mouse
        }
    }

    /// What is remembered between runs.
    public struct ViewMemory: Sendable, Equatable {
        public var theme: String
        public var window: Window
        public var focus: String?
        public var preset: String
    }

    /// At most ~30 frames a second, however fast snapshots arrive.
    public static let frameInterval: Swift.Duration = .milliseconds(33)

    private enum AppEvent: Sendable {
        case input(InputEvent)
        case snapshot(Snapshot)
        /// The replay's state changed (it publishes; nothing polls it).
        case playback(ReplayController.State)
        case frameDue
        /// The header flash of an alert is over.
        case flashOver
    }

    private let store: MarketStore
    private let replay: ReplayController?
    private let options: Options
    private let themes: ThemeLoader
    private let screen: any TerminalScreen
    private let input: any InputSource
    private let clock: FrameClock
    private let environment: [String: String]
    private var chrome: ChromeInfo
    private var view = ViewState()
    private var snapshot: Snapshot?
    /// Bar shapes for the colour depth: without colour, the sides differ by glyph.
    private var glyphs = BarGlyphs.colour
    private var framesDrawn = 0
    private var lastFrame: Swift.Duration?
    private var frameScheduled = false
    private var continuation: AsyncStream<AppEvent>.Continuation?

    /// `environment`: what theme colours are mapped by (`NO_COLOR`, `COLORTERM`).
    public init(store: MarketStore, replay: ReplayController?, chrome: ChromeInfo, options: Options, themes: ThemeLoader,
                screen: any TerminalScreen, input: any InputSource, clock: FrameClock = .continuous,
                environment: [String: String]) {
        self.store = store
        self.replay = replay
        self.chrome = chrome
        self.options = options
        self.themes = themes
        self.screen = screen
        self.input = input
        self.clock = clock
        self.environment = environment
        view.window = options.window
        view.presets = options.presets.isEmpty ? Preset.builtIn : options.presets
        view.preset = view.presets.first { $0.name == options.preset } ?? view.presets[0]
        view.focus = view.preset.panels[0]
        view.keyMap = options.keyMap
        view.zone = options.zone
        view.coinFocus = options.coinFocus
    }

    /// The dashboard on the process's own terminal: ncurses, stdin and the signal pipe.
    public static func runOnTerminal(store: MarketStore, replay: ReplayController?, chrome: ChromeInfo, options: Options,
                                     themes: ThemeLoader) async throws -> Ending {
        TerminalGuard.installExitHook()
        // Signals are routed to the pipe before the screen takes the terminal.
        let watcher = InputWatcher()
        let screen = try NCursesScreen(terminal: .real)
        if options.mouse { screen.enableMouse() }
        let app = DashboardApp(store: store, replay: replay, chrome: chrome, options: options, themes: themes,
                               screen: screen, input: watcher, environment: ThemeLoader.processEnvironment())
        let status = try await app.run()
        return Ending(status: status, openHistory: app.wantsHistory)
    }

    /// Set when the loop ended for `h`: the caller opens `liqtop history` on the same inputs.
    public private(set) var wantsHistory = false

    /// How the dashboard ended: its exit status, and whether `h` asked for the history view.
    public struct Ending: Sendable, Equatable {
        public var status: Int32
        public var openHistory: Bool
    }

    /// Runs until `q`, end of input, `--frames` or a terminating signal; returns the exit status
    /// (0, or 128 + N for signal N). A theme that cannot be loaded at start throws, with the
    /// terminal given back.
    public func run() async throws -> Int32 {
        defer { screen.restore() }
        do {
            try applyTheme(named: options.theme)
        } catch {
            screen.restore()
            throw error
        }

        let (events, continuation) = AsyncStream.makeStream(of: AppEvent.self)
        self.continuation = continuation
        let inputs = Task { [input] in for await e in input.events { continuation.yield(.input(e)) } }
        let snapshots = Task { [store] in for await s in store.snapshots { continuation.yield(.snapshot(s)) } }
        let playback = Task { [replay] in
            guard let replay else { return }
            for await st in replay.states { continuation.yield(.playback(st)) }
        }
        defer { inputs.cancel(); snapshots.cancel(); playback.cancel(); input.stop() }
        input.start()
        remembered = ViewMemory(theme: view.themeName, window: view.window, focus: view.coinFocus, preset: view.preset.name)
        if view.storeFocus != lastFocus { lastFocus = view.storeFocus; await store.setFocus(lastFocus) }
        snapshot = await store.snapshot()
        if !options.alerts.rules.isEmpty, let s = snapshot {
            await store.setAlertRules(options.alerts.rules.map(\.rule))
            await store.primeAlerts(at: s.clock) // from where the dashboard opens: nothing fires for the past
        }
        await refreshPlayback()
        draw()
        if reachedFrameLimit { return await shutdown(status: 0) }

        for await event in events {
            switch event {
            case .input(.inputReady):
                let received = screen.readInput()
                input.resume()
                for item in received {
                    switch item {
                    case .key(.resize): screen.handleResize()
                    case .key(let key): if await handle(key) { return await shutdown(status: 0) }
                    case .mouse where !options.mouse:
                        continue // --no-mouse: reports that still arrive are not ours
                    case .mouse(let e):
                        // What the frame on screen drew at that cell.
                        let effects = view.handle(mouse: e, target: lastHits.last { $0.rect.contains(x: e.x, y: e.y) }?.target, snapshot: snapshot)
                        if await carryOut(effects) { return await shutdown(status: 0) }
                    }
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
                await evaluateAlerts(at: s.clock)
                view.clampSelection(s)
                // A cursor the clock pushed out of the window moved: the store must know.
                if view.storeFocus != lastFocus { lastFocus = view.storeFocus; await store.setFocus(lastFocus) }
            case .playback(let st):
                chrome.playback = Self.status(st)
            case .frameDue:
                frameScheduled = false
            case .flashOver:
                if let until = flashUntil, clock.now() >= until { flashUntil = nil; chrome.flash = false }
            }
            if requestFrame() { return await shutdown(status: 0) }
        }
        return await shutdown(status: 0)
    }

    /// Applies one key; true when the app should quit.
    private func handle(_ key: Key) async -> Bool {
        await carryOut(view.handle(key, snapshot: snapshot))
    }

    /// Carries out what a key or a click asked for; true when the app should quit. The store's
    /// focus follows the view's, whichever changed it.
    private func carryOut(_ effects: [Effect]) async -> Bool {
        let before = lastFocus
        defer { lastFocus = view.storeFocus }
        for effect in effects {
            switch effect {
            case .quit: return true
            case .openHistory:
                if let why = options.historyUnavailable { view.message = why; continue }
                wantsHistory = true
                return true
            case .replay(let command):
                if let replay { await replay.handle(command) }
                else { view.message = "live data: replay controls do nothing" }
            case .nextTheme:
                let name = themes.next(after: view.themeName)
                do { try applyTheme(named: name) } catch { view.message = "\(error)" }
            case .toggleMute:
                if mutedUntil != nil {
                    mutedUntil = nil
                    view.message = "alerts unmuted"
                } else {
                    mutedUntil = clock.now() + options.alerts.muteFor
                    view.message = "alerts muted for \(Self.minutes(options.alerts.muteFor)) (m unmutes): they are still listed (a)"
                }
                chrome.alertsMuted = mutedUntil != nil
            }
        }
        if view.storeFocus != before { await store.setFocus(view.storeFocus) }
        rememberIfChanged()
        return false
    }

    private var remembered: ViewMemory?

    private func rememberIfChanged() {
        let now = ViewMemory(theme: view.themeName, window: view.window, focus: view.coinFocus, preset: view.preset.name)
        guard now != remembered else { return }
        remembered = now
        options.remember?(now)
    }

    // MARK: alerts

    private lazy var throttle = AlertThrottle(interval: options.alerts.repeatInterval)
    private var mutedUntil: Swift.Duration?
    private var flashUntil: Swift.Duration?
    private var lastAlertClock: Millis?
    /// How long the header is inverted when a rule notifies.
    public static let flashLength: Swift.Duration = .milliseconds(1500)

    /// New alerts up to `t` into the list; those the throttle and the mute let through flash
    /// the header, ring the bell and run their commands. A clock that moved back (a seek) drops
    /// the listed alerts after it: they fire again when the replay gets there.
    private func evaluateAlerts(at t: Millis) async {
        guard !options.alerts.rules.isEmpty else { return }
        if let last = lastAlertClock, t < last {
            let before = view.alerts.count
            view.alerts.removeAll { $0.time > t }
            view.alertCount -= before - view.alerts.count
            throttle.reset()
        }
        lastAlertClock = t
        let fired = await store.advanceAlerts(to: t)
        guard !fired.isEmpty else { return }
        view.alerts.insert(contentsOf: fired.reversed(), at: 0)
        if view.alerts.count > ViewState.alertLimit { view.alerts.removeLast(view.alerts.count - ViewState.alertLimit) }
        view.alertCount += fired.count
        if let until = mutedUntil, clock.now() >= until { mutedUntil = nil; chrome.alertsMuted = false }
        guard mutedUntil == nil else { return }
        var rang = false
        for alert in fired where throttle.admit(alert) {
            guard let rule = options.alerts.rule(alert.rule) else { continue }
            if rule.bell && !rang { screen.bell(); rang = true }
            if !rule.command.isEmpty {
                let command = rule.command, failed = options.alerts.hookFailed
                Task.detached {
                    if case .failed(let why) = await AlertHook.run(command, alert: alert) {
                        failed?("alert hook for '\(alert.rule)': \(why)")
                    }
                }
            }
            flash()
        }
    }

    private func flash() {
        let until = clock.now() + Self.flashLength
        flashUntil = until
        chrome.flash = true
        guard let continuation else { return }
        Task { [clock] in await clock.sleep(Self.flashLength); continuation.yield(.flashOver) }
    }

    static func minutes(_ d: Swift.Duration) -> String {
        let m = d.components.seconds / 60
        return m >= 60 && m % 60 == 0 ? "\(m / 60) h" : "\(m) min"
    }

    /// The focus last sent to the store.
    private var lastFocus = Focus()
    /// The click targets of the frame on screen.
    private var lastHits: [Hit] = []

    private func applyTheme(named name: String?) throws {
        let (theme, warnings) = try themes.load(name)
        glyphs = screen.apply(theme, environment: environment)
        view.themeName = theme.name
        view.message = warnings.first.map { "theme \(theme.name): \($0)" } ?? (name == nil ? nil : "theme \(theme.name)")
    }

    /// The state once, for the first frame; from then on `replay.states` brings every change.
    private func refreshPlayback() async {
        guard let replay else { return }
        chrome.playback = Self.status(await replay.state)
    }

    static func status(_ st: ReplayController.State) -> PlaybackStatus {
        PlaybackStatus(playing: st.playing, speed: st.speedLabel, atEnd: st.atEnd)
    }

    private var reachedFrameLimit: Bool { options.frames.map { framesDrawn >= $0 } ?? false }

    /// Draws now if the last frame is old enough, else schedules one. True when `--frames` is reached.
    private func requestFrame() -> Bool {
        let now = clock.now()
        if let last = lastFrame, now - last < Self.frameInterval {
            if !frameScheduled, let continuation {
                frameScheduled = true
                let wait = Self.frameInterval - (now - last)
                Task { [clock] in await clock.sleep(wait); continuation.yield(.frameDue) }
            }
            return false
        }
        draw()
        return reachedFrameLimit
    }

    private func draw() {
        let size = screen.size
        let frame = Renderer.render(snapshot, view, chrome, width: size.width, height: size.height, glyphs: glyphs)
        screen.draw(frame)
        lastHits = frame.hits
        view.pageRows = frame.listRows ?? view.pageRows
        framesDrawn += 1
        lastFrame = clock.now()
    }

    private func shutdown(status: Int32) async -> Int32 {
        await replay?.stop()
        screen.restore()
        return status
    }
}
