import LiqtopCore
import LiqtopTUI

/// The config file read from disk (never written): its settings and problems, or, when the
/// file cannot be used at all, the reason.
public struct ConfigFile: Sendable {
    public var path: String?
    public var settings: Settings
    public var problems: [ConfigProblem]
    private var text = ""

    /// The line a key path (`theme`, `tiers.BTC`) is on, for messages about its value.
    public func line(_ path: String) -> Int { TOMLLines(text).line(path) }

    init(path: String?, settings: Settings, problems: [ConfigProblem], text: String = "") {
        self.path = path; self.settings = settings; self.problems = problems; self.text = text
    }

    /// Config files are small; a larger one is a mistake (a wrong path), not a config.
    public static let sizeLimit = 1 << 20

    public var errors: [ConfigProblem] { problems.filter(\.isError) }
    public var warnings: [ConfigProblem] { problems.filter { !$0.isError } }

    /// Every problem as `FILE:LINE: message`.
    public var located: [String] { problems.map { $0.located(in: path ?? "config") } }

    /// Reads the file `paths` names. A default location that does not exist gives the
    /// defaults; a file the user named (`--config`, `LIQTOP_CONFIG`) must exist.
    public static func load(_ paths: ConfigPaths, checkRule: @escaping (String) -> String? = { _ in nil }) -> ConfigFile {
        guard let path = paths.config else { return ConfigFile(path: nil, settings: Settings(), problems: []) }
        switch FileSystem.read(path, limit: sizeLimit) {
        case .ok(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return ConfigFile(path: path, settings: Settings(), problems: [ConfigProblem(line: 1, message: "not UTF-8 text")])
            }
            let (settings, problems) = ConfigReader.read(text, checkRule: checkRule)
            return ConfigFile(path: path, settings: settings, problems: problems, text: text)
        case .tooLarge:
            return ConfigFile(path: path, settings: Settings(), problems: [ConfigProblem(line: 1, message: "larger than 1 MiB: not a config file")])
        case .failed(let why):
            if why == "no such file" && !paths.configIsExplicit { return ConfigFile(path: nil, settings: Settings(), problems: []) }
            return ConfigFile(path: path, settings: Settings(), problems: [ConfigProblem(line: 1, message: "cannot read: \(why)")])
        }
    }
}
