import LiqtopCore
@testable import LiqtopTUI

/// The demo day loaded once into a store, snapshotted at the end of the day.
enum DemoFixture {
    static func store() async -> MarketStore {
        let store = MarketStore()
        await store.ingest(DemoDay.events(), source: "demo")
        return store
    }

    static func snapshot(focus: Focus = Focus(), at t: Millis? = nil) async -> Snapshot {
        let store = await store()
        await store.setFocus(focus)
        if let t { return await store.snapshot(at: t) }
        return await store.snapshot()
    }

    static let chrome = ChromeInfo(source: "demo 2026-01-14", playback: PlaybackStatus(playing: false, speed: "60×", atEnd: true))

    /// Applies keys in order, refreshing the store focus like the app does.
    static func press(_ keys: [Key], _ view: inout ViewState, store: MarketStore) async -> Snapshot {
        var s = await store.snapshot()
        for k in keys {
            _ = view.handle(k, snapshot: s)
            await store.setFocus(view.storeFocus)
            s = await store.snapshot()
        }
        return s
    }
}
