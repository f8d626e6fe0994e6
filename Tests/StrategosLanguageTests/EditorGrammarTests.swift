import Foundation
import Testing
@testable import StrategosLanguage

/// The editor support under editors/ must follow the language: the VS Code
/// TextMate grammar and the Pygments lexer each list the keywords in one word
/// list per part they play, and together the lists are exactly `Keyword`;
/// the Pygments lexer finds no error in any valid script; the VS Code files
/// are JSON that agree with each other and with the lexer.
@Suite struct EditorGrammarTests {
    static let editors = ExampleGoldenTests.repository.appendingPathComponent("editors")
    static let vscode = editors.appendingPathComponent("vscode")
    static let pygments = editors.appendingPathComponent("pygments")

    /// The parts a keyword plays, each one word list in each highlighter;
    /// `keywords` are the rest.
    enum Category: String, CaseIterable {
        case statements, behaviours, algorithms, keywords

        var words: Set<String> {
            switch self {
            case .statements: Set(Keyword.statements.map(\.rawValue))
            case .behaviours: Set(Keyword.behaviours.map(\.rawValue))
            case .algorithms: Set(AlgorithmCall.Algorithm.allCases.map(\.rawValue))
            case .keywords:
                Set(Keyword.allCases.map(\.rawValue))
                    .subtracting(Category.statements.words).subtracting(Category.behaviours.words).subtracting(Category.algorithms.words)
            }
        }
    }

    /// The two highlighters that list keywords, and where each keeps a list.
    enum Highlighter: CaseIterable, CustomTestStringConvertible {
        case textMate, pygments

        var testDescription: String { self == .textMate ? "the TextMate grammar" : "the Pygments lexer" }

        /// The list's name: a rule `\b(?:a|b|c)\b` in the grammar's
        /// repository, or a Python list `NAME = ["a", "b", ...]`.
        func listName(_ category: Category) -> String {
            self == .textMate ? category.rawValue : category.rawValue.uppercased()
        }

