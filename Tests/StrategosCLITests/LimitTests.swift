import Foundation
import Testing

/// Every limit refuses work before doing it, says so in a clear error, and
/// names the option that raises it.
@Suite struct LimitTests {
    @Test func aScriptFileOverTheInputLimit() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let script = try directory.write("run om(1)\n", to: "ten.strat")
        let refused = try StrategosBinary.run(["--max-input-bytes", "9", script])
        #expect(refused.status == 66)
        #expect(refused.stderr == "strategos: cannot read '\(script)': it is larger than 9 bytes, the limit for a script; raise it with --max-input-bytes\n")
        #expect(refused.stdout.isEmpty)
        let allowed = try StrategosBinary.run(["--max-input-bytes", "10", script])
        #expect(allowed.status == 0, "\(allowed.stderr)")
    }

    @Test func standardInputOverTheInputLimit() throws {
        let refused = try StrategosBinary.run(["--max-input-bytes", "100", "-"], input: String(repeating: "# padding\n", count: 11))
        #expect(refused.status == 66)
        #expect(refused.stderr.hasPrefix("strategos: cannot read standard input: it is larger than 100 bytes"))
    }

    /// `/dev/zero` has no size and no end: the limit must stop the reading, not a size check.
    @Test(.timeLimit(.minutes(1))) func loadingAnEndlessFile() throws {
        let result = try StrategosBinary.run(["--max-input-bytes", "1000000", "-e", "load \"/dev/zero\""])
        #expect(result.status == 66)
        #expect(result.stderr.hasPrefix(
            "<command line>:1:6: error: cannot read '/dev/zero': it is larger than 1,000,000 bytes, the limit for a script; raise it with --max-input-bytes"))
    }

    @Test func loadDepth() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        try directory.write("load \"two.strat\"\n", to: "one.strat")
        try directory.write("load \"three.strat\"\n", to: "two.strat")
        try directory.write("print \"deepest\"\n", to: "three.strat")
        let refused = try StrategosBinary.run(["--max-load-depth", "2", "-e", "load \"one.strat\""], directory: directory.path)
        #expect(refused.status == 65)
        #expect(refused.stderr.hasPrefix("two.strat:1:6: error: loads nest more than 2 deep; raise the limit with --max-load-depth"))
        let allowed = try StrategosBinary.run(["--max-load-depth", "3", "-e", "load \"one.strat\""], directory: directory.path)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.stdout == "deepest\n")
    }

    @Test func traceLimit() throws {
        let refused = try StrategosBinary.run(["--trace-limit", "8", "-e", "run om(1); show trace"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("the last run's trace holds 9 messages, more than the 8 a view shows"))
        #expect(refused.stderr.contains("raise the limit with --trace-limit"))
        let allowed = try StrategosBinary.run(["--trace-limit", "9", "-e", "run om(1); show trace"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
    }

    @Test func verifyBudget() throws {
        let sampled = try StrategosBinary.run(["--verify-budget", "1", "-e", "generals 4; verify om(1)"])
        #expect(sampled.status == 0, "\(sampled.stderr)")
        #expect(sampled.stdout.contains("tally steps, over the budget's 10,000 (--verify-budget); 1 strategy at random (seeded)"))
        #expect(sampled.stdout.contains("this is a sample, not a proof"))
        let exact = try StrategosBinary.run(["-e", "generals 4; verify om(1)"])
        #expect(exact.stdout.contains("method: exact, every strategy at once"))
        #expect(exact.stdout.contains("a proof, not a sample"))
    }

    /// `-5` is read as a value, not as an option with the value missing,
    /// whether it follows the option or an `=`.
    @Test(arguments: [("--max-messages", 1), ("--trace-limit", 0), ("--verify-budget", 1), ("--max-input-bytes", 0), ("--max-load-depth", 0)])
    func aCountBelowItsLeastIsAUsageError(option: String, least: Int) throws {
        for arguments in [[option, "-5"], [option + "=-5"], [option, "\(least - 1)"], [option, "1.5"], [option, "many"]] {
            let result = try StrategosBinary.run(arguments + ["-e", "run om(1)"])
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.hasPrefix(
                "Error: The value '\(arguments.count == 2 ? arguments[1] : "-5")' is invalid for '\(option) <n>': give a whole number of at least \(least)\n"),
                "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        let allowed = try StrategosBinary.run([option, "\(least == 0 ? 64 : 1_000)", "-e", "run om(1)"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
    }

    /// Read through a transform, the count options still show their defaults.
    @Test func helpStatesEachCountsDefault() throws {
        let help = try StrategosBinary.run(["--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
        for number in ["1000000000", "100000", "10000000", "67108864", "64"] {
            #expect(help.contains("(default: \(number))"), "\(number)")
        }
    }
}
