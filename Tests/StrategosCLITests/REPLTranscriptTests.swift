import Foundation
import StrategosLanguage
import StrategosREPL
import Testing

/// The REPL loop fed scripted lines; each test compares the whole transcript.
@Suite struct REPLTranscriptTests {
    @Test func multiLineEntryContinuesAndRuns() {
        let harness = REPLHarness(lines: ["general L3 traitor lies 0 to L1,", "L2", "run om(1)"])
        #expect(
            harness.transcript == """
                strategos> general L3 traitor lies 0 to L1,
                      ...> L2
                strategos> run om(1)
                OM(1) · 4 generals · commander C orders attack · default retreat
                faulty L3: lies 0 to L1, L2
                  L1  decides attack
                  L2  decides attack
                  L3  faulty
                IC1 agreement  holds
                IC2 validity   holds
                9 messages in 2 rounds

                strategos> 

                """)
        // One history item for the two lines, with its line break.
        #expect(harness.source.remembered == ["general L3 traitor lies 0 to L1,\nL2", "run om(1)"])
    }

    @Test func openParenthesisContinues() {
        let harness = REPLHarness(lines: ["run om(", "1)", "expect messages 9"])
        #expect(harness.transcript.hasPrefix("strategos> run om(\n      ...> 1)\nOM(1) · 4 generals"))
        #expect(!harness.transcript.contains("error"))
    }

    @Test func errorPointsAtTheEntryAndUndoesIt() {
        let harness = REPLHarness(lines: ["generals 5", "generals 4; general L9 traitor", ":army"])
        #expect(
            harness.transcript == """
                strategos> generals 5
                strategos> generals 4; general L9 traitor
                <repl:2>:1:21: error: no general named L9; the army is C, L1, L2, L3; did you mean L1?
                 1 | generals 4; general L9 traitor
                   |                     ^~
                note: the session is as it was before this entry
                strategos> :army
                army       C, L1, L2, L3, L4 (5 generals)
                commander  C
                order      attack
                default    retreat
                faulty     none
                strategos> 

                """)
        #expect(harness.repl.session.scenario.army == .declared(["C", "L1", "L2", "L3", "L4"]))
    }

    @Test func syntaxErrorInSecondLineOfAnEntry() {
        let harness = REPLHarness(lines: ["generals 4", "general L3 traitor lies 0 to L1,", "L2 lies"])
        #expect(harness.transcript.contains("<repl:2>:2:4: error:"))
        #expect(harness.transcript.contains(" 2 | L2 lies\n   |    ^~~~\n"))
        #expect(harness.repl.session.scenario.rules.isEmpty)
    }

    @Test func blankLineEndsAPendingEntryWithItsError() {
        let harness = REPLHarness(lines: ["general L3 traitor lies 0 to L1,", "", "print \"next\""])
        #expect(harness.transcript.contains("      ...> \n<repl:1>:"))
        #expect(harness.transcript.contains("strategos> print \"next\"\nnext\n"))
        #expect(harness.repl.entryCount == 2)
    }

    @Test func endOfInputAtTheContinuationPromptReportsThePendingEntry() {
        let harness = REPLHarness([.line("generals 4"), .line("general L3 traitor lies 0 to L1,"), .endOfInput])
        #expect(
            harness.transcript == """
                strategos> generals 4
                strategos> general L3 traitor lies 0 to L1,
                      ...> 
                <repl:2>:1:33: error: expected a name after ',', found end of input
                 1 | general L3 traitor lies 0 to L1,
                   |                                 ^

                """)
        #expect(harness.source.remembered == ["generals 4", "general L3 traitor lies 0 to L1,"])
        #expect(harness.repl.entryCount == 2)
    }

    @Test func ctrlCAtThePromptDiscardsThePendingEntry() {
        let harness = REPLHarness([.line("general L3 traitor lies 0 to L1,"), .interrupted, .line(":army")])
        #expect(
            harness.transcript == """
                strategos> general L3 traitor lies 0 to L1,
                      ...> ^C
                strategos> :army
                army       on demand: C and L1..Lk, made when a run needs them
                commander  C
                order      attack
                default    retreat
                faulty     none
                strategos> 

                """)
        #expect(harness.source.remembered == [":army"])
    }

    @Test func interruptedRunLeavesTheSessionAsItWas() {
        // A run of 3.6e8 messages, cancelled at the engine's second safe point
        // (after the checks before each of the entry's four statements).
        let entry = "generals 30; general L1 traitor; general L2 traitor; run om(5)"
        let harness = REPLHarness(lines: ["order retreat", entry, "run om(1)"], interruption: ScriptedInterruption(afterChecks: 6))
        #expect(
            harness.transcript.contains(
                """
                strategos> \(entry)

                <repl:2>:1:61: error: interrupted
                 1 | \(entry)
                   |                                                             ^
                interrupted: the session is as it was before this entry
                strategos> run om(1)
                OM(1) · 4 generals · commander C orders retreat
                """))
        #expect(harness.repl.session.scenario.army == .onDemand)
        #expect(harness.repl.session.scenario.order == "retreat")
    }

    @Test func failedExpectationKeepsTheEntry() {
        let harness = REPLHarness(lines: ["generals 4; run om(1); expect messages 10"])
        #expect(harness.transcript.contains("<repl:1>:1:24: error:"))
        #expect(!harness.transcript.contains("as it was before"))
        #expect(harness.repl.session.scenario.army == .declared(["C", "L1", "L2", "L3"]))
        #expect(harness.repl.recordedStatements == ["generals 4", "run om(1)", "expect messages 10"])
    }

    @Test func entriesAreNumberedAndBlankOnesAreNotSaved() {
        let harness = REPLHarness(lines: ["", "   ", "print \"a\"", "commander L9x"])
        #expect(harness.transcript.contains("<repl:2>:1:11: error:"))
        #expect(harness.source.remembered == ["print \"a\"", "commander L9x"])
    }

    @Test func quitStopsReading() {
        let harness = REPLHarness(lines: [":quit", "print \"never\""])
        #expect(harness.transcript == "strategos> :quit\n")
    }
}
