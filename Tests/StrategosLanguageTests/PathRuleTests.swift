import Testing
@testable import StrategosLanguage

/// `about A, B, …`: a rule limited to the messages whose path, before the
/// sender, ends with those generals, as scripts write it.
@Suite struct PathRuleTests {
    static func traced(_ script: String) throws -> RunReport {
        var settings = Session.Settings()
        settings.recordTraces = true
        let result = ScriptHarness.run(script, settings: settings)
        #expect(result.errors.isEmpty, "\(result.rendered.joined())")
        return try #require(result.runs.last)
    }

    /// The messages a run's rules changed, as `C>L2>L3>L1`: path, then receiver.
    static func lies(_ run: RunReport) throws -> [String] {
        let trace = try #require(run.trace)
        return trace.messages.filter(\.isLie).map { message in
            (message.path + [message.receiver]).map { run.generals[$0] }.joined(separator: ">")
        }.sorted()
    }

    /// The README's example: the one round-3 message L3 sends L1 relaying what
    /// L2 said C said. OM(3) on five generals has three more of L3's relays to
    /// L1 in rounds 3 and 4, and the rule leaves them alone.
    @Test func aRoundThreePathRuleChangesExactlyOneMessage() throws {
        let run = try Self.traced("generals 5\ngeneral L3 traitor lies retreat to L1 about C, L2\nrun om(3)")
        #expect(try Self.lies(run) == ["C>L2>L3>L1"])
        #expect(run.lies == 1)
        #expect(run.messages == 64)
        // Without the commander the list is a suffix: L2 last before L3, in any round.
        let suffix = try Self.traced("generals 5\ngeneral L3 traitor lies retreat to L1 about L2\nrun om(3)")
        #expect(try Self.lies(suffix) == ["C>L2>L3>L1", "C>L4>L2>L3>L1"])
    }

    @Test(arguments: [
        ("about L4, L2", ["C>L4>L2>L3>L1"]),
        ("about C, L4, L2", ["C>L4>L2>L3>L1"]),
        ("about C, L2, L4", ["C>L2>L4>L3>L1"]),
        ("about L2, L4", ["C>L2>L4>L3>L1"]),
        ("about C", ["C>L3>L1"]),
        // Lists no path of OM(3) ends with: longer than its paths, or in round 1.
        ("about C, L1, L2, L4", []),
        ("about L1, L2, L4, C", nil),
    ] as [(String, [String]?)])
    func aPathRuleMatchesTheEndOfThePath(about: String, lies: [String]?) throws {
        let script = "generals 5\ngeneral L3 traitor lies retreat to L1 \(about)\nrun om(3)"
        guard let lies else {
            // The commander after the first place is refused where the rule is written.
            #expect(ScriptHarness.run(script).outcome == .scriptError)
            return
        }
        #expect(try Self.lies(Self.traced(script)) == lies)
    }

    /// Under SM(3) L3 relays only a value new to it: with C silent to L3, what
    /// L1 signed after C. The rule's forgery on that one chain is discarded.
    @Test func aPathRuleUnderSignedMessages() throws {
        let run = try Self.traced(
            "generals 5\ngeneral C traitor silent to L3\ngeneral L3 traitor lies retreat to L2 about C, L1\nrun sm(3)")
        #expect(try Self.lies(run) == ["C>L1>L3>L2"])
        #expect(run.discarded == 1)
        #expect(run.agreement)
    }

    /// The run's header and `show army` print the rule as it was written.
    @Test func aPathRuleIsPrintedAsWritten() throws {
        let rule = FaultRule(
            .lies(Value("retreat", span: SourceSpan(start: 0, end: 0))),
            receivers: [Name("L1", span: SourceSpan(start: 0, end: 0))],
            about: ["C", "L2"].map { Name($0, span: SourceSpan(start: 0, end: 0)) }, span: SourceSpan(start: 0, end: 0))
        #expect(ScriptPrinter.text(of: rule) == "lies retreat to L1 about C, L2")
        let run = try Self.traced("generals 5\ngeneral L3 traitor silent about C, L2 and lies 0 about L4, L1 in round 4\nrun om(3)")
        let text = ScriptPrinter.text(of: run.rules["L3"] ?? [])
        #expect(text == "silent about C, L2 and lies 0 in round 4 about L4, L1")
        // The printed rules read back as the same rules.
        let reparsed = Parser.parse(SourceFile(name: "t.strat", text: "general L3 traitor " + text))
        guard case .faults(_, let rules)? = reparsed.program.statements.first?.kind else {
            Issue.record("\(reparsed.diagnostics)")
            return
        }
        #expect(rules.map { $0.about.map(\.text) } == [["C", "L2"], ["L4", "L1"]])
    }

