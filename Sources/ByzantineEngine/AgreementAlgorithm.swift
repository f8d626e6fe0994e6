/// The two algorithms of the paper for the Byzantine Generals Problem.
public enum ByzantineAlgorithm: String, Sendable, Equatable, CaseIterable {
    /// Oral messages, OM(m) (Section 3).
    case om
    /// Signed messages, SM(m) (Section 4).
    case sm

    /// Checks that the algorithm can run on `problem` within `messageLimit` messages.
    public func validate(_ problem: GeneralsProblem, m: Int, messageLimit: Int) throws(EngineError) {
        switch self {
        case .om: try OralMessages.validate(problem, m: m, messageLimit: messageLimit)
        case .sm: try SignedMessages.validate(problem, m: m, messageLimit: messageLimit)
        }
    }

    /// The most messages a run can send (every general sending, for OM; the
    /// relay bound, for SM); nil when it does not fit in 64 bits.
    public func messageBound(_ problem: GeneralsProblem, m: Int) -> Int? {
        switch self {
        case .om: OralMessages.messageCount(generals: problem.generalCount, m: m)
        case .sm: SignedMessages.messageBound(problem, m: m)
        }
    }

    /// Runs the algorithm; SM signs with the modelled signatures.
    public func run(
        _ problem: GeneralsProblem, m: Int, messageLimit: Int = 1_000_000_000, recordTrace: Bool = false,
        shouldStop: () -> Bool = { false }
    ) throws(EngineError) -> Outcome {
        switch self {
        case .om:
            try OralMessages.run(problem, m: m, messageLimit: messageLimit, recordTrace: recordTrace, shouldStop: shouldStop)
        case .sm:
            try SignedMessages.run(problem, m: m, messageLimit: messageLimit, recordTrace: recordTrace, shouldStop: shouldStop)
        }
    }

    /// Runs the algorithm; `signatures` is the scheme SM signs with (OM has none).
    public func run<Scheme: SignatureScheme>(
        _ problem: GeneralsProblem, m: Int, messageLimit: Int = 1_000_000_000, recordTrace: Bool = false,
        signatures: Scheme, shouldStop: () -> Bool = { false }
    ) throws(EngineError) -> Outcome {
        switch self {
        case .om:
            try OralMessages.run(problem, m: m, messageLimit: messageLimit, recordTrace: recordTrace, shouldStop: shouldStop)
        case .sm:
            try SignedMessages.run(
                problem, m: m, messageLimit: messageLimit, recordTrace: recordTrace, signatures: signatures, shouldStop: shouldStop)
        }
    }
}
