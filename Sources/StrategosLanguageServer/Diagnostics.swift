import StrategosLanguage

/// What `strategos check` would say about a document: its syntax errors, or
/// else the errors and warnings of running its declarations and checking its
/// actions, with nothing run and nothing written.
enum Diagnostics {
    static func of(_ document: Document) -> [LSP.Diagnostic] {
        var settings = Session.Settings()
        settings.checkOnly = true
        var session = Session(settings: settings)
        var log = EventLog()
        _ = session.run(document.file, into: &log)
        let loads = document.parsed.program.statements.compactMap { statement -> StringLiteral? in
            guard case .load(let path) = statement.kind else { return nil }
            return path
        }
        return log.events.compactMap { event -> LSP.Diagnostic? in
            guard case .diagnostic(let diagnostic, let file) = event else { return nil }
            if file == document.file {
                return LSP.Diagnostic(
                    range: document.file.range(of: diagnostic.span), severity: severity(of: diagnostic.severity),
                    message: diagnostic.message)
            }
            // A diagnostic in a loaded script is shown at the `load` that brought it in.
            guard let load = loadingStatement(of: file, among: loads) else { return nil }
            let (line, column) = file.location(of: diagnostic.span.start)
            return LSP.Diagnostic(
                range: document.file.range(of: load.span), severity: severity(of: diagnostic.severity),
                message: "in \(file.name):\(line):\(column): \(diagnostic.message)")
        }
    }

    /// The `load` whose path names `file` (resolved beside the script, so the
    /// name ends with the path); the only `load` when none does, since a
    /// script loaded from a loaded one came in through it.
    private static func loadingStatement(of file: SourceFile, among loads: [StringLiteral]) -> StringLiteral? {
        loads.first { file.name == $0.text || file.name.hasSuffix("/" + $0.text) } ?? (loads.count == 1 ? loads.first : nil)
    }

    private static func severity(of severity: Diagnostic.Severity) -> LSP.Diagnostic.Severity {
        switch severity {
        case .error: .error
        case .warning: .warning
        case .note: .information
        }
    }
}
