import Foundation
import Testing
import LiqtopTestSupport

/// `make install PREFIX=…` puts the binary, the bundled themes, the man page and the three
/// completion scripts under PREFIX, and the installed binary finds its themes from any working
/// directory. A release build takes many minutes here, so the test installs the binary this
/// test run already built (`BIN=`); `make install` without BIN builds one first.
@Suite(.serialized) struct InstallTests {
    @Test(.timeLimit(.minutes(2))) func anInstalledBinaryFindsItsThemesFromAnyDirectory() async throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-prefix-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        let make = try #require(LiqtopProcess.which("make"))
        let root = LiqtopProcess.packageRoot
        let installed = try await LiqtopProcess.run(make, ["-C", root, "install", "PREFIX=\(prefix)", "BIN=\(LiqtopBinary.url.path)"])
        #expect(installed.status == 0, "\(installed.stdout)\n\(installed.stderr)")
        #expect(!installed.stdout.contains("swift build"), "a given BIN is installed, not built")

        let fm = FileManager.default
        for file in ["bin/liqtop", "share/man/man1/liqtop.1", "share/bash-completion/completions/liqtop",
                     "share/zsh/site-functions/_liqtop", "share/fish/vendor_completions.d/liqtop.fish"] {
            #expect(fm.fileExists(atPath: prefix + "/" + file), "\(file)")
        }
        #expect(fm.isExecutableFile(atPath: prefix + "/bin/liqtop"))
        let bundled = try fm.contentsOfDirectory(atPath: root + "/Themes").filter { $0.hasSuffix(".theme") }.sorted()
        #expect(try fm.contentsOfDirectory(atPath: prefix + "/share/liqtop/Themes").sorted() == bundled)
        let page = try String(contentsOfFile: prefix + "/share/man/man1/liqtop.1", encoding: .utf8)
        #expect(page == (try String(contentsOfFile: root + "/Docs/liqtop.1", encoding: .utf8)))
        let bash = try String(contentsOfFile: prefix + "/share/bash-completion/completions/liqtop", encoding: .utf8)
        #expect(bash.hasPrefix("#!/bin/bash") && bash.contains("complete -o filenames -F _liqtop_default liqtop"))

        // From `/`, with no user themes: every bundled theme, found under PREFIX/share.
        let home = prefix + "/home"
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = home
        env["XDG_CONFIG_HOME"] = home + "/.config"
        let themes = try await LiqtopProcess.run(prefix + "/bin/liqtop", ["themes"], environment: env, directory: "/")
        #expect(themes.status == 0, "\(themes.stderr)")
        let rows = themes.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(rows.map { $0.first ?? "" } == bundled.map { String($0.dropLast(6)) }, "\(themes.stdout)")
        for row in rows {
            #expect(row.count == 3 && row[1] == "bundled", "\(row)")
            let path = URL(fileURLWithPath: row.last ?? "").standardizedFileURL.path
            #expect(path == URL(fileURLWithPath: prefix + "/share/liqtop/Themes/\(row[0]).theme").standardizedFileURL.path, "\(row)")
        }

        // The installed binary names the commit the tree was installed from.
        let version = try await LiqtopProcess.run(prefix + "/bin/liqtop", ["--version"], environment: env, directory: "/")
        #expect(version.status == 0 && version.stdout.hasPrefix("liqtop 1."))
        if let git = LiqtopProcess.which("git") {
            let head = try await LiqtopProcess.run(git, ["-C", root, "rev-parse", "--short=12", "HEAD"])
            if head.status == 0 {
                #expect(version.stdout.contains("(commit \(head.stdout.trimmingCharacters(in: .whitespacesAndNewlines))"), "\(version.stdout)")
            }
        }

        // And uninstall leaves nothing of liqtop behind.
        let removed = try await LiqtopProcess.run(make, ["-C", root, "uninstall", "PREFIX=\(prefix)"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(!fm.fileExists(atPath: prefix + "/bin/liqtop") && !fm.fileExists(atPath: prefix + "/share/liqtop"))
    }
}
