/// The oral-messages algorithm OM(m) of Lamport, Shostak and Pease (1982).
///
/// OM(0): the commander sends its value to every lieutenant; each lieutenant
/// uses the value it receives, or `default` if it receives none.
/// OM(m), m > 0: the commander sends its value to every lieutenant; each
/// lieutenant i, with v_i the value it received (or `default`), acts as the
/// commander of OM(m − 1) sending v_i to the other n − 2 lieutenants; then each
/// lieutenant takes the majority of v_i and of the values it got from every
/// other lieutenant j in j's OM(m − 1) (`default` when none) — a strict
/// majority, else `default`.
public enum OralMessages {
    /// The messages OM(m) sends when every general sends:
    /// Σ_{k=1}^{m+1} ∏_{j=1}^{k} (n − j); nil when it does not fit in 64 bits.
    public static func messageCount(generals n: Int, m: Int) -> Int? {
        guard n >= 1, m >= 0 else { return 0 }
        var total = 0
        var product = 1
        for j in 1...(m + 1) {
            let factor = n - j
            guard factor > 0 else { break }
            let (nextProduct, productOverflow) = product.multipliedReportingOverflow(by: factor)
            guard !productOverflow else { return nil }
            product = nextProduct
            let (nextTotal, totalOverflow) = total.addingReportingOverflow(product)
            guard !totalOverflow else { return nil }
            total = nextTotal
        }
        return total
    }

    /// Checks that OM(m) can run on `problem` within `messageLimit` messages.
    public static func validate(_ problem: GeneralsProblem, m: Int, messageLimit: Int) throws(EngineError) {
        try problem.validate()
        let n = problem.generalCount
        guard m >= 0, m < n - 1 else { throw .invalidRounds(m: m, generals: n) }
        guard let needed = messageCount(generals: n, m: m), needed <= messageLimit else {
            throw .tooManyMessages(needed: messageCount(generals: n, m: m), limit: messageLimit)
        }
    }

    /// Runs OM(m). Without a trace, memory grows with n·m, not with the number
    /// of messages; `recordTrace` keeps every message and majority in
    /// `Outcome.trace`. `shouldStop` is asked every few thousand messages; when
    /// it answers true the run ends with `EngineError.cancelled`.
    public static func run(
        _ problem: GeneralsProblem, m: Int, messageLimit: Int = 1_000_000_000, recordTrace: Bool = false,
        shouldStop: () -> Bool = { false }
    ) throws(EngineError) -> Outcome {
        try validate(problem, m: m, messageLimit: messageLimit)
        if recordTrace {
            let recursion = OralMessagesRecursion(problem: problem, m: m, recorder: TraceRecorder())
            var outcome = try outcome(of: recursion, problem, shouldStop: shouldStop)
            outcome.trace = recursion.recorder.trace
            return outcome
        }
        return try outcome(of: OralMessagesRecursion(problem: problem, m: m, recorder: NoRecorder()), problem, shouldStop: shouldStop)
    }

    private static func outcome<Recorder>(
        of recursion: OralMessagesRecursion<Recorder>, _ problem: GeneralsProblem, shouldStop: () -> Bool
    ) throws(EngineError) -> Outcome {
        let decisions = try recursion.run(shouldStop: shouldStop)
        var outcome = Outcome(problem: problem, allDecisions: decisions, messagesPerRound: recursion.messagesPerRound)
        outcome.lies = recursion.lies
        outcome.drops = recursion.drops
        outcome.network = recursion.network
        return outcome
    }
}
