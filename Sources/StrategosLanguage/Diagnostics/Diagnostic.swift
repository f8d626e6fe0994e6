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
    /// The limit the message says was passed, where the setting that raises it
    /// would be named: `message` leaves it unnamed, `text(naming:)` names it.
    public var limit: LimitMention?

    public init(
        _ severity: Severity = .error, _ message: String, at span: SourceSpan, isIncompleteInput: Bool = false, limit: LimitMention? = nil
    ) {
        self.severity = severity
        self.message = message
        self.span = span
        self.isIncompleteInput = isIncompleteInput
        self.limit = limit
    }

    /// An error about `limit`, whose setting is named between `before` and `after`.
    init(passing limit: Limit, _ form: LimitMention.Form, _ before: String, _ after: String = "", at span: SourceSpan) {
        self.init(.error, before + after, at: span, limit: LimitMention(limit: limit, form: form, offset: before.utf8.count))
    }

    /// The message with its limit's setting named as `names` name it (the
    /// command line's flags); with no name for it, `message`.
    public func text(naming names: [Limit: String]) -> String {
        limit?.insert(into: message, naming: names) ?? message
    }
}
