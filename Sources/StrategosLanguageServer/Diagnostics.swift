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
        return log.events.compactMap { event -> LSP.Diagnostic? in
            // A diagnostic in a loaded script has no place in this document.
            guard case .diagnostic(let diagnostic, let file) = event, file == document.file else { return nil }
            return LSP.Diagnostic(
                range: document.file.range(of: diagnostic.span), severity: severity(of: diagnostic.severity),
                message: diagnostic.message)
        }
    }

    private static func severity(of severity: Diagnostic.Severity) -> LSP.Diagnostic.Severity {
        switch severity {
        case .error: .error
        case .warning: .warning
        case .note: .information
        }
    }
}
