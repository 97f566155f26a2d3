import LiqtopCore
@testable import LiqtopLive
import Testing

/// URLs that can never reach a venue are refused up front, not retried forever.
@Suite struct VenueURLTests {
    @Test func urlsThatCanNeverWork() {
        #expect(VenueConfig.urlProblem("") == "is empty")
        #expect(VenueConfig.urlProblem("ftp://example.com/x") == "must start with ws:// or wss://")
        #expect(VenueConfig.urlProblem("WSS://example.com/x") == "must start with ws:// or wss://")
        #expect(VenueConfig.urlProblem("fstream.binance.com/ws") == "must start with ws:// or wss://")
        #expect(VenueConfig.urlProblem("wss://") == "names no host")
        #expect(VenueConfig.urlProblem("wss://:443/ws") == "names no host")
        #expect(VenueConfig.urlProblem("ws://a b/ws") == "has an invalid host")
        #expect(VenueConfig.urlProblem("ws://127.0.0.1:99999/ws") == "port '99999' is not in 1-65535")
        #expect(VenueConfig.urlProblem("ws://127.0.0.1:0/ws") == "port '0' is not in 1-65535")
        #expect(VenueConfig.urlProblem("ws://127.0.0.1:/ws") == "port '' is not in 1-65535")
        #expect(VenueConfig.urlProblem("ws://127.0.0.1:+80/ws") == "port '+80' is not in 1-65535")
        #expect(VenueConfig(venue: .okx, url: "ws://h:70000").urlProblem == "URL 'ws://h:70000' port '70000' is not in 1-65535")
    }

    @Test func urlsThatMightWork() {
        for venue in [Venue.binance, .bybit, .okx] { #expect(VenueConfig.urlProblem(VenueConfig.defaultURL(venue)) == nil) }
        #expect(VenueConfig.urlProblem("wss://fstream.binance.com/market/ws/!forceOrder@arr") == nil)
        #expect(VenueConfig.urlProblem("ws://127.0.0.1:65535") == nil)
        #expect(VenueConfig.urlProblem("ws://localhost:1/x?y=1") == nil)
        #expect(VenueConfig.urlProblem("wss://example.com?x") == nil)
    }

    @Test func aSourceWithAnUnusableURLStopsInsteadOfRetrying() async {
        let recorder = Recorder()
        let source = VenueSource(config: VenueConfig(venue: .binance, url: "ftp://127.0.0.1/x", proxy: .none),
                                 context: testContext, clock: { testNow }, timing: fastTiming)
        await source.run(recorder.sink) // returns by itself
        #expect(recorder.health.map(\.state) == [.stopped("URL 'ftp://127.0.0.1/x' must start with ws:// or wss://")])
    }
}
