import ByzantineEngine
import Foundation
import Testing

@testable import StrategosLanguage

/// `run sm(m)` and `run sm` through the interpreter: the on-demand army, the text and
/// JSON of an SM run (V per loyal lieutenant, forged messages discarded), `expect` on
/// SM runs, and which warnings SM gets.
@Suite struct SignedMessagesScriptTests {
    private func run(_ script: String) throws -> RunReport {
        let result = ScriptHarness.run(script)
        #expect(result.errors.isEmpty, "\(result.rendered)")
        return try #require(result.runs.last, "\(result.rendered)")
    }

    private func text(_ script: String) throws -> String {
        RunRenderer.text(try run(script), style: TextStyle(color: false))
    }

    private func json(_ script: String) throws -> String {
        RunRenderer.json(try run(script))
    }

    private static let lyingLieutenant = "generals 3; general L2 traitor lies retreat; run sm(1)"
    private static let fig5 = "generals 3; general C traitor lies attack to L1 and retreat to L2; run sm(1)"
    private static let twoTraitors = """
        generals 4
        general C traitor lies attack to L2 and retreat to L1 and silent to L3
        general L1 traitor silent to L2
        run sm(1)
        """

    // MARK: - The on-demand army

    /// With no `generals`, SM(m) gets C and m + 1 lieutenants (at least two).
    /// Under SM a dropped message is not a default taken at once: the
    /// receiver's V_i just does not grow, and the trace says so.
    @Test func aDropUnderSMSaysVDoesNotGrow() throws {
        var session = Session()
        session.settings.recordTraces = true
        let result = ScriptHarness.run(
            "generals 4\ngeneral C traitor lies hold to L3 and silent to L1, L2\ngeneral L3 traitor silent to L2\nrun sm(2)", in: &session)
        let run = try #require(result.runs.last)
        let trace = try #require(run.trace)
        let text = TraceTextRenderer.text(run, trace: trace, filter: TraceFilter(), style: TextStyle(color: false))
        #expect(text.contains("dropped: nothing reaches L2, whose V does not grow"))
        #expect(!text.contains("uses retreat"))
    }

    @Test(arguments: 0...5)
    func onDemandArmyHasMPlusOneLieutenants(m: Int) throws {
        let report = try run("run sm(\(m))")
        let lieutenants = max(m + 1, 2)
        #expect(report.generals == ["C"] + (1...lieutenants).map { "L\($0)" })
        #expect(report.algorithm == .sm)
        #expect(report.m == m)
        #expect(report.rounds == m + 1)
        #expect(report.messages == SignedMessages.messageCount(generals: lieutenants + 1, m: m))
        #expect(report.rows.allSatisfy { $0.decision == "attack" && $0.set == ["attack"] })
        #expect(report.discarded == 0)
        // OM(m) on demand is built for n > 3m instead.
        if m >= 1 {
            #expect(try run("run om(\(m))").generals.count == 3 * m + 1)
        }
    }

    /// `run sm` takes m = the number of faulty generals.
    @Test(arguments: [
        ("run sm", 0, 3),
        ("general L1 traitor; run sm", 1, 3),
        ("general L1 traitor; general L2 traitor lies hold; run sm", 2, 4),
        ("general C traitor silent; general L1 traitor; general L2 traitor; run sm", 3, 5),
        ("general L5 traitor; run sm", 1, 6),
        ("generals 7; general L2 traitor; run sm", 1, 7),
        ("general L1 crashes after round 1; run sm", 1, 3),
    ])
    func bareSMTakesMFromTheFaultyGenerals(script: String, m: Int, generals: Int) throws {
        let report = try run(script)
        #expect(report.m == m)
        #expect(report.generals.count == generals)
        #expect(report.rounds == m + 1)
        #expect(report.agreement && report.validity, "at most m traitors")
    }

    // MARK: - Text

