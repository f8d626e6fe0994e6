/// What a run of an agreement algorithm produced.
public struct Outcome: Sendable, Equatable {
    /// Each general's decision, indexed by general; nil for the commander and for
    /// faulty lieutenants (a traitor's "decision" means nothing).
    public var decisions: [Int?]
    /// IC1: every loyal lieutenant decides the same value.
    public var agreement: Bool
    /// IC2: if the commander is loyal, every loyal lieutenant decides its order
    /// (vacuously true when the commander is faulty).
    public var validity: Bool
    /// Messages actually sent; a dropped message is not sent.
    public var messages: Int
    /// Messages sent in each round, round 1 first.
    public var messagesPerRound: [Int]
    /// Messages whose value a faulty sender changed.
    public var lies = 0
    /// Messages a faulty sender dropped (not counted in `messages`).
    public var drops = 0
    /// SM: messages a receiver discarded because a signature did not hold.
    public var discarded = 0
    /// Sent messages the network lost, blocked or delayed (counted in `messages`).
    public var network = NetworkCounts()
    /// Every message (and for OM every majority), when the run was asked to record them.
    public var trace: Trace?
    /// SM: each loyal lieutenant's V_i, values in the order they entered it.
    public var sets: [Int: [Int]] = [:]

    public var rounds: Int { messagesPerRound.count }

    init(problem: GeneralsProblem, allDecisions: [Int], messagesPerRound: [Int]) {
        let loyalLieutenants = problem.lieutenants.filter { !problem.isFaulty($0) }
        var decisions = [Int?](repeating: nil, count: problem.generalCount)
        for lieutenant in loyalLieutenants {
            decisions[lieutenant] = allDecisions[lieutenant]
        }
        let decided = loyalLieutenants.map { allDecisions[$0] }
        self.decisions = decisions
        self.agreement = Set(decided).count <= 1
        self.validity = problem.isFaulty(problem.commander) || decided.allSatisfy { $0 == problem.order }
        self.messagesPerRound = messagesPerRound
        self.messages = messagesPerRound.reduce(0, +)
    }
}
