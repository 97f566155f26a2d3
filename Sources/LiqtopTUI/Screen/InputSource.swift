/// Where the dashboard loop learns that input is ready, that it ended, or that a signal came:
/// `InputWatcher` on a real terminal, a scripted source in tests.
public protocol InputSource: Sendable {
    var events: AsyncStream<InputEvent> { get }
    /// Starts watching (once).
    func start()
    /// The loop has read the input `.inputReady` announced: watch it again.
    func resume()
    /// Stops watching and finishes `events`.
    func stop()
}

extension InputWatcher: InputSource {}
