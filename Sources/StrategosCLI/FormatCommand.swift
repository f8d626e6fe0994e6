import ArgumentParser
import Foundation
import StrategosLanguage

/// `strategos fmt FILE…`: every script in the one canonical layout, in place;
/// `-` formats standard input to standard output; `--check` only says which
/// files are not formatted, for CI.
struct Format: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Format scripts in the canonical layout, keeping every comment and blank-line group.",
        // Run by hand from `Strategos.main()`, so its usage names the parent itself.
        usage: "strategos fmt [--check] <file> ... [--color <when>]",
        discussion: """
            Each statement goes on a line of its own with single spaces between its words; \
            comments stay where they were and blank lines between groups shrink to one. \
            Only the layout changes, so a formatted script means what it meant, and \
            formatting it again changes nothing. A script with a syntax error is left as it is.

            EXAMPLES
              strategos fmt examples/*.strat
              strategos fmt --check examples/*.strat
              strategos fmt - < lesson.strat > formatted.strat

            EXIT STATUS
              0    every file is formatted (or was formatted in place)
              1    --check: a file is not formatted
              65   a syntax error in a script
              66   a script could not be read
              73   a script could not be written
            """)

    @Flag(help: "Change nothing; list the files that are not formatted and exit 1 if there is one.")
    var check = false

    @Argument(help: ArgumentHelp("Scripts to format in place; '-' formats standard input to standard output.", valueName: "file"), completion: .file(extensions: ["strat"]))
    var files: [String]

    @OptionGroup var colorOptions: ColorOptions

    func run() throws {
        let color = colorOptions.colors(STDERR_FILENO)
        var worst: Int32 = 0
        for path in files {
            worst = max(worst, format(path, color: color))
        }
        throw ExitCode(worst)
    }

    private func format(_ path: String, color: Bool) -> Int32 {
        let file: SourceFile
        do {
            if path == "-" {
                let data = try FileSystemLoader.read(FileHandle.standardInput, maximumBytes: FileSystemLoader.defaultMaximumBytes)
                file = SourceFile(name: "<stdin>", text: String(decoding: data, as: UTF8.self))
            } else {
                file = try FileSystemLoader().load(path, relativeTo: nil).file
            }
        } catch {
            standardError("strategos: \(error.message(readingFile: path == "-" ? nil : path))\n")
            return ScriptOutcome.unreadableInput.exitCode
        }
        let formatted: String
        do {
            formatted = try Formatter.format(file)
        } catch {
            for diagnostic in error.diagnostics { standardError(DiagnosticRenderer.render(diagnostic, in: file, color: color)) }
            return ScriptOutcome.scriptError.exitCode
        }
        if path == "-" {
            if check { return formatted == file.text ? 0 : 1 }
            FileHandle.standardOutput.write(Data(formatted.utf8))
            return 0
        }
        guard formatted != file.text else { return 0 }
        if check {
            print("not formatted: \(path)")
            return 1
        }
        do {
            try FileSystemWriter().write(formatted, to: path, relativeTo: nil)
        } catch {
            standardError("strategos: cannot write '\(path)': \(error.reason)\n")
            return ScriptOutcome.unwritableOutput.exitCode
        }
        return 0
    }

    private func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
