/// How often one rule may notify (bell, hook command, header flash): at most once per
/// `interval` of the alerts' own time, per rule. The engine and `liqtop alerts` report every
/// firing; only these side effects are throttled.
public struct AlertThrottle: Sendable {
    public static let defaultInterval: Millis = 30 * Duration.second

    public var interval: Millis
    private var last: [String: Millis] = [:]

    public init(interval: Millis = AlertThrottle.defaultInterval) { self.interval = max(0, interval) }

    /// Whether `alert` may notify; when it may, its time starts the rule's next interval. An
    /// alert earlier than the rule's last (a replay moved back) starts afresh.
    public mutating func admit(_ alert: Alert) -> Bool {
        if let t = last[alert.rule], alert.time >= t, alert.time - t < interval { return false }
        last[alert.rule] = alert.time
        return true
    }

    /// Forgets every rule's last notification (a seek, new rules).
    public mutating func reset() { last = [:] }
}
