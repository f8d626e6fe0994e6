import Foundation
import Testing
@testable import StrategosLanguage

/// The examples the documentation shows must run as it says, so the docs
/// cannot drift from the language. In grammar.md and the README's language
/// section every fenced block says what it is: ```strat runs without an error,
/// ```strat fails runs and reports exactly the ```text block that follows it,
/// ```ebnf and ```text are read, not run. Every example in grammar.md's tables
/// of statements runs too, after what it needs to make sense (`context(for:)`).
@Suite struct DocumentationTests {
    static func read(_ name: String) throws -> String {
        try String(contentsOf: ExampleGoldenTests.repository.appendingPathComponent(name), encoding: .utf8)
    }

    /// The examples in grammar.md's tables of statements: every code span in
    /// the example column of a row that names a statement. A `|` inside a cell
    /// is written `\|`, as a Markdown table needs (`partition C, L1 \| L2, L3`).
    static var grammarExamples: [String] {
        let text = (try? read("grammar.md")) ?? ""
        let statements = Set(Keyword.allCases.map(\.rawValue))
        return text.split(separator: "\n").flatMap { line -> [String] in
            let cells = line.replacingOccurrences(of: "\\|", with: "\u{1}").split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.replacingOccurrences(of: "\u{1}", with: "|").trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4, statements.contains(cells[1]) else { return [] }
            return cells[2].split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 && !$0.element.isEmpty }.map { String($0.element) }
        }
    }

    /// A fenced block of a Markdown file: its info string and its text.
    struct Block: CustomTestStringConvertible, Sendable {
        var file: String
        var line: Int
        var info: String
        var text: String
        var testDescription: String { "\(file):\(line) ```\(info)" }
    }

    static func blocks(in text: String, file: String, firstLine: Int = 1) -> [Block] {
        var blocks: [Block] = []
        var open: (line: Int, info: String, lines: [Substring])?
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("```") {
                if let block = open {
                    blocks.append(Block(file: file, line: block.line, info: block.info, text: block.lines.joined(separator: "\n") + "\n"))
                    open = nil
                } else {
                    open = (firstLine + offset, line.dropFirst(3).trimmingCharacters(in: .whitespaces), [])
                }
            } else {
                open?.lines.append(line)
            }
        }
        return blocks
    }

    /// The blocks that must say what they are: all of grammar.md's, and those of
    /// the README's language section (up to the next section).
    static var checkedBlocks: [Block] {
        let grammar = (try? read("grammar.md")) ?? ""
        let readme = (try? read("README.md")) ?? ""
        guard let start = readme.range(of: "## The language\n") else { return blocks(in: grammar, file: "grammar.md") }
        let end = readme.range(of: "\n## ", range: start.upperBound..<readme.endIndex)?.lowerBound ?? readme.endIndex
        let firstLine = readme[..<start.lowerBound].filter { $0 == "\n" }.count + 1
        return blocks(in: grammar, file: "grammar.md") + blocks(in: String(readme[start.lowerBound..<end]), file: "README.md", firstLine: firstLine)
    }

    /// A session whose `load` finds `other.strat` and whose files stay in memory.
    static var settings: Session.Settings {
        var settings = ScriptHarness.settings(files: ["other.strat": "print \"loaded\"\n"])
        settings.writer = MemoryWriter()
        return settings
    }

    /// What a table example needs to have happened before it runs: the run it
    /// looks at (the paper's Fig. 3, or Fig. 1 for a violation), the verify it
    /// checks, or the army or setting it needs (`delay` and `timeout` need
    /// asynchronous timing); nothing for the rest, which stand alone.
    static func context(for example: String) -> String {
        let fig3 = "generals 4; general L3 traitor lies retreat to L1 and hold to L2; run om(1)"
        return switch example.split(separator: " ").first {
        case _ where example == "expect violation": "generals 3; general L2 traitor lies retreat; run om(1)"
        case _ where example == "expect holds": "generals 4; verify om(1)"
        case _ where example == "expect counterexample": "generals 3; verify om(1)"
        case _ where example == "show table": "run twogenerals(2)"
        case _ where example == "show sweep" || example.hasPrefix("export sweep"): "sweep verify om for generals 3 to 4, m 1 to 1"
        case "expect", "show", "export": fig3
        case "commander": "generals A, B, C, D"
        case "estimate": "loss 30%"
        case "delay", "timeout": "timing asynchronous"
        default: ""
        }
    }

    /// Every key a run's or a verify's JSON line prints is described in docs/json.md.
    @Test(arguments: [
        "generals 4; general L3 traitor lies retreat; run om(1)", "generals 5; links ring; run sm(2)",
        "generals 6; links none; link C - L1, L1 - L2, L2 - C, L3 - L4, L4 - L5, L5 - L3, C - L3, L1 - L4, L2 - L5; run om(1, 3)",
        "generals 3; verify om(1)", "generals 7; verify om(2)", "run twogenerals(2)",
        "generals 4; channel lossy 30%; partition C, L1 | L2, L3 from round 2; timing asynchronous; timeout 2; delay L2 by 1; run om(1)",
        "generals 4; channel broadcast; general L3 traitor random; run sm(1)",
        "sweep verify om for generals 3 to 4, m 1 to 1", "general L1 traitor; sweep run sm for generals 3 to 4, m 0 to 1",
    ])
    func everyJSONKeyIsDocumented(script: String) throws {
        let documented = try Self.read("docs/json.md")
        let renderer = EventRenderer(outputStyle: TextStyle(color: false), diagnosticStyle: TextStyle(color: false), mode: .json)
        let lines = ScriptHarness.run(script).events.flatMap(renderer.render).filter { $0.stream == .standardOutput }.map(\.text)
        #expect(!lines.isEmpty)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in object.keys {
                #expect(documented.contains("`\(key)`"), "docs/json.md does not describe \(key)")
            }
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
    func grammarExampleRuns(_ example: String) {
        let result = ScriptHarness.run(Self.context(for: example) + "\n" + example, name: "grammar.md", settings: Self.settings)
        #expect(result.renderedErrors == [], "\(example)")
        #expect(result.outcome == .success, "\(example)")
    }

    @Test func everyBlockSaysWhatItIs() {
        let blocks = Self.checkedBlocks
        #expect(blocks.contains { $0.file == "README.md" && $0.info == "strat" })
        #expect(blocks.contains { $0.file == "grammar.md" && $0.info == "strat fails" })
        for block in blocks {
            #expect(["strat", "strat fails", "ebnf", "text"].contains(block.info), "\(block.testDescription): an unknown or missing info string")
        }
    }

    @Test(arguments: checkedBlocks.filter { $0.info == "strat" })
    func scriptBlockRuns(_ block: Block) {
        let result = ScriptHarness.run(block.text, name: block.file, settings: Self.settings)
        #expect(result.renderedErrors == [])
        #expect(result.outcome == .success)
    }

    @Test func theReadmeLanguageSummaryShowsMostStatements() throws {
        let summary = try #require(Self.checkedBlocks.first { $0.file == "README.md" && $0.info == "strat" })
        #expect(Parser.parse(SourceFile(name: "README.md", text: summary.text)).program.statements.count >= 20)
    }

    /// The reader sees the script and, in the block after it, what it reports.
    @Test(arguments: checkedBlocks.enumerated().filter { $0.element.info == "strat fails" }.map(\.offset))
    func failingBlockReportsWhatTheNextBlockShows(_ index: Int) throws {
        let blocks = Self.checkedBlocks
        let block = blocks[index]
        let shown = try #require(blocks.dropFirst(index + 1).first, "\(block.testDescription) is not followed by its report")
        #expect(shown.info == "text")
        let name = "scenario.strat"
        let result = ScriptHarness.run(block.text, name: name, settings: Self.settings)
        #expect(result.outcome != .success)
        #expect(result.renderedErrors.joined() == shown.text)
    }
}
