import ByzantineEngine
import Foundation
import Testing
@testable import StrategosLanguage

/// The system-model statements as a script uses them: what each changes, what
/// runs and verifies report in text and JSON, and that every counterexample
/// found under a model replays with the model it was found under.
@Suite struct SystemModelScriptTests {
    static func lastRun(_ script: String) throws -> RunReport {
        let result = ScriptHarness.run(script)
        #expect(result.errors.isEmpty, "\(result.renderedErrors)")
        return try #require(result.runs.last)
    }

    @Test func aLossyChannelIsSeededAndReported() throws {
        let script = "generals 7\nchannel lossy 20%\nseed 4\ngeneral L2 traitor\nrun om(2)"
        let run = try Self.lastRun(script)
        #expect(try Self.lastRun(script) == run, "same seed, same losses")
        let lost = try #require(run.network?.counts.lost)
        #expect(lost > 0 && lost < run.messages)
        let json = RunRenderer.json(run)
        #expect(json.contains(#""channel":"lossy 20%","lost":\#(lost)"#))
        #expect(!json.contains(#""timing""#))
        #expect(RunRenderer.text(run, style: TextStyle(color: false)).contains("channel lossy 20% · \(lost) messages lost"))
        // Another seed, other losses; `channel reliable` back to none at all.
        #expect(try Self.lastRun(script.replacingOccurrences(of: "seed 4", with: "seed 5")).network?.counts.lost != lost)
        #expect(try Self.lastRun(script + "\nchannel reliable\nrun om(2)").network == nil)
    }

    @Test func asynchronousTimingReportsLateAndTimedOutMessages() throws {
        let late = try Self.lastRun("generals 4\ntiming asynchronous\ntimeout 3\ndelay C to L1 by 2\nrun om(1)")
        #expect(late.network?.counts.late == 1 && late.network?.counts.timedOut == 0)
        #expect(late.agreement && late.validity)
        let missed = try Self.lastRun("generals 4\ntiming asynchronous\ndelay C to L1, L2 by 1\nrun om(1)")
        #expect(missed.network?.counts.timedOut == 2)
        #expect(!missed.validity, "no traitor, and two late orders break IC2")
        let json = RunRenderer.json(missed)
        #expect(json.contains(#""timing":"asynchronous","timeout":1,"late":0,"timedOut":2"#))
        // Back to synchronous rounds: the delays and the timeout are forgotten.
        let synchronous = try Self.lastRun("generals 4\ntiming asynchronous\ndelay C to L1, L2 by 1\ntiming synchronous\nrun om(1)")
        #expect(synchronous.network == nil && synchronous.validity)
    }

    @Test func aPartitionBlocksAndIsCleared() throws {
        let split = try Self.lastRun("generals 5\npartition C, L1, L2 | L3, L4 from round 2\nrun om(1)")
        #expect(split.network?.counts.blocked == 8)
        #expect(RunRenderer.json(split).contains(#""blocked":8"#))
        #expect(RunRenderer.text(split, style: TextStyle(color: false)).contains("partition C, L1, L2 | L3, L4 from round 2"))
        #expect(try Self.lastRun("generals 5\npartition C, L1, L2 | L3, L4\npartition none\nrun om(1)").network == nil)
        // On demand, the army a run makes must fit the partition.
        let onDemand = ScriptHarness.run("partition C, L1 | L2\nrun om(1)")
        #expect(onDemand.renderedErrors.first?.contains("general L3 is in no group of the partition") == true)
        #expect(onDemand.renderedErrors.first?.contains("test.strat:2:1:") == true, "located at the run that makes the army")
    }

