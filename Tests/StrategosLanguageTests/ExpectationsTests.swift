import Testing
@testable import StrategosLanguage

/// `Parser.expectations(after:)`: what the parser itself would accept at the
/// end of a prefix, which completion and the language server ask.
@Suite struct ExpectationsTests {
    @Test(arguments: [
        ("", Keyword.statements.map(Expected.keyword) + [.twoGeneralsGeneral]),
        ("generals 4; ", Keyword.statements.map(Expected.keyword) + [.twoGeneralsGeneral]),
        ("general L3 traitor lies 0 ", [.keyword(.to), .keyword(.in), .keyword(.about), .keyword(.and)]),
        ("run ", AlgorithmCall.Algorithm.allCases.map(Expected.call)),
        ("estimate ", [.call(.twogenerals)]),
        ("show tree ", [.lieutenant]),
        ("load ", [.path]),
        ("print ", [.string]),
        ("order ", [.value]),
        ("run om(", [.integer]),
        ("general L3 loyal ", []),
        ("A ", [.keyword(.attacks)]),
    ] as [(String, [Expected])])
    func theParserSaysWhatComesNext(_ prefix: String, _ expected: [Expected]) {
        #expect(Parser.expectations(after: prefix) == expected, "after \"\(prefix)\"")
    }

    /// Asking changes nothing about what a parse reports.
    @Test func aParseWithoutTheLogOffersNothing() {
        let parsed = Parser.parse(SourceFile(name: "t", text: "genrals"))
        #expect(parsed.diagnostics.first?.message.contains("did you mean 'generals'") == true)
    }
}
