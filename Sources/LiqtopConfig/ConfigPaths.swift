/// Where the config and the state live (XDG Base Directory), from the environment given.
public struct ConfigPaths: Sendable, Equatable {
    /// The config file to read, and whether the user named it (then it must exist).
    public var config: String?
    public var configIsExplicit: Bool
    /// `state.toml`, nil without HOME or XDG_STATE_HOME.
    public var state: String?
    /// The directory of state.toml and liqtop.log.
    public var stateDirectory: String?

    /// `flag`: `--config PATH`, which beats `LIQTOP_CONFIG`, which beats the XDG location.
    public init(flag: String?, environment env: [String: String]) {
        let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        func xdg(_ name: String, _ fallback: String) -> String? {
            // The spec: a relative path in an XDG variable is invalid and ignored.
            if let v = env[name], v.hasPrefix("/") { return v }
            return home.map { $0 + "/" + fallback }
        }
        if let flag {
            config = flag; configIsExplicit = true
        } else if let v = env["LIQTOP_CONFIG"], !v.isEmpty {
            config = v; configIsExplicit = true
        } else {
            config = xdg("XDG_CONFIG_HOME", ".config").map { $0 + "/liqtop/config.toml" }; configIsExplicit = false
        }
        stateDirectory = xdg("XDG_STATE_HOME", ".local/state").map { $0 + "/liqtop" }
        state = stateDirectory.map { $0 + "/state.toml" }
    }
}
