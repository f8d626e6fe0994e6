import ByzantineEngine

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

    public var algorithm: ByzantineAlgorithm
    public var m: Int
    /// OM(m, p): the size of the regular sets of neighbours; nil for OM(m) and SM(m).
    public var p: Int? = nil
    /// The army in the order it was declared; the trace's integers index
    /// this list. Readers get `commanderFirst`.
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
    /// Messages whose value a faulty sender changed, and messages it dropped.
    public var lies = 0
    public var drops = 0
    /// The values in play; the trace's integers index this list.
    public var values: [String] = []
    /// Every message (and OM majority), when the script asked to look at it.
    public var trace: Trace?
    /// Why there is no trace, when there is none.
    public var traceAbsence: TraceAbsence?
    /// SM: how the messages were signed.
    public var signatures: Signatures? = nil
    /// The graph, when some links are missing; nil on a complete graph.
    public var links: LinksSummary? = nil

    /// The channel, partitions and timing when any is not the paper's
    /// default, with what the network did; nil in the default model.
    public var network: NetworkSummary? = nil

    public struct NetworkSummary: Sendable, Equatable {
        public var declaration: NetworkDeclaration
        public var counts: NetworkCounts
    }

    /// An incomplete graph, as a run reports it.
    public struct LinksSummary: Sendable, Equatable {
        public var links: Links
        /// `links ring` with no `cut` or `link` after it.
        public var isRing: Bool
        /// SM: how far apart the loyal generals are (the paper's Theorem 4); nil for OM.
        public var loyalDiameter: LoyalDiameter? = nil
    }

    public enum TraceAbsence: Sendable, Equatable {
        /// Nothing in the script looked at a trace, so none was kept.
        case notRequested
        /// The run could send more messages than the trace limit.
        case tooLarge(messages: Int?, limit: Int)
    }

    /// The messages per round the paper counts when every general sends:
    /// OM(m) ∏_{j=1}^{k} (n − j) in round k; SM(m) n − 1, then (n − 1)(n − 2)
    /// (a loyal commander, no faults), then none.
    public var paperMessagesPerRound: [Int?] {
        let n = generals.count
        return (1...max(rounds, 1)).map { round in
            switch algorithm {
            case .om:
                // OM(m, p) sends along paths of the graph: the paper counts no such run.
                guard p == nil else { return nil }
                var product = 1
                for j in 1...round {
                    let (next, overflow) = product.multipliedReportingOverflow(by: n - j)
                    if overflow { return nil }
                    product = next
                }
                return product
            case .sm:
                return round == 1 ? n - 1 : round == 2 ? (n - 1) * (n - 2) : 0
            }
        }
    }

    public var rounds: Int { messagesPerRound.count }

    /// The army as the text, the trace and the JSON order it: the commander,
    /// then the lieutenants in the order they were declared.
    public var commanderFirst: [String] {
        [commander] + generals.filter { $0 != commander }
    }

    /// `OM(1)`, `OM(1, 3)`, `SM(2)`: the algorithm as the paper writes it.
    public var title: String {
        "\(algorithm.rawValue.uppercased())(\(m)" + (p.map { ", \($0)" } ?? "") + ")"
    }

    /// OM(m) with n ≤ 3m, or OM(m, p) with p < 3m: the run goes ahead, but the
    /// paper promises nothing. (SM(m) copes with any number of traitors.)
    public var isBoundBroken: Bool {
        guard algorithm == .om else { return false }
        guard let p else { return generals.count <= 3 * m }
        return p < 3 * m
    }

    /// SM on an incomplete graph: whether the paper's Theorem 4 condition
    /// m ≥ t + d − 1 holds (t faulty generals, d the loyal subgraph's
    /// diameter); nil when it does not apply (OM, or a complete graph).
    public var meetsTheorem4: Bool? {
        guard let reach = links?.loyalDiameter else { return nil }
        switch reach {
        case .diameter(let d): return m >= faulty.count + d - 1
        case .notConnected: return false
        }
    }

    /// The loyal lieutenants' decisions, in army order.
    public var decisions: [(lieutenant: String, decision: String)] {
        rows.compactMap { row in row.decision.map { (row.lieutenant, $0) } }
    }

    public func decision(of lieutenant: String) -> String? {
        rows.first { $0.lieutenant == lieutenant }?.decision
    }
}

/// How far apart the loyal generals are, counting only links between loyal
/// generals: the d of the paper's Theorem 4.
public enum LoyalDiameter: Sendable, Equatable {
    /// Every two loyal generals are joined by a path of at most this many links.
    case diameter(Int)
    /// Some two loyal generals have no path between them.
    case notConnected

    init(_ diameter: Int?) {
        self = diameter.map(LoyalDiameter.diameter) ?? .notConnected
    }
}
