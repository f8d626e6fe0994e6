/// The JSON lines `--json` prints for what a script checks: every diagnostic
/// (beside its text on standard error) and every `expect`, held or not, so a
/// program or an editor need not parse the text. Schemas: docs/schema/.
enum CheckRenderer {
    /// `{"diagnostic":"error","file":…,"line":…,"column":…,"endLine":…,"endColumn":…,"message":…}`
    static func json(_ diagnostic: Diagnostic, in file: SourceFile, limitNames: [Limit: String]) -> String {
        var object = JSONWriter()
        object.field("diagnostic", diagnostic.severity.rawValue)
        object.place(of: diagnostic.span, in: file)
        object.field("message", diagnostic.text(naming: limitNames))
        return object.finished() + "\n"
    }

    /// `{"expect":"expect consensus","passed":true,"file":…,…,"expected":…,"actual":…}`
    static func json(_ expectation: ExpectationResult, in file: SourceFile) -> String {
        var object = JSONWriter()
        object.field("expect", file.text(of: expectation.span))
        object.field("passed", expectation.passed)
        object.place(of: expectation.span, in: file)
        object.field("expected", expectation.expected)
        object.field("actual", expectation.actual)
        return object.finished() + "\n"
    }
}

extension JSONWriter {
    /// Where a span is, as an editor counts: 1-based lines and columns in
    /// characters, the end just past the span's last character.
    fileprivate mutating func place(of span: SourceSpan, in file: SourceFile) {
        let start = file.location(of: span.start)
        let end = file.location(of: span.end)
        field("file", file.name)
        field("line", start.line)
        field("column", start.column)
        field("endLine", end.line)
        field("endColumn", end.column)
    }
}
