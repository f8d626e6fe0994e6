import Foundation
import Testing

/// `strategos check`: errors and warnings as a run prints them, nothing run,
/// nothing written; exit 65 on an error, 0 otherwise.
@Suite struct CheckCommandTests {
    static func script(_ text: String) throws -> (directory: URL, path: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("strategos-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("lesson.strat").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (directory, path)
    }

    @Test func aScriptWithOnlyWarningsPassesAndRunsNothing() throws {
        let (directory, path) = try Self.script("""
            generals 4
            general L3 traitor lies retreat to L1 and L2
            run om(1)
            expect L1 decides retreat
            print "not printed"
            export report "run.html"
            verify om(2)
            """)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try StrategosBinary.run(["check", path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty, "nothing runs: \(result.stdout)")
        #expect(result.stderr.contains("lesson.strat:2:43: warning: 'L2' is the name of a general, but here it is a value"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("run.html").path), "nothing is written")
    }

    @Test func anErrorAnywhereFailsWithItsPlace() throws {
        let (directory, path) = try Self.script("generals 4\nrun om(3)\ngeneral L9 traitor\nrun om(1)\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try StrategosBinary.run(["check", path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("lesson.strat:2:8: error:"), "m out of range: \(result.stderr)")
        let syntax = try StrategosBinary.run(["check", "-"], input: "run om(1\n")
        #expect(syntax.status == 65)
        #expect(syntax.stderr.contains("<stdin>:1:9: error: expected ')'"))
    }

    @Test func aMissingFileIsUnreadable() throws {
        let result = try StrategosBinary.run(["check", "/nonexistent/lesson.strat"])
        #expect(result.status == 66)
    }

    /// Every lesson checks clean: no errors (their warnings are the lessons' own points).
    @Test func everyLessonChecks() throws {
        var package = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { package.deleteLastPathComponent() }
        let examples = package.appendingPathComponent("examples")
        let lessons = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter { $0.hasSuffix(".strat") }.sorted()
        #expect(lessons.count > 20)
        let result = try StrategosBinary.run(["check"] + lessons, directory: examples.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("error:"))
    }
}

/// `strategos fmt`: in place, `-` through standard input and output, `--check` for CI.
@Suite struct FormatCommandTests {
    @Test func formatsInPlaceAndChecks() throws {
        let (directory, path) = try CheckCommandTests.script("generals  4;run om( 1 )  # go\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let check = try StrategosBinary.run(["fmt", "--check", path])
        #expect(check.status == 1)
        #expect(check.stdout == "not formatted: \(path)\n")
        #expect(try StrategosBinary.run(["fmt", path]).status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "generals 4\nrun om(1)  # go\n")
        #expect(try StrategosBinary.run(["fmt", "--check", path]).status == 0)
    }

    @Test func formatsStandardInputToStandardOutput() throws {
        let result = try StrategosBinary.run(["fmt", "-"], input: "generals A,\n  B, C\n")
        #expect(result.status == 0)
        #expect(result.stdout == "generals A, B, C\n")
        let broken = try StrategosBinary.run(["fmt", "-"], input: "run om(1\n")
        #expect(broken.status == 65)
        #expect(broken.stdout.isEmpty && broken.stderr.contains("<stdin>:1:9: error:"))
    }
}

/// The tools are listed where people and shells look: --help, `strategos help
/// TOOL`, and the completion scripts.
@Suite struct ToolListingTests {
    @Test func helpListsTheToolsAndEachHasItsOwn() throws {
        let help = try StrategosBinary.run(["--help"])
        for tool in ["check", "fmt", "lsp"] { #expect(help.stdout.contains("\n  \(tool) "), "\(tool) in --help") }
        let check = try StrategosBinary.run(["help", "check"])
        #expect(check.status == 0 && check.stdout.contains("USAGE: strategos check"))
        let bash = try StrategosBinary.run(["--generate-completion-script", "bash"])
        #expect(bash.stdout.contains("fmt") && bash.stdout.contains("lsp"))
    }
}
