import LiqtopApp
import LiqtopCore
import LiqtopTestSupport
import LiqtopTUI
import Testing

/// The header says what the demo is: the published day, with generated orders.
@MainActor @Suite struct DemoHeaderTests {
    @Test func theDemoHeaderSaysTheOrdersAreSynthetic() async {
        #expect(DashboardSource.replay(files: []) == "demo · synthetic orders")
        let store = await demoStore()
        let run = RunningApp(store: store, source: DashboardSource.replay(files: []), options: .init(frames: 1), width: 80, height: 24)
        #expect(await run.end())
        #expect(run.header.contains("demo · synthetic orders"), "\(run.header)")
        await run.stop()
    }

    @Test func aReplayNamesItsFiles() {
        #expect(DashboardSource.replay(files: ["day.ndjson"]) == "replay day.ndjson")
        #expect(DashboardSource.replay(files: ["a", "b"]) == "replay 2 files")
    }
}
