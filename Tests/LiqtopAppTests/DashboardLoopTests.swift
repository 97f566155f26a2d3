#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LiqtopApp
import LiqtopCore
import LiqtopFeeds
import LiqtopTestSupport
import LiqtopTUI
import Testing

/// The dashboard loop on a recording screen, without a terminal: how it ends and with which
/// status, what it does with keys and signals, and `--frames`.
@MainActor @Suite struct DashboardLoopTests {
    @Test func qQuitsWithStatusZeroAndGivesTheTerminalBack() async {
        let run = RunningApp()
        #expect(await eventually { run.screen.frames.count >= 1 })
        run.terminal.press(.char("q"))
        #expect(await run.end())
        #expect(run.status == 0)
        #expect(run.screen.restoreCount >= 1)
        #expect(run.terminal.input.starts == 1 && run.terminal.input.stops == 1)
        await run.stop()
    }

    @Test func endOfInputEndsWithStatusZero() async {
        let run = RunningApp()
        run.terminal.closeInput()
        #expect(await run.end())
        #expect(run.status == 0)
        #expect(run.screen.restoreCount >= 1)
    }

    @Test(arguments: [SIGTERM, SIGINT, SIGHUP, SIGUSR1, SIGALRM, SIGPIPE])
    func aTerminatingSignalEndsWith128PlusItsNumber(_ signal: Int32) async {
        let run = RunningApp()
        #expect(await eventually { run.screen.frames.count >= 1 })
        run.terminal.signal(signal)
        #expect(await run.end())
        #expect(run.status == 128 + signal)
        #expect(run.screen.restoreCount >= 1)
        await run.stop()
    }

    @Test func sigwinchRedrawsAtTheNewSizeAndSigcontRepaints() async {
        let run = RunningApp(width: 120, height: 40)
        #expect(await eventually { run.screen.frames.count >= 1 })
        run.terminal.resize(width: 80, height: 24, signal: SIGWINCH)
        #expect(await eventually { run.screen.lastFrame?.width == 80 && run.screen.lastFrame?.height == 24 })
        #expect(run.screen.resizeCount == 1)
        // The resize key ncurses sends for the same event is handled the same way.
        run.terminal.press(.resize)
        #expect(await eventually { run.screen.resizeCount == 2 })
        run.terminal.signal(SIGCONT)
        #expect(await eventually { run.screen.invalidateCount == 1 })
        #expect(!run.ended)
        run.terminal.press(.char("q"))
        #expect(await run.end())
        #expect(run.status == 0)
        await run.stop()
    }

    /// Before: the loop drew its first frame and then waited for an event before counting it,
    /// so `--frames 1` on a quiet source (a paused replay, a live feed with nothing yet) never ended.
    @Test func framesOneEndsAfterTheFirstFrameWithNothingHappening() async {
        let run = RunningApp(options: .init(frames: 1))
        #expect(await run.end(), "--frames 1 still running with no input")
        #expect(run.status == 0)
        #expect(run.screen.frames.count == 1)
        await run.stop()
    }

    @Test func framesNEndsAfterExactlyNFrames() async {
        let clock = ManualClock()
        let run = RunningApp(options: .init(frames: 3), clock: clock)
        #expect(await eventually { run.screen.frames.count == 1 })
        for k in 2 ... 3 {
            run.terminal.press(.char("?"))
            #expect(await eventually { clock.sleeping == 1 })
            clock.advance(by: DashboardApp.frameInterval)
            #expect(await eventually { run.screen.frames.count == k })
        }
        #expect(await run.end())
        #expect(run.status == 0)
        #expect(run.screen.frames.count == 3)
        await run.stop()
    }

    /// However fast keys (or snapshots) come, frames are at least `frameInterval` apart, and
    /// the frame drawn when it is due shows the latest state. `t` names the theme it moves to on
    /// the status line: the state each frame shows.
    @Test func framesArePacedAndTheDueFrameShowsTheLatestState() async throws {
        let clock = ManualClock()
        let themes = try Themes.directory(["a": "", "b": "", "c": ""]) // sorted: a, b, c, default
        let run = RunningApp(options: .init(theme: "a"), themes: themes, clock: clock)
        #expect(await eventually { run.screen.frames.count == 1 })
        #expect(run.statusLine.contains("theme a"))
        // At t = 0, too soon after the first frame: a frame is scheduled, not drawn.
        run.terminal.press(.char("t"))
        #expect(await eventually { clock.sleeping == 1 })
        run.terminal.press(.char("t"))
        #expect(await eventually { run.terminal.input.resumes == 2 })
        #expect(run.screen.themes == ["a", "b", "c"])
        #expect(run.screen.frames.count == 1)
        #expect(clock.sleeping == 1) // one frame scheduled, however many events
        clock.advance(by: DashboardApp.frameInterval - .milliseconds(1))
        #expect(clock.sleeping == 1)
        #expect(run.screen.frames.count == 1)
        clock.advance(by: .milliseconds(1))
        #expect(await eventually { run.screen.frames.count == 2 })
        #expect(run.statusLine.contains("theme c"), "\(run.statusLine)")
        // A key long after the last frame is drawn at once.
        clock.advance(by: .seconds(1))
        run.terminal.press(.char("t"))
        #expect(await eventually { run.screen.frames.count == 3 })
        #expect(run.statusLine.contains("theme default"), "\(run.statusLine)")
        let gaps = zip(run.screen.drawTimes, run.screen.drawTimes.dropFirst()).map { $1 - $0 }
        #expect(gaps == [DashboardApp.frameInterval, .seconds(1)], "\(gaps)")
        #expect(clock.sleeping == 0)
        run.terminal.press(.char("q"))
        #expect(await run.end())
        await run.stop()
    }

    @Test func replayKeysWithoutAReplaySaySoOnTheStatusLine() async {
        let run = RunningApp()
        #expect(await eventually { run.screen.frames.count >= 1 })
        run.terminal.press(.char(" "))
        #expect(await eventually { run.statusLine.contains("live data: replay controls do nothing") }, "\(run.statusLine)")
        run.terminal.press(.char("q"))
        #expect(await run.end())
        await run.stop()
    }

    @Test func spacePausesTheReplayAndTheHeaderSaysSo() async {
        let store = await demoStore()
        let range = DemoDay.day.start ... DemoDay.endTime
        let replay = ReplayController(store: store, start: range.lowerBound, end: range.upperBound,
                                      position: DemoDay.day.start + 20 * Duration.hour, playing: true)
        await replay.begin()
        let run = RunningApp(store: store, replay: replay, source: DashboardSource.replay(files: []))
        #expect(await eventually { run.header.contains("▶") }, "\(run.header)")
        run.terminal.press(.char(" "))
        #expect(await eventually { run.header.contains("❚❚ paused") }, "\(run.header)")
        run.terminal.press(.char("q"))
        #expect(await run.end())
        #expect(run.status == 0)
        await run.stop()
    }
}
