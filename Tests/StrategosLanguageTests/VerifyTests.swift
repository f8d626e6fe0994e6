import ByzantineEngine
import Foundation
import Testing
@testable import StrategosLanguage

/// `verify`: the paper's cases, every counterexample replayed, and the errors.
@Suite struct VerifyTests {
    static func verify(
        _ script: String, budget: Int = 10_000_000, messageLimit: Int = 1_000_000_000, writer: (any FileWriter)? = nil
    ) -> (ScriptResult, VerificationReport?) {
        var settings = Session.Settings()
        settings.verifyBudget = budget
        settings.messageLimit = messageLimit
        if let writer { settings.writer = writer }
        let result = ScriptHarness.run(script, settings: settings)
        let report = result.events.compactMap { event -> VerificationReport? in
            if case .verification(let report) = event { report } else { nil }
        }.last
        return (result, report)
    }

    /// Runs a counterexample script in a fresh session: it must run without
    /// error, its `expect violation` must hold, and it must break what was claimed.
    static func replay(_ report: VerificationReport) throws {
        let found = try #require(report.counterexample)
        let result = ScriptHarness.run(found.script, name: "counterexample.strat")
        #expect(result.outcome == .success, "the counterexample does not replay: \(result.rendered.joined())")
        let run = try #require(result.runs.last)
        #expect(run.agreement == !found.breaksAgreement)
        #expect(run.validity == !found.breaksValidity)
        #expect(run.algorithm == report.algorithm)
        #expect(run.generals == report.generals)
        #expect(run.order == found.order)
    }

