import StrategosLanguage

/// What the meta commands do; `MetaCommand.all` says which is which.
extension REPL {
    /// Without a topic: every meta command, every statement with an example,
    /// and the keys. With one: that statement's examples, or that command;
    /// else every statement with the examples that use the topic as a word
    /// (`:help twogenerals` shows `run twogenerals(2)` and `verify twogenerals(3)`).
    mutating func showHelp(_ topic: String) {
        let topic = topic.hasPrefix(":") ? String(topic.dropFirst()) : topic
        guard !topic.isEmpty else {
            output.write(Self.helpText, to: .standardOutput)
            return
        }
        var sections: [String] = []
        if let statement = StatementHelp.all.first(where: { $0.keyword.rawValue == topic }) {
            sections.append(statement.section(showing: statement.examples))
        }
        if let command = MetaCommand.all.first(where: { $0.name == topic }) {
            sections.append("\(command.usage): \(command.summary)\n")
        }
        if sections.isEmpty {
            for statement in StatementHelp.all {
                let examples = statement.examples.filter { $0.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains { $0 == topic } }
                guard !examples.isEmpty else { continue }
                sections.append(statement.section(showing: examples))
            }
        }
        guard !sections.isEmpty else {
            let hint = Suggestion.closest(to: topic, among: HelpTopic.names).map { "; did you mean '\($0)'?" } ?? ""
            output.write("error: no help on '\(topic)'\(hint)\n", to: .standardError)
            return
        }
        output.write(sections.joined(separator: "\n"), to: .standardOutput)
    }

    /// Generated from the two tables, so a new statement or command is listed
    /// without anyone remembering to.
    static var helpText: String {
        let usageWidth = MetaCommand.all.map(\.usage.count).max() ?? 0
        var text = "Commands (at the start of an entry):\n"
        for command in MetaCommand.all {
            text += "  " + command.usage.padded(to: usageWidth) + "  " + command.summary + "\n"
        }
        text += "\nStatements (end with a newline or ';'; '#' starts a comment):\n"
        let keywordWidth = StatementHelp.all.map(\.keyword.rawValue.count).max() ?? 0
        for statement in StatementHelp.all {
            text += "  " + statement.keyword.rawValue.padded(to: keywordWidth) + "  " + statement.summary + "\n"
            for example in statement.examples {
                text += "  " + String(repeating: " ", count: keywordWidth) + "    " + example + "\n"
            }
        }
        text += """

            Keys: Tab completes; Up/Down and Ctrl-R search the history; a line ending in
            ',', '|' or 'and' or an open '(' continues on the next; Ctrl-C cancels the
            line or a run; Ctrl-D on an empty line quits.

            """
        return text
    }

    /// `:load FILE`: like `load "FILE"`, and recorded as one for `:save`.
    mutating func loadScript(_ path: String) {
        let loaded: (file: SourceFile, key: String)
        do {
            loaded = try session.settings.loader.load(path, relativeTo: nil)
        } catch {
            output.write("error: \(error.message(readingFile: path, naming: renderer.limitNames))\n", to: .standardError)
            return
        }
        perform(undoing: true) { session, sink in
            session.run(loaded.file, key: loaded.key, into: &sink)
        } recording: { recorded in
            recorded.append("load " + ScriptPrinter.stringLiteral(path))
        }
    }

    /// `:save FILE`: the session as a lesson that runs again: every statement
    /// of every entry that did not fail, in the layout `strategos fmt` writes.
    func saveScript(_ path: String) {
        let header = "# Saved from a strategos session: every statement that ran, in order.\n"
        let text = header + recordedStatements.map { $0 + "\n" }.joined()
        let formatted = (try? Formatter.format(SourceFile(name: path, text: text))) ?? text
        do {
            try AtomicFile.write(formatted, to: path)
        } catch {
            output.write("error: cannot write '\(path)': \(error.reason)\n", to: .standardError)
            return
        }
        let count = recordedStatements.count
        output.write("saved \(counted(count, "statement")) to \(path)\n", to: .standardOutput)
    }

    mutating func resetSession() {
        session = Session(settings: session.settings)
        recordedStatements = []
        output.write("the scenario is empty again\n", to: .standardOutput)
    }

    func showArmy() {
        output.write(ScenarioRenderer.text(session.scenario, style: renderer.outputStyle), to: .standardOutput)
    }
}