    @Test func broadcastRefusesATwoFacedRuleWhicheverComesFirst() {
        for script in [
            "generals 4\nchannel broadcast\ngeneral C traitor lies attack to L1 and retreat to L2, L3",
            "generals 4\ngeneral C traitor lies attack to L1 and retreat to L2, L3\nchannel broadcast",
        ] {
            let result = ScriptHarness.run(script)
            #expect(result.renderedErrors.first?.contains("under 'channel broadcast' everything C sends on one path") == true,
                    "\(result.renderedErrors)")
        }
        let fine = ScriptHarness.run("generals 3\nchannel broadcast\ngeneral C traitor random\nrun om(0)\nexpect agreement")
        #expect(fine.outcome == .success)
    }

    @Test func declarationsPrintAsTheStatementsThatMakeThem() throws {
        let statements = [
            "channel lossy 20%", "partition C, L1 | L2, L3 from round 2 until round 3", "timing asynchronous", "timeout 3",
            "delay at most 4", "delay C to L1 by 2 in round 1", "delay L2 to L1, L3 by 1 about C",
        ]
        var session = Session()
        let first = ScriptHarness.run("generals 4\n" + statements.joined(separator: "\n"), in: &session)
        #expect(first.errors.isEmpty)
        let printed = session.scenario.network.script
        #expect(printed == statements.joined(separator: "; "))
        var again = Session()
        _ = ScriptHarness.run("generals 4\n" + printed, in: &again)
        #expect(again.scenario.network.script == printed)
    }

    /// A counterexample found under a model replays under it: a withheld
    /// message is a `delay` past the timeout, and the seed comes along with a lossy channel.
    @Test(arguments: [
        "generals 4\ntiming asynchronous\nverify om(1)",
        "generals 4\ntiming asynchronous\ntimeout 2\nverify sm(1)",
        "generals 5\npartition C, L1, L2 | L3, L4 from round 2\nverify om(1)",
        "generals 5\npartition C, L1 | L2, L3, L4\nverify sm(1)",
        "generals 4\nchannel lossy 30%\nseed 3\nverify om(1)",
        "generals 4\nchannel broadcast\nverify om(1) with 2 traitors",
        "generals 3\nverify om(0)",
    ])
    func everyCounterexampleReplays(script: String) throws {
        let (result, report) = VerifyTests.verify(script)
        #expect(result.errors.isEmpty, "\(result.renderedErrors)")
        let found = try #require(report?.counterexample)
        try VerifyTests.replay(try #require(report))
        #expect(report?.exhaustive == true)
        if script.contains("timing asynchronous") {
            #expect(found.faulty.isEmpty, "the network alone breaks it")
            #expect(found.script.contains("timing asynchronous") && found.script.contains("delay C to"))
        }
        if script.contains("lossy") { #expect(found.script.contains("seed 3\nchannel lossy 30%")) }
    }

    /// Past the budget a model a strategy table cannot express is sampled
    /// message by message, and what it finds replays (and is no internal error).
    @Test(arguments: [
        "generals 5\ntiming asynchronous\nverify sm(2)", "generals 5\nchannel broadcast\nverify om(1) with 2 traitors",
        "generals 6\ntiming asynchronous\ntimeout 2\nverify om(1)",
    ])
    func samplingUnderAModelReplays(script: String) throws {
        let (result, report) = VerifyTests.verify(script, budget: 1)
        #expect(result.errors.isEmpty, "\(result.renderedErrors)")
        let verification = try #require(report)
        #expect(verification.scope.method == .sample)
        #expect(verification.checked <= verification.scope.planned)
        if verification.counterexample != nil { try VerifyTests.replay(verification) }
    }

    @Test func verifyOMZeroAsksWhatItSurvives() throws {
        let (_, broadcast) = VerifyTests.verify("generals 4\nchannel broadcast\nverify om(0)")
        #expect(broadcast?.traitors == 3 && broadcast?.holds == true && broadcast?.exhaustive == true)
        let (_, pointToPoint) = VerifyTests.verify("generals 4\nverify om(0)")
        #expect(pointToPoint?.counterexample?.faulty == ["C"], "a two-faced commander breaks OM(0)")
        // Bare `verify om` with nobody faulty still says there is nothing to verify.
        #expect(ScriptHarness.run("generals 4\nverify om").renderedErrors.first?.contains("nothing to verify") == true)
    }

    @Test func showArmyListsTheNetwork() {
        var session = Session()
        _ = ScriptHarness.run("generals 4\nchannel lossy 5%\ntiming asynchronous\ndelay C to L1 by 1", in: &session)
        let text = ScenarioRenderer.text(session.scenario, style: TextStyle(color: false))
        #expect(text.contains("network    channel lossy 5%; timing asynchronous; delay C to L1 by 1"))
        #expect(!ScenarioRenderer.text(Scenario(), style: TextStyle(color: false)).contains("network"))
    }

    @Test func boundedDelaysBelowTheTimeoutAreSynchronousEnough() throws {
        let (_, bounded) = VerifyTests.verify("generals 4\ntiming asynchronous\ntimeout 2\ndelay at most 1\nverify om(1)")
        #expect(bounded?.holds == true && bounded?.exhaustive == true)
        let text = try VerificationRenderer.text(#require(bounded), style: TextStyle(color: false))
        #expect(text.contains("the network's delays, at most 1 rounds, never outlast the timeout of 2"))
    }
}
