import LiqtopApp
import LiqtopTestSupport
import LiqtopTUI
import Testing

/// What the status line says about themes, and what a theme that cannot load does.
@MainActor @Suite struct ThemeMessageTests {
    static let good = ##"theme[text]="#cccccc""##
    static let odd = "theme[text]=\"#cccccc\"\ntheme[sparkle]=\"#ffffff\""
    static let broken = ##"theme[text]="#cc""##

    @Test func theThemeAskedForIsNamedOnTheStatusLine() async throws {
        let themes = try Themes.directory(["calm": Self.good])
        let run = RunningApp(options: .init(theme: "calm"), themes: themes, environment: ["COLORTERM": "truecolor"])
        #expect(await eventually { run.statusLine.contains("theme calm") }, "\(run.statusLine)")
        #expect(run.screen.themes == ["calm"])
        #expect(run.screen.themeEnvironment == ["COLORTERM": "truecolor"]) // the colours are mapped by it
        run.terminal.press(.char("q"))
        #expect(await run.end())
        await run.stop()
    }

    @Test func noThemeAskedForSaysNothing() async throws {
        let run = RunningApp(options: .init(frames: 1))
        #expect(await run.end())
        #expect(run.screen.themes == ["default"])
        #expect(!run.statusLine.contains("theme"), "\(run.statusLine)")
        await run.stop()
    }

    @Test func aThemeWarningIsShownWithTheThemeName() async throws {
        let themes = try Themes.directory(["odd": Self.odd])
        let run = RunningApp(options: .init(frames: 1, theme: "odd"), themes: themes, width: 300)
        #expect(await run.end())
        #expect(run.statusLine.contains("theme odd: "), "\(run.statusLine)")
        #expect(run.statusLine.contains("unknown key 'sparkle' ignored"), "\(run.statusLine)")
        await run.stop()
    }

    @Test func aThemeThatCannotLoadAtStartThrowsWithTheTerminalGivenBack() async throws {
        let run = RunningApp(options: .init(theme: "nowhere"))
        #expect(await run.end())
        #expect(run.status == nil)
        #expect("\(run.error.map { "\($0)" } ?? "")".contains("theme 'nowhere' not found"))
        #expect(run.screen.frames.isEmpty)
        #expect(run.screen.restoreCount >= 1)
        await run.stop()
    }

    @Test func tMovesToTheNextThemeAndABrokenOneIsReportedNotApplied() async throws {
        // Sorted by name: broken, calm, default (built in).
        let themes = try Themes.directory(["calm": Self.good, "broken": Self.broken])
        let run = RunningApp(options: .init(theme: "calm"), themes: themes)
        #expect(await eventually { run.statusLine.contains("theme calm") })
        run.terminal.press(.char("t"))
        #expect(await eventually { run.statusLine.contains("theme default") }, "\(run.statusLine)")
        run.terminal.press(.char("t"))
        #expect(await eventually { run.statusLine.contains("bad colour") }, "\(run.statusLine)")
        #expect(run.screen.themes == ["calm", "default"])
        run.terminal.press(.char("q"))
        #expect(await run.end())
        await run.stop()
    }
}
