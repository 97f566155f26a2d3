#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import LiqtopTUI

/// A throwaway directory tree under /tmp, removed at the end of each test.
private final class TempTree {
    let root: String

    init() {
        var template = Array("/tmp/liqtop-themes-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buf in buf.baseAddress.flatMap { mkdtemp($0) } }
        root = made.map { String(cString: $0) } ?? "/tmp/liqtop-themes-failed"
    }

    func mkdirs(_ rel: String) -> String {
        var path = root
        for part in rel.split(separator: "/") { path += "/" + part; mkdir(path, 0o755) }
        return path
    }

    @discardableResult
    func file(_ rel: String, _ text: String) -> String {
        let path = root + "/" + rel
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        return path
    }

    deinit { removeTree(root) }

    private func removeTree(_ path: String) {
        if let dir = opendir(path) {
            while let ent = readdir(dir) {
                let name = withUnsafeBytes(of: ent.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
                if name == "." || name == ".." { continue }
                let child = path + "/" + name
                if unlink(child) != 0 { removeTree(child) }
            }
            closedir(dir)
        }
        rmdir(path)
    }
}

/// The repository's Themes/ directory, found from this file: Tests/LiqtopTUITests/ → ../../Themes.
private func repoThemes(_ file: String = #filePath) -> String {
    var parts = file.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/") + "/Themes"
}

@Suite struct ThemeLoaderTests {
    @Test func everyBundledThemeParsesCleanlyAndSetsEveryRole() throws {
        let loader = ThemeLoader(searchDirectories: [repoThemes()], environment: [:])
        let names = loader.available().map(\.name)
        for required in ["colorblind", "default", "high-contrast", "light"] { #expect(names.contains(required)) }
        #expect(loader.available().allSatisfy { $0.origin == .bundled })
        for info in loader.available() {
            let (theme, warnings) = try loader.load(info.name)
            #expect(warnings.isEmpty, "\(info.name): \(warnings)")
            #expect(theme.name == info.name)
            // The default leaves the background to the terminal; every other bundled theme paints its own.
            let roles = Set(Role.allCases).subtracting(info.name == "default" ? [.background] : [])
            #expect(Set(theme.colors.keys) == roles, "\(info.name)")
            #expect((theme.background == nil) == (info.name == "default"), "\(info.name)")
            // Text must differ from the background, and the two sides from each other.
            #expect(theme.color(.text) != theme.color(.background))
            #expect(theme.color(.long) != theme.color(.short), "\(info.name)")
        }
    }

    @Test func bundledDefaultMatchesTheBuiltIn() throws {
        let (theme, _) = try ThemeLoader(searchDirectories: [repoThemes()], environment: [:]).load(nil)
        #expect(theme == Theme.builtIn)
    }

    @Test func colorblindThemeUsesBlueAndOrange() throws {
        let (t, _) = try ThemeLoader(searchDirectories: [repoThemes()], environment: [:]).load("colorblind")
        let orange = RGB(0xe6, 0x9f, 0x00), blue = RGB(0x56, 0xb4, 0xe9)
        #expect(t.color(.long) == orange && t.color(.outflow) == orange)
        #expect(t.color(.short) == blue && t.color(.inflow) == blue)
        // Still apart at 8 colours: orange → yellow, sky blue → cyan.
        #expect(ColorMapping.ansi8(orange) == 3)
        #expect(ColorMapping.ansi8(blue) == 6)
    }

    @Test func userThemeShadowsBundledOne() throws {
        let tree = TempTree()
        let bundled = tree.mkdirs("share/Themes")
        _ = tree.mkdirs("config/liqtop/themes")
        tree.file("share/Themes/default.theme", "theme[text]=\"#111111\"\n")
        tree.file("share/Themes/light.theme", "theme[text]=\"#222222\"\n")
        tree.file("config/liqtop/themes/light.theme", "# mine\ntheme[text]=\"#333333\"\ntheme[nope]=\"#000000\"\n")
        tree.file("config/liqtop/themes/zebra.theme", "theme[text]=\"#444444\"\n")
        tree.file("config/liqtop/themes/.hidden.theme", "")
        tree.file("config/liqtop/themes/notes.txt", "")
        _ = tree.mkdirs("config/liqtop/themes/dir.theme")
        let loader = ThemeLoader(searchDirectories: [bundled, "/nonexistent/Themes"],
                                 environment: ["XDG_CONFIG_HOME": tree.root + "/config", "HOME": "/nonexistent"])
        #expect(loader.userDirectory == tree.root + "/config/liqtop/themes")
        let user = tree.root + "/config/liqtop/themes"
        #expect(loader.available() == [
            ThemeInfo(name: "default", path: bundled + "/default.theme", origin: .bundled),
            ThemeInfo(name: "light", path: user + "/light.theme", origin: .user),
            ThemeInfo(name: "zebra", path: user + "/zebra.theme", origin: .user),
        ])
        let (light, warnings) = try loader.load("light")
        #expect(light.color(.text) == RGB(0x33, 0x33, 0x33))
        #expect(warnings == ["\(user)/light.theme:3: unknown key 'nope' ignored"])
        #expect(try loader.load(nil).0.color(.text) == RGB(0x11, 0x11, 0x11))
        // A path bypasses the search.
        let (byPath, _) = try loader.load(bundled + "/light.theme")
        #expect(byPath.color(.text) == RGB(0x22, 0x22, 0x22))
        #expect(byPath.name == "light")
    }

    @Test func homeConfigIsUsedWithoutXDG() {
        let env = ["HOME": "/home/u"]
        #expect(ThemeLoader(searchDirectories: [], environment: env).userDirectory == "/home/u/.config/liqtop/themes")
        // Empty or relative XDG_CONFIG_HOME is ignored, as the XDG spec says.
        #expect(ThemeLoader(searchDirectories: [], environment: ["XDG_CONFIG_HOME": "", "HOME": "/h"]).userDirectory == "/h/.config/liqtop/themes")
        #expect(ThemeLoader(searchDirectories: [], environment: ["XDG_CONFIG_HOME": "rel", "HOME": "/h"]).userDirectory == "/h/.config/liqtop/themes")
        #expect(ThemeLoader(searchDirectories: [], environment: ["XDG_CONFIG_HOME": "/x/"]).userDirectory == "/x/liqtop/themes")
        #expect(ThemeLoader(searchDirectories: [], environment: [:]).userDirectory == nil)
    }

    @Test func nameVersusPath() {
        #expect(ThemeLoader.isPath("./mine"))
        #expect(ThemeLoader.isPath("mine.theme"))
        #expect(ThemeLoader.isPath("/etc/x"))
        #expect(!ThemeLoader.isPath("high-contrast"))
        #expect(ThemeLoader.stem("/a/b/solar.theme") == "solar")
        #expect(ThemeLoader.stem("x/other") == "other")
    }

    @Test func builtInWhenNothingFound() throws {
        let loader = ThemeLoader(searchDirectories: ["/nonexistent"], environment: [:])
        #expect(loader.available() == [ThemeInfo(name: "default", path: nil, origin: .builtIn)])
        let (t, w) = try loader.load(nil)
        #expect(t == Theme.builtIn && w.isEmpty)
        #expect(try loader.load("default").0 == Theme.builtIn)
        #expect(loader.next(after: "default") == "default")
    }

    @Test func notFoundMessagesListWhereWeLooked() {
        let loader = ThemeLoader(searchDirectories: ["/nonexistent/a", "./Themes"], environment: ["HOME": "/home/u"])
        #expect(throws: ThemeError("theme 'solarized' not found (looked in: /home/u/.config/liqtop/themes, /nonexistent/a, ./Themes)")) {
            try loader.load("solarized")
        }
        #expect(throws: ThemeError("/nonexistent/x.theme: cannot read theme (no such file)")) {
            try loader.load("/nonexistent/x.theme")
        }
        // A hostile name is echoed sanitized and cut.
        let evil = "\u{1B}[31m" + String(repeating: "a", count: 60)
        #expect(throws: ThemeError("theme '[31m\(String(repeating: "a", count: 36))…' not found (looked in: /home/u/.config/liqtop/themes, /nonexistent/a, ./Themes)")) {
            try loader.load(evil)
        }
    }

    @Test func directoriesAndFifosAreRejected() throws {
        let tree = TempTree()
        _ = tree.mkdirs("d.theme")
        #expect(throws: ThemeError("\(tree.root)/d.theme: cannot read theme (not a regular file)")) {
            try ThemeLoader(searchDirectories: [], environment: [:]).load(tree.root + "/d.theme")
        }
        let fifo = tree.root + "/pipe.theme"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: ThemeError("\(fifo): cannot read theme (not a regular file)")) {
            try ThemeLoader(searchDirectories: [], environment: [:]).load(fifo)
        }
    }

    @Test func oversizeFileIsRejected() {
        let tree = TempTree()
        let path = tree.file("big.theme", String(repeating: "#\n", count: 40_000))
        #expect(throws: ThemeError("\(path): file larger than 64 KiB")) {
            try ThemeLoader(searchDirectories: [], environment: [:]).load(path)
        }
    }

    @Test func nextCyclesThroughAvailableNames() {
        let tree = TempTree()
        let dir = tree.mkdirs("Themes")
        for n in ["light", "default", "colorblind"] { tree.file("Themes/\(n).theme", "") }
        let loader = ThemeLoader(searchDirectories: [dir], environment: [:])
        #expect(loader.available().map(\.name) == ["colorblind", "default", "light"])
        #expect(loader.next(after: "colorblind") == "default")
        #expect(loader.next(after: "default") == "light")
        #expect(loader.next(after: "light") == "colorblind")
        #expect(loader.next(after: "loaded-by-path") == "colorblind")
    }

    @Test func bundledDirectoriesFromExecutable() {
        #expect(ThemeLoader.bundledDirectories(executablePath: "/repo/.build/x86_64-unknown-linux-gnu/debug/liqtop") == [
            "/repo/.build/x86_64-unknown-linux-gnu/debug/../share/liqtop/Themes",
            "/repo/.build/x86_64-unknown-linux-gnu/debug/../../Themes",
            "/repo/.build/x86_64-unknown-linux-gnu/debug/../../../Themes",
            "./Themes",
        ])
        #expect(ThemeLoader.bundledDirectories(executablePath: "liqtop") == ["./Themes"])
        #expect(ThemeLoader.bundledDirectories(executablePath: nil) == ["./Themes"])
    }
}
