import Testing

@testable import StrategosLanguage

/// The output says exactly what happened: why SM accepts a changed value,
/// the army in the JSON as the reader meets it, and every count in text
/// grouped, its noun agreeing with it.
@Suite struct OutputWordingTests {
    private func traceText(_ script: String) throws -> String {
        var session = Session()
        session.settings.recordTraces = true
        let result = ScriptHarness.run(script, in: &session)
        let run = try #require(result.runs.last)
        let trace = try #require(run.trace)
        return TraceTextRenderer.text(run, trace: trace, filter: TraceFilter(), style: TextStyle(color: false))
    }

    /// A lie that passes SM's check does so because every signer is faulty
    /// and the faulty sign for one another; the trace says so.
    @Test func anAcceptedLieUnderSMSaysWhyItsSignaturesHold() throws {
        let text = try traceText(
            "generals 4; general C traitor lies attack to L2 in round 1; general L3 traitor lies retreat to L1 in round 2 about C; run sm(1)")
        #expect(text.contains(
            "lie: a loyal L3 sends attack; accepted into V: every signer on the chain (C, L3) is faulty, and faulty generals sign for one another"))
    }

    /// A commander's own lie needs no one else's signature.
    @Test func aCommandersLieUnderSMHasItsOneSigner() throws {
        let text = try traceText("generals 3; general C traitor lies attack to L1 and retreat to L2; run sm(1)")
        #expect(text.contains("lie: a loyal C sends attack; accepted into V: its one signer, C, signs what it sends"))
    }

    /// The docs' schema lists the commander first, whatever place `generals` gave it.
    @Test func jsonListsTheCommanderFirst() throws {
        let result = ScriptHarness.run("generals Alice, Bob, Carol, Dave; commander Bob; run om(1)")
        let run = try #require(result.runs.last)
        #expect(RunRenderer.json(run).hasPrefix(#"{"algorithm":"om","m":1,"generals":["Bob","Alice","Carol","Dave"],"commander":"Bob","#))
    }

    @Test func theJSONTraceListsTheCommanderFirst() throws {
        var session = Session()
        session.settings.recordTraces = true
        let result = ScriptHarness.run("generals Alice, Bob, Carol, Dave; commander Bob; run om(1)", in: &session)
        let run = try #require(result.runs.last)
        let trace = try #require(run.trace)
        #expect(TraceJSONExporter.document(run, trace: trace).contains(#""generals":["Bob","Alice","Carol","Dave"]"#))
    }

    @Test(arguments: [(0, "0 messages"), (1, "1 message"), (3609, "3,609 messages"), (356_857_789, "356,857,789 messages")])
    func countsAreGroupedAndAgree(count: Int, text: String) {
        #expect(counted(count, "message") == text)
    }

    @Test func anIrregularPluralIsGiven() {
        #expect(counted(1, "strategy", plural: "strategies") == "1 strategy")
        #expect(counted(2, "strategy", plural: "strategies") == "2 strategies")
    }

    /// A run's count line and `show stats` write large counts grouped.
    @Test func aRunsCountsAreGrouped() throws {
        let result = ScriptHarness.run("generals 10; run om(3)")
        let run = try #require(result.runs.last)
        #expect(RunRenderer.text(run, style: TextStyle(color: false)).contains("3,609 messages in 4 rounds"))
        let stats = StatsRenderer.text(run, style: TextStyle(color: false))
        #expect(stats.contains("total     3,609     3,609"))
    }

    /// One faulty general is one, in the verify's header and its counterexample.
    @Test func oneFaultyGeneralIsSingular() throws {
        let result = ScriptHarness.run("generals 3; verify om(1)")
        let report = try #require(result.events.compactMap { if case .verification(let report) = $0 { report } else { nil } }.last)
        let text = VerificationRenderer.text(report, style: TextStyle(color: false))
        #expect(text.contains("up to 1 faulty general\n"))
        #expect(!text.contains("1 faulty generals"))
        #expect(text.contains("with 1 faulty general and 1 deviating message"))
    }
}
