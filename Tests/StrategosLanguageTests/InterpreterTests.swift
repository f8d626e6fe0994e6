import Foundation
import Testing

@testable import StrategosLanguage

/// Scripts run through `Session.run`, checked through the `RunReport`s and
/// events they produce.
@Suite struct InterpreterTests {
    private func onlyRun(_ text: String, settings: Session.Settings = Session.Settings()) throws -> RunReport {
        let result = ScriptHarness.run(text, settings: settings)
        #expect(result.errors.isEmpty, "\(result.rendered)")
        #expect(result.outcome == .success)
        return try #require(result.runs.count == 1 ? result.runs.first : nil, "\(result.sketch)")
    }

    private func decisions(_ run: RunReport) -> [String: String] {
        Dictionary(uniqueKeysWithValues: run.decisions.map { ($0.lieutenant, $0.decision) })
    }

    // MARK: - The army made on demand

    @Test func theWholeProgramOfTheRequirement() throws {
        let run = try onlyRun("general L3 traitor lies 0 to L1,L2; run om(1)")
        #expect(run.algorithm == .om)
        #expect(run.m == 1)
        #expect(run.generals == ["C", "L1", "L2", "L3"])
        #expect(run.commander == "C")
        #expect(run.order == "attack")
        #expect(run.defaultValue == "retreat")
        #expect(run.faulty == ["L3"])
        #expect(run.rows.map(\.lieutenant) == ["L1", "L2", "L3"])
        #expect(run.decision(of: "L3") == nil)
        #expect(decisions(run) == ["L1": "attack", "L2": "attack"])
        #expect(run.agreement && run.validity)
        #expect(run.messages == 9)
        #expect(run.messagesPerRound == [3, 6])
        #expect(run.rounds == 2)
        #expect(!run.isBoundBroken)
    }

    @Test(arguments: [
        ("run om(2)", 7),
        ("run om(1)", 4),
        ("run om(0)", 3),
        ("general L5 traitor; run om(1)", 6),
        ("general L1 traitor lies 0 to L5; run om(1)", 6),
        ("general L1 traitor lies 0 about L7; run om(1)", 8),
        ("general L9 traitor; run om(2)", 10),
        ("general L2 traitor; run om(2)", 7),
        ("commander L4; run om(1)", 5),
    ])
    func onDemandArmySize(script: String, size: Int) throws {
        let run = try onlyRun(script)
        #expect(run.generals == ["C"] + (1..<size).map { "L\($0)" })
    }

    @Test func omTwoWithNoGeneralsHasSevenGeneralsAndTheClosedFormCount() throws {
        let run = try onlyRun("run om(2)")
        #expect(run.generals.count == 7)
        #expect(run.messagesPerRound == [6, 30, 120])
        #expect(run.messages == 156)
        #expect(run.rounds == 3)
        #expect(decisions(run).values.allSatisfy { $0 == "attack" })
    }

    // MARK: - Declared armies

    @Test func generalsCountNamesTheCommanderCAndLieutenants() throws {
        let run = try onlyRun("generals 4; run om(1)")
        #expect(run.generals == ["C", "L1", "L2", "L3"])
        #expect(run.commander == "C")
    }

    @Test func declaredArmyIsNotExtendedByM() throws {
        let result = ScriptHarness.run("generals 5; run om(1)")
        #expect(result.runs.first?.generals.count == 5)
    }

    @Test func namedGeneralsTheFirstIsTheCommander() throws {
        let run = try onlyRun("generals A, B, C, D; run om(1)")
        #expect(run.generals == ["A", "B", "C", "D"])
        #expect(run.commander == "A")
        #expect(run.rows.map(\.lieutenant) == ["B", "C", "D"])
    }

    @Test func commanderStatementChangesTheCommander() throws {
        let run = try onlyRun("generals A, B, C, D\ncommander B\ngeneral A traitor lies retreat\nrun om")
        #expect(run.commander == "B")
        #expect(run.generals == ["A", "B", "C", "D"])
        #expect(run.rows.map(\.lieutenant) == ["A", "C", "D"])
        #expect(run.m == 1)
        #expect(run.faulty == ["A"])
        #expect(decisions(run) == ["C": "attack", "D": "attack"])
    }

