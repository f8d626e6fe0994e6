import Foundation
import Testing

/// The shell completion scripts and the man page are checked in, so a
/// packager or a user can install them without building; these tests keep them
/// current. `STRATEGOS_UPDATE_GOLDEN=1 swift test --filter ShellCompletionTests`
/// rewrites the completion scripts; the man page is regenerated as the README
/// says (`swift package plugin generate-manual`).
@Suite struct ShellCompletionTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: [("bash", "completions/strategos.bash"), ("zsh", "completions/_strategos"), ("fish", "completions/strategos.fish")])
    func theCheckedInScriptIsWhatTheBinaryGenerates(shell: String, path: String) throws {
        let result = try StrategosBinary.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        let file = Self.repository.appendingPathComponent(path)
        if ProcessInfo.processInfo.environment["STRATEGOS_UPDATE_GOLDEN"] == "1" {
            try result.stdout.write(to: file, atomically: true, encoding: .utf8)
        }
        let checkedIn = try String(contentsOf: file, encoding: .utf8)
        #expect(checkedIn == result.stdout, "\(path) is stale; regenerate it with STRATEGOS_UPDATE_GOLDEN=1 swift test --filter ShellCompletionTests")
        // The scripts offer the options and complete a script's name from .strat files.
        #expect(checkedIn.contains("trace-format") && checkedIn.contains("no-color"))
        #expect(checkedIn.contains("strat"))
    }

    /// The options `strategos --help` lists, as `--name` (and `-e`).
    static func optionsInHelp() throws -> [String] {
        let help = try StrategosBinary.run(["--help"]).stdout
        let options = help.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard let first = words.first, first.hasPrefix("-") else { return nil }
            return String(first.hasSuffix(",") ? (words.dropFirst().first ?? first) : first)
        }
        return options
    }

    @Test func theManPageDescribesEveryOptionTheHelpLists() throws {
        let page = try String(contentsOf: Self.repository.appendingPathComponent("docs/man/strategos.1"), encoding: .utf8)
        let options = try Self.optionsInHelp()
        #expect(options.contains("--color") && options.contains("--json") && options.contains("-e"))
        // mdoc writes an option as `Fl` and its name after the first dash.
        for option in options {
            #expect(page.contains("Fl \(option.dropFirst())"), "docs/man/strategos.1 does not mention \(option); regenerate it as the README says")
        }
        #expect(page.contains(".Dt STRATEGOS 1"))
    }

    /// The plugin's tool, when `swift package plugin generate-manual` has built
    /// it beside the binary: then the page must be exactly what it writes.
    static let manualTool = StrategosBinary.executable.map { $0.deletingLastPathComponent().appendingPathComponent("generate-manual-tool") }

    @Test(.enabled(if: manualTool.map { FileManager.default.isExecutableFile(atPath: $0.path) } ?? false, "generate-manual has not been built"))
    func theManPageIsWhatTheManualPluginWrites() throws {
        let tool = try #require(Self.manualTool)
        let binary = try #require(StrategosBinary.executable)
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let process = Process()
        process.executableURL = tool
        process.arguments = [binary.path, "--date", "2025-01-01", "--output-directory", directory.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let generated = try String(contentsOfFile: directory.path + "/strategos.1", encoding: .utf8)
        let checkedIn = try String(contentsOf: Self.repository.appendingPathComponent("docs/man/strategos.1"), encoding: .utf8)
        #expect(generated == checkedIn, "docs/man/strategos.1 is stale; regenerate it as the README says")
    }
}