    @Test func textOfTheLyingLieutenant() throws {
        #expect(try text(Self.lyingLieutenant) == """
            SM(1) · 3 generals · commander C orders attack · default retreat
            faulty L2: lies retreat
              L1  decides attack  V = {attack}
              L2  faulty
            IC1 agreement  holds
            IC2 validity   holds
            4 messages in 2 rounds · 1 forged message discarded


            """)
    }

    @Test func textOfFig5ShowsBothSetsInEntryOrder() throws {
        #expect(try text(Self.fig5) == """
            SM(1) · 3 generals · commander C orders attack · default retreat
            faulty C: lies attack to L1 and retreat to L2
              L1  decides retreat  V = {attack, retreat}
              L2  decides retreat  V = {retreat, attack}
            IC1 agreement  holds
            IC2 validity   holds (the commander is faulty)
            4 messages in 2 rounds · 0 forged messages discarded


            """)
    }

    /// Sets line up after decisions of different lengths.
    @Test func textOfTwoTraitorsAlignsTheSets() throws {
        #expect(try text(Self.twoTraitors) == """
            SM(1) · 4 generals · commander C orders attack · default retreat
            faulty C: lies attack to L2 and retreat to L1 and silent to L3
            faulty L1: silent to L2
              L1  faulty
              L2  decides attack   V = {attack}
              L3  decides retreat  V = {retreat, attack}
            IC1 agreement  FAILS
            IC2 validity   holds (the commander is faulty)
            5 messages in 2 rounds · 0 forged messages discarded


            """)
    }

    @Test func textOfASilentCommanderShowsEmptySets() throws {
        #expect(try text("generals 4; general C traitor silent; run sm(1)") == """
            SM(1) · 4 generals · commander C orders attack · default retreat
            faulty C: silent
              L1  decides retreat  V = {}
              L2  decides retreat  V = {}
              L3  decides retreat  V = {}
            IC1 agreement  holds
            IC2 validity   holds (the commander is faulty)
            0 messages in 2 rounds · 0 forged messages discarded


            """)
    }

    @Test func textCountsSeveralForgeries() throws {
        let text = try text("general L1 traitor flips; general L2 traitor lies hold; run sm")
        #expect(text.hasSuffix("9 messages in 3 rounds · 4 forged messages discarded\n\n"))
        #expect(text.contains("  L3  decides attack  V = {attack}\n"))
        // OM's text has no sets and no forgeries.
        let oral = try self.text("general L1 traitor flips; general L2 traitor lies hold; run om(1)")
        #expect(!oral.contains("V = {"))
        #expect(!oral.contains("forged"))
    }

    // MARK: - JSON

    @Test func jsonOfTheLyingLieutenantIsExact() throws {
        #expect(try json(Self.lyingLieutenant) == #"{"algorithm":"sm","m":1,"generals":["C","L1","L2"],"commander":"C","order":"attack","default":"retreat","faulty":["L2"],"decisions":{"L1":"attack"},"agreement":true,"validity":true,"messages":4,"rounds":2,"sets":{"L1":["attack"]},"discarded":1}"# + "\n")
    }

    @Test func jsonOfFig5IsExact() throws {
        #expect(try json(Self.fig5) == #"{"algorithm":"sm","m":1,"generals":["C","L1","L2"],"commander":"C","order":"attack","default":"retreat","faulty":["C"],"decisions":{"L1":"retreat","L2":"retreat"},"agreement":true,"validity":true,"messages":4,"rounds":2,"sets":{"L1":["attack","retreat"],"L2":["retreat","attack"]},"discarded":0}"# + "\n")
    }

    @Test func jsonOfTwoTraitorsLeavesFaultyLieutenantsOutOfTheSets() throws {
        #expect(try json(Self.twoTraitors) == #"{"algorithm":"sm","m":1,"generals":["C","L1","L2","L3"],"commander":"C","order":"attack","default":"retreat","faulty":["C","L1"],"decisions":{"L2":"attack","L3":"retreat"},"agreement":false,"validity":true,"messages":5,"rounds":2,"sets":{"L2":["attack"],"L3":["retreat","attack"]},"discarded":0}"# + "\n")
    }

    @Test func jsonOfEmptySets() throws {
        #expect(try json("generals 4; general C traitor silent; run sm(1)").contains(#","sets":{"L1":[],"L2":[],"L3":[]},"discarded":0}"#))
    }

    /// The run schema's keys in their order, then sets, then discarded, and nothing after.
    @Test func jsonKeysComeInTheSchemaOrderThenSetsAndDiscarded() throws {
        let json = try json("generals 7; general C traitor lies hold to L1 and retreat to L2; general L3 traitor; run sm(2)")
        let keys = ["algorithm", "m", "generals", "commander", "order", "default", "faulty", "decisions",
                    "agreement", "validity", "messages", "rounds", "sets", "discarded"]
        var searchFrom = json.startIndex
        for key in keys {
            let range = try #require(json.range(of: "\"\(key)\":", range: searchFrom..<json.endIndex), "\(key) missing or out of order")
            searchFrom = range.upperBound
        }
        #expect(json.hasPrefix("{\"algorithm\":\"sm\""))
        #expect(json.hasSuffix("}\n"))
        #expect(json.filter { $0 == "\n" }.count == 1, "one line")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object.count == keys.count)
    }

    @Test func jsonParsesToTheRunsSetsAndDiscards() throws {
        let script = "generals A, B, C, D, E; commander C; general A traitor lies 0; general C traitor lies x to B and y to D, E; order 007; run sm(2)"
        let report = try run(script)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(RunRenderer.json(report).utf8)) as? [String: Any])
        #expect(object["algorithm"] as? String == "sm")
        #expect(object["m"] as? Int == 2)
        #expect(object["rounds"] as? Int == 3)
        let sets = try #require(object["sets"] as? [String: [String]])
        #expect(Set(sets.keys) == ["B", "D", "E"], "loyal lieutenants only")
        #expect(sets == Dictionary(uniqueKeysWithValues: report.rows.compactMap { row in row.set.map { (row.lieutenant, $0) } }))
        // B hears x from the commander; D and E hear y. A hears 007 and relays 0 on the
        // chain C:A, whose signers are both traitors: genuine, so 0 reaches everybody.
        // A's changes on chains through a loyal lieutenant (C:B:A, …) are forgeries.
        #expect(sets["B"] == ["x", "0", "y"])
        #expect(sets["D"] == ["y", "0", "x"])
        #expect(sets["E"] == ["y", "0", "x"])
        #expect(report.discarded > 0)
        #expect(object["discarded"] as? Int == report.discarded)
        #expect(object["messages"] as? Int == report.messages)
        let decisions = try #require(object["decisions"] as? [String: String])
        #expect(decisions == ["B": "retreat", "D": "retreat", "E": "retreat"])
    }

    @Test func jsonOfOMHasNoSetsOrDiscarded() throws {
        let json = try json("generals 4; general L2 traitor lies retreat; run om(1)")
        #expect(!json.contains("\"sets\""))
        #expect(!json.contains("\"discarded\""))
        #expect(json.hasSuffix(#""rounds":2}"# + "\n"))
    }

    // MARK: - Rows and values

    @Test func rowsCarryVInValueNamesAndOnlyForLoyalLieutenants() throws {
        let report = try run("generals 4; order go; default wait; general C traitor lies hold to L1 and go to L2, L3; general L3 traitor silent; run sm(1)")
        #expect(report.rows == [
            RunReport.Row(lieutenant: "L1", decision: "wait", set: ["hold", "go"]),
            RunReport.Row(lieutenant: "L2", decision: "wait", set: ["go", "hold"]),
            RunReport.Row(lieutenant: "L3", decision: nil, set: nil),
        ])
        #expect(report.discarded == 0)
        // OM rows never carry a set.
        let oral = try run("generals 4; general L3 traitor; run om(1)")
        #expect(oral.rows.allSatisfy { $0.set == nil })
    }

    // MARK: - expect on SM runs

    @Test func expectationsThatHoldOnSMRuns() {
        let result = ScriptHarness.run("""
            generals 3
            general L2 traitor lies retreat
            run sm(1)
            expect consensus
            expect agreement
            expect validity
            expect L1 decides attack
            expect messages 4
            reset
            generals 3
            general C traitor lies attack to L1 and retreat to L2
            run sm(1)
            expect agreement
            expect validity
            expect L1, L2 decide retreat
            reset
            \(Self.twoTraitors)
            expect violation
            expect validity
            expect L2 decides attack
            expect L3 decides retreat
            expect messages 5
            run sm(2)
            expect consensus
            expect L2, L3 decide retreat
            expect messages 8
            """)
        #expect(result.outcome == .success)
        #expect(result.errors.isEmpty, "\(result.rendered)")
        // Only the two-traitor SM(1) run is warned about, and only for its traitor count.
        #expect(result.warnings.map(\.message) == ["2 generals are faulty, more than the m = 1 that SM(1) is designed to tolerate"])
        #expect(result.runs.map(\.m) == [1, 1, 1, 2])
    }

    @Test(arguments: [
        ("expect violation", "expected IC1 or IC2 to fail, but both held"),
        ("expect L1 decides retreat", "expected L1 to decide retreat, but L1 decided attack"),
        ("expect messages 3", "expected 3 messages, but the run sent 4"),
    ])
    func expectationsThatFailOnAnSMRun(check: String, message: String) {
        let result = ScriptHarness.run(Self.lyingLieutenant + "; " + check)
        #expect(result.outcome == .expectationFailed)
        #expect(result.diagnostics.map(\.message) == ["expectation failed: " + message])
    }

    @Test func failedAgreementOnAnSMRunNamesTheDecisions() {
        let result = ScriptHarness.run(Self.twoTraitors + "\nexpect consensus\nexpect agreement")
        #expect(result.outcome == .expectationFailed)
        #expect(result.errors.map(\.message) == [
            "expectation failed: expected consensus, but IC1 (agreement) failed: L2 attack, L3 retreat",
            "expectation failed: expected agreement (IC1), but the loyal lieutenants decided differently: L2 attack, L3 retreat",
        ])
    }

    @Test func aFaultyLieutenantDoesNotDecideInSMEither() {
        let result = ScriptHarness.run(Self.lyingLieutenant + "; expect L2 decides attack")
        #expect(result.outcome == .expectationFailed)
        #expect(result.errors.map(\.message) == ["expectation failed: expected L2 to decide attack, but L2 is faulty in the last run and decides nothing"])
    }

    // MARK: - Warnings and errors

    /// n ≤ 3m breaks OM's bound, not SM's: SM(m) copes with any number of traitors.
    @Test(arguments: [(3, 1), (4, 2), (5, 3), (7, 5)])
    func noBoundWarningForSM(n: Int, m: Int) throws {
        let sm = ScriptHarness.run("generals \(n); run sm(\(m))")
        #expect(sm.diagnostics.isEmpty, "\(sm.rendered)")
        #expect(sm.runs.first?.isBoundBroken == false)

        let om = ScriptHarness.run("generals \(n); run om(\(m))")
        #expect(om.warnings.map(\.message) == [
            "n = \(n) is not more than 3m = \(3 * m): the paper's bound n > 3m is broken, so OM(\(m)) does not guarantee IC1 and IC2",
        ])
        #expect(om.runs.first?.isBoundBroken == true)
    }

    @Test func noBoundWarningForSMWithTraitorsEither() {
        let result = ScriptHarness.run("generals 3; general L2 traitor lies retreat; run sm(1); run om(1)")
        #expect(result.sketch == ["run:sm(1)", "warning", "run:om(1)"])
    }

    /// `relays` chooses SM chains; OM has none, so the rule is inert there, its
    /// general loyal in effect, and `verify` ignores it as it ignores every rule.
    @Test func relaysIsWarnedUnderOMAndLeavesVerifyAlone() {
        let om = ScriptHarness.run("generals 4; general L3 traitor relays about C, L1; run om(1)")
        #expect(om.warnings.count == 1)
        #expect(om.warnings.first?.message.contains("relays matters only under SM") == true, "\(om.rendered)")
        let sm = ScriptHarness.run("generals 4; general L3 traitor relays about C, L1; run sm(2)")
        #expect(sm.warnings.isEmpty, "\(sm.rendered)")
        let plain = ScriptHarness.run("generals 4; verify sm(1)")
        let relaying = ScriptHarness.run("generals 4; general L3 traitor relays; verify sm(1)")
        #expect(relaying.rendered == plain.rendered)
    }

    @Test func moreTraitorsThanMIsStillWarnedForSM() {
        let result = ScriptHarness.run(Self.twoTraitors)
        #expect(result.warnings.map(\.message) == ["2 generals are faulty, more than the m = 1 that SM(1) is designed to tolerate"])
        #expect(result.runs.count == 1)
    }

    @Test(arguments: [
        ("generals 3; run sm(2)", "sm(2) needs m < n − 1, but the army has 3 generals (n − 1 = 2)"),
        ("generals 4; run sm(3)", "sm(3) needs m < n − 1, but the army has 4 generals (n − 1 = 3)"),
        ("run sm(-1)", "m must be 0 or more, got -1"),
    ])
    func smRefusesImpossibleRounds(script: String, message: String) {
        let result = ScriptHarness.run(script)
        #expect(result.outcome == .scriptError)
        #expect(result.errors.map(\.message) == [message])
        #expect(result.runs.isEmpty)
    }

    /// The limit is checked against SM's bound: each lieutenant relaying each value in
    /// play at most once (here two values: 3 + 3·2·2 = 15 for n = 4, m = 1).
    @Test func smRefusesARunThatMaySendTooMany() {
        var settings = Session.Settings()
        settings.messageLimit = 14
        let refused = ScriptHarness.run("generals 4; run sm(1)", settings: settings)
        #expect(refused.errors.map(\.message) == [
            "sm(1) with 4 generals may send up to 15 messages, over the limit of 14; raise it",
        ])
        settings.messageLimit = 15
        let allowed = ScriptHarness.run("generals 4; run sm(1)", settings: settings)
        #expect(allowed.errors.isEmpty)
        #expect(allowed.runs.first?.messages == 9)
    }
}