    @Test func aNewArmyMakesItsFirstGeneralTheCommanderAgain() throws {
        let result = ScriptHarness.run("generals A, B, C, D; commander B; generals W, X, Y, Z; run om(1)")
        #expect(result.runs.first?.commander == "W")
    }

    @Test func orderIsWhatTheLoyalLieutenantsDecide() throws {
        let run = try onlyRun("order retreat; run om(1)")
        #expect(run.order == "retreat")
        #expect(decisions(run) == ["L1": "retreat", "L2": "retreat", "L3": "retreat"])
    }

    @Test func valuesAreOpaqueSymbols() throws {
        let run = try onlyRun("order 0; default 1; general L3 traitor lies retreat; run om(1)")
        #expect(run.order == "0")
        #expect(run.defaultValue == "1")
        #expect(decisions(run) == ["L1": "0", "L2": "0"])
    }

    @Test func defaultIsUsedWhenThereIsNoMajority() throws {
        // L1 hears attack from C and nothing from L2: no majority, so the default.
        let result = ScriptHarness.run("default hold; generals 3; general L2 traitor silent; run om(1)")
        let run = try #require(result.runs.first)
        #expect(run.defaultValue == "hold")
        #expect(run.decision(of: "L1") == "hold")
        #expect(run.messagesPerRound == [2, 1])
        #expect(!run.validity)
    }

    // MARK: - run om

    @Test func runOmTakesMFromTheFaultyGenerals() throws {
        let run = try onlyRun("general L1 traitor; general L2 traitor; run om")
        #expect(run.m == 2)
        #expect(run.generals.count == 7)
        #expect(run.faulty == ["L1", "L2"])
    }

    @Test func runOmWithNoFaultsIsOmZero() throws {
        let run = try onlyRun("run om")
        #expect(run.m == 0)
        #expect(run.generals == ["C", "L1", "L2"])
        #expect(run.messages == 2)
        #expect(run.rounds == 1)
    }

    @Test func crashedGeneralsCountAsFaultyForRunOm() throws {
        let run = try onlyRun("generals 7; general L1 crashes after round 1; general L2 traitor silent; run om")
        #expect(run.m == 2)
        #expect(run.faulty == ["L1", "L2"])
    }

    // MARK: - Rules

    @Test func loyalClearsEveryRule() throws {
        let run = try onlyRun("general L3 traitor lies 0 and silent to L1; general L3 loyal; run om(1)")
        #expect(run.faulty.isEmpty)
        #expect(run.rules.isEmpty)
        #expect(run.messages == 9)
    }

    @Test func rulesAccumulateAndTheFirstMatchWins() throws {
        // The silent rule for L1 is tried first; L2 gets the lie; L3's rule never applies.
        let run = try onlyRun(
            "generals 4; general L3 traitor silent to L1; general L3 traitor lies retreat to L1, L2; run om(1)")
        #expect(run.rules["L3"]?.count == 2)
        #expect(run.messages == 8)
    }

    @Test func twoFacedCommander() throws {
        let run = try onlyRun("general C traitor lies attack to L1 and retreat to L2, L3; run om(1)")
        #expect(run.faulty == ["C"])
        #expect(decisions(run) == ["L1": "retreat", "L2": "retreat", "L3": "retreat"])
        #expect(run.agreement)
        #expect(run.validity, "validity is vacuous with a faulty commander")
    }

    @Test func flipsIsTheDefaultTraitor() throws {
        let plain = try onlyRun("generals 3; general C traitor; run om(0)")
        let flips = try onlyRun("generals 3; general C traitor flips; run om(0)")
        #expect(decisions(plain) == ["L1": "retreat", "L2": "retreat"])
        #expect(decisions(plain) == decisions(flips))
    }

    @Test func crashAfterRoundOneIsSilentAfterwards() throws {
        let run = try onlyRun("general L3 crashes after round 1; run om(1)")
        #expect(run.faulty == ["L3"])
        #expect(run.messagesPerRound == [3, 4])
        #expect(run.messages == 7)
        #expect(decisions(run) == ["L1": "attack", "L2": "attack"])
    }

