import StrategosLanguage

/// The read–eval–print loop: a thin layer over the same `Session` that runs
/// scripts. It reads entries from a `LineSource` (several lines when the parser
/// says the input is incomplete), runs them, and prints what they produced.
///
/// An entry that ends in an error, a failed load or an interrupt leaves the
/// session exactly as it was before it: the session is a value, so the REPL
/// keeps a copy and puts it back.
public struct REPL {
    public static let prompt = "strategos> "
    /// As wide as `prompt`, so continued lines line up with the first.
    public static let continuationPrompt = "      ...> "

    public internal(set) var session: Session
    /// The source text of every statement of the entries that did not fail:
    /// what `:save` writes. `:reset` empties it.
    public internal(set) var recordedStatements: [String] = []
    /// Complete entries read so far; entry N is parsed as `<repl:N>`.
    public private(set) var entryCount = 0

    let output: any REPLOutput
    let renderer: EventRenderer
    let interruption: any Interruption

    public init(settings: Session.Settings, renderer: EventRenderer, output: any REPLOutput, interruption: any Interruption) {
        var settings = settings
        settings.shouldStop = { [interruption] in interruption.isRequested }
        self.session = Session(settings: settings)
        self.renderer = renderer
        self.output = output
        self.interruption = interruption
    }

    /// Reads and runs entries until `:quit` or the end of the input.
    public mutating func run(reading source: inout some LineSource) {
        var pending: [String] = []
        while true {
            source.update(CompletionContext(scenario: session.scenario, pendingEntry: pending.joined(separator: "\n")))
            switch source.readLine(prompt: pending.isEmpty ? Self.prompt : Self.continuationPrompt) {
            case .endOfInput:
                // Ctrl-D at `...>` ends the entry as it is, as a blank line
                // does, so what was typed is reported rather than lost.
                if !pending.isEmpty {
                    let file = nextEntry(pending.joined(separator: "\n"))
                    submit(Parser.parse(file), in: file, source: &source)
                }
                return
            case .interrupted:
                pending = []
            case .line(let line):
                if pending.isEmpty, line.drop(while: \.isWhitespace).hasPrefix(":") {
                    source.remember(trimmed(line))
                    if runMetaCommand(line) == .quit { return }
                    continue
                }
                // A blank line ends a pending entry as it is, so its error
                // shows instead of the prompt asking for more forever.
                let isBlank = line.allSatisfy(\.isWhitespace)
                if pending.isEmpty, isBlank { continue }
                pending.append(line)
                let file = nextEntry(pending.joined(separator: "\n"))
                let parsed = Parser.parse(file)
                if parsed.isIncomplete, !isBlank { continue }
                pending = []
                submit(parsed, in: file, source: &source)
            }
        }
    }

    /// The text of the entry being read, named as diagnostics will show it.
    private func nextEntry(_ text: String) -> SourceFile {
        SourceFile(name: "<repl:\(entryCount + 1)>", text: text)
    }

    /// Counts, remembers and runs one complete entry (or one given up as incomplete).
    private mutating func submit(_ parsed: ParseResult, in file: SourceFile, source: inout some LineSource) {
        entryCount += 1
        source.remember(trimmed(file.text))
        evaluate(parsed, in: file)
    }

    /// Runs one parsed entry, or reports its syntax errors.
    mutating func evaluate(_ parsed: ParseResult, in file: SourceFile) {
        var sink = RenderingSink(renderer: renderer, output: output, interruption: interruption)
        guard parsed.diagnostics.isEmpty else {
            for diagnostic in parsed.diagnostics {
                sink.receive(.diagnostic(diagnostic, file))
            }
            return
        }
        let program = parsed.program
        let statements = program.statements.map { file.text(of: $0.span) }
        perform(undoing: program.statements.count > 1) { session, sink in
            session.execute(program, in: file, into: &sink)
        } recording: { recorded in
            recorded += statements
        }
    }

    /// Runs `body` on the session. On an error or an interrupt the session goes
    /// back to what it was and `record` is skipped; otherwise `record` adds to
    /// what `:save` writes. `explainsUndo`: say that earlier statements of the
    /// entry were undone (one statement that fails has changed nothing anyway).
    mutating func perform(
        undoing explainsUndo: Bool,
        _ body: (inout Session, inout RenderingSink) -> ScriptOutcome,
        recording record: (inout [String]) -> Void
    ) {
        var sink = RenderingSink(renderer: renderer, output: output, interruption: interruption)
        let before = session
        // A Ctrl-C typed at the prompt, before this line was accepted, must not cancel its run.
        _ = interruption.consume()
        interruption.beginEvaluation()
        let outcome = body(&session, &sink)
        interruption.endEvaluation()
        _ = interruption.consume()
        switch outcome {
        case .success, .expectationFailed:
            record(&recordedStatements)
        case .interrupted:
            session = before
            output.write("interrupted: the session is as it was before this entry\n", to: .standardError)
        case .scriptError, .unreadableInput, .unwritableOutput, .internalError:
            session = before
            if explainsUndo {
                output.write("note: the session is as it was before this entry\n", to: .standardError)
            }
        }
    }

    /// `:name argument`; unknown commands get a did-you-mean.
    mutating func runMetaCommand(_ line: String) -> MetaCommand.Result {
        let (name, argument) = MetaCommand.parse(line)
        guard let command = MetaCommand.named(name) else {
            let known = MetaCommand.all.map(\.name)
            let hint = Suggestion.closest(to: name, among: known).map { "; did you mean ':\($0)'?" } ?? "; :help lists them"
            output.write("error: unknown command ':\(name)'\(hint)\n", to: .standardError)
            return .proceed
        }
        switch command.argument {
        case .none where !argument.isEmpty, .file where argument.isEmpty:
            output.write("usage: \(command.usage)\n", to: .standardError)
            return .proceed
        default:
            return command.run(&self, argument)
        }
    }

    private func trimmed(_ entry: String) -> String {
        String(entry[...].trimmingWhitespace())
    }
}
