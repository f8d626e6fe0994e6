import Testing

@testable import StrategosLanguage

/// A message about a limit says it can be raised but names a setting only
/// when the front end gives its name, so an embedder sees no flag it lacks.
@Suite struct LimitNamingTests {
    static let overTheLimit = "generals 7\nrun om(2)"

    static func settings() -> Session.Settings {
        var settings = Session.Settings()
        settings.messageLimit = 20
        return settings
    }

    @Test func aDiagnosticNamesTheFlagOnlyWithTheTable() throws {
        let diagnostic = try #require(ScriptHarness.run(Self.overTheLimit, settings: Self.settings()).errors.first)
        let file = SourceFile(name: "test.strat", text: Self.overTheLimit)
        let unnamed = DiagnosticRenderer.render(diagnostic, in: file, color: false)
        #expect(unnamed.hasPrefix("test.strat:2:8: error: om(2) with 7 generals would send 156 messages, over the limit of 20; raise it\n"))
        #expect(!unnamed.contains("--"))
        let named = DiagnosticRenderer.render(diagnostic, in: file, color: false, limitNames: [.messages: "--max-messages"])
        #expect(named.hasPrefix("test.strat:2:8: error: om(2) with 7 generals would send 156 messages, over the limit of 20; raise it with --max-messages\n"))
        #expect(diagnostic.text(naming: [.traceLength: "--trace-limit"]) == diagnostic.message)
    }

    @Test func theJSONLineNamesTheFlagAsTheTextDoes() {
        let file = SourceFile(name: "test.strat", text: Self.overTheLimit)
        for (names, ending) in [([Limit: String](), #"raise it"}"#), (Limit.commandLineFlags, #"raise it with --max-messages"}"#)] {
            let renderer = EventRenderer(outputStyle: TextStyle(color: false), diagnosticStyle: TextStyle(color: false), mode: .json, limitNames: names)
            let diagnostic = ScriptHarness.run(Self.overTheLimit, settings: Self.settings()).errors.first
            let lines = diagnostic.map { renderer.render(.diagnostic($0, file)) } ?? []
            #expect(lines.last?.text.hasSuffix(ending + "\n") == true)
        }
    }

    @Test func aMentionInTheMiddleOfAMessageGoesWhereItBelongs() {
        let diagnostic = Diagnostic(passing: .verifyBudget, .aside, "more than the budget", ", so it samples", at: SourceSpan(start: 0, end: 0))
        #expect(diagnostic.message == "more than the budget, so it samples")
        #expect(diagnostic.text(naming: [.verifyBudget: "--verify-budget"]) == "more than the budget (--verify-budget), so it samples")
    }

    @Test func aScriptTooLargeToReadNamesTheFlagOnlyWithTheTable() {
        let failure = LoadFailure("larger than 9 bytes; raise it", limit: LimitMention(limit: .inputBytes, form: .raisedWith, offset: 29))
        #expect(failure.message(readingFile: "a.strat") == "cannot read 'a.strat': larger than 9 bytes; raise it")
        #expect(failure.message(readingFile: nil, naming: [.inputBytes: "--max-input-bytes"])
            == "cannot read standard input: larger than 9 bytes; raise it with --max-input-bytes")
    }
}