    @Test func crashedCommanderAfterRoundZeroSendsNothing() throws {
        let result = ScriptHarness.run("general C crashes after round 0; run om(1)")
        let run = try #require(result.runs.first)
        // The lieutenants still relay what they have: nothing, so the default.
        #expect(run.messagesPerRound == [0, 6])
        #expect(decisions(run) == ["L1": "retreat", "L2": "retreat", "L3": "retreat"])
    }

    @Test(arguments: [
        // L2 relays to L1 in round 2 only; a round-1 rule never matches a
        // lieutenant, which the run warns about, and L2 counts as loyal.
        ("in round 2", "retreat", false, ["L2"]),
        ("in round 1", "attack", true, []),
    ])
    func inRoundLimitsARule(qualifier: String, l1: String, validity: Bool, faulty: [String]) throws {
        let result = ScriptHarness.run("generals 3; general L2 traitor lies retreat to L1 \(qualifier); run om(1)")
        let run = try #require(result.runs.first)
        #expect(run.decision(of: "L1") == l1)
        #expect(run.validity == validity)
        #expect(run.faulty == faulty)
        #expect(result.warnings.contains { $0.message.hasPrefix("n = 3 is not more than 3m = 3") }, "n = 3 breaks the bound")
        #expect(result.warnings.count == (faulty.isEmpty ? 2 : 1))
    }

    @Test(arguments: [("about C", "retreat"), ("about L1", "attack")])
    func aboutLimitsARuleToRelaysOfOneSender(qualifier: String, l1: String) throws {
        let result = ScriptHarness.run("generals 3; general L2 traitor lies retreat \(qualifier); run om(1)")
        #expect(result.runs.first?.decision(of: "L1") == l1)
    }

    @Test func silentToDropsOnlyThoseMessages() throws {
        let run = try onlyRun("general L3 traitor silent to L1; run om(1)")
        #expect(run.messages == 8)
        #expect(run.messagesPerRound == [3, 5])
        #expect(decisions(run) == ["L1": "attack", "L2": "attack"])
    }

    @Test func silentEverywhere() throws {
        let run = try onlyRun("general L3 traitor silent; run om(1)")
        #expect(run.messages == 7)
    }

    @Test func lieToOneReceiverOnly() throws {
        // With n = 3 the lie decides L1's vote; L2 is faulty.
        let result = ScriptHarness.run("generals 3; general L2 traitor lies retreat to L1; run om(1)")
        let run = try #require(result.runs.first)
        #expect(run.decision(of: "L1") == "retreat")
        #expect(run.agreement)
        #expect(!run.validity)
    }

    // MARK: - Seeds

    private static let randomScript = """
        generals 7
        general C traitor random
        general L2 traitor random
        run om(2)
        """

    @Test func sameSeedSameRun() throws {
        for seed in [0, 7, 12345, -3] {
            let first = try #require(ScriptHarness.run("seed \(seed)\n" + Self.randomScript).runs.first)
            let second = try #require(ScriptHarness.run("seed \(seed)\n" + Self.randomScript).runs.first)
            #expect(first == second)
        }
    }

    @Test func theSeedMatters() throws {
        var outcomes = Set<[String]>()
        for seed in 0..<24 {
            let run = try #require(ScriptHarness.run("seed \(seed)\n" + Self.randomScript).runs.first)
            outcomes.insert(run.decisions.map(\.decision))
        }
        #expect(outcomes.count > 1, "24 seeds all gave the same decisions")
    }

    @Test func seedInOneSessionRepeatsTheRun() throws {
        let result = ScriptHarness.run("seed 9\n" + Self.randomScript + "\nrun om(2)")
        #expect(result.runs.count == 2)
        #expect(result.runs.first == result.runs.last)
    }

    // MARK: - reset, print

    @Test func resetClearsTheScenarioAndTheLastRun() throws {
        var session = Session()
        let first = ScriptHarness.run(
            "generals A, B, C, D; order retreat; default hold; seed 3; general B traitor; run om(1); reset", in: &session)
        #expect(first.outcome == .success)
        #expect(session.scenario == Scenario())
        #expect(session.lastRun == nil)
        let second = ScriptHarness.run("run om(1)", in: &session)
        let run = try #require(second.runs.first)
        #expect(run.generals == ["C", "L1", "L2", "L3"])
        #expect(run.order == "attack")
        #expect(run.faulty.isEmpty)
    }