    /// An on-demand army grows to every general an `about` names.
    @Test func aPathRuleNamesGeneralsOfAnOnDemandArmy() throws {
        let run = try Self.traced("general L3 traitor silent about L5, L1\nrun om(1)")
        #expect(run.generals == ["C", "L1", "L2", "L3", "L4", "L5"])
        #expect(run.drops == 0, "OM(1) has no path C, …, L5, L1 before L3")
    }

    /// A new army keeps the rules, so every general of an `about` must be in it.
    @Test func aNewArmyWithoutAGeneralOfAnAbout() {
        let result = ScriptHarness.run("general L3 traitor silent about C, L4\ngenerals 4")
        #expect(result.outcome == .scriptError)
        #expect(result.errors.map(\.message) == [
            "a rule of L3 names L4, which is not in the army C, L1, L2, L3; clear L3's rules with 'general L3 loyal' or 'reset'"
        ])
    }
}

/// `expect holds` and `expect counterexample`: the verdict of the last verify
/// of om or sm, whatever the last run was.
@Suite struct VerdictExpectationTests {
    static func run(_ script: String, budget: Int? = nil) -> ScriptResult {
        var settings = Session.Settings()
        if let budget { settings.verifyBudget = budget }
        return ScriptHarness.run(script, settings: settings)
    }

    static func failures(_ result: ScriptResult) -> [String] {
        result.errors.map(\.message)
    }

    @Test(arguments: [
        "generals 4; verify om(1); expect holds",
        "generals 3; verify om(1); expect counterexample",
        "generals 3; verify sm(1); expect holds",
        "generals 4; verify om(1) with 2 traitors; expect counterexample",
        // A later run does not change what the verify found.
        "generals 4; verify om(1); general L3 traitor; run om(1); expect holds; expect consensus",
    ])
    func passes(script: String) {
        let result = Self.run(script)
        #expect(result.outcome == .success, "\(result.rendered.joined())")
    }

    @Test(arguments: [
        (
            "generals 4; verify om(1); expect counterexample",
            "expectation failed: expected a counterexample, but the last verify proved that IC1 and IC2 hold for every strategy"
        ),
        (
            "generals 4; verify om(2); expect holds",
            "expectation failed: expected IC1 and IC2 to hold, but the last verify found a counterexample: IC1 (agreement) and IC2 (validity) both fail"
        ),
        (
            "generals 3; verify om(1); expect holds",
            "expectation failed: expected IC1 and IC2 to hold, but the last verify found a counterexample: IC2 (validity) fails"
        ),
    ])
    func fails(script: String, message: String) {
        let result = Self.run(script)
        #expect(result.outcome == .expectationFailed)
        #expect(Self.failures(result) == [message])
    }

    /// A verify that only sampled proves nothing, and found nothing either.
    @Test func aSampleIsNotAProof() throws {
        let result = Self.run("generals 7; verify om(2); expect holds; expect counterexample", budget: 1)
        let report = try #require(result.events.compactMap { if case .verification(let report) = $0 { report } else { nil } }.first)
        try #require(!report.exhaustive && report.holds, "budget 1 makes verify sample")
        #expect(result.outcome == .expectationFailed)
        #expect(Self.failures(result) == [
            "expectation failed: expected IC1 and IC2 to hold, but the last verify was a sample, not a proof: it found no violation among the strategies it tried",
            "expectation failed: expected a counterexample, but the last verify sampled the strategies and found no violation (a sample, not a proof)",
        ])
    }

    /// The checks of a run look at the last run, never at a verify.
    @Test func aVerifyIsNotARun() {
        let result = Self.run("generals 3; verify om(1); expect violation")
        #expect(result.outcome == .scriptError)
        #expect(Self.failures(result) == ["there is no run to check yet; 'expect' checks the last 'run'"])
        let afterRun = Self.run("generals 4; run om(1); generals 3; verify om(1); expect consensus; expect counterexample")
        #expect(afterRun.outcome == .success, "\(afterRun.rendered.joined())")
    }

    /// The last verify is the one checked, and a session remembers it.
    @Test func theLastVerifyCounts() {
        var session = Session()
        _ = ScriptHarness.run("generals 3; verify om(1)", in: &session)
        #expect(session.lastVerification?.counterexample != nil)
        #expect(ScriptHarness.run("expect counterexample", in: &session).outcome == .success)
        _ = ScriptHarness.run("generals 4; verify om(1)", in: &session)
        #expect(ScriptHarness.run("expect holds", in: &session).outcome == .success)
        _ = ScriptHarness.run("reset", in: &session)
        #expect(session.lastVerification == nil)
    }
}
