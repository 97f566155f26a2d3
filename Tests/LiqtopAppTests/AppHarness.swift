import Foundation
import LiqtopApp
import LiqtopCore
import LiqtopFeeds
import LiqtopTestSupport
import LiqtopTUI

/// One dashboard loop on a recording screen, run as a task of the test; `status` is set when
/// `run()` returns, `error` when it throws.
@MainActor
final class RunningApp {
    let terminal: TestTerminal
    let app: DashboardApp
    private(set) var status: Int32?
    private(set) var error: (any Error)?

    init(store: MarketStore = MarketStore(), replay: ReplayController? = nil, source: String = "test",
         options: DashboardApp.Options = .init(), themes: ThemeLoader = Themes.none, width: Int = 120, height: Int = 40,
         clock: ManualClock? = nil, environment: [String: String] = [:]) {
        terminal = TestTerminal(width: width, height: height, clock: clock)
        app = DashboardApp(store: store, replay: replay, chrome: ChromeInfo(source: source), options: options, themes: themes,
                           screen: terminal.screen, input: terminal.input, clock: clock.map(FrameClock.init) ?? .continuous,
                           environment: environment)
        Task { [app] in
            do { self.status = try await app.run() } catch { self.error = error }
        }
    }

    var screen: RecordingScreen { terminal.screen }
    var ended: Bool { status != nil || error != nil }

    /// Waits (bounded) for the loop to return.
    func end(within limit: Swift.Duration = .seconds(120)) async -> Bool {
        await eventually(limit) { self.ended }
    }

    /// Ends a loop a failed test left running, so no task outlives its test.
    func stop() async {
        if !ended { terminal.closeInput(); _ = await end() }
    }

    /// The status line of the last frame.
    var statusLine: String { screen.lastFrame.map { $0.line($0.height - 1) } ?? "" }
    var header: String { screen.lastFrame?.line(0) ?? "" }
}

/// The demo day's events, generated once for every test here.
private let demoEvents = DemoDay.events()

/// A store holding the demo day, built off the main actor: generating the day takes seconds
/// (more under ThreadSanitizer), and the main actor runs every other test's loop.
func demoStore() async -> MarketStore {
    let events = await Task.detached { demoEvents }.value
    let store = MarketStore()
    await store.ingest(events, source: "demo")
    return store
}

/// Polls `condition` every 10 ms for at most `limit`; true when it became true. The limit is
/// long because a two-core machine running every suite (under ThreadSanitizer, too) can leave
/// a test waiting tens of seconds for its turn; a condition that holds returns at once.
@MainActor
func eventually(_ limit: Swift.Duration = .seconds(120), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}

/// Theme directories made for one test.
enum Themes {
    /// No theme files at all: only the built-in default.
    static let none = ThemeLoader(searchDirectories: [], environment: [:])

    /// A directory holding `files` (name → contents) as `NAME.theme`.
    static func directory(_ files: [String: String]) throws -> ThemeLoader {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-app-themes-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: dir.appendingPathComponent(name + ".theme"), atomically: true, encoding: .utf8)
        }
        return ThemeLoader(searchDirectories: [dir.path], environment: [:])
    }
}
