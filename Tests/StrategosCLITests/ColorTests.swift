import Foundation
import Testing

/// `--color auto|always|never`: auto colours a stream that is a terminal,
/// unless NO_COLOR is set and not empty or TERM is dumb; FORCE_COLOR (set, not
/// empty, not 0) colours in auto whatever the stream; always and never
/// override everything; `--no-color` is `--color never`. Each stream is
/// decided on its own.
@Suite struct ColorTests {
    /// A run on standard output and a failed expect on standard error, both coloured when colour is on.
    static let script = "run om(1); expect violation"
    static let plain: [String: String?] = ["NO_COLOR": nil, "FORCE_COLOR": nil, "TERM": "xterm-256color"]

    static func coloured(_ text: String) -> Bool { text.contains("\u{1B}[") }

    static func environment(_ changes: [String: String?]) -> [String: String?] {
        plain.merging(changes) { $1 }
    }

    @Test(arguments: [
        ([], [:], false),
        ([], ["FORCE_COLOR": "1"], true),
        ([], ["FORCE_COLOR": "3", "NO_COLOR": "1", "TERM": "dumb"], true),
        ([], ["FORCE_COLOR": "0"], false),
        ([], ["FORCE_COLOR": ""], false),
        (["--color", "auto"], ["FORCE_COLOR": "1"], true),
        (["--color", "always"], [:], true),
        (["--color", "always"], ["NO_COLOR": "1", "TERM": "dumb"], true),
        (["--color", "never"], ["FORCE_COLOR": "1"], false),
        (["--no-color"], ["FORCE_COLOR": "1"], false),
    ] as [([String], [String: String?], Bool)])
    func betweenPipes(options: [String], environment: [String: String?], colours: Bool) throws {
        let result = try StrategosBinary.run(options + ["-e", Self.script], environment: Self.environment(environment))
        #expect(result.status == 1)
        #expect(Self.coloured(result.stdout) == colours, "standard output")
        #expect(Self.coloured(result.stderr) == colours, "standard error")
    }

    @Test func anUnknownChoiceIsAUsageError() throws {
        let result = try StrategosBinary.run(["--color", "sometimes", "-e", "run om(1)"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("sometimes"))
        #expect(result.stderr.contains("auto") && result.stderr.contains("always") && result.stderr.contains("never"))
    }

    /// JSON is for programs: never coloured, even with --color always.
    @Test func jsonIsNeverColoured() throws {
        let result = try StrategosBinary.run(["--json", "--color", "always", "-e", Self.script])
        #expect(!Self.coloured(result.stdout))
        #expect(Self.coloured(result.stderr))
    }
}

/// The same on a terminal: util-linux `script` gives the binary a
/// pseudo-terminal, and a redirection inside its command takes one stream off it.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs util-linux script"))
struct TerminalColorTests {
    /// What reached the terminal, and what went to `file` when one stream was redirected to it.
    struct Screen {
        var terminal: String
        var file: String
    }

    static func run(_ options: String, redirect: String = "", environment: [String: String?]) throws -> Screen {
        let executable = try #require(StrategosBinary.executable)
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let file = directory.path + "/redirected"
        let command = "'\(executable.path)' \(options) -e '\(ColorTests.script)' \(redirect.isEmpty ? "" : redirect + " '\(file)'")"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        var env = ProcessInfo.processInfo.environment
        for (key, value) in ColorTests.environment(environment) { env[key] = value }
        process.environment = env
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Screen(terminal: String(decoding: data, as: UTF8.self), file: (try? String(contentsOfFile: file, encoding: .utf8)) ?? "")
    }

    @Test(arguments: [
        ([:], true),
        (["NO_COLOR": ""], true),
        (["NO_COLOR": "1"], false),
        (["TERM": "dumb"], false),
        (["NO_COLOR": "1", "FORCE_COLOR": "1"], true),
    ] as [([String: String?], Bool)])
    func autoOnATerminal(environment: [String: String?], colours: Bool) throws {
        let screen = try Self.run("", environment: environment)
        #expect(screen.terminal.contains("IC1 agreement"), "\(screen.terminal)")
        #expect(screen.terminal.contains("expectation failed"), "\(screen.terminal)")
        #expect(ColorTests.coloured(screen.terminal) == colours)
    }

    @Test func neverOnATerminal() throws {
        #expect(!ColorTests.coloured(try Self.run("--color never", environment: [:]).terminal))
        #expect(!ColorTests.coloured(try Self.run("--no-color", environment: [:]).terminal))
    }

    /// Standard output to a file, standard error on the terminal: only the terminal is coloured.
    @Test func eachStreamIsDecidedOnItsOwn() throws {
        let outputToFile = try Self.run("", redirect: ">", environment: [:])
        #expect(outputToFile.file.contains("IC1 agreement") && !ColorTests.coloured(outputToFile.file))
        #expect(outputToFile.terminal.contains("expectation failed") && ColorTests.coloured(outputToFile.terminal))

        let errorToFile = try Self.run("", redirect: "2>", environment: [:])
        #expect(errorToFile.file.contains("expectation failed") && !ColorTests.coloured(errorToFile.file))
        #expect(errorToFile.terminal.contains("IC1 agreement") && ColorTests.coloured(errorToFile.terminal))
    }
}
