/// What one `run` did, in the script's own names and values: what the renderers
/// print and what `expect` checks.
public struct RunReport: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var lieutenant: String
        /// nil for a faulty lieutenant: its "decision" means nothing.
        public var decision: String?
        /// SM: the lieutenant's V_i, values in the order they entered it (nil for
        /// OM and for a faulty lieutenant).
        public var set: [String]? = nil
    }

    public var algorithm: AlgorithmCall.Algorithm
    public var m: Int
    /// The army, commander first.
    public var generals: [String]
    public var commander: String
    public var order: String
    public var defaultValue: String
    /// Generals with a fault rule, in army order.
    public var faulty: [String]
    /// The rules of each faulty general, as written.
    public var rules: [String: [FaultRule]]
    /// Every lieutenant, in army order.
    public var rows: [Row]
    public var agreement: Bool
    public var validity: Bool
    public var messages: Int
    public var messagesPerRound: [Int]
    /// SM: messages a receiver discarded because a signature did not hold.
    public var discarded = 0

    public var rounds: Int { messagesPerRound.count }

    /// OM(m) with n ≤ 3m: the run goes ahead, but the paper promises nothing.
    /// (SM(m) copes with any number of traitors.)
    public var isBoundBroken: Bool { algorithm == .om && generals.count <= 3 * m }

    /// The loyal lieutenants' decisions, in army order.
    public var decisions: [(lieutenant: String, decision: String)] {
        rows.compactMap { row in row.decision.map { (row.lieutenant, $0) } }
    }

    public func decision(of lieutenant: String) -> String? {
        rows.first { $0.lieutenant == lieutenant }?.decision
    }
}
