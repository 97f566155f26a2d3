import Foundation
import Testing
import LiqtopTUI

/// The README's roles table (Themes) names exactly the roles a theme can set, in `Role`'s order.
@Test func readmeRolesTableMatchesTheRoles() throws {
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    let table = try #require(text.range(of: "| Role          | Used for |"), "README.md has no roles table")
    let rows = text[table.upperBound...].split(separator: "\n").dropFirst().prefix { $0.hasPrefix("|") }
    let named = rows.compactMap { row in row.split(separator: "`").dropFirst().first.map(String.init) }
    #expect(named == Role.allCases.map(\.rawValue))
}
