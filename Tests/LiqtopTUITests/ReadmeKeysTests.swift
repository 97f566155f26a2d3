import Foundation
import Testing
@testable import LiqtopTUI

/// The README's key table is generated from `KeyBindings.all`, like the `?` overlay: this
/// test fails when the two drift apart (and prints the table to paste).
@Test func readmeKeyTableMatchesTheBindings() throws {
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    #expect(text.contains(KeyBindings.markdownTable), "README.md needs this key table:\n\(KeyBindings.markdownTable)")
}

@Test func everyActionHasAKeyAndNoKeyIsBoundTwice() {
    let bound = Set(KeyBindings.all.map(\.action))
    #expect(bound == Set(Action.allCases))
    let keys = KeyBindings.all.flatMap(\.keys)
    #expect(keys.count == Set(keys).count)
}
