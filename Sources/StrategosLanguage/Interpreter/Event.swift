/// Something a script produced, in the order it happened. The command line, the
/// REPL and the tests all receive the same events and render them their own way.
public enum Event: Sendable, Equatable {
    case run(RunReport)
    /// `print "text"`
    case printed(String)
    /// An error, a warning or a failed expectation, with the file it points into.
    case diagnostic(Diagnostic, SourceFile)
}

public protocol EventSink {
    mutating func receive(_ event: Event)
}

/// Keeps every event; for tests and for callers that render afterwards.
public struct EventLog: EventSink, Sendable {
    public private(set) var events: [Event] = []
    public init() {}
    public mutating func receive(_ event: Event) {
        events.append(event)
    }
}
