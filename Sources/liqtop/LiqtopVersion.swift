import Foundation

/// `liqtop --version`: the version, raised by hand with each release, and the commit when the
/// binary comes from git. SwiftPM runs no script before compiling, so the commit cannot be
/// compiled in; it is found where it can be known honestly:
/// - installed by `make install`: the commit of the tree it was installed from (`git describe
///   --dirty`), written beside the themes as `<prefix>/share/liqtop/commit`;
/// - run from a checkout's `.build`: asked of git in that checkout when `--version` is asked
///   (`swift run` rebuilds first, so it is the commit the binary was built from, plus
///   `-dirty` when the tree had changes).
/// Anything else (a copied binary, no git) prints the version alone.
enum LiqtopVersion {
    static let text = "liqtop 1.1.0-dev"

    static func full(executablePath: String?) -> String {
        guard let exe = executablePath, let commit = commit(executablePath: exe) else { return text }
        return text + " (commit \(commit))"
    }

    static func commit(executablePath exe: String) -> String? {
        let dir = (exe as NSString).deletingLastPathComponent
        let recorded = (dir as NSString).appendingPathComponent("../share/liqtop/commit")
        if let s = try? String(contentsOfFile: recorded, encoding: .utf8) {
            let word = s.prefix { !$0.isWhitespace }
            return isCommitWord(word) ? String(word) : nil
        }
        // `.build`, or a named scratch path (`.build-tsan`, `.build_x`) of the same checkout.
        let parts = exe.split(separator: "/", omittingEmptySubsequences: false)
        guard let k = parts.lastIndex(where: { $0 == ".build" || $0.hasPrefix(".build-") || $0.hasPrefix(".build_") }) else { return nil }
        let root = parts[..<k].joined(separator: "/")
        let fm = FileManager.default
        guard fm.fileExists(atPath: root + "/Package.swift"), fm.fileExists(atPath: root + "/.git") else { return nil }
        return describe(root)
    }

    /// `git describe --always --dirty --abbrev=12 --exclude=*` (the hash, never a tag) in `root`, nil when git is missing or fails.
    static func describe(_ root: String) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-C", root, "describe", "--always", "--dirty", "--abbrev=12", "--exclude=*"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let word = String(decoding: data, as: UTF8.self).prefix { !$0.isWhitespace }
        return p.terminationStatus == 0 && isCommitWord(word) ? String(word) : nil
    }

    /// A hash or describe word (`v1.0-3-gabc123-dirty`): nothing a file could smuggle into stdout.
    static func isCommitWord(_ s: Substring) -> Bool {
        !s.isEmpty && s.count <= 80 && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-._+".contains($0)) }
    }
}
