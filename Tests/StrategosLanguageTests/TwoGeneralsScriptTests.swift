import Testing

@testable import StrategosLanguage

/// `run twogenerals(k)` and its companions, as scripts.
@Suite struct TwoGeneralsScriptTests {
    private func json(_ text: String) -> [String] {
        let renderer = EventRenderer(outputStyle: TextStyle(color: false), diagnosticStyle: TextStyle(color: false), mode: .json)
        return ScriptHarness.run(text).events.flatMap(renderer.render).filter { $0.stream == .standardOutput }.map(\.text)
    }

    private func text(_ script: String) -> String {
        let renderer = EventRenderer(outputStyle: TextStyle(color: false), diagnosticStyle: TextStyle(color: false))
        return ScriptHarness.run(script).events.flatMap(renderer.render).map(\.text).joined()
    }

    @Test func theJSONOfARunIsTheDocumentedSchema() throws {
        let line = try #require(json("lose 2\nrun twogenerals(2)").first)
        #expect(
            line.hasPrefix(
                #"{"algorithm":"twogenerals","messengers":2,"lost":[2],"decisions":{"A":"retreat","B":"attack"},"coordinated":false"#
            ))
        #expect(line.hasSuffix("}\n"))
        #expect(line.contains(#""verdict":"army defeated""#))
    }

    @Test func aRunPrintsDecisionsArrivalsAndTheVerdict() {
        #expect(
            text("lose 2; run twogenerals(2)") == """
                twogenerals(2) · messengers alternate (odd ones A → B, even ones B → A, each once the previous one arrived) · lose 2
                  messengers  1 arrived · 2 captured
                  A  decides retreat  received 0 of 1  A attacks if received all (default)
                  B  decides attack   received 1 of 1  B attacks if received all (default)
                coordinated  NO: B attacks alone
                army defeated


                """)
    }

    @Test(arguments: [
        ("lose none", "city captured"), ("lose 1", "nothing happens"), ("lose 2", "army defeated"),
        ("lose 1, 2", "nothing happens"),
    ])
    func theSeedsVerdicts(lose: String, verdict: String) {
        #expect(text("\(lose)\nrun twogenerals(2)").contains("\n\(verdict)\n"))
    }

    @Test func expectChecksCoordinationDecisionsAndMessengers() {
        let result = ScriptHarness.run(
            """
            lose 2
            run twogenerals(2)
            expect violation
            expect A decides retreat
            expect B decides attack
            expect messages 2
            lose none
            run twogenerals(2)
            expect agreement
            expect A, B decide attack
            """)
        #expect(result.outcome == .success)
        #expect(result.diagnostics == [])
    }

    @Test func failedExpectationsSayWhatHappened() {
        let result = ScriptHarness.run(
            """
            lose 2
            run twogenerals(2)
            expect agreement
            expect A, B decide attack
            expect messages 3
            lose 1
            run twogenerals(2)
            expect violation
            """)
        #expect(result.outcome == .expectationFailed)
        #expect(
            result.diagnostics.map(\.message) == [
                "expectation failed: expected agreement (both attack or neither does), but B attacked alone: army defeated",
                "expectation failed: expected A, B to decide attack, but A decided retreat",
                "expectation failed: expected 3 messages, but 2 messengers set out",
                "expectation failed: expected one general to attack alone, but neither attacked: nothing happens",
            ])
    }

    @Test func rulesAndMessagingChangeTheRun() {
        let result = ScriptHarness.run(
            """
            A attacks always
            B attacks if received 1
            lose 2
            run twogenerals(2)
            expect agreement
            messengers flood
            A attacks never
            lose 1, 2, 3
            run twogenerals(3)
            expect agreement
            expect A, B decide retreat
            """)
        #expect(result.diagnostics == [])
        #expect(result.sketch == ["run:twogenerals(2)", "run:twogenerals(3)"])
    }

    @Test func theLastRunDecidesWhatExpectChecks() {
        let result = ScriptHarness.run(
            """
            run twogenerals(1)
            run om(1)
            expect consensus
            expect L1 decides attack
            run twogenerals(1)
            expect A decides attack
            """)
        #expect(result.diagnostics == [])
    }

    @Test func resetClearsTheTwoGenerals() {
        var session = Session()
        _ = ScriptHarness.run("lose 2; A attacks never; messengers flood; loss 10%; trials 5; run twogenerals(2)", in: &session)
        #expect(session.lastTwoGeneralsRun != nil)
        _ = ScriptHarness.run("reset", in: &session)
        #expect(session.scenario.twoGenerals == TwoGeneralsScenario())
        #expect(session.lastTwoGeneralsRun == nil)
    }

    @Test func showTableTabulatesTheLastRun() {
        let output = text("run twogenerals(2)\nshow table")
        #expect(output.contains("  yes    yes    none  yes         yes         yes           city captured\n"))
        #expect(output.contains("  no     yes    impossible: messenger 2 is sent only once 1 has arrived\n"))
        #expect(output.contains("3 of 4 rows can happen"))
    }

    @Test func verifyPrintsEveryPairAndHolds() {
        let output = text("verify twogenerals(2)")
        #expect(output.contains("  if received 1  if received 1  lose 2: B attacks alone\n"))
        #expect(output.contains("no pair of these rules coordinates for sure: 1 pair never attacks, and 5 pairs leave one general attacking alone under some loss (threshold rules only)"))
        let line = json("verify twogenerals(4)").first ?? ""
        #expect(line.hasPrefix(#"{"verify":"twogenerals","messengers":4,"messaging":"alternating","solved":false,"pairs":12,"patterns":16,"#))
    }

    @Test func estimatesAreSeededAndShowTheExactOdds() {
        let script = "loss 30%; trials 2000; seed 7; estimate twogenerals(3)"
        let first = text(script)
        #expect(first == text(script))
        #expect(first != text("loss 30%; trials 2000; seed 8; estimate twogenerals(3)"))
        #expect(first.contains("exact  97.30% = 1 − p^k"))
        #expect(first.contains("exact  85.30% = 1 − p(1 − p)^(k − 1)"))
        // Rules of the script's own lose the closed form, not the exact value.
        #expect(!text("A attacks always; " + script).contains("= 1 − p(1 − p)"))
    }

    @Test func theShopWithAndWithoutRollback() {
        #expect(text("shop with rollback").contains("every loss pattern ends consistent (8 of 8)"))
        #expect(text("shop without rollback").contains("2 of 8 loss patterns end INCONSISTENT"))
        #expect(json("shop with rollback").first?.hasPrefix(#"{"shop":"with rollback","patterns":8,"consistent":8,"#) == true)
    }
}
