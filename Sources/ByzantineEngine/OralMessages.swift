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

    /// Runs OM(m). Memory grows with n·m, not with the number of messages.
    /// `shouldStop` is asked every few thousand messages; when it answers true
    /// the run ends with `EngineError.cancelled`.
    public static func run(
        _ problem: GeneralsProblem, m: Int, messageLimit: Int = 1_000_000_000,
        shouldStop: () -> Bool = { false }
    ) throws(EngineError) -> Outcome {
        try validate(problem, m: m, messageLimit: messageLimit)
        let recursion = OralMessagesRecursion(problem: problem, m: m)
        let decisions = try recursion.run(shouldStop: shouldStop)
        return Outcome(problem: problem, allDecisions: decisions, messagesPerRound: recursion.messagesPerRound)
    }
}
