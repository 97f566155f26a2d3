import LiqtopCore

/// Plays a loaded day on its own clock: pause, speed and seek move the store clock; the store
/// answers every position with binary searches, so seeking anywhere is instant.
/// While paused no task runs at all (0 % CPU).
public actor ReplayController {
    public struct State: Sendable, Equatable {
        public var position: Millis
        public var start: Millis
        public var end: Millis
        public var playing: Bool
        public var speedIndex: Int
        public var speedLabel: String { ReplaySpeed.label(speedIndex) }
        public var atEnd: Bool { position >= end }
    }

    /// About 30 clock updates a second while playing: what the view can show.
    public static let tick: Swift.Duration = .milliseconds(33)

    private let store: MarketStore
    public private(set) var state: State { didSet { if state != oldValue { continuation.yield(state) } } }
    /// Every change of state, as it happens (the newest only when the reader is behind): the view
    /// receives the replay's state instead of asking for it.
    public nonisolated let states: AsyncStream<State>
    private let continuation: AsyncStream<State>.Continuation
    private var ticker: Task<Void, Never>?
    /// Bumped whenever the ticker stops, so a sleeping old ticker can never run on.
    private var generation = 0

    public init(store: MarketStore, start: Millis, end: Millis, position: Millis, speedIndex: Int = 2, playing: Bool = true) {
        self.store = store
        let p = min(max(position, start), end)
        (states, continuation) = AsyncStream.makeStream(of: State.self, bufferingPolicy: .bufferingNewest(1))
        state = State(position: p, start: start, end: end, playing: playing && p < end,
                      speedIndex: min(max(0, speedIndex), ReplaySpeed.steps.count - 1))
        continuation.yield(state)
    }

    /// Publishes the initial position and starts playing if asked to.
    public func begin() async {
        await store.setClock(state.position)
        updateTicker()
    }

    public func handle(_ command: ReplayCommand) async {
        switch command {
        case .togglePause:
            if state.atEnd && !state.playing { state.position = state.start } // play again from the top
            state.playing.toggle()
        case .faster: state.speedIndex = min(state.speedIndex + 1, ReplaySpeed.steps.count - 1)
        case .slower: state.speedIndex = max(state.speedIndex - 1, 0)
        case .seek(let delta): move(to: state.position + delta)
        case .jumpStart: move(to: state.start)
        case .jumpEnd: move(to: state.end)
        case .jump(let t): move(to: t)
        }
        if state.atEnd { state.playing = false }
        await store.setClock(state.position)
        updateTicker()
    }

    public func stop() {
        generation += 1
        ticker?.cancel()
        ticker = nil
    }

    /// Ends `states` (the app is done with the replay).
    public func finish() {
        stop()
        continuation.finish()
    }

    private func move(to t: Millis) { state.position = min(max(t, state.start), state.end) }

    private func updateTicker() {
        if state.playing {
            guard ticker == nil else { return }
            let g = generation
            ticker = Task { [weak self] in await self?.run(generation: g) }
        } else {
            stop()
        }
    }

    private func run(generation g: Int) async {
        // A ticker that ends by itself (the end of the day) lets the next play start a new one.
        defer { if generation == g { ticker = nil } }
        let clock = ContinuousClock()
        var last = clock.now
        while !Task.isCancelled, state.playing, generation == g {
            try? await Task.sleep(for: Self.tick)
            guard generation == g, state.playing else { return }
            let now = clock.now
            let elapsed = now - last
            last = now
            let wallMillis = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            move(to: state.position + wallMillis * Millis(ReplaySpeed.multiplier(state.speedIndex)))
            if state.atEnd { state.playing = false }
            await store.setClock(state.position)
        }
    }
}
