import Testing

@testable import StrategosLanguage

/// A script that makes one semantic error, and every diagnostic it renders
/// (without colour), pinned in full.
struct SemanticCase: Sendable, CustomTestStringConvertible {
    var name: String
    var script: String
    var messageLimit: Int?
    var rendered: String

    init(_ name: String, _ script: String, limit: Int? = nil, _ rendered: String) {
        self.name = name
        self.script = script
        self.messageLimit = limit
        self.rendered = rendered
    }

    var testDescription: String { name }
}

/// Every semantic error a user can cause: the script stops at the statement,
/// exits as a script error, and says exactly what is wrong and where.
@Suite struct SemanticErrorTests {
    static let cases: [SemanticCase] = [
        SemanticCase(
            "unknownGeneralInDeclaredArmy", "generals A, B, C, D\ngeneral E traitor lies 0 to A",
            """
            test.strat:2:9: error: no general named E; the army is A, B, C, D; did you mean A?
             2 | general E traitor lies 0 to A
               |         ^

            """),
        SemanticCase(
            "unknownReceiverInDeclaredArmy", "generals Alice, Bob, Carol\ngeneral Carol traitor lies 0 to Alcie",
            """
            test.strat:2:33: error: no general named Alcie; the army is Alice, Bob, Carol; did you mean Alice?
             2 | general Carol traitor lies 0 to Alcie
               |                                 ^~~~~

            """),
        SemanticCase(
            "unknownAboutInDeclaredArmy", "generals Alice, Bob, Carol\ngeneral Carol traitor lies 0 about Zed",
            """
            test.strat:2:36: error: no general named Zed; the army is Alice, Bob, Carol
             2 | general Carol traitor lies 0 about Zed
               |                                    ^~~

            """),
        SemanticCase(
            "unknownGeneralInAPathAbout", "generals Alice, Bob, Carol\ngeneral Carol traitor lies 0 about Alice, Bbo",
            """
            test.strat:2:43: error: no general named Bbo; the army is Alice, Bob, Carol; did you mean Bob?
             2 | general Carol traitor lies 0 about Alice, Bbo
               |                                           ^~~

            """),
        SemanticCase(
            "aboutNamesAGeneralTwice", "general L3 traitor silent about L1, L1",
            """
            test.strat:1:37: error: general L1 is named twice in one 'about'; a path passes through each general once
             1 | general L3 traitor silent about L1, L1
               |                                     ^~

            """),
        SemanticCase(
            "aboutNamesItsOwnGeneral", "general L3 traitor silent about C, L3",
            """
            test.strat:1:36: error: a rule of L3 cannot be about L3: no path passes through a general before it sends
             1 | general L3 traitor silent about C, L3
               |                                    ^~

            """),
        SemanticCase(
            "aboutHasTheCommanderAfterTheFirstPlace", "general L3 traitor lies 0 about L1, C",
            """
            test.strat:1:37: error: C is the commander, who only ever stands first on a path; 'about' names the end of a path in order, so the commander can only come first in it
             1 | general L3 traitor lies 0 about L1, C
               |                                     ^

            """),
        SemanticCase(
            "aboutHasAMovedCommanderAfterTheFirstPlace", "generals 5\ncommander L2\ngeneral L3 traitor silent to L1 and lies 0 about L1, L2",
            """
            test.strat:3:54: error: L2 is the commander, who only ever stands first on a path; 'about' names the end of a path in order, so the commander can only come first in it
             3 | general L3 traitor silent to L1 and lies 0 about L1, L2
               |                                                      ^~

            """),
        SemanticCase(
            "commanderWouldStandInsideAnAbout", "general L3 traitor silent about C, L1\ncommander L1",
            """
            test.strat:2:11: error: a rule of L3 has L1 after the first place of its 'about', but L1 would be the commander, who only ever stands first on a path; clear L3's rules with 'general L3 loyal' or 'reset'
             2 | commander L1
               |           ^~

            """),
        SemanticCase(
            "newArmyWouldPutItsCommanderInsideAnAbout", "generals A, B, C, D\ngeneral D traitor silent about A, C\ngenerals C, A, B, D",
            """
            test.strat:3:1: error: a rule of D has C after the first place of its 'about', but C would be the commander, who only ever stands first on a path; clear D's rules with 'general D loyal' or 'reset'
             3 | generals C, A, B, D
               | ^~~~~~~~~~~~~~~~~~~

            """),
        SemanticCase(
            "expectHoldsWithoutAVerify", "run om(1)\nexpect holds",
            """
            test.strat:2:1: error: 'expect holds' checks the last 'verify' of om or sm, and there is none yet
             2 | expect holds
               | ^~~~~~~~~~~~

            """),
        SemanticCase(
            "expectCounterexampleAfterAReset", "generals 3\nverify om(1)\nreset\nexpect counterexample",
            """
            test.strat:4:1: error: 'expect counterexample' checks the last 'verify' of om or sm, and there is none yet
             4 | expect counterexample
               | ^~~~~~~~~~~~~~~~~~~~~

            """),
        SemanticCase(
            "expectHoldsAfterATwoGeneralsVerify", "generals 4\nverify om(1)\nverify twogenerals(2)\nexpect holds",
            """
            test.strat:4:1: error: 'expect holds' checks the last 'verify' of om or sm, and there is none yet
             4 | expect holds
               | ^~~~~~~~~~~~

            """),
        SemanticCase(
            "unknownCommanderInDeclaredArmy", "generals 4\ncommander Boss",
            """
            test.strat:2:11: error: no general named Boss; the army is C, L1, L2, L3
             2 | commander Boss
               |           ^~~~

            """),
        SemanticCase(
            "unknownLoyalInDeclaredArmy", "generals 4\ngeneral L4 loyal",
            """
            test.strat:2:9: error: no general named L4; the army is C, L1, L2, L3; did you mean L1?
             2 | general L4 loyal
               |         ^~

            """),
        SemanticCase(
            "unknownGeneralInALargeArmy", "generals G1, G2, G3, G4, G5, G6, G7, G8, G9, G10, G11, G12, G13, G14, G15, G16, G17, G18, G19, G20\ngeneral H traitor",
            """
            test.strat:2:9: error: no general named H; the army is G1, G2, G3, G4, G5, G6, G7, G8, G9, G10, …, G20
             2 | general H traitor
               |         ^

            """),
        SemanticCase(
            "namedGeneralWithoutGenerals", "general Alice traitor",
            """
            test.strat:1:9: error: no general named Alice; without a 'generals' statement the army is C, L1, L2, ...; declare named generals first, e.g. 'generals Alice, Bob, Carol'
             1 | general Alice traitor
               |         ^~~~~

            """),
        SemanticCase(
            "namedCommanderWithoutGenerals", "commander Bob",
            """
            test.strat:1:11: error: no general named Bob; without a 'generals' statement the army is C, L1, L2, ...; declare named generals first, e.g. 'generals Alice, Bob, Carol'
             1 | commander Bob
               |           ^~~

            """),
        SemanticCase(
            "namedReceiverWithoutGenerals", "general L3 traitor lies 0 to Carol",
            """
            test.strat:1:30: error: no general named Carol; without a 'generals' statement the army is C, L1, L2, ...; declare named generals first, e.g. 'generals Alice, Bob, Carol'
             1 | general L3 traitor lies 0 to Carol
               |                              ^~~~~

            """),
        SemanticCase(
            "lZeroIsNotAnOnDemandGeneral", "general L0 traitor",
            """
            test.strat:1:9: error: no general named L0; without a 'generals' statement the army is C, L1, L2, ...; declare named generals first, e.g. 'generals Alice, Bob, Carol'
             1 | general L0 traitor
               |         ^~

            """),
        SemanticCase(
            "duplicateGeneral", "generals A, B, C, A",
            """
            test.strat:1:19: error: general A is named twice
             1 | generals A, B, C, A
               |                   ^

            """),
        SemanticCase(
            "armyTooSmallCount", "generals 2",
            """
            test.strat:1:10: error: an army needs at least 3 generals (a commander and two lieutenants), got 2
             1 | generals 2
               |          ^

            """),
        SemanticCase(
            "armyTooSmallNames", "generals A, B",
            """
            test.strat:1:1: error: an army needs at least 3 generals (a commander and two lieutenants), got 2
             1 | generals A, B
               | ^~~~~~~~~~~~~

            """),
        SemanticCase(
            "armyTooLargeCount", "generals 99999",
            """
            test.strat:1:10: error: an army has at most 10000 generals, this one would have 99999
             1 | generals 99999
               |          ^~~~~

            """),
        SemanticCase(
            "armyTooLargeOnDemand", "general L20000 traitor",
            """
            test.strat:1:9: error: no general named 'L20000' can exist: an army has at most 10000 generals, so lieutenants go up to L9999
             1 | general L20000 traitor
               |         ^~~~~~

            """),
        SemanticCase(
            "armyTooLargeOnDemandReceiver", "general L1 traitor lies 0 to L10000",
            """
            test.strat:1:30: error: no general named 'L10000' can exist: an army has at most 10000 generals, so lieutenants go up to L9999
             1 | general L1 traitor lies 0 to L10000
               |                              ^~~~~~

            """),
        SemanticCase(
            "mNegative", "run om(-1)",
            """
            test.strat:1:8: error: m must be 0 or more, got -1
             1 | run om(-1)
               |        ^~

            """),
        SemanticCase(
            "mEqualsNMinusOne", "generals 4\nrun om(3)",
            """
            test.strat:2:8: error: om(3) needs m < n − 1, but the army has 4 generals (n − 1 = 3)
             2 | run om(3)
               |        ^

            """),
        SemanticCase(
            "mFarTooLarge", "generals 4\nrun om(7)",
            """
            test.strat:2:8: error: om(7) needs m < n − 1, but the army has 4 generals (n − 1 = 3)
             2 | run om(7)
               |        ^

            """),
        SemanticCase(
            "runOmWithTooManyFaulty", "generals 3\ngeneral L1 traitor\ngeneral L2 traitor\nrun om",
            """
            test.strat:4:5: error: om(2) needs m < n − 1, but the army has 3 generals (n − 1 = 2)
             4 | run om
               |     ^~

            """),
        SemanticCase(
            "tooManyMessages", "run om(2)", limit: 20,
            """
            test.strat:1:8: error: om(2) with 7 generals would send 156 messages, over the limit of 20; raise it with --max-messages
             1 | run om(2)
               |        ^

            """),
        SemanticCase(
            "tooManyMessagesOverflow", "generals 100\nrun om(50)",
            """
            test.strat:2:8: error: om(50) with 100 generals would send more than 9,223,372,036,854,775,807 messages, over the limit of 1,000,000,000; raise it with --max-messages
             2 | run om(50)
               |        ^~

            """),
        SemanticCase(
            "roundZero", "general L3 traitor lies 0 to L1 in round 0",
            """
            test.strat:1:42: error: there is no round 0: rounds start at 1, which carries the commander's orders
             1 | general L3 traitor lies 0 to L1 in round 0
               |                                          ^

            """),
        SemanticCase(
            "crashAfterNegativeRound", "general L3 crashes after round -1",
            """
            test.strat:1:32: error: there is no round -1: rounds start at 1, which carries the commander's orders
             1 | general L3 crashes after round -1
               |                                ^~

            """),
        SemanticCase(
            "ruleOutsideNewNumberedArmy", "general L5 traitor\ngenerals 4",
            """
            test.strat:2:10: error: L5 has fault rules but is not in the army C, L1, L2, L3; clear them with 'general L5 loyal' or 'reset'
             2 | generals 4
               |          ^

            """),
        SemanticCase(
            "expectBeforeAnyRun", "expect agreement",
            """
            test.strat:1:1: error: there is no run to check yet; 'expect' checks the last 'run'
             1 | expect agreement
               | ^~~~~~~~~~~~~~~~

            """),
        SemanticCase(
            "expectOnTheCommander", "run om(1)\nexpect C decides attack",
            """
            test.strat:2:8: error: C is the commander; only lieutenants decide
             2 | expect C decides attack
               |        ^

            """),
        SemanticCase(
            "expectOnAMovedCommander", "generals 4\ncommander L2\nrun om(1)\nexpect L1, L2 decide attack",
            """
            test.strat:4:12: error: L2 is the commander; only lieutenants decide
             4 | expect L1, L2 decide attack
               |            ^~

            """),
        SemanticCase(
            "expectOnAnUnknownGeneral", "run om(1)\nexpect L1, L9 decide attack",
            """
            test.strat:2:12: error: no general named L9; the army is C, L1, L2, L3; did you mean L1?
             2 | expect L1, L9 decide attack
               |            ^~

            """),
        SemanticCase(
            "expectOnANamedUnknownGeneral", "generals A, B, C, D\nrun om(1)\nexpect Bob decides attack",
            """
            test.strat:3:8: error: no general named Bob; the army is A, B, C, D
             3 | expect Bob decides attack
               |        ^~~

            """),
    ]

