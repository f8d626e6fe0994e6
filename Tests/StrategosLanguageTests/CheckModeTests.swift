import Testing
@testable import StrategosLanguage

/// `checkOnly`: declarations run, actions stop before they compute, checks
/// and views are skipped, so a check finds what a run would refuse and
/// nothing else happens.
@Suite struct CheckModeTests {
    static func checked(_ script: String) -> (result: ScriptResult, writer: MemoryWriter) {
        let writer = MemoryWriter()
        var settings = Session.Settings()
        settings.checkOnly = true
        settings.writer = writer
        return (ScriptHarness.run(script, settings: settings), writer)
    }

    @Test func nothingRunsAndNothingIsWritten() {
        let (result, writer) = Self.checked("""
            generals 7
            general L1 traitor
            run om(2)
            verify om(2) save "attack.strat"
            sweep verify om for generals 3 to 5, m 1 to 1
            expect L2 decides retreat
            show trace
            export report "run.html"
            print "hello"
            """)
        #expect(result.outcome == .success)
        #expect(result.runs.isEmpty && result.printed.isEmpty)
        #expect(result.events.allSatisfy { if case .diagnostic = $0 { true } else { false } })
        #expect(writer.files.isEmpty)
    }

    @Test(arguments: [
        ("generals 4\nrun om(3)", "om(3) needs m < n − 1"),
        ("generals 4\nverify om(1) with 9 traitors", "1 to 3 traitors, not 9"),
        ("sweep verify om for generals 2 to 5, m 1 to 1", "generals"),
        ("run om(1)\nload \"missing.strat\"", "cannot read"),
    ])
    func anErrorARunWouldMeetIsFound(script: String, words: String) {
        let (result, _) = Self.checked(script)
        #expect(result.outcome != .success)
        #expect(result.errors.first?.message.contains(words) == true, "\(result.errors.map(\.message))")
    }

    @Test func warningsAreTheRunsOwn() {
        let (result, _) = Self.checked("generals 4\ngeneral L2 traitor lies retreat in round 1\nrun om(1)")
        #expect(result.warnings.map(\.message) == [
            "this rule of L2 never applies in OM(1), 2 rounds: round 1 is the commander's: a lieutenant sends in rounds 2 to 2; no rule of L2 can apply, so L2 acts loyally and is not counted as faulty"
        ])
    }
}
