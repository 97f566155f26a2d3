import LiqtopTUI
import Synchronization

/// An `InputSource` the test drives: it sends `.inputReady`, `.inputClosed` and signals itself,
/// and counts how often the loop came back for more.
public final class ScriptedInput: InputSource {
    public let events: AsyncStream<InputEvent>
    private let continuation: AsyncStream<InputEvent>.Continuation
    private let counts = Mutex((starts: 0, resumes: 0, stops: 0))

    public init() {
        (events, continuation) = AsyncStream.makeStream(of: InputEvent.self, bufferingPolicy: .unbounded)
    }

    public func send(_ event: InputEvent) { continuation.yield(event) }

    public func start() { counts.withLock { $0.starts += 1 } }
    public func resume() { counts.withLock { $0.resumes += 1 } }
    public func stop() {
        counts.withLock { $0.stops += 1 }
        continuation.finish()
    }

    public var starts: Int { counts.withLock { $0.starts } }
    public var resumes: Int { counts.withLock { $0.resumes } }
    public var stops: Int { counts.withLock { $0.stops } }
}

/// A recording screen and a scripted input together: what a user at a terminal would do.
@MainActor
public final class TestTerminal {
    public let screen: RecordingScreen
    public let input = ScriptedInput()

    public init(width: Int = 120, height: Int = 40, clock: ManualClock? = nil) {
        screen = RecordingScreen(width: width, height: height, clock: clock)
    }

    /// Types `keys` (read by the loop in one go, as from one read of the terminal).
    public func press(_ keys: Key...) {
        screen.pending += keys.map(TerminalInput.key)
        input.send(.inputReady)
    }

    public func signal(_ number: Int32) { input.send(.signal(number)) }

    /// The terminal is now `width`×`height`; the loop hears of it by SIGWINCH.
    public func resize(width: Int, height: Int, signal number: Int32) {
        screen.size = (width, height)
        input.send(.signal(number))
    }

    public func closeInput() { input.send(.inputClosed) }
}
