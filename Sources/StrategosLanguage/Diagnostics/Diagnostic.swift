/// Something wrong (or worth a warning) at a place in a script. Diagnostics are
/// values: the parser collects them, the interpreter returns them, and
/// `DiagnosticRenderer` turns them into text.
public struct Diagnostic: Error, Sendable, Equatable {
    public enum Severity: String, Sendable, Equatable {
        case error, warning, note
    }

    public var severity: Severity
    public var message: String
    public var span: SourceSpan
    /// True when the input ended where more was needed (an open `(`, a trailing
    /// `,` or `and`): a REPL reads another line instead of reporting it.
    public var isIncompleteInput: Bool

    public init(_ severity: Severity = .error, _ message: String, at span: SourceSpan, isIncompleteInput: Bool = false) {
        self.severity = severity
        self.message = message
        self.span = span
        self.isIncompleteInput = isIncompleteInput
    }
}