    @Test func expectAfterResetHasNoRun() {
        let result = ScriptHarness.run("run om(1); reset; expect agreement")
        #expect(result.outcome == .scriptError)
        #expect(result.errors.map(\.message) == ["there is no run to check yet; 'expect' checks the last 'run'"])
    }

    @Test func printEmitsTextInOrder() {
        let result = ScriptHarness.run("print \"one\"; run om(1); print \"two \\\"quoted\\\"\"; print \"\"")
        #expect(result.sketch == ["print:one", "run:om(1)", "print:two \"quoted\"", "print:"])
        #expect(result.outcome == .success)
    }

    @Test func sessionStateCarriesOverBetweenScripts() throws {
        var session = Session()
        _ = ScriptHarness.run("generals A, B, C, D; general D traitor", in: &session)
        let result = ScriptHarness.run("run om", in: &session)
        #expect(result.runs.first?.generals == ["A", "B", "C", "D"])
        #expect(result.runs.first?.m == 1)
        #expect(session.lastRun == result.runs.first)
    }

    // MARK: - expect

    private static let loyal = "run om(1)"
    private static let validityBroken = "generals 3; general L2 traitor lies retreat to L1; run om(1)"
    private static let agreementBroken = "generals 4; general C traitor lies attack to L1 and retreat to L2, L3; run om(0)"

    @Test(arguments: [
        (loyal, "agreement", nil),
        (loyal, "validity", nil),
        (loyal, "consensus", nil),
        (loyal, "violation", "expected IC1 or IC2 to fail, but both held"),
        (loyal, "L1 decides attack", nil),
        (loyal, "L1 decides retreat", "expected L1 to decide retreat, but L1 decided attack"),
        (loyal, "L1, L2 decide attack", nil),
        (loyal, "L1,L3 decide 0", "expected L1, L3 to decide 0, but L1 decided attack and L3 decided attack"),
        (loyal, "messages 9", nil),
        (loyal, "messages 8", "expected 8 messages, but the run sent 9"),
        (validityBroken, "agreement", nil),
        (validityBroken, "validity",
         "expected validity (IC2), but the loyal commander ordered attack and L1 decided retreat"),
        (validityBroken, "consensus",
         "expected consensus, but IC2 (validity) failed: the loyal commander ordered attack and L1 decided retreat"),
        (validityBroken, "violation", nil),
        (validityBroken, "L1 decides retreat", nil),
        (validityBroken, "L1, L2 decide retreat", "expected L1, L2 to decide retreat, but L2 is faulty in the last run and decides nothing"),
        (agreementBroken, "agreement",
         "expected agreement (IC1), but the loyal lieutenants decided differently: L1 attack, L2 retreat, L3 retreat"),
        (agreementBroken, "validity", nil),
        (agreementBroken, "consensus",
         "expected consensus, but IC1 (agreement) failed: L1 attack, L2 retreat, L3 retreat"),
        (agreementBroken, "violation", nil),
        (agreementBroken, "L2, L3 decide retreat", nil),
        (agreementBroken, "messages 3", nil),
    ] as [(String, String, String?)])
    func expectation(script: String, check: String, failure: String?) {
        let result = ScriptHarness.run(script + "\nexpect " + check + "\nprint \"after\"")
        #expect(result.runs.count == 1)
        #expect(result.printed == ["after"], "the script goes on after an expect")
        let failures = result.errors.map(\.message)
        if let failure {
            #expect(result.outcome == .expectationFailed)
            #expect(failures == ["expectation failed: " + failure])
            #expect(result.sketch.suffix(2) == ["error", "print:after"])
        } else {
            #expect(result.outcome == .success)
            #expect(failures.isEmpty)
        }
    }