    @Test func threeGeneralsOneTraitorBreaksValidityAsInFigureOne() throws {
        let (result, report) = Self.verify("generals 3\nverify om(1)")
        #expect(result.outcome == .success)
        let found = try #require(report)
        #expect(!found.holds)
        #expect(found.exhaustive)
        #expect(found.counterexample?.breaksValidity == true)
        #expect(found.scope.strategies.value == 75)
        #expect(found.orders == ["attack", "retreat", "hold"])
        #expect(found.counterexample?.script == """
            generals 3
            order attack
            default retreat
            general L2 traitor lies retreat to L1 about C
            run om(1)
            expect violation

            """)
        #expect(found.counterexample?.deviatingMessages == 1)
        try Self.replay(found)
    }

    @Test func fourGeneralsOneTraitorHoldsForEveryStrategy() throws {
        let (result, report) = Self.verify("generals 4\nverify om(1)")
        #expect(result.outcome == .success)
        let found = try #require(report)
        #expect(found.holds)
        #expect(found.exhaustive)
        #expect(found.scope.strategies.value == 339)
        #expect(found.counterexample == nil)
        let text = VerificationRenderer.text(found, style: TextStyle(color: false))
        #expect(text.contains("IC1 and IC2 hold for every strategy (all 339), every placement and every order: a proof, not a sample"))
    }

    /// The paper's bound at m = 2 and m = 3: a proof at n = 3m + 1, a minimal
    /// counterexample at n = 3m, each in well under a second.
    @Test(arguments: [(7, 2, true), (6, 2, false), (10, 3, true), (9, 3, false)])
    func theBoundAtTheSizesPeopleTeach(generals: Int, m: Int, holds: Bool) throws {
        let found = try #require(Self.verify("generals \(generals)\nverify om(\(m))").1)
        #expect(found.exhaustive)
        #expect(found.holds == holds)
        if !holds {
            #expect(found.counterexample?.faulty.count == m)
            try Self.replay(found)
        }
    }

    @Test func everyOrderIsCheckedUnlessOneIsFixed() throws {
        // The order equal to the default cannot be broken on three generals by
        // a lieutenant; verify checks the others too and finds the failure.
        let found = try #require(Self.verify("generals 3\ndefault attack\nverify om(1)").1)
        #expect(found.orders == ["attack", "hold"])
        #expect(found.counterexample?.order == "hold")
        try Self.replay(found)
        let fixed = try #require(Self.verify("generals 3\ndefault attack\nverify om(1) for order attack").1)
        #expect(fixed.orders == ["attack"])
        #expect(fixed.holds)
        let text = VerificationRenderer.text(fixed, style: TextStyle(color: false))
        #expect(text.contains("order: attack only (for order)"))
    }

    @Test func fourGeneralsTwoTraitorsUnderOMOneFail() throws {
        let found = try #require(Self.verify("generals 4\nverify om(1) with 2 traitors").1)
        #expect(!found.holds)
        #expect(found.traitors == 2)
        try Self.replay(found)
    }

    @Test func fourGeneralsUnderOMTwoBreakAgreement() throws {
        let found = try #require(Self.verify("generals 4\nverify om(2)").1)
        #expect(!found.holds)
        try Self.replay(found)
    }

    @Test func threeGeneralsWithSignedMessagesHold() throws {
        let found = try #require(Self.verify("generals 3\nverify sm(1)").1)
        #expect(found.holds)
        #expect(found.exhaustive)
    }

    @Test(arguments: ["generals 4\nverify sm(1) with 2 traitors", "generals 5\nverify sm(2) with 3 traitors", "generals 6\nverify sm(3) with 4 traitors"])
    func signedMessagesWithTooManyTraitorsFailAndReplay(script: String) throws {
        let found = try #require(Self.verify(script).1)
        #expect(!found.holds)
        #expect(found.counterexample?.breaksAgreement == true)
        #expect(found.counterexample?.faulty.first == "C")
        try Self.replay(found)
    }

    @Test(arguments: ["generals 5\nverify sm(2)", "generals 6\nverify sm(2)", "generals 4\nverify sm(2) with 3 traitors"])
    func signedMessagesHoldExactly(script: String) throws {
        let found = try #require(Self.verify(script).1)
        #expect(found.holds)
        #expect(found.exhaustive)
    }

    @Test func beyondTheBudgetItSamplesAndSaysSo() throws {
        let (result, report) = Self.verify("generals 7\nverify om(2)", budget: 20)
        #expect(result.outcome == .success)
        let found = try #require(report)
        #expect(found.holds)
        #expect(!found.exhaustive)
        #expect(found.checked >= 20)
        let text = VerificationRenderer.text(found, style: TextStyle(color: false))
        #expect(text.contains("method: sampling: the exact method needs"))
        #expect(text.contains("no violation found in a seeded sample of"))
        #expect(text.contains("not a proof"))
    }

    @Test func theSameScriptGivesTheSameAnswer() throws {
        let first = try #require(Self.verify("seed 3\ngenerals 5\nverify om(1) with 2 traitors", budget: 50).1)
        let second = try #require(Self.verify("seed 3\ngenerals 5\nverify om(1) with 2 traitors", budget: 50).1)
        #expect(first == second)
    }

    @Test func numericOrdersGetANumericThirdValue() throws {
        let found = try #require(Self.verify("order 1\ndefault 0\ngenerals 3\nverify om(1)").1)
        #expect(found.values == ["1", "0", "2"])
        try Self.replay(found)
    }

    @Test func namedArmiesAndAnotherCommanderReplay() throws {
        let found = try #require(Self.verify("generals A, B, C\ncommander B\nverify om(1)").1)
        #expect(found.counterexample?.script.hasPrefix("generals A, B, C\ncommander B\n") == true)
        try Self.replay(found)
    }

    @Test func saveWritesTheCounterexample() throws {
        let writer = MemoryWriter()
        let (result, report) = Self.verify("generals 3\nverify om(1) save \"attack.strat\"", writer: writer)
        #expect(result.outcome == .success)
        #expect(writer.files["attack.strat"] == report?.counterexample?.script)
        #expect(report?.savePath == "attack.strat")
    }

    /// A verify that holds has nothing to save, and says so rather than
    /// leaving the file's absence to be noticed.
    @Test func saveWithNoCounterexampleSaysNothingWasSaved() throws {
        let writer = MemoryWriter()
        let (result, report) = Self.verify("generals 4\nverify om(1) save \"attack.strat\"", writer: writer)
        #expect(result.outcome == .success)
        #expect(writer.files.isEmpty)
        let holding = try #require(report)
        #expect(VerificationRenderer.verdict(holding, style: TextStyle(color: false)).hasSuffix(
            "a proof, not a sample\nnothing saved to attack.strat: no counterexample\n\n"))
    }

    @Test func jsonFollowsTheSchema() throws {
        let found = try #require(Self.verify("generals 3\nverify om(1)").1)
        let line = VerificationRenderer.json(found)
        #expect(line.hasPrefix(#"{"verify":"om","m":1,"orders":["attack","retreat","hold"],"holds":false,"exhaustive":true,"strategies":75,"counterexample":"generals 3\norder attack\n"#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["counterexample"] as? String == found.counterexample?.script)
        #expect(object["deviatingMessages"] as? Int == 1)
        let holding = try #require(Self.verify("generals 4\nverify om(1)").1)
        #expect(VerificationRenderer.json(holding).hasPrefix(#"{"verify":"om","m":1,"orders":["attack","retreat","hold"],"holds":true,"exhaustive":true,"strategies":339,"counterexample":null,"#))
        // A space beyond a Double: null, with its logarithm beside it.
        let huge = try #require(Self.verify("generals 10\nverify om(3)").1)
        let hugeObject = try #require(try JSONSerialization.jsonObject(with: Data(VerificationRenderer.json(huge).utf8)) as? [String: Any])
        #expect(hugeObject["strategies"] is NSNull)
        #expect((hugeObject["strategiesLog10"] as? Double ?? 0) > 700)
    }

    @Test(arguments: [
        ("generals 4\nverify om(1) with 0 traitors", "an army of 4 generals can have 1 to 3 traitors, not 0"),
        ("generals 4\nverify om(1) with 4 traitors", "an army of 4 generals can have 1 to 3 traitors, not 4"),
        ("generals 4\nverify om", "with no faulty generals there is nothing to verify; give m, e.g. 'verify om(1)', or 'with 1 traitor'"),
        ("generals 4\nverify om(3)", "om(3) needs m < n − 1, but the army has 4 generals (n − 1 = 3)"),
        ("generals 4\nverify om(-1)", "m must be 0 or more, got -1"),
        (
            "generals 21\nverify om(3) with 4 traitors",
            "verify found a counterexample and replays it as a run, but with 21 generals a run of om(3) could send 123,520 messages, over the limit of 100,000; raise it"
        ),
    ])
    func errors(script: String, message: String) {
        let (result, _) = Self.verify(script, messageLimit: 100_000)
        #expect(result.outcome == .scriptError)
        #expect(result.errors.map(\.message) == [message])
    }

    /// With links missing no two generals need play the same part: OM is
    /// decided exactly general by general, and its counterexample (here with
    /// no traitor at all) carries the graph, so it replays; SM samples and says why.
    @Test func onAGraphWithLinksMissingOMIsExactAndTheCounterexampleKeepsTheGraph() throws {
        let found = try #require(Self.verify("generals 5\nlinks ring\ncut C - L1\nverify om(1)", budget: 100_000).1)
        #expect(found.exhaustive)
        #expect(!found.scope.symmetric)
        let text = VerificationRenderer.text(found, style: TextStyle(color: false))
        #expect(text.contains("with links missing no two generals need play the same part"))
        #expect(text.contains("0 faulty generals and 0 deviating messages"))
        let script = try #require(found.counterexample?.script)
        #expect(script.contains("links ring\ncut C - L1\n"))
        try Self.replay(found)

        let enumerated = try #require(Self.verify("generals 5\nlinks ring\nverify sm(1)", budget: 1_000).1)
        #expect(enumerated.exhaustive)
        #expect(enumerated.scope.method == .enumerate)
        let enumeratedText = VerificationRenderer.text(enumerated, style: TextStyle(color: false))
        #expect(enumeratedText.contains("method: every strategy, one by one (171 runs)"))
        #expect(enumeratedText.contains("IC1 (agreement) fails with 1 faulty general and 1 deviating message (the fewest of both)"))
        try Self.replay(enumerated)

        let sampled = try #require(Self.verify("generals 5\nlinks ring\nverify sm(1)", budget: 100).1)
        #expect(!sampled.exhaustive)
        let sampledText = VerificationRenderer.text(sampled, style: TextStyle(color: false))
        #expect(sampledText.contains(
            "SM's exact method lets any lieutenant extend a chain to any other, and with links missing they cannot, and the 171 strategies are over the budget's 100"))
        #expect(VerificationRenderer.json(enumerated).contains(#""method":"enumerate""#))
    }

    /// An engine error during the search is an internal error (exit 70), not "holds".
    @Test func anEngineErrorIsAnInternalErrorNeverAVerdict() {
        var settings = Session.Settings()
        settings.verifySearch = { _, _, _ throws(EngineError) in throw .inconsistentVerification("injected") }
        let result = ScriptHarness.run("generals 4\nverify om(1)\nexpect holds", settings: settings)
        #expect(result.outcome == .internalError)
        #expect(result.errors.map(\.message).first?.contains("injected") == true)
        #expect(!result.events.contains { if case .verification = $0 { true } else { false } })
    }

    @Test func samplingTakesOnlySmallRuns() {
        let (result, _) = Self.verify("generals 30\nverify om(3)", budget: 1)
        #expect(result.outcome == .scriptError)
        #expect(result.errors.map(\.message) == [
            "the exact method needs more than the budget here, and sampling runs om(3) once per strategy: with 30 generals a run of om(3) could send 592,789 messages, and verify samples only armies whose runs send at most 100,000"
        ])
    }

    /// Answers false `count` times, then true: a Ctrl-C that arrives part-way.
    final class StopAfter: @unchecked Sendable {
        private let lock = NSLock()
        private var left: Int
        init(_ count: Int) { left = count }
        func ask() -> Bool {
            lock.withLock {
                left -= 1
                return left < 0
            }
        }
    }

    @Test func aStoppedSearchSaysHowFarItGot() {
        var settings = Session.Settings()
        // Two statements ask before they start; the search asks next.
        let stop = StopAfter(2)
        settings.shouldStop = { stop.ask() }
        let result = ScriptHarness.run("generals 4\nverify om(1)", settings: settings)
        #expect(result.outcome == .interrupted)
        #expect(result.errors.map(\.message) == ["interrupted after solving 0 of 18 sub-problems, before any verdict"])
        let sampling = StopAfter(2)
        settings.shouldStop = { sampling.ask() }
        settings.verifyBudget = 20
        let sampled = ScriptHarness.run("generals 7\nverify om(2)", settings: settings)
        #expect(sampled.outcome == .interrupted)
        #expect(sampled.errors.map(\.message) == ["interrupted after checking 0 strategies, with no violation among them"])
    }

    /// `generals 12; verify om(4) with 11 traitors` has more strategies than a
    /// Double holds; printing the size once looped for ever.
    @Test func aSpaceTooLargeForADoubleIsPrintedAsSuch() throws {
        let found = try #require(Self.verify("generals 12\nverify om(4) with 11 traitors").1)
        let plan = VerificationRenderer.plan(found, style: TextStyle(color: false))
        #expect(plan.contains("space: ≈ "))
        #expect(VerificationRenderer.json(found).contains("\"strategies\":null"))
    }
}