        func words(_ category: Category) throws -> [String] {
            let name = listName(category)
            switch self {
            case .textMate:
                let repository = try #require(try EditorGrammarTests.json("syntaxes/strategos.tmLanguage.json")["repository"] as? [String: Any])
                let match = try #require((repository[name] as? [String: Any])?["match"] as? String, "no rule '\(name)' in the grammar's repository")
                let alternation = try #require(match.firstMatch(of: /^\\b\(\?:([a-z0-9|]+)\)\\b$/), "rule '\(name)' is not \\b(?:word|…)\\b: \(match)")
                return alternation.1.split(separator: "|").map(String.init)
            case .pygments:
                let source = try String(contentsOf: EditorGrammarTests.pygments.appendingPathComponent("strategos_lexer.py"), encoding: .utf8)
                let list = try #require(source.firstMatch(of: try Regex("(?m)^\(name) = \\[([^\\]]*)\\]")), "no list \(name) in the lexer")
                let body = try #require(list.output[1].substring)
                return body.matches(of: /"([^"]*)"/).map { String($0.1) }
            }
        }
    }

    static func json(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: vscode.appendingPathComponent(path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(path) is not a JSON object")
    }

    @Test(arguments: Highlighter.allCases)
    func listsExactlyTheKeywords(_ highlighter: Highlighter) throws {
        var listed: [String] = []
        for category in Category.allCases {
            let words = try highlighter.words(category)
            let expected = category.words
            #expect(Set(words) == expected, "\(highlighter.listName(category)): missing \(expected.subtracting(words).sorted()), not keywords there \(Set(words).subtracting(expected).sorted())")
            listed += words
        }
        #expect(listed.count == Set(listed).count, "a word is listed twice: \(listed)")
    }

    @Test func theVSCodeFilesAgreeWithEachOther() throws {
        let package = try Self.json("package.json")
        let grammar = try Self.json("syntaxes/strategos.tmLanguage.json")
        let contributes = try #require(package["contributes"] as? [String: Any])
        let language = try #require((contributes["languages"] as? [[String: Any]])?.first)
        let grammarEntry = try #require((contributes["grammars"] as? [[String: Any]])?.first)

        #expect(language["id"] as? String == "strategos")
        #expect(grammarEntry["language"] as? String == "strategos")
        #expect(grammarEntry["scopeName"] as? String == grammar["scopeName"] as? String)
        #expect((grammar["fileTypes"] as? [String])?.map { "." + $0 } == language["extensions"] as? [String])
        #expect(package["activationEvents"] as? [String] == ["onLanguage:strategos"])
        #expect((package["dependencies"] as? [String: Any])?["vscode-languageclient"] != nil)
        let setting = (contributes["configuration"] as? [String: Any]).flatMap { $0["properties"] as? [String: Any] }?["strategos.path"] as? [String: Any]
        #expect(setting?["default"] as? String == "strategos")

        let grammarPath = try #require(grammarEntry["path"] as? String)
        #expect(grammarPath == "./syntaxes/strategos.tmLanguage.json")
        let configurationPath = try #require(language["configuration"] as? String)
        _ = try Self.json(configurationPath)
        let main = try #require(package["main"] as? String)
        #expect(FileManager.default.fileExists(atPath: Self.vscode.appendingPathComponent(main).path))
    }

    /// The editor's comment toggle and quote pairs must make what the lexer
    /// reads as a comment and as a string.
    @Test func theLanguageConfigurationSpeaksTheLexersComments() throws {
        let configuration = try Self.json("language-configuration.json")
        let comment = try #require((configuration["comments"] as? [String: Any])?["lineComment"] as? String)
        #expect(Lexer.tokens(of: SourceFile(name: "t.strat", text: "\(comment) run om(1)")).map(\.kind) == [.endOfInput])
        let pairs = try #require(configuration["autoClosingPairs"] as? [[String: Any]])
        let quote = try #require(pairs.first { $0["open"] as? String == "\"" })
        let closed = "\(quote["open"] as? String ?? "")text\(quote["close"] as? String ?? "")"
        #expect(Lexer.tokens(of: SourceFile(name: "t.strat", text: closed)).map(\.kind) == [.string("text"), .endOfInput])
    }

    /// Debian's python3-pygments (which `.ci/setup` installs) is a module of
    /// Debian's Python, which another `python3` first on PATH may not see.
    static let python = "/usr/bin/python3"

    /// The exit status and output of `python3 -B arguments`; -B because the
    /// lexer is imported from the source tree, which must stay clean.
    static func runPython(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-B"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// CI installs Pygments, so its absence fails rather than skips.
    static func requirePygments() throws {
        try #require(FileManager.default.isExecutableFile(atPath: python), "\(python) is missing: run .ci/setup (it installs python3-pygments)")
        let probe = try runPython(["-c", "import pygments"])
        try #require(probe.status == 0, "Pygments is missing: run .ci/setup (it installs python3-pygments). \(probe.output)")
    }

    @Test func thePygmentsLexerFindsNoErrorInAnyValidScript() throws {
        try Self.requirePygments()

        let examples = try FileManager.default.contentsOfDirectory(atPath: ExampleGoldenTests.directory)
            .filter { $0.hasSuffix(".strat") }.sorted()
            .map { ExampleGoldenTests.directory + "/" + $0 }
        #expect(examples.count > 20)

        // The documentation's scripts, each in a file named after its place.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("strategos-pygments-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var documented: [String] = []
        for file in ["grammar.md", "README.md"] {
            for block in DocumentationTests.blocks(in: try DocumentationTests.read(file), file: file) where block.info == "strat" {
                let script = directory.appendingPathComponent("\(file)-line-\(block.line).strat")
                try block.text.write(to: script, atomically: true, encoding: .utf8)
                documented.append(script.path)
            }
        }
        #expect(!documented.isEmpty)

        let checker = Self.pygments.appendingPathComponent("check_examples.py").path
        let result = try Self.runPython([checker] + examples + documented)
        #expect(result.status == 0, "the Pygments lexer made Error tokens:\n\(result.output)")
    }

    /// The checker must be able to fail: a character the language rejects is
    /// an Error token, named by its place.
    @Test func thePygmentsCheckerNamesAnErrorToken() throws {
        try Self.requirePygments()
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("strategos-pygments-bad-\(ProcessInfo.processInfo.processIdentifier).strat")
        try "generals 4\nrun om(1) @\n".write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        let result = try Self.runPython([Self.pygments.appendingPathComponent("check_examples.py").path, script.path])
        #expect(result.status == 1)
        #expect(result.output == "\(script.path):2:11: error token '@'\n")
    }
}
