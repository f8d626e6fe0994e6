import StrategosLanguage

/// Formatting: `strategos fmt`'s layout as one edit of the whole document;
/// none for a script with a syntax error, which the diagnostics already show.
enum FormattingProvider {
    static func edits(for document: Document) -> [LSP.TextEdit]? {
        guard let formatted = try? Formatter.format(document.file) else { return nil }
        guard formatted != document.file.text else { return [] }
        return [LSP.TextEdit(range: document.file.wholeRange, newText: formatted)]
    }
}
