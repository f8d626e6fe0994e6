import Foundation
import Testing
@testable import StrategosLanguage

/// The examples the documentation shows must parse, so the docs cannot drift
/// from the language.
@Suite struct DocumentationTests {
    static func read(_ name: String) throws -> String {
        try String(contentsOf: ExampleGoldenTests.repository.appendingPathComponent(name), encoding: .utf8)
    }

    /// The examples in grammar.md's tables of statements: every code span in
    /// the example column of a row that names a statement.
    static var grammarExamples: [String] {
        let text = (try? read("grammar.md")) ?? ""
        let statements = Set(Keyword.allCases.map(\.rawValue))
        return text.split(separator: "\n").flatMap { line -> [String] in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4, statements.contains(cells[1]) else { return [] }
            return cells[2].split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 && !$0.element.isEmpty }.map { String($0.element) }
        }
    }

    @Test func grammarHasAnExampleForEveryStatement() {
        let examples = Self.grammarExamples
        #expect(examples.count >= 40)
        for keyword in Keyword.statements {
            #expect(examples.contains { $0.hasPrefix(keyword.rawValue + " ") || $0 == keyword.rawValue }, "no example of \(keyword)")
        }
    }

    @Test(arguments: grammarExamples)
    func grammarExampleParses(_ example: String) {
        let result = Parser.parse(SourceFile(name: "grammar.md", text: example))
        #expect(result.diagnostics.isEmpty, "\(example): \(result.diagnostics.map(\.message))")
    }

    @Test func theReadmeLanguageSummaryParses() throws {
        let readme = try Self.read("README.md")
        let section = try #require(readme.range(of: "## The language"))
        let start = try #require(readme.range(of: "```\n", range: section.upperBound..<readme.endIndex))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let block = String(readme[start.upperBound..<end.lowerBound])
        let result = Parser.parse(SourceFile(name: "README.md", text: block))
        #expect(result.diagnostics.map(\.message) == [])
        #expect(result.program.statements.count >= 20)
    }
}
