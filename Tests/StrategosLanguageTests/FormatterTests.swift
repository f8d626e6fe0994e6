import Foundation
import Testing
@testable import StrategosLanguage

/// `strategos fmt`: one canonical layout that keeps every token and comment,
/// and changes nothing on a formatted script.
@Suite struct FormatterTests {
    static let messy = """


          # heading comment
        generals  4 ;general L3 traitor lies retreat to L1 ,L2   # trailing



        run om( 1 )
        generals A,
          # inside
          B, C, D  # end
        link A-B
        partition A,B|C,D from round 2
        channel lossy 30 %

        # last

        """

    @Test func aMessyScriptGetsTheCanonicalLayout() throws {
        let formatted = try Formatter.format(SourceFile(name: "messy.strat", text: Self.messy))
        #expect(formatted == """
            # heading comment
            generals 4
            general L3 traitor lies retreat to L1, L2  # trailing

            run om(1)
            # inside
            generals A, B, C, D  # end
            link A - B
            partition A, B | C, D from round 2
            channel lossy 30%

            # last

            """)
    }

    /// Every script the project ships or tests: formatting twice is formatting
    /// once, no token and no comment is lost, and the lessons are formatted already.
    static var scripts: [URL] {
        let repository = ExampleGoldenTests.repository
        let folders = ["examples", "Tests/StrategosLanguageTests/BadInputs", "Tests/StrategosLanguageTests/Golden"]
        return folders.flatMap { folder -> [URL] in
            let directory = repository.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.filter { $0.hasSuffix(".strat") }.sorted().map { directory.appendingPathComponent($0) }
        }
    }

    @Test func formattingIsIdempotentAndKeepsEveryTokenAndComment() throws {
        var formattedCount = 0
        for url in Self.scripts {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            let file = SourceFile(name: url.lastPathComponent, text: text)
            guard let once = try? Formatter.format(file) else { continue }  // a bad input with a syntax error
            formattedCount += 1
            let again = try Formatter.format(SourceFile(name: file.name, text: once))
            #expect(again == once, "\(file.name) is not idempotent")
            #expect(Self.words(of: once) == Self.words(of: text), "\(file.name) lost or changed a token")
            #expect(Self.comments(of: once) == Self.comments(of: text), "\(file.name) lost a comment")
            if url.path.contains("/examples/") { #expect(once == text, "\(file.name) is not formatted: run strategos fmt on it") }
        }
        #expect(formattedCount > 100)
    }

    @Test func aScriptWithASyntaxErrorIsNotFormatted() throws {
        #expect(throws: Formatter.SyntaxErrors.self) { try Formatter.format(SourceFile(name: "bad.strat", text: "run om(1\n")) }
        #expect(!Formatter.isFormatted(SourceFile(name: "bad.strat", text: "run om(1\n")))
        #expect(Formatter.isFormatted(SourceFile(name: "good.strat", text: "run om(1)\n")))
        #expect(try Formatter.format(SourceFile(name: "empty.strat", text: "\n\n")) == "")
    }

    /// The tokens other than line breaks and `;`, as written.
    static func words(of text: String) -> [String] {
        let file = SourceFile(name: "t", text: text)
        return Lexer.tokens(of: file).compactMap { token in
            switch token.kind {
            case .newline, .semicolon, .endOfInput: nil
            case .name, .integer, .string, .comma, .leftParen, .rightParen, .percent, .bar, .minus, .invalid: file.text(of: token.span)
            }
        }
    }

    static func comments(of text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            // A `#` inside a string is not a comment; the scripts here keep them apart.
            guard let hash = line.firstIndex(of: "#"), !line[..<hash].contains("\"") else { return nil }
            return String(line[hash...]).trimmingCharacters(in: .whitespaces)
        }
    }
}
