/// How long to stop polling after Binance refuses for load. Binance's REST limits are per IP
/// and "HTTP 429 return code is used when breaking a request rate limit. HTTP 418 return code
/// is used when an IP has been auto-banned for continuing to send requests after receiving 429
/// codes", the ban lasting "from 2 minutes to 3 days", and both come with "a Retry-After header
/// … the number of seconds required to wait"
/// (https://developers.binance.com/docs/derivatives/usds-margined-futures/general-info). So a
/// 429 or 418 stops every symbol's poll, not just the one refused: for Retry-After when sent,
/// else for an exponential backoff; a 418 never for less than the shortest ban.
public enum RateLimitPause {
    /// The statuses that mean "you are asking too often".
    public static func isRateLimit(_ status: Int) -> Bool { status == 429 || status == 418 }

    /// The shortest ban a 418 stands for.
    public static let minimumBan: Swift.Duration = .seconds(120)
    /// The longest ban Binance hands out: a Retry-After beyond it is read as this.
    public static let longestBan: Swift.Duration = .seconds(3 * 86400)

    /// Retry-After in whole seconds (the form Binance sends), or nil for anything else (an
    /// HTTP date, a negative or absurd number): the backoff then decides.
    public static func retryAfter(_ value: String?) -> Swift.Duration? {
        guard let value else { return nil }
        let digits = value.trimmingASCIISpaces
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int64(digits) else {
            return nil
        }
        return .seconds(n)
    }

    /// The pause for a refusal with `status` and the Retry-After value sent (if any). `backoff`
    /// counts consecutive refusals (reset it after a success); `unit` is its jitter in 0...1.
    public static func pause(status: Int, retryAfter header: String?, backoff: inout Backoff,
                             unit: Double) -> (delay: Swift.Duration, honoured: Bool) {
        if let given = retryAfter(header) {
            _ = backoff.nextDelay(uptime: .zero, unit: unit, mayReset: false) // a refusal still counts
            return (min(max(given, .seconds(1)), longestBan), true)
        }
        let d = backoff.nextDelay(uptime: .zero, unit: unit, mayReset: false)
        return (status == 418 ? max(d, minimumBan) : d, false)
    }

    /// The status line's words, e.g. `HTTP 429 (rate limit): paused 30 s as Retry-After asks`.
    public static func words(status: Int, delay: Swift.Duration, honoured: Bool) -> String {
        let what = status == 418 ? "HTTP 418 (IP banned for too many requests)" : "HTTP \(status) (rate limit)"
        return "\(what): paused \(SessionEnd.words(delay))" + (honoured ? " as Retry-After asks" : " (backoff)")
    }
}

extension String {
    var trimmingASCIISpaces: Substring {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return s
    }
}
