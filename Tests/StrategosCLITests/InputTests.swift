import Foundation
import Testing

/// Where scripts come from: `-e`, files, `-` and a piped standard input.
@Suite struct InputTests {
    private static let program = "general L3 traitor lies 0 to L1,L2; run om(1)"
    private static let expectedText = """
        OM(1) · 4 generals · commander C orders attack · default retreat
        faulty L3: lies 0 to L1, L2
          L1  decides attack
          L2  decides attack
          L3  faulty
        IC1 agreement  holds
        IC2 validity   holds
        9 messages in 2 rounds


        """

    @Test func expressionText() throws {
        let result = try StrategosBinary.run(["-e", Self.program])
        #expect(result.status == 0)
        #expect(result.stdout == Self.expectedText)
        #expect(result.stderr.isEmpty)
    }

    @Test func severalExpressionsShareOneSession() throws {
        let result = try StrategosBinary.run(["-e", "generals A, B, C, D", "-e", "general D traitor", "-e", "run om; expect consensus"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("OM(1) · 4 generals · commander A"))
    }

    @Test func dashReadsStandardInput() throws {
        let result = try StrategosBinary.run(["-"], input: Self.program + "\n")
        #expect(result.status == 0)
        #expect(result.stdout == Self.expectedText)
    }

    @Test func pipedStandardInputWithNoArgumentsRunsIt() throws {
        let result = try StrategosBinary.run([], input: "run om(1)\nexpect messages 9\nprint \"piped\"\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("piped\n"))
        #expect(result.stdout.hasPrefix("OM(1) · 4 generals"))
    }

    @Test func standardInputDiagnosticsNameStdin() throws {
        let result = try StrategosBinary.run(["-"], input: "run om(1)\nexpect messages 1\n")
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("<stdin>:2:1: error: expectation failed: expected 1 messages, but the run sent 9"))
    }

    @Test func commandLineDiagnosticsNameTheCommandLine() throws {
        let result = try StrategosBinary.run(["-e", "generals 2"])
        #expect(result.stderr == """
            <command line>:1:10: error: an army needs at least 3 generals (a commander and two lieutenants), got 2
             1 | generals 2
               |          ^

            """)
        #expect(result.stdout.isEmpty)
    }

    @Test func aScriptFile() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let file = try directory.write(Self.program + "\nexpect consensus\n", to: "fig.strat")
        let result = try StrategosBinary.run([file])
        #expect(result.status == 0)
        #expect(result.stdout == Self.expectedText)
    }

    @Test func maxMessagesRefusesABigRun() throws {
        let result = try StrategosBinary.run(["--max-messages", "100", "-e", "run om(2); print \"never\""])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(
            "om(2) with 7 generals would send 156 messages, over the limit of 100; raise it with --max-messages"))
        let allowed = try StrategosBinary.run(["--max-messages", "156", "-e", "run om(2)"])
        #expect(allowed.status == 0)
    }

    @Test func helpMentionsExitStatusesAndExamples() throws {
        let result = try StrategosBinary.run(["--help"])
        #expect(result.status == 0)
        for needle in ["EXAMPLES", "EXIT STATUS", "64", "65", "66", "70", "130", "--json", "--max-messages", "-e", "NO_COLOR"] {
            #expect(result.stdout.contains(needle), "help lacks \(needle)")
        }
        #expect(result.stdout.contains("With no file and no -e, strategos starts the REPL"))
        // Each example is one line, so it can be copied whole.
        let examples = result.stdout.components(separatedBy: "EXAMPLES\n").last?.components(separatedBy: "\n\n").first ?? ""
        #expect(examples.split(separator: "\n").allSatisfy { $0.hasPrefix("  strategos") || $0.hasPrefix("  echo") }, "\(examples)")
    }

    @Test func version() throws {
        let result = try StrategosBinary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("strategos "))
        #expect(result.stdout.range(of: #"^strategos \d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
    }

    /// A missing file is said in one sentence wherever it is named: as an
    /// argument, by `load` and by the REPL's `:load`, each after its own prefix.
    @Test func aMissingFileIsSaidOneWay() throws {
        let path = "/nonexistent/strategos/missing.strat"
        let sentence = "cannot read '\(path)': no such file\n"
        let argument = try StrategosBinary.run([path])
        #expect(argument.stderr == "strategos: " + sentence)
        let load = try StrategosBinary.run(["-e", "load \"\(path)\""])
        #expect(load.stderr.hasPrefix("<command line>:1:6: error: " + sentence))
        #expect(REPLHarness(lines: [":load \(path)"]).transcript.contains("strategos> :load \(path)\nerror: " + sentence))
    }

    @Test func inlineTextMayStartWithADash() throws {
        let result = try StrategosBinary.run(["-e", "-1"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("<command line>:1:1: error: expected a statement, found integer -1"))
    }
}
