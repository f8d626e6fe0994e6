import ArgumentParser
import Foundation
import StrategosLanguage
import StrategosREPL

@main
struct Strategos: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "strategos",
        abstract: "Run scenario scripts of the Byzantine Generals Problem (Lamport, Shostak, Pease 1982).",
        usage: """
            strategos [<file> ...] [-e <text> ...] [<option> ...]
            strategos check|fmt|lsp ...
            """,
        discussion: """
            A script declares an army, its traitors and runs an agreement algorithm; \
            strategos prints each loyal lieutenant's decision and whether IC1 (agreement) \
            and IC2 (validity) held.

            With no file and no -e, strategos starts the REPL (on a terminal) or \
            runs standard input.

            EXAMPLES
              strategos
              strategos examples/tour.strat
              strategos -e 'general L3 traitor lies 0 to L1, L2; run om(1)'
              strategos --json -e 'generals 7; general L1 traitor flips; run om(2)'
              echo 'run om(1)' | strategos -

            EXIT STATUS
              0    every script ran and every expect held
              1    an expect failed (the script went on)
              64   usage error (bad command-line arguments)
              65   a syntax or semantic error in a script
              66   an input file could not be read
              70   an internal error
              73   an export file could not be written
              130  interrupted

            The language is described in grammar.md. Colour follows --color; \
            in auto, NO_COLOR turns it off and FORCE_COLOR on.
            """,
        version: "strategos 0.1.0",
        // Listed for --help, the man page and the completion scripts; `main()`
        // dispatches them itself, before the scripts are parsed.
        subcommands: Tool.allCases.map(\.command)
    )

    /// `strategos check …` and the other tools go to their own commands;
    /// anything else is scripts to run (a script named like a tool: `./check`,
    /// or `./help`).
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        // `strategos help check`, as --help suggests.
        if arguments.count == 2, arguments[0] == "help", let tool = Tool(rawValue: arguments[1]) { return tool.command.main(["--help"]) }
        guard let first = arguments.first, let tool = Tool(rawValue: first) else { return main(arguments) }
        arguments.removeFirst()
        tool.command.main(arguments)
    }

    @Argument(
        help: ArgumentHelp("Scripts to run, each in a fresh session; '-' reads a script from standard input.", valueName: "file"),
        completion: .file(extensions: ["strat"]))
    var files: [String] = []

    @Option(name: .customShort("e"), parsing: .unconditionalSingleValue, help: ArgumentHelp("Run TEXT as a script; several -e run in one session, in order.", valueName: "text"))
    var expressions: [String] = []

    @Flag(help: "Print JSON Lines on standard output: an object per run, verify, expect and diagnostic (print text goes to standard error).")
    var json = false

    @Option(parsing: .unconditional, help: countHelp("Refuse a run that would send more than N messages.", default: Self.defaults.messageLimit),
        transform: count(atLeast: 1))
    var maxMessages = Self.defaults.messageLimit

    @Option(help: ArgumentHelp(
        "Write each run's trace to standard output instead of its report: mermaid, dot, json or svg (as `export trace` does).",
        valueName: "format"))
    var traceFormat: ExportFormat?

    @Option(
        parsing: .unconditional, help: countHelp("Show or export at most N messages of a trace (a filter narrows a larger one).", default: Self.defaults.traceLimit),
        transform: count(atLeast: 0))
    var traceLimit = Self.defaults.traceLimit

    @Option(
        parsing: .unconditional,
        help: countHelp(
            "Let verify's exact method work up to N strategies' worth (10,000 tally steps each); beyond it, verify samples N strategies and says it is not a proof.",
            default: Self.defaults.verifyBudget),
        transform: count(atLeast: 1))
    var verifyBudget = Self.defaults.verifyBudget

    @Option(
        parsing: .unconditional, help: countHelp("Refuse a script (a file, standard input or a load) larger than N bytes.", default: FileSystemLoader.defaultMaximumBytes),
        transform: count(atLeast: 0))
    var maxInputBytes = FileSystemLoader.defaultMaximumBytes

    @Option(
        parsing: .unconditional, help: countHelp("Refuse loads nested more than N deep.", default: Self.defaults.maximumLoadDepth),
        transform: count(atLeast: 0))
    var maxLoadDepth = Self.defaults.maximumLoadDepth

    /// What a session does unless an option says otherwise.
    private static let defaults = Session.Settings()

    @OptionGroup var colorOptions: ColorOptions

    func validate() throws {
        guard !(json && traceFormat != nil) else {
            throw ValidationError("--json and --trace-format both say how runs are written; choose one")
        }
    }

    /// What standard output carries, as the flags ask.
    private var outputMode: OutputMode {
        if let traceFormat { return .trace(traceFormat) }
        return json ? .json : .text
    }

    func run() throws {
        let renderer = EventRenderer(
            outputStyle: TextStyle(color: colorOptions.colors(STDOUT_FILENO)),
            diagnosticStyle: TextStyle(color: colorOptions.colors(STDERR_FILENO)),
            mode: outputMode,
            limitNames: Limit.flags)
        let console = Console(renderer: renderer, maximumInputBytes: maxInputBytes)
        var inputs: [Input] = []
        if !expressions.isEmpty {
            inputs.append(.text(SourceFile(name: "<command line>", text: expressions.joined(separator: "\n"))))
        }
        inputs += files.map { $0 == "-" ? .standardInput : .file($0) }

        var settings = Session.Settings()
        settings.messageLimit = maxMessages
        settings.traceLimit = traceLimit
        settings.recordTraces = traceFormat != nil
        settings.tracesRequired = traceFormat != nil
        let progress = ProgressLine(isTerminal: isatty(STDERR_FILENO) != 0)
        settings.verifyProgress = { progress.update($0) }
        settings.verifyBudget = verifyBudget
        settings.loader = FileSystemLoader(maximumBytes: maxInputBytes)
        settings.maximumLoadDepth = maxLoadDepth
        if inputs.isEmpty {
            // No script: a terminal gets the REPL; a pipe or a file (`strategos <
            // file`) is a script, with no prompt, history or readline.
            guard isatty(STDIN_FILENO) == 0 else {
                // In the REPL any run may be looked at afterwards.
                settings.recordTraces = true
                REPL.runOnTerminal(
                    settings: settings, renderer: renderer,
                    banner: "\(Self.configuration.version) · the Byzantine Generals Problem · :help for help, Ctrl-D to quit",
                    environment: ProcessInfo.processInfo.environment)
                return
            }
            inputs = [.standardInput]
        }
        // Ctrl-C stops a script at its next safe point (between statements,
        // every few thousand messages, between waves of a verify) and says how
        // far it got; a second Ctrl-C ends the process at once.
        let interruption = SignalInterruption()
        SignalInterruption.installHandler()
        interruption.beginEvaluation()
        settings.shouldStop = { interruption.isRequested }
        var worst = ScriptOutcome.success
        for input in inputs {
            worst = max(worst, console.run(input, settings: settings))
        }
        throw ExitCode(worst.exitCode)
    }
}

extension ExportFormat: ExpressibleByArgument {
    /// A format's name or one of its file extensions: `mermaid`/`mmd`, `dot`/`gv`, `json`, `svg`.
    public init?(argument: String) {
        guard let format = ExportFormat(rawValue: argument.lowercased()) ?? ExportFormat(path: "trace." + argument),
              Self.traceFormats.contains(format)
        else { return nil }
        self = format
    }

    /// The formats a trace can be written in (a report is a page of its own).
    private static let traceFormats = allCases.filter { Exporter.supports(.trace(to: nil, from: nil, round: nil), as: $0) }

    public static var allValueStrings: [String] { traceFormats.map(\.rawValue) }
}

enum Input {
    case file(String)
    case standardInput
    case text(SourceFile)
}

extension ScriptOutcome {
    var exitCode: Int32 {
        switch self {
        case .success: 0
        case .expectationFailed: 1
        case .scriptError: 65
        case .unreadableInput: 66
        case .unwritableOutput: 73
        case .internalError: 70
        case .interrupted: 130
        }
    }
}
