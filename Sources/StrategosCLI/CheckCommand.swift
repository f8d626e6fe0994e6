import ArgumentParser
import Foundation
import StrategosLanguage

/// `strategos check FILE…`: every statement parsed and checked as a run
/// would check it (the army, m, the generals named, the rules that can never
/// apply), but nothing runs and nothing is written.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check scripts without running them: syntax, generals, m, rules that can never apply.",
        // Run by hand from `Strategos.main()`, so its usage names the parent itself.
        usage: "strategos check <file> ... [--color <when>]",
        discussion: """
            Declarations are run and every run, verify and sweep is checked up to the point \
            where it would compute; expect, show, export and print are skipped, so nothing is \
            written. Errors and warnings are printed as a run prints them.

            EXIT STATUS
              0    no errors (warnings allowed)
              65   an error in a script
              66   a script could not be read
            """)

    @Argument(help: ArgumentHelp("Scripts to check; '-' reads one from standard input.", valueName: "file"), completion: .file(extensions: ["strat"]))
    var files: [String]

    @OptionGroup var colorOptions: ColorOptions

    func run() throws {
        let renderer = EventRenderer(
            outputStyle: TextStyle(color: false), diagnosticStyle: TextStyle(color: colorOptions.colors(STDERR_FILENO)), mode: .text,
            limitNames: Limit.flags)
        var settings = Session.Settings()
        settings.checkOnly = true
        let console = Console(renderer: renderer, maximumInputBytes: FileSystemLoader.defaultMaximumBytes, diagnosticsOnly: true)
        var worst = ScriptOutcome.success
        for file in files {
            worst = max(worst, console.run(file == "-" ? .standardInput : .file(file), settings: settings))
        }
        throw ExitCode(worst.exitCode)
    }
}
