import Testing
import LiqtopCore
@testable import LiqtopFeeds

@Suite struct ReplayControllerTests {
    let start: Millis = 1_768_348_800_000
    var end: Millis { start + Duration.day - 1 }

    func make(playing: Bool, speed: Int = 2) async -> (MarketStore, ReplayController) {
        let store = MarketStore()
        let r = ReplayController(store: store, start: start, end: end, position: start + Duration.hour, speedIndex: speed, playing: playing)
        await r.begin()
        return (store, r)
    }

    @Test func seekAndJumpsMoveTheStoreClock() async {
        let (store, r) = await make(playing: false)
        #expect(await store.snapshot().clock == start + Duration.hour)
        await r.handle(.seek(by: Duration.minute))
        #expect(await store.snapshot().clock == start + Duration.hour + Duration.minute)
        await r.handle(.seek(by: -2 * Duration.day))
        #expect(await store.snapshot().clock == start)
        await r.handle(.jumpEnd)
        #expect(await r.state.atEnd)
        #expect(await store.snapshot().clock == end)
        await r.handle(.jump(to: start + 5))
        #expect(await store.snapshot().clock == start + 5)
    }

    /// The view receives the replay's state: every change arrives on `states`, none is polled.
    @Test func stateChangesArePublished() async {
        let (_, r) = await make(playing: false)
        var states = r.states.makeAsyncIterator()
        #expect(await states.next()?.position == start + Duration.hour) // the state it began with
        await r.handle(.faster)
        #expect(await states.next()?.speedIndex == 3)
        await r.handle(.jumpEnd)
        let last = await states.next()
        #expect(last?.atEnd == true && last?.playing == false)
        await r.finish()
        #expect(await states.next() == nil)
    }

    @Test func speedStepsAndLabels() async {
        let (_, r) = await make(playing: false, speed: 0)
        #expect(await r.state.speedLabel == "1×")
        for _ in 0 ..< 10 { await r.handle(.faster) }
        #expect(await r.state.speedLabel == "max")
        await r.handle(.slower)
        #expect(await r.state.speedLabel == "3600×")
        #expect(ReplaySpeed.index(of: "60x") == 2 && ReplaySpeed.index(of: "max") == 6 && ReplaySpeed.index(of: "7") == nil)
    }

    @Test func playingAdvancesAndStopsAtTheEnd() async throws {
        // 3600×: an hour per second, so the day cannot end before we pause, however loaded the machine.
        let (store, r) = await make(playing: true, speed: 5)
        // Poll rather than assume a schedule: other tests may keep both cores busy.
        for _ in 0 ..< 200 where await store.snapshot().clock == start + Duration.hour {
            try await Task.sleep(for: .milliseconds(25))
        }
        #expect(await store.snapshot().clock > start + Duration.hour)
        // Pausing stops the clock.
        await r.handle(.togglePause)
        let paused = await store.snapshot().clock
        try await Task.sleep(for: .milliseconds(150))
        #expect(await store.snapshot().clock == paused)
        // Resume at max (a day per second): reaches the end and pauses there.
        await r.handle(.faster)
        await r.handle(.togglePause)
        for _ in 0 ..< 1200 where await !r.state.atEnd { try await Task.sleep(for: .milliseconds(25)) }
        #expect(await r.state.atEnd)
        #expect(await r.state.playing == false)
        #expect(await store.snapshot().clock == end)
    }
}
