import LiqtopFeeds
import NIOCore
import NIOPosix
import WSClient
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why one connection ended, and how to say so on the status line.
enum SessionEnd: Sendable {
    case closedByServer(reason: String?)
    /// The TCP stream ended without a WebSocket close frame.
    case dropped
    case failed(any Error)
    case stalled(Swift.Duration)
    case connectTimeout(Swift.Duration)
    /// Planned: replaced before the venue's 24 h connection limit.
    case aged
    case cancelled

    var words: String {
        switch self {
        case .closedByServer(let reason):
            if let reason, !reason.isEmpty { return "connection closed by server: \(reason.prefix(80))" }
            return "connection closed by server"
        case .dropped: return "connection dropped without a close frame"
        case .failed(let error): return Self.words(error)
        case .stalled(let d): return "no data for \(Self.words(d))"
        case .connectTimeout(let d): return "no WebSocket upgrade within \(Self.words(d))"
        case .aged: return "planned reconnect before the 24 h connection limit"
        case .cancelled: return "stopped"
        }
    }

    /// Ended for a frame that fails the connection (or one over the size limit).
    var isFrameFault: Bool {
        if case .failed(let error) = self { error is FrameFault } else { false }
    }

    static func words(_ d: Swift.Duration) -> String {
        let ms = d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
        return ms % 1000 == 0 ? "\(ms / 1000) s" : "\(ms) ms"
    }

    static func words(_ error: any Error) -> String {
        switch error {
        case let e as FrameFault:
            return e.words
        case let e as IOError:
            return words(errno: e.errnoCode)
        case let e as NIOConnectionError:
            if e.dnsAError != nil || e.dnsAAAAError != nil { return "cannot resolve \(e.host)" }
            if let first = e.connectionErrors.first {
                return "cannot connect to \(e.host):\(e.port): \(words(first.error))"
            }
            return "cannot connect to \(e.host):\(e.port)"
        case let e as ChannelError:
            switch e {
            case .connectTimeout: return "TCP connect timed out"
            case .ioOnClosedChannel, .alreadyClosed, .eof, .outputClosed, .inputClosed: return "connection closed"
            default: return "connection error: \(e)"
            }
        case let e as WebSocketClientError:
            if e == .webSocketUpgradeFailed { return "WebSocket upgrade refused by server" }
            if e == .invalidURL { return "invalid URL" }
            return e.description
        case is CancellationError:
            return "stopped"
        default:
            return String(String(describing: error).prefix(120))
        }
    }

    static func words(errno code: CInt) -> String {
        switch code {
        case ECONNRESET: "TCP connection reset"
        case ECONNREFUSED: "connection refused"
        case ETIMEDOUT: "connection timed out"
        case EPIPE: "connection broken"
        case ENETUNREACH, EHOSTUNREACH: "network unreachable"
        default: String(cString: strerror(code))
        }
    }
}

/// Awaits `task`, but when the caller is cancelled first, cancels `task` and returns nil at once
/// instead of waiting (a connection stuck before its upgrade does not answer cancellation).
func awaitOrAbandon<T: Sendable>(_ task: Task<T, any Error>) async -> Result<T, any Error>? {
    let once = ResumeOnce<Result<T, any Error>?>()
    return await withTaskCancellationHandler {
        await withCheckedContinuation { continuation in
            once.install(continuation)
            Task { once.resume(with: await task.result) }
        }
    } onCancel: {
        task.cancel()
        once.resume(with: nil)
    }
}

/// A continuation resumed by whichever side comes first, exactly once.
final class ResumeOnce<T: Sendable>: Sendable {
    private enum State {
        case empty
        case waiting(CheckedContinuation<T, Never>)
        case resolved(T)
        case done
    }

    private let state = PthreadLock<State>(.empty)

    func install(_ c: CheckedContinuation<T, Never>) {
        let ready: T? = state.withLock { s in
            switch s {
            case .resolved(let v): s = .done; return v
            case .empty: s = .waiting(c); return nil
            case .waiting, .done: return nil
            }
        }
        if let ready { c.resume(returning: ready) }
    }

    func resume(with value: T) {
        let waiter: CheckedContinuation<T, Never>? = state.withLock { s in
            switch s {
            case .waiting(let c): s = .done; return c
            case .empty: s = .resolved(value); return nil
            case .resolved, .done: return nil
            }
        }
        waiter?.resume(returning: value)
    }
}
