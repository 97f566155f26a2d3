import LiqtopCore
@testable import LiqtopTUI
import Testing

/// `--tz`: the clock, the tape and the chart axis in the zone; the header names its offset.
@Suite struct DisplayZoneTests {
    static let newYork = DisplayZone(name: "America/New_York", transitions: [(from: 0, offset: -5 * Duration.hour)])

    @Test func theScreenShowsTimesInTheZone() async {
        let s = await DemoFixture.snapshot()
        var v = ViewState()
        let utc = Renderer.render(s, v, DemoFixture.chrome, width: 200, height: 60).text
        v.zone = Self.newYork
        let ny = Renderer.render(s, v, DemoFixture.chrome, width: 200, height: 60).text
        #expect(utc.contains("2026-01-14 23:59:59.080 UTC "))
        #expect(ny.contains("2026-01-14 18:59:59.080 UTC-05:00"))
        // The tape's newest order, five hours earlier on the wall.
        let newest = s.tape[0].time
        #expect(utc.contains(ISOTime.clock(newest) + " ") && ny.contains(ISOTime.clock(newest - 5 * Duration.hour) + " "))
        #expect(!ny.contains(ISOTime.clock(newest) + " "))
        // The macro note (17:40 UTC) too.
        #expect(utc.contains("2026-01-14 17:40:00 · ") && ny.contains("2026-01-14 12:40:00 · "))
    }

    @Test func offsetsFollowTheirTransitions() {
        let z = DisplayZone(name: "x", transitions: [(from: 1000, offset: Duration.hour), (from: 0, offset: 0)])
        #expect(z.offset(at: 999) == 0 && z.offset(at: 1000) == Duration.hour && z.offset(at: -5) == 0)
        #expect(z.label(at: 2000) == "UTC+01:00" && z.label(at: 0) == "UTC")
        #expect(DisplayZone(name: "y", transitions: [(from: 0, offset: 5 * Duration.hour + 30 * Duration.minute)]).label(at: 1) == "UTC+05:30")
        #expect(DisplayZone.utc.isUTC && DisplayZone.utc.label(at: 0) == "UTC")
    }
}
