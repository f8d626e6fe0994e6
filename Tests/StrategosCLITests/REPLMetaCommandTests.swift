import Foundation
import StrategosLanguage
import StrategosREPL
import Testing

/// `:help`, `:load`, `:save`, `:reset`, `:army`, `:quit` and their errors.
@Suite struct REPLMetaCommandTests {
    @Test func helpListsEveryCommandAndEveryStatementWithAnExample() {
        let transcript = REPLHarness(lines: [":help"]).transcript
        for usage in [":help [TOPIC]", ":load FILE", ":save FILE", ":reset", ":army", ":quit"] {
            #expect(transcript.contains("  \(usage)"), "\(usage) missing from :help")
        }
        for keyword in Keyword.statements {
            #expect(transcript.contains("\n  \(keyword.rawValue) "), "statement \(keyword) missing from :help")
        }
        #expect(transcript.contains("general L3 traitor lies 0 to L1, L2\n"))
        #expect(!transcript.contains("(no help yet)"))
    }

    @Test func helpOnATopic() {
        let transcript = REPLHarness(lines: [":help run", ":help :save", ":help genrals"]).transcript
        #expect(
            transcript == """
                strategos> :help run
                run: run an algorithm; bare `om` or `sm` takes m = the number of faulty generals; `om(m, p)` is OM(m, p) on a p-regular graph; `twogenerals(k)`: the Two Generals Problem with k messengers
                  run om(1)
                  run om
                  run sm(1)
                  run om(1, 3)
                  run twogenerals(2)
                strategos> :help :save
                :save FILE: write the session so far as a lesson that runs again, formatted as strategos fmt writes it
                strategos> :help genrals
                error: no help on 'genrals'; did you mean 'generals'?
                strategos> 

                """)
    }

    /// A topic that is no statement or command, but a word of some examples,
    /// shows those examples under their statements.
    @Test func helpOnAWordOfTheExamples() {
        let transcript = REPLHarness(lines: [":help twogenerals"]).transcript
        let lines = transcript.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let examples = lines.filter { $0.hasPrefix("  ") }
        #expect(examples == ["  run twogenerals(2)", "  verify twogenerals(3)", "  estimate twogenerals(3)"], "\(transcript)")
        for keyword in ["run", "verify", "estimate"] {
            #expect(lines.contains { $0.hasPrefix("\(keyword): ") }, "\(transcript)")
        }
        #expect(!transcript.contains("error"))
    }

    /// Every example `:help` shows is a valid statement.
    @Test func helpExamplesParse() {
        let transcript = REPLHarness(lines: [":help"]).transcript
        let examples = transcript.split(separator: "\n").filter { $0.hasPrefix("               ") }
        #expect(examples.count >= Keyword.statements.count)
        for example in examples {
            let parsed = Parser.parse(SourceFile(name: "help", text: String(example)))
            #expect(parsed.diagnostics.isEmpty, "\(example)")
        }
    }

    @Test func unknownCommandsAndBadArguments() {
        let transcript = REPLHarness(lines: [":hlep", ":frobnicate", ":army now", ":load", ":q"]).transcript
        #expect(
            transcript == """
                strategos> :hlep
                error: unknown command ':hlep'; did you mean ':help'?
                strategos> :frobnicate
                error: unknown command ':frobnicate'; :help lists them
                strategos> :army now
                usage: :army
                strategos> :load
                usage: :load FILE
                strategos> :q

                """)
    }

    @Test func metaCommandsOnlyStartAFreshEntry() {
        let harness = REPLHarness(lines: ["general L3 traitor lies 0 to L1,", ":army"])
        #expect(harness.transcript.contains("      ...> :army\n<repl:1>:2:1: error:"))
    }

    /// `:save` keeps the session as a lesson: every statement of every entry
    /// that did not fail, runs, checks and views too, formatted as `fmt` writes it.
    @Test func saveWritesTheSessionAsALesson() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let path = directory.path + "/saved.strat"
        let harness = REPLHarness(lines: [
            "generals 4; order retreat", "general L3 traitor lies attack to L1,", "L2", "run om(1)", "print \"x\"",
            "generals 9; general L99 traitor", "expect L1 decides retreat", "seed 3", ":save \(path)",
        ])
        #expect(harness.transcript.contains(":save \(path)\nsaved 7 statements to \(path)\n"))
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            saved == """
                # Saved from a strategos session: every statement that ran, in order.
                generals 4
                order retreat
                general L3 traitor lies attack to L1, L2
                run om(1)
                print "x"
                expect L1 decides retreat
                seed 3

                """)
        // The saved lesson runs again, to the same scenario.
        var session = Session()
        var log = EventLog()
        #expect(session.run(SourceFile(name: path, text: saved), into: &log) == .success)
        let style = TextStyle(color: false)
        #expect(ScenarioRenderer.text(session.scenario, style: style) == ScenarioRenderer.text(harness.repl.session.scenario, style: style))
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["saved.strat"])
    }

    @Test func saveReplacesAnExistingFileAndReportsFailures() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let path = try directory.write("old text\n", to: "s.strat")
        let transcript = REPLHarness(lines: ["seed 1", ":save \(path)", ":save \(directory.path)/missing/x.strat"]).transcript
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix("\nseed 1\n"))
        #expect(transcript.contains("error: cannot write '\(directory.path)/missing/x.strat': No such file or directory\n"))
    }

    @Test func everyStatementOfAnEntryThatRanIsRecorded() {
        let lines = [
            "generals 4", "commander L1", "order hold", "default retreat", "general L2 traitor flips", "seed 3",
            "signatures ed25519", "lose 2", "messengers flood", "links ring", "cut C - L1", "link C - L2", "channel lossy 10%",
            "timing asynchronous", "timeout 2", "run om(1)", "show stats", "show links", "print \"x\"", "show trace to L9",
        ]
        let harness = REPLHarness(lines: lines)
        #expect(harness.repl.recordedStatements == Array(lines.dropLast()), "the failed entry is not recorded")
    }

    @Test func saveKeepsTheGraph() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let path = directory.path + "/graph.strat"
        let harness = REPLHarness(lines: ["generals 5", "links ring", "cut C - L1,", "L2 - L3", "run om(1)", "link C - L2", ":save \(path)"])
        #expect(harness.transcript.contains("saved 5 statements to \(path)\n"))
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(saved.hasSuffix("\ngenerals 5\nlinks ring\ncut C - L1, L2 - L3\nrun om(1)\nlink C - L2\n"))
        var session = Session()
        var log = EventLog()
        #expect(session.run(SourceFile(name: path, text: saved), into: &log) == .success)
        #expect(session.scenario.links == harness.repl.session.scenario.links)
    }

    /// `:reset` starts the lesson again; a `reset` statement is part of it.
    @Test func resetForgetsTheScenarioAndWhatWasRecorded() {
        let harness = REPLHarness(lines: ["generals 5", "general L1 traitor", ":reset", "order hold", "reset", "seed 2"])
        #expect(harness.transcript.contains("strategos> :reset\nthe scenario is empty again\n"))
        #expect(harness.repl.recordedStatements == ["order hold", "reset", "seed 2"])
        #expect(harness.repl.session.scenario.army == .onDemand)
        #expect(harness.repl.session.scenario.seed == 2)
    }

    @Test func loadRunsAScriptAndIsRecorded() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        try directory.write("generals A, B, C, D\ngeneral D traitor\n", to: "army.strat")
        try directory.write("order retreat\ngeneral Z traitor\n", to: "bad.strat")
        let harness = REPLHarness(
            lines: [":load army.strat", ":load bad.strat", ":load nothing.strat", "run om"], workingDirectory: directory.path)
        #expect(harness.transcript.contains("strategos> :load nothing.strat\nerror: cannot read 'nothing.strat': no such file\n"))
        #expect(harness.transcript.contains("bad.strat:2:9: error:"))
        // bad.strat's first statement is undone with the rest.
        #expect(harness.transcript.contains("OM(1) · 4 generals · commander A orders attack"))
        #expect(harness.repl.recordedStatements == ["load \"army.strat\"", "run om"])
    }

    @Test func armyDescribesTheScenario() {
        let transcript = REPLHarness(lines: [
            "generals A, B, C, D", "commander B", "default hold", "seed 7",
            "general D traitor lies 1 to A and 2 to C", "general A crashes after round 1", ":army",
        ]).transcript
        #expect(
            transcript.hasSuffix("""
                strategos> :army
                army       A, B, C, D (4 generals)
                commander  B
                order      attack
                default    hold
                seed       7
                faulty     A: crashes after round 1
                           D: lies 1 to A and 2 to C
                strategos> 

                """))
    }
}
