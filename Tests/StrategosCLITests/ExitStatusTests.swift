import Foundation
import Testing

/// The exit statuses of `strategos --help`: 0, 1, 64, 65, 66.
@Suite struct ExitStatusTests {
    @Test(arguments: [
        (["-e", "run om(1)"], 0),
        (["-e", "run om(1); expect consensus"], 0),
        (["-e", "run om(1); expect messages 1"], 1),
        (["-e", "run om(1); expect violation; print \"goes on\""], 1),
        (["-e", "run om("], 65),
        (["-e", "generals 2"], 65),
        (["-e", "expect agreement"], 65),
        (["-e", "run om(1); expect violation; generals 2"], 65),
        (["--bogus"], 64),
        (["--max-messages", "0", "-e", "run om(1)"], 64),
        (["--max-messages", "-5", "-e", "run om(1)"], 64),
        (["--max-messages", "lots", "-e", "run om(1)"], 64),
        (["-e"], 64),
        (["/nonexistent/strategos/missing.strat"], 66),
        (["-e", "load \"/nonexistent/strategos/missing.strat\""], 66),
    ] as [([String], Int32)])
    func exitStatus(arguments: [String], status: Int32) throws {
        let result = try StrategosBinary.run(arguments)
        #expect(result.status == status, "stdout: \(result.stdout)\nstderr: \(result.stderr)")
    }

    @Test func usageErrorsGoToStandardError() throws {
        let result = try StrategosBinary.run(["--bogus"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("--bogus"))
    }

    @Test func maxMessagesZeroSaysWhy() throws {
        let result = try StrategosBinary.run(["--max-messages", "0", "-e", "run om(1)"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: The value '0' is invalid for '--max-messages <n>': give a whole number of at least 1\n"))
        #expect(result.stdout.isEmpty)
    }

    /// One output mode at a time: JSON lines or traces, not both.
    @Test func jsonAndATraceFormatAreOneChoice() throws {
        let result = try StrategosBinary.run(["--json", "--trace-format", "dot", "-e", "run om(1)"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--json and --trace-format both say how runs are written; choose one"))
        #expect(result.stdout.isEmpty)
    }

    @Test func missingFileNamesIt() throws {
        let result = try StrategosBinary.run(["/nonexistent/strategos/missing.strat"])
        #expect(result.status == 66)
        #expect(result.stderr == "strategos: cannot read '/nonexistent/strategos/missing.strat': no such file\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func aDirectoryIsUnreadable() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let result = try StrategosBinary.run([directory.path])
        #expect(result.status == 66)
        #expect(result.stderr.contains("it is a directory"))
    }

    @Test func theWorstStatusOfSeveralFilesWins() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let good = try directory.write("run om(1)\n", to: "good.strat")
        let failing = try directory.write("run om(1)\nexpect violation\n", to: "failing.strat")
        let broken = try directory.write("generals 2\n", to: "broken.strat")
        #expect(try StrategosBinary.run([good, good]).status == 0)
        #expect(try StrategosBinary.run([good, failing, good]).status == 1)
        let all = try StrategosBinary.run([broken, failing, good])
        #expect(all.status == 65)
        // Each file runs in a fresh session, and every file runs.
        #expect(all.stdout.components(separatedBy: "OM(1) ·").count - 1 == 2)
    }

    @Test func aSemanticErrorIsReportedWithItsPlace() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        try directory.write("run om(1)\ngeneral Alice traitor\n", to: "named.strat")
        let result = try StrategosBinary.run(["named.strat"], directory: directory.path)
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("named.strat:2:9: error: no general named Alice"))
    }

    @Test func loadIsRelativeToTheScript() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        try directory.write("generals A, B, C, D\n", to: "army.strat")
        let main = try directory.write("load \"army.strat\"\nrun om(1)\n", to: "main.strat")
        let result = try StrategosBinary.run(["--json", main])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#""generals":["A","B","C","D"]"#))
    }

    @Test(.timeLimit(.minutes(1))) func aScriptThatLoadsItselfIsACycle() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        try directory.write("print \"once\"\nload \"self.strat\"\n", to: "self.strat")
        let result = try StrategosBinary.run(["self.strat"], directory: directory.path)
        #expect(result.status == 65)
        #expect(result.stdout == "once\n")
        #expect(result.stderr.contains("load cycle: self.strat loads self.strat"))
    }
}
