import Testing

@testable import StrategosLanguage

@Suite struct DiagnosticRendererTests {
    /// The first syntax error of a script, rendered without color.
    private func firstError(in text: String, name: String = "scenario.strat") -> String? {
        let file = SourceFile(name: name, text: text)
        return Parser.parse(file).diagnostics.first.map { DiagnosticRenderer.render($0, in: file, color: false) }
    }

    @Test func aCaretPointsPastTheEndOfALineThatStopsShort() {
        let text = """
            generals 4
            # L3 lies to everyone
            general L3 traitor lies
            run om(1)
            """
        #expect(
            firstError(in: text) == """
                scenario.strat:3:24: error: expected a value after 'lies', found end of line
                 3 | general L3 traitor lies
                   |                        ^

                """)
    }

    @Test func tildesUnderlineTheRestOfTheSpan() {
        #expect(
            firstError(in: "run om(1) run om(1)") == """
                scenario.strat:1:11: error: expected end of statement after ')', found name 'run'; separate statements on one line with ';'
                 1 | run om(1) run om(1)
                   |           ^~~

                """)
        #expect(
            firstError(in: "general L3 traiter") == """
                scenario.strat:1:12: error: expected 'traitor', 'loyal' or a behaviour ('lies', 'flips', 'silent', 'random', 'relays' or 'crashes') after 'general L3', found name 'traiter'; did you mean 'traitor'?
                 1 | general L3 traiter
                   |            ^~~~~~~

                """)
    }

    @Test func theGutterWidensWithTheLineNumber() {
        let text = String(repeating: "reset\n", count: 11) + "rn om(1)"
        #expect(
            firstError(in: text, name: "<stdin>") == """
                <stdin>:12:1: error: unknown statement 'rn'; did you mean 'run'?
                 12 | rn om(1)
                    | ^~

                """)
    }

    @Test func tabsBecomeSpacesSoTheCaretLinesUp() {
        #expect(
            firstError(in: "general\tL3 traitor lies @") == """
                scenario.strat:1:25: error: unexpected character '@'
                 1 | general    L3 traitor lies @
                   |                            ^

                """)
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(
            firstError(in: "generals Ölfeld, Ärger\ngeneral Ärger traitör") == """
                scenario.strat:2:15: error: expected 'traitor', 'loyal' or a behaviour ('lies', 'flips', 'silent', 'random', 'relays' or 'crashes') after 'general Ärger', found name 'traitör'; did you mean 'traitor'?
                 2 | general Ärger traitör
                   |               ^~~~~~~

                """)
    }

    /// The end of input is reported just after the last token, where the
    /// unfinished text is, however many empty lines follow it.
    @Test(arguments: ["generals A,", "generals A,\n", "generals A,\n\n  \n# a comment\n"])
    func anErrorAtTheEndOfInputPointsJustAfterTheLastToken(_ text: String) {
        #expect(
            firstError(in: text) == """
                scenario.strat:1:12: error: expected a name after ',', found end of input
                 1 | generals A,
                   |            ^

                """)
    }

    @Test func aSpanOverSeveralLinesIsUnderlinedOnItsFirstLine() {
        let file = SourceFile(name: "s.strat", text: "generals A,\r\n  B, C\n")
        let statement = Parser.parse(file).program.statements.first
        let diagnostic = Diagnostic(.note, "declared here", at: statement?.span ?? SourceSpan(start: 0, end: 0))
        #expect(
            DiagnosticRenderer.render(diagnostic, in: file, color: false) == """
                s.strat:1:1: note: declared here
                 1 | generals A,
                   | ^~~~~~~~~~~

                """)
    }

    @Test func controlCharactersAreNotPrintedRaw() {
        #expect(
            firstError(in: "run om(1) \u{1B}[2J") == """
                scenario.strat:1:11: error: unexpected byte 0x1B
                 1 | run om(1) \u{FFFD}[2J
                   |           ^

                """)
    }

    @Test func aLongLineIsShownAsAWindowAroundTheCaret() {
        let names = (1...60).map { "L\($0)" }.joined(separator: ", ")
        let text = "generals " + names + ", 7, " + names
        let rendered = firstError(in: text) ?? ""
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            rendered == """
                scenario.strat:1:301: error: expected a name after ',', found integer 7
                 1 | …L53, L54, L55, L56, L57, L58, L59, L60, 7, L1, L2, L3, L4, L5, L6, L7, L8, L9, L10, L11, L12, L13, L14, L15, L16, L17, L…
                   |                                          ^

                """)
        #expect(lines.allSatisfy { $0.count < 160 })
    }

    @Test func aTenMegabyteLineRendersAFewHundredCharacters() {
        let text = "generals " + String(repeating: "A, ", count: 3_500_000) + "@ A"
        let file = SourceFile(name: "big.strat", text: text)
        let diagnostic = Diagnostic(.error, "unexpected character '@'", at: SourceSpan(start: text.utf8.count - 3, end: text.utf8.count - 2))
        let rendered = DiagnosticRenderer.render(diagnostic, in: file, color: false)
        #expect(
            rendered == """
                big.strat:1:10500010: error: unexpected character '@'
                 1 | … A, A, A, A, A, A, A, A, A, A, A, A, A, @ A
                   |                                          ^

                """)
    }

    @Test func aLongSpanIsClippedToTheWindow() {
        let text = "print " + String(repeating: "x", count: 300)
        let file = SourceFile(name: "s.strat", text: text)
        let diagnostic = Diagnostic(.warning, "long", at: SourceSpan(start: 6, end: 306))
        let lines = DiagnosticRenderer.render(diagnostic, in: file, color: false).split(separator: "\n").map(String.init)
        let shown = " 1 | print " + String(repeating: "x", count: 114) + "…"
        let underline = "   |       ^" + String(repeating: "~", count: 113)
        #expect(lines == ["s.strat:1:7: warning: long", shown, underline])
    }

    @Test(arguments: [
        (Diagnostic.Severity.error, "\u{1B}[1;31merror:\u{1B}[0m"),
        (.warning, "\u{1B}[1;33mwarning:\u{1B}[0m"),
        (.note, "\u{1B}[1;36mnote:\u{1B}[0m"),
    ])
    func colorUsesANSIStyles(severity: Diagnostic.Severity, word: String) {
        let file = SourceFile(name: "a.strat", text: "run om(1)")
        let diagnostic = Diagnostic(severity, "look here", at: SourceSpan(start: 4, end: 9))
        #expect(
            DiagnosticRenderer.render(diagnostic, in: file, color: true) == """
                \u{1B}[1ma.strat:1:5:\u{1B}[0m \(word) \u{1B}[1mlook here\u{1B}[0m
                 1 | run om(1)
                   |     \u{1B}[1;32m^~~~~\u{1B}[0m

                """)
    }

    @Test(arguments: [Diagnostic.Severity.error, .warning, .note])
    func noColorMeansNoEscapeCodes(severity: Diagnostic.Severity) {
        let file = SourceFile(name: "a.strat", text: "run om(1)")
        let rendered = DiagnosticRenderer.render(Diagnostic(severity, "look here", at: SourceSpan(start: 4, end: 9)), in: file, color: false)
        #expect(!rendered.contains("\u{1B}"))
        #expect(rendered.hasPrefix("a.strat:1:5: \(severity.rawValue): look here\n"))
    }
}

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("rn", ["run", "reset"], "run"),
        ("RUN", ["run"], "run"),
        ("traiter", ["traitor", "loyal"], "traitor"),
        ("rnu", ["run"], "run"),
        ("genrals", ["generals", "general"], "generals"),
        ("x", ["om"], nil),
        ("paxos", ["om"], nil),
        ("agreemnet", ["agreement", "validity"], "agreement"),
        ("L9", ["L1", "L2"], "L1"),
        ("", ["om"], nil),
    ] as [(String, [String], String?)])
    func closestMatchesOnlyLikelyTypos(word: String, candidates: [String], expected: String?) {
        #expect(Suggestion.closest(to: word, among: candidates) == expected)
    }

    @Test func aHugeWordIsRejectedQuickly() {
        #expect(Suggestion.closest(to: String(repeating: "r", count: 1_000_000), among: ["run"]) == nil)
    }
}
