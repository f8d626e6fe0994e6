import StrategosLanguage
import StrategosREPL

/// Completion as the REPL completes: the REPL's `Completer`, told the generals
/// and values of the scenario that the statements above the cursor build.
enum CompletionProvider {
    static func items(in document: Document, at position: LSP.Position) -> [LSP.CompletionItem] {
        let cursor = document.file.offset(of: position)
        let lineStart = document.file.offset(of: LSP.Position(line: position.line, character: 0))
        let line = document.file.text(of: SourceSpan(start: lineStart, end: cursor))
        // The lines above are the entry so far, so a statement continued after
        // `,` or `and` is completed as one. A non-empty entry also keeps out
        // the REPL's `:` commands, which a file cannot hold.
        let above = document.file.text(of: SourceSpan(start: 0, end: max(0, lineStart - 1)))
        let context = CompletionContext(scenario: scenario(before: lineStart, in: document), pendingEntry: above.isEmpty ? "\n" : above)
        let directory = document.directory
        let completer = Completer(context: context) { folder in
            Completer.fileSystemEntries(in: directory.isEmpty || folder.hasPrefix("/") ? folder : directory + "/" + folder)
        }
        let (word, isInString) = Completer.word(beforeCursor: line)
        let wordStart = lineStart + line.utf8.count - word.utf8.count
        let replaced = document.file.range(of: SourceSpan(start: wordStart, end: cursor))
        return completer.completions(beforeCursor: line).map { completion in
            LSP.CompletionItem(
                label: completion.text, kind: kind(of: completion, isInString: isInString, context: context),
                textEdit: LSP.TextEdit(range: replaced, newText: completion.text))
        }
    }

    /// The scenario after the statements that end before `offset`, declarations
    /// run and actions checked, as `strategos check` would leave it.
    private static func scenario(before offset: Int, in document: Document) -> Scenario {
        var settings = Session.Settings()
        settings.checkOnly = true
        var session = Session(settings: settings)
        var ignored = EventLog()
        let statements = document.parsed.program.statements.filter { $0.span.end <= offset }
        _ = session.execute(Program(statements: statements), in: document.file, into: &ignored)
        return session.scenario
    }

    private static func kind(of completion: Completion, isInString: Bool, context: CompletionContext) -> LSP.CompletionItem.Kind {
        if isInString { return completion.suffix == nil ? .folder : .file }
        if completion.text.hasSuffix("(") { return .function }
        if context.generals.contains(completion.text) { return .variable }
        if Keyword(rawValue: completion.text) == nil, context.values.contains(completion.text) { return .value }
        return .keyword
    }
}
