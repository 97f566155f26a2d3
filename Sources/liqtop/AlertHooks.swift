import LiqtopCore
import LiqtopFeeds

/// What the dashboard calls when a rule fires and may notify (see `AlertThrottle`): each of the
/// rule's hook commands runs on its own (`AlertHook`: argv, no shell, the alert on stdin and in
/// `LIQTOP_ALERT_*`), the caller never waits, and a hook that fails is reported in one line
/// (for the log).
enum AlertHooks {
    static func run(_ commands: [[String]], for alert: Alert, failed: @escaping @Sendable (String) -> Void) {
        for command in commands where !command.isEmpty {
            Task.detached {
                if case .failed(let why) = await AlertHook.run(command, alert: alert) {
                    failed("alert hook for '\(alert.rule)': \(why)")
                }
            }
        }
    }
}
