import LiqtopCore

/// The alert rules the dashboard evaluates and how it notifies (the config's `[[alerts]]`).
public struct AlertOptions: Sendable {
    public struct Rule: Sendable {
        public var rule: AlertRule
        /// Ring the terminal bell when it notifies.
        public var bell: Bool
        /// argv of a command run when it notifies (no shell); empty: none.
        public var command: [String]

        public init(rule: AlertRule, bell: Bool = false, command: [String] = []) {
            self.rule = rule; self.bell = bell; self.command = command
        }
    }

    public var rules: [Rule] = []
    /// The least time (on the data's clock) between two notifications of one rule.
    public var repeatInterval: Millis = AlertThrottle.defaultInterval
    /// How long `m` mutes notifications (wall time).
    public var muteFor: Swift.Duration = .seconds(15 * 60)
    /// Told when a hook command fails (the executable logs it; never the screen).
    public var hookFailed: (@Sendable (String) -> Void)?

    public init(rules: [Rule] = []) { self.rules = rules }

    func rule(_ text: String) -> Rule? { rules.first { $0.rule.text == text } }
}
