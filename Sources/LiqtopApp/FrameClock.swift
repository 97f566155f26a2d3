/// The time the dashboard loop paces frames by: the continuous clock in the app, a clock the
/// test moves by hand in tests (any `Clock` measured in `Duration`).
public struct FrameClock: Sendable {
    /// Time since the clock was made; only differences matter.
    public let now: @Sendable () -> Swift.Duration
    /// Returns after `duration` of this clock (or when the task is cancelled).
    public let sleep: @Sendable (Swift.Duration) async -> Void

    public init<C: Clock>(_ clock: C) where C.Duration == Swift.Duration {
        let origin = clock.now
        now = { origin.duration(to: clock.now) }
        sleep = { d in try? await clock.sleep(until: clock.now.advanced(by: d), tolerance: nil) }
    }

    public static let continuous = FrameClock(ContinuousClock())
}