    @Test func bothICFailingIsReportedTogether() throws {
        // Two traitors under OM(1) with n = 4: L1 is fooled, L2 is not.
        let script = """
            generals 4
            general L2 traitor lies retreat to L1
            general L3 traitor lies retreat to L1
            run om(1)
            expect violation
            expect validity
            """
        let result = ScriptHarness.run(script)
        let run = try #require(result.runs.first)
        #expect(run.decision(of: "L1") == "retreat")
        #expect(!run.validity)
        #expect(result.outcome == .expectationFailed)
        #expect(result.errors.map(\.message) == [
            "expectation failed: expected validity (IC2), but the loyal commander ordered attack and L1 decided retreat"
        ])
    }

    @Test func aFailedExpectPointsAtItsStatement() throws {
        let result = ScriptHarness.run("run om(1)\nexpect   messages 8  # wrong\n")
        let failure = try #require(result.errors.first)
        let location = result.file.location(of: failure.span.start)
        #expect(location.line == 2 && location.column == 1)
        #expect(result.file.text(of: failure.span) == "expect   messages 8")
    }

    @Test func expectChecksTheLastRun() {
        let result = ScriptHarness.run("run om(1); expect messages 9; run om(2); expect messages 156; expect messages 9")
        #expect(result.errors.map(\.message) == ["expectation failed: expected 9 messages, but the run sent 156"])
    }

    @Test func theWorstOutcomeIsKept() {
        let result = ScriptHarness.run("run om(1); expect violation; generals 2; print \"never\"")
        #expect(result.outcome == .scriptError)
        #expect(result.printed.isEmpty)
    }

    // MARK: - Errors stop the script

    @Test func aSemanticErrorStopsAtItsStatement() {
        let result = ScriptHarness.run("print \"before\"\nrun om(1)\ngenerals 2\nprint \"after\"\nrun om(1)\n")
        #expect(result.outcome == .scriptError)
        #expect(result.sketch == ["print:before", "run:om(1)", "error"])
        #expect(result.file.location(of: result.errors[0].span.start).line == 3)
    }

    @Test func syntaxErrorsAreAllReportedAndNothingRuns() {
        let script = """
            print "never"
            run om(1)
            generals ,
            run xx(1)
            general L3 traitor lies
            expect agrement
            """
        let result = ScriptHarness.run(script)
        #expect(result.outcome == .scriptError)
        #expect(result.runs.isEmpty)
        #expect(result.printed.isEmpty)
        #expect(result.errors.count >= 4, "\(result.rendered)")
        let lines = Set(result.errors.map { result.file.location(of: $0.span.start).line })
        #expect(lines.isSuperset(of: [3, 4, 5, 6]))
        #expect(result.events.allSatisfy { if case .diagnostic = $0 { true } else { false } })
    }

    @Test func aSyntaxErrorLeavesTheSessionUntouched() {
        var session = Session()
        _ = ScriptHarness.run("generals 4; run om(1)", in: &session)
        let before = session.scenario
        let result = ScriptHarness.run("generals A, B, C\nrun om(", in: &session)
        #expect(result.outcome == .scriptError)
        #expect(session.scenario == before)
    }

    // MARK: - load

    @Test func loadRunsAnotherScriptInTheSameSession() throws {
        let settings = ScriptHarness.settings(files: [
            "army.strat": "generals A, B, C, D\ngeneral D traitor lies retreat\nprint \"army loaded\"",
        ])
        let result = ScriptHarness.run("load \"army.strat\"\nrun om\nexpect consensus", settings: settings)
        #expect(result.outcome == .success)
        #expect(result.sketch == ["print:army loaded", "run:om(1)"])
        #expect(result.runs.first?.generals == ["A", "B", "C", "D"])
    }

    @Test func loadFromDiskRelativeToTheLoadingScript() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("load \"sub/a.strat\"\nrun om(1)\n", to: "main.strat")
        try directory.write("load \"b.strat\"\norder retreat\n", to: "sub/a.strat")
        try directory.write("generals P, Q, R, S\n", to: "sub/b.strat")
        var settings = Session.Settings()
        settings.loader = FileSystemLoader(workingDirectory: directory.path)
        let result = ScriptHarness.run("load \"main.strat\"", settings: settings)
        #expect(result.outcome == .success, "\(result.rendered)")
        let run = try #require(result.runs.first)
        #expect(run.generals == ["P", "Q", "R", "S"])
        #expect(run.order == "retreat")
    }

    @Test func anErrorInALoadedFileNamesThatFileAndStopsTheLoader() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("print \"inner\"\ngenerals 2\nprint \"inner after\"\n", to: "sub/bad.strat")
        var settings = Session.Settings()
        settings.loader = FileSystemLoader(workingDirectory: directory.path)
        let result = ScriptHarness.run("load \"sub/bad.strat\"\nprint \"outer after\"", settings: settings)
        #expect(result.outcome == .scriptError)
        #expect(result.sketch == ["print:inner", "error"])
        #expect(result.rendered == [
            """
            sub/bad.strat:2:10: error: an army needs at least 3 generals (a commander and two lieutenants), got 2
             2 | generals 2
               |          ^

            """
        ])
    }

    @Test func aSyntaxErrorInALoadedFileStopsTheLoader() {
        let settings = ScriptHarness.settings(files: ["bad.strat": "print \"inner\"\nrun om("])
        let result = ScriptHarness.run("load \"bad.strat\"\nprint \"outer after\"", settings: settings)
        #expect(result.outcome == .scriptError)
        #expect(result.printed.isEmpty)
        #expect(result.errors.count == 1)
        if case .diagnostic(_, let file)? = result.events.first {
            #expect(file.name == "bad.strat")
        }
    }

    @Test func aFailedExpectInALoadedFileLetsTheLoaderGoOn() {
        let settings = ScriptHarness.settings(files: ["check.strat": "run om(1)\nexpect messages 1\n"])
        let result = ScriptHarness.run("load \"check.strat\"\nprint \"outer after\"", settings: settings)
        #expect(result.outcome == .expectationFailed)
        #expect(result.sketch == ["run:om(1)", "error", "print:outer after"])
    }

    @Test(.timeLimit(.minutes(1))) func aLoadCycleIsAnErrorNotAHang() {
        let settings = ScriptHarness.settings(files: [
            "a.strat": "print \"a\"\nload \"b.strat\"\n",
            "b.strat": "print \"b\"\nload \"a.strat\"\n",
        ])
        let result = ScriptHarness.run("load \"a.strat\"\nprint \"never\"", name: "main.strat", settings: settings)
        #expect(result.outcome == .scriptError)
        #expect(result.printed == ["a", "b"])
        #expect(result.errors.map(\.message) == [
            "load cycle: a.strat loads b.strat loads a.strat; a script cannot load itself"
        ])
    }

    @Test(.timeLimit(.minutes(1))) func aLoadCycleOnDiskIsAnError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("load \"two.strat\"\n", to: "one.strat")
        try directory.write("load \"./one.strat\"\n", to: "two.strat")
        var settings = Session.Settings()
        settings.loader = FileSystemLoader(workingDirectory: directory.path)
        let result = ScriptHarness.run("load \"one.strat\"", settings: settings)
        #expect(result.outcome == .scriptError)
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.message.hasPrefix("load cycle: one.strat loads two.strat loads ./one.strat") == true)
    }

    @Test func loadingTheSameFileTwiceInSequenceIsNotACycle() {
        let settings = ScriptHarness.settings(files: ["p.strat": "print \"p\""])
        let result = ScriptHarness.run("load \"p.strat\"; load \"p.strat\"", settings: settings)
        #expect(result.outcome == .success)
        #expect(result.printed == ["p", "p"])
    }

    @Test func loadOfAMissingFileIsUnreadableInputAndStops() {
        let settings = ScriptHarness.settings(files: [:])
        let result = ScriptHarness.run("load \"missing.strat\"\nprint \"never\"", settings: settings)
        #expect(result.outcome == .unreadableInput)
        #expect(result.printed.isEmpty)
        #expect(result.errors.map(\.message) == ["cannot read 'missing.strat': no such file"])
    }

    @Test func loadOfADirectoryIsUnreadableInput() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("", to: "dir/x.strat")
        var settings = Session.Settings()
        settings.loader = FileSystemLoader(workingDirectory: directory.path)
        let result = ScriptHarness.run("load \"dir\"", settings: settings)
        #expect(result.outcome == .unreadableInput)
        #expect(result.errors.map(\.message) == ["cannot read 'dir': it is a directory"])
    }

    // MARK: - Settings

    @Test func shouldStopInterruptsALongRun() {
        var settings = Session.Settings()
        settings.shouldStop = { true }
        let result = ScriptHarness.run("generals 30; run om(3); print \"never\"", settings: settings)
        #expect(result.outcome == .interrupted)
        #expect(result.runs.isEmpty)
        #expect(result.errors.map(\.message) == ["interrupted"])
    }
}
