import Foundation
import Testing
@testable import StrategosLanguageServer

/// What the editor is told about a document, its loads included.
@Suite struct DiagnosticsTests {
    @Test func aLoadedScriptsErrorIsShownAtItsLoad() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("strategos-lsp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "generals 4\ngeneral L9 traitor\n".write(to: directory.appendingPathComponent("army.strat"), atomically: true, encoding: .utf8)
        let document = Document(uri: directory.appendingPathComponent("main.strat").absoluteString, text: "seed 1\nload \"army.strat\"\nrun om(1)\n")
        let diagnostics = Diagnostics.of(document)
        let shown = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(shown.range.start.line == 1 && shown.range.start.character == 5)
        #expect(shown.message.hasPrefix("in \(directory.path)/army.strat:2:9: "), "\(shown.message)")
        #expect(shown.severity == .error)
    }
}
