import Testing

@testable import StrategosLanguage

/// What the fuzz targets in `Fuzz/` found, each as the smallest script that
/// showed it, now ending in a clean result or diagnostic.
@Suite(.timeLimit(.minutes(1))) struct FuzzRegressionTests {
    /// Whether a rendered diagnostic could drive a terminal: a control
    /// character other than its line breaks.
    private func carriesControlCharacters(_ rendered: String) -> Bool {
        rendered.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F }
    }

    /// A string literal may hold raw control bytes; the message that names it
    /// as the token found shows them as U+FFFD, like the source line below it.
    @Test func aStringOfControlBytesInAMessage() {
        let result = ScriptHarness.run("\"a\u{1C}\u{0}\u{1B}[31m\"")
        #expect(result.outcome == .scriptError)
        #expect(result.errors.count == 1)
        #expect(result.rendered.first?.hasPrefix("test.strat:1:1: error: expected a statement, found string \"a\u{FFFD}\u{FFFD}\u{FFFD}[31m\"\n") == true, "\(result.rendered)")
        #expect(!result.rendered.contains(where: carriesControlCharacters))
    }

    /// A path is a string too: `cannot read '…'` and the name of a loaded
    /// file in its diagnostics' header.
    @Test func aPathOfControlBytesInAMessage() {
        let missing = ScriptHarness.run("load \"\u{1B}]0;title\u{7}\"")
        #expect(missing.outcome == .unreadableInput)
        #expect(missing.rendered.count == 1)
        #expect(!missing.rendered.contains(where: carriesControlCharacters), "\(missing.rendered)")

        let loaded = ScriptHarness.run(
            "load \"\u{1B}[2J.strat\"", settings: ScriptHarness.settings(files: ["\u{1B}[2J.strat": "run om(-1)"]))
        #expect(loaded.outcome == .scriptError)
        #expect(loaded.rendered.first?.hasPrefix("\u{FFFD}[2J.strat:1:8: error: ") == true, "\(loaded.rendered)")
        #expect(!loaded.rendered.contains(where: carriesControlCharacters))
    }

    /// `load "n\u{7F}where/missing.strat"` loading itself: the JSON line of
    /// its load-cycle error carried the DEL raw (JSON allows it, a terminal
    /// obeys it); a JSON string now escapes every control character.
    @Test func aDeleteInAPathInAJSONLine() throws {
        let path = "n\u{7F}where/missing.strat"
        let loaded = ScriptHarness.run(
            "load \"\(path)\"", name: path, settings: ScriptHarness.settings(files: [path: "load \"\(path)\""]))
        let diagnostic = try #require(loaded.errors.first)
        let line = CheckRenderer.json(diagnostic, in: SourceFile(name: path, text: "load \"\(path)\""), limitNames: [:])
        #expect(!carriesControlCharacters(line), "\(line.debugDescription)")
        #expect(line.contains("n\\u007fwhere"))
        #expect(JSONWriter.quoted("\u{85}\u{9F}a") == "\"\\u0085\\u009fa\"")
    }

    /// Beyond the budget, `verify` samples and then runs a greedy adversary;
    /// the adversary tried 16 changes per variable per pass, thousands of runs
    /// past a budget of 100 (ten minutes for `generals 30; verify sm(3) with
    /// 10 traitors`). Now it gets the sample's share of the budget.
    @Test func theGreedyAdversaryKeepsToTheBudget() throws {
        let (result, report) = VerifyTests.verify("generals 10\nverify om(3)", budget: 100)
        #expect(result.outcome == .success)
        let found = try #require(report)
        #expect(!found.exhaustive)
        #expect(found.holds)
        #expect(found.checked <= 2 * 100, "checked \(found.checked) strategies on a budget of 100")
    }

    /// The greedy adversary asks whether to stop, like the sample before it:
    /// Ctrl-C during it ended nothing until it was done.
    @Test func theGreedyAdversaryStops() {
        var settings = Session.Settings()
        settings.verifyBudget = 100
        // The two statements ask, then the first space's sample (its share of
        // the budget: 100 over 3 orders × 6 placements, 5 strategies, one
        // wave) asks once; the adversary asks next.
        let stop = VerifyTests.StopAfter(3)
        settings.shouldStop = { stop.ask() }
        let result = ScriptHarness.run("generals 10\nverify om(3)", settings: settings)
        #expect(result.outcome == .interrupted)
        #expect(result.errors.map(\.message) == ["interrupted after checking 5 strategies, with no violation among them"])
    }
}
