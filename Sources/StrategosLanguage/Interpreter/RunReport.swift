/// What one `run` did, in the script's own names and values: what the renderers
/// print and what `expect` checks.
public struct RunReport: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var lieutenant: String
        /// nil for a faulty lieutenant: its "decision" means nothing.
        public var decision: String?
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

    public var rounds: Int { messagesPerRound.count }

    /// n ≤ 3m: the run goes ahead, but the paper promises nothing.
    public var isBoundBroken: Bool { generals.count <= 3 * m }

    /// The loyal lieutenants' decisions, in army order.
    public var decisions: [(lieutenant: String, decision: String)] {
        rows.compactMap { row in row.decision.map { (row.lieutenant, $0) } }
    }

    public func decision(of lieutenant: String) -> String? {
        rows.first { $0.lieutenant == lieutenant }?.decision
    }
}
