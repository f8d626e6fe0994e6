import ByzantineEngine

/// Something a script produced, in the order it happened. The command line, the
/// REPL and the tests all receive the same events and render them their own way.
public enum Event: Sendable, Equatable {
    case run(RunReport)
    /// `print "text"`
    case printed(String)
    /// An error, a warning or a failed expectation, with the file it points into.
    case diagnostic(Diagnostic, SourceFile)
    /// `expect ...`, held or not, with the file it is in; a failed one is
    /// followed by its diagnostic.
    case expectation(ExpectationResult, SourceFile)
    /// `show ...`: a view of the last run or of the scenario.
    case shown(Shown)
    /// `verify ...` is about to search: the space it covers.
    case verifying(VerificationReport)
    /// `verify ...`: what the search found.
    case verification(VerificationReport)
    /// `sweep ...`: a cell per army size and m.
    case sweep(SweepReport)
    /// `run twogenerals(k)`, `verify twogenerals(k)`, `estimate ...`, `shop ...`.
    case twoGenerals(TwoGeneralsEvent)
}

/// What a `show` statement asked to see, with everything needed to draw it.
public enum Shown: Sendable, Equatable {
    case trace(RunReport, TraceFilter)
    case tree(RunReport, lieutenant: String)
    case stats(RunReport)
    case army(Scenario)
    /// `show links`: the graph on the army.
    case links(LinksReport)
    /// `show table`: the last two-generals run's truth table, and which rules
    /// the script set (the others are defaults).
    case table(TwoGeneralsTable, rulesSet: Set<TwoGenerals.General>)
    /// `show sweep`: the last sweep's table again.
    case sweep(SweepReport)
    /// `export report`: the last run (or verify's counterexample), with the script that made it.
    case report(ReportSubject, script: String)
}

/// `show trace to L1 from L3 round 2`, resolved to names and a number.
public struct TraceFilter: Sendable, Equatable {
    public var to: String?
    public var from: String?
    public var round: Int?

    public init(to: String? = nil, from: String? = nil, round: Int? = nil) {
        self.to = to
        self.from = from
        self.round = round
    }

    /// Whether a message of a run of `generals` passes every filter given.
    func matches(_ message: Trace.Message, generals: [String]) -> Bool {
        let name = { (index: Int) in generals.indices.contains(index) ? generals[index] : "" }
        return (to.map { name(message.receiver) == $0 } ?? true)
            && (from.map { name(message.sender) == $0 } ?? true)
            && (round.map { message.round == $0 } ?? true)
    }
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
