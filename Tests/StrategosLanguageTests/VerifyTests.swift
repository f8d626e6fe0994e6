import Foundation
import Testing
@testable import StrategosLanguage

/// `verify`: the paper's cases, every counterexample replayed, and the errors.
@Suite struct VerifyTests {
    static func verify(_ script: String, budget: Int = 10_000_000, writer: (any FileWriter)? = nil) -> (ScriptResult, VerificationReport?) {
        var settings = Session.Settings()
        settings.verifyBudget = budget
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
        let script = try #require(report.counterexample)
        let result = ScriptHarness.run(script, name: "counterexample.strat")
        #expect(result.outcome == .success, "the counterexample does not replay: \(result.rendered.joined())")
        let run = try #require(result.runs.last)
        #expect(run.agreement == !report.breaksAgreement)
        #expect(run.validity == !report.breaksValidity)
        #expect(run.algorithm == report.algorithm)
        #expect(run.generals == report.generals)
    }

    @Test func threeGeneralsOneTraitorBreaksValidityAsInFigureOne() throws {
        let (result, report) = Self.verify("generals 3\nverify om(1)")
        #expect(result.outcome == .success)
        let found = try #require(report)
        #expect(!found.holds)
        #expect(found.exhaustive)
        #expect(found.breaksValidity)
        #expect(found.fullSize == 15)
        #expect(found.counterexample == """
            generals 3
            order attack
            default retreat
            general L2 traitor lies retreat to L1 in round 2 about C
            run om(1)
            expect violation

            """)
        try Self.replay(found)
    }

    @Test func fourGeneralsOneTraitorHoldsExhaustively() throws {
        let (result, report) = Self.verify("generals 4\nverify om(1)")
        #expect(result.outcome == .success)
        let found = try #require(report)
        #expect(found.holds)
        #expect(found.exhaustive)
        #expect(found.fullSize == 54)
        #expect(found.reducedSize == 36)
        #expect(found.checked == 36)
        #expect(found.counterexample == nil)
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
        #expect(found.breaksAgreement, "n ≤ 3m: IC1 can break")
        try Self.replay(found)
    }

    @Test func threeGeneralsWithSignedMessagesHold() throws {
        let found = try #require(Self.verify("generals 3\nverify sm(1)").1)
        #expect(found.holds)
        #expect(found.exhaustive)
        #expect(found.fullSize == 24)
        #expect(found.mayStaySilent)
    }

    @Test func signedMessagesWithTooManyTraitorsFailAndReplay() throws {
        let found = try #require(Self.verify("generals 4\nverify sm(1) with 2 traitors").1)
        #expect(!found.holds)
        #expect(found.breaksAgreement)
        try Self.replay(found)
    }

    @Test func sevenGeneralsTwoTraitorsIsASampleThatSaysSo() throws {
        let (result, report) = Self.verify("generals 7\nverify om(2)", budget: 20_000)
        #expect(result.outcome == .success)
        let found = try #require(report)
        #expect(found.holds)
        #expect(!found.exhaustive)
        #expect(found.checked >= 20_000)
        #expect(found.reducedSize > 1e18)
        let text = VerificationRenderer.text(found, style: TextStyle(color: false))
        #expect(text.contains("no violation found in a seeded sample of"))
        #expect(text.contains("not a proof"))
    }

    @Test func theSameScriptGivesTheSameAnswer() throws {
        let first = try #require(Self.verify("seed 3\ngenerals 5\nverify om(1) with 2 traitors", budget: 5_000).1)
        let second = try #require(Self.verify("seed 3\ngenerals 5\nverify om(1) with 2 traitors", budget: 5_000).1)
        #expect(first == second)
    }

    @Test func numericOrdersGetANumericThirdValue() throws {
        let found = try #require(Self.verify("order 1\ndefault 0\ngenerals 3\nverify om(1)").1)
        #expect(found.values == ["1", "0", "2"])
        try Self.replay(found)
    }

    @Test func namedArmiesAndAnotherCommanderReplay() throws {
        let found = try #require(Self.verify("generals A, B, C\ncommander B\nverify om(1)").1)
        #expect(found.counterexample?.hasPrefix("generals A, B, C\ncommander B\n") == true)
        try Self.replay(found)
    }

    @Test func saveWritesTheCounterexample() throws {
        let writer = MemoryWriter()
        let (result, report) = Self.verify("generals 3\nverify om(1) save \"attack.strat\"", writer: writer)
        #expect(result.outcome == .success)
        #expect(writer.files["attack.strat"] == report?.counterexample)
        #expect(report?.savedTo == "attack.strat")
    }

    @Test func jsonFollowsTheSchema() throws {
        let found = try #require(Self.verify("generals 3\nverify om(1)").1)
        let line = VerificationRenderer.json(found)
        #expect(line.hasPrefix(#"{"verify":"om","m":1,"holds":false,"exhaustive":true,"strategies":15,"counterexample":"generals 3\norder attack\n"#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["counterexample"] as? String == found.counterexample)
        let holding = try #require(Self.verify("generals 4\nverify om(1)").1)
        #expect(VerificationRenderer.json(holding).hasPrefix(#"{"verify":"om","m":1,"holds":true,"exhaustive":true,"strategies":54,"counterexample":null,"#))
    }

    @Test(arguments: [
        ("generals 4\nverify om(1) with 0 traitors", "an army of 4 generals can have 1 to 3 traitors, not 0"),
        ("generals 4\nverify om(1) with 4 traitors", "an army of 4 generals can have 1 to 3 traitors, not 4"),
        ("generals 4\nverify om", "with no faulty generals there is nothing to verify; give m, e.g. 'verify om(1)', or 'with 1 traitor'"),
        ("generals 4\nverify om(3)", "om(3) needs m < n − 1, but the army has 4 generals (n − 1 = 3)"),
        ("generals 4\nverify om(-1)", "m must be 0 or more, got -1"),
        (
            "generals 30\nverify om(3)",
            "verify runs om(3) once per strategy, and with 30 generals a run could send 592,789 messages; verify takes armies whose runs send at most 100,000"
        ),
    ])
    func errors(script: String, message: String) {
        let (result, _) = Self.verify(script)
        #expect(result.outcome == .scriptError)
        #expect(result.errors.map(\.message) == [message])
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
        #expect(result.errors.map(\.message) == ["interrupted after checking 0 strategies, with no violation among them"])
    }

    /// `generals 12; verify om(4) with 11 traitors` has more strategies than a
    /// Double holds; printing the size once looped for ever.
    @Test func aSpaceTooLargeForADoubleIsPrintedAsSuch() {
        let report = VerificationReport(
            algorithm: .om, m: 4, generals: ["C", "L1", "L2"], commander: "C", order: "attack", defaultValue: "retreat",
            traitors: 11, values: ["attack", "retreat", "hold"], mayStaySilent: false, holds: true, exhaustive: false,
            interrupted: false, fullSize: .infinity, reducedSize: .infinity, checked: 1, planned: 1, counterexample: nil,
            breaksAgreement: false, breaksValidity: false, savedTo: nil)
        let plan = VerificationRenderer.plan(report, style: TextStyle(color: false))
        #expect(plan.contains("space: more than 1e308 strategies"))
        #expect(plan.contains("; more than 1e308 with loyal lieutenants taken as interchangeable"))
        #expect(VerificationRenderer.verdict(report, style: TextStyle(color: false)).contains("this is a sample of more than 1e308, not a proof"))
        let json = VerificationRenderer.json(report)
        #expect(json.contains("\"strategies\":null"))
        #expect(json.contains("\"reduced\":null"))
    }
}