    @Test(arguments: cases)
    func semanticError(_ example: SemanticCase) {
        var settings = Session.Settings()
        if let limit = example.messageLimit { settings.messageLimit = limit }
        let result = ScriptHarness.run(example.script + "\nprint \"not reached\"", settings: settings)
        #expect(result.outcome == .scriptError)
        #expect(result.printed.isEmpty, "a semantic error stops the script")
        #expect(result.errors.count == 1)
        #expect(result.rendered.joined() == example.rendered)
    }

    @Test func aRuleWhoseReceiverLeavesTheArmy() {
        // L3's rule names L1; the new army has L3 but not L1.
        let result = ScriptHarness.run("generals 4\ngeneral L3 traitor lies 0 to L1\ngenerals L3, X, Y")
        #expect(result.outcome == .scriptError)
        #expect(result.errors.count == 1)
        #expect(result.errors.map(\.message) == [
            "a rule of L3 names L1, which is not in the army L3, X, Y; clear L3's rules with 'general L3 loyal' or 'reset'"
        ])
    }

    @Test func theLargestOnDemandArmyIsNotCalledTooLarge() {
        // om(3333) needs C plus 3 · 3333 = 9999 lieutenants: 10,000 generals, which is allowed.
        var settings = Session.Settings()
        settings.messageLimit = 1_000
        let result = ScriptHarness.run("run om(3333)", settings: settings)
        #expect(result.outcome == .scriptError)
        #expect(result.errors.map(\.message) == [
            "om(3333) with 10000 generals would send more than 9,223,372,036,854,775,807 messages, over the limit of 1,000; raise it"
        ])
    }

    @Test func tooManyMessagesWithASmallLimitAndTheLimitItself() {
        var settings = Session.Settings()
        settings.messageLimit = 9
        #expect(ScriptHarness.run("run om(1)", settings: settings).outcome == .success)
        settings.messageLimit = 8
        let refused = ScriptHarness.run("run om(1)", settings: settings)
        #expect(refused.outcome == .scriptError)
        #expect(refused.runs.isEmpty)
        #expect(refused.rendered == [
            """
            test.strat:1:8: error: om(1) with 4 generals would send 9 messages, over the limit of 8; raise it with --max-messages
             1 | run om(1)
               |        ^

            """
        ])
    }

    @Test func theBoundWarningIsAWarningAndTheRunHappens() {
        let result = ScriptHarness.run("generals 3\ngeneral L2 traitor lies retreat\nrun om(1)\nexpect violation")
        #expect(result.outcome == .success)
        #expect(result.runs.count == 1)
        #expect(result.runs.first?.isBoundBroken == true)
        #expect(result.errors.isEmpty)
        #expect(result.sketch == ["warning", "run:om(1)"], "the warning comes before the run it is about")
        #expect(result.rendered == [
            """
            test.strat:3:1: warning: n = 3 is not more than 3m = 3: the paper's bound n > 3m is broken, so OM(1) does not guarantee IC1 and IC2
             3 | run om(1)
               | ^~~~~~~~~

            """
        ])
    }

    @Test(arguments: ["generals 4\nrun om(1)", "run om(1)", "generals 7\nrun om(2)", "run om(0)", "run om"])
    func noWarningWhenTheBoundHolds(script: String) {
        let result = ScriptHarness.run(script)
        #expect(result.diagnostics.isEmpty, "\(result.rendered)")
        #expect(result.runs.first?.isBoundBroken == false)
    }

    @Test func loadOfAMissingFile() {
        let result = ScriptHarness.run(
            "print \"before\"\nload \"missing.strat\"\nprint \"after\"", settings: ScriptHarness.settings(files: [:]))
        #expect(result.outcome == .unreadableInput)
        #expect(result.printed == ["before"])
        #expect(result.rendered == [
            """
            test.strat:2:6: error: cannot read 'missing.strat': no such file
             2 | load "missing.strat"
               |      ^~~~~~~~~~~~~~~

            """
        ])
    }

    @Test func loadOfAMissingFileFromDisk() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var settings = Session.Settings()
        settings.loader = FileSystemLoader(workingDirectory: directory.path)
        let result = ScriptHarness.run("load \"nowhere/missing.strat\"", settings: settings)
        #expect(result.outcome == .unreadableInput)
        #expect(result.errors.map(\.message) == ["cannot read 'nowhere/missing.strat': no such file"])
    }

    @Test(.timeLimit(.minutes(1))) func loadCycle() {
        let settings = ScriptHarness.settings(files: [
            "a.strat": "load \"b.strat\"\n",
            "b.strat": "generals 4\nload \"a.strat\"\n",
        ])
        let result = ScriptHarness.run("load \"a.strat\"", settings: settings)
        #expect(result.outcome == .scriptError)
        #expect(result.rendered == [
            """
            b.strat:2:6: error: load cycle: a.strat loads b.strat loads a.strat; a script cannot load itself
             2 | load "a.strat"
               |      ^~~~~~~~~

            """
        ])
    }

    @Test func aScriptThatLoadsItselfByKey() {
        var session = Session(settings: ScriptHarness.settings(files: ["self.strat": "load \"self.strat\""]))
        var log = EventLog()
        let outcome = session.run(SourceFile(name: "self.strat", text: "load \"self.strat\""), key: "self.strat", into: &log)
        #expect(outcome == .scriptError)
        let messages = log.events.compactMap { if case .diagnostic(let d, _) = $0 { d.message } else { nil } }
        #expect(messages == ["load cycle: self.strat loads self.strat; a script cannot load itself"])
    }

    @Test func aSemanticErrorKeepsWhatRanBefore() {
        var session = Session()
        let result = ScriptHarness.run("generals 5\norder hold\ngenerals 2\norder retreat", in: &session)
        #expect(result.outcome == .scriptError)
        #expect(session.scenario.army == .declared(["C", "L1", "L2", "L3", "L4"]))
        #expect(session.scenario.order == "hold")
    }

    /// One faulty general is one: the warning agrees in number.
    @Test func oneFaultyGeneralBeyondMIsSingular() {
        // The commander, since under OM(0) a lieutenant sends nothing to be faulty with.
        let result = ScriptHarness.run("generals 4; general C traitor flips; run om(0)")
        #expect(result.warnings.map(\.message) == ["1 general is faulty, more than the m = 0 that OM(0) is designed to tolerate"])
    }
}
