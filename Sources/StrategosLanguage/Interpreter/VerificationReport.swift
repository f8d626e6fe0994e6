import ByzantineEngine

/// What one `verify` found, in the script's names: what the renderers print
/// and what `expect holds` / `expect counterexample` check.
public struct VerificationReport: Sendable, Equatable {
    public var algorithm: ByzantineAlgorithm
    public var m: Int
    public var generals: [String]
    public var commander: String
    /// Each was checked as the order a loyal commander gives.
    public var orders: [String]
    public var defaultValue: String
    /// At most this many generals were faulty.
    public var traitors: Int
    /// The values a faulty general could send (or nothing).
    public var values: [String]
    /// The graph has every link.
    public var linksComplete = true
    /// The channel, partitions and timing searched (the scenario's own delays
    /// are not assumed: under asynchronous timing they are the adversary's).
    public var network = NetworkDeclaration()
    /// The space and the method, as planned.
    public var scope: VerificationScope
    /// Sub-problems solved (exact) or strategies run (sample).
    public var checked: Int
    public var holds: Bool
    public var interrupted: Bool
    public var counterexample: Found?
    /// Where `save` asked for the counterexample: written there when there
    /// is one, and nothing written when there is none.
    public var savePath: String?

    /// A violation: the script that replays it and what it breaks.
    public struct Found: Sendable, Equatable {
        public var script: String
        public var order: String
        public var faulty: [String]
        public var deviatingMessages: Int
        public var breaksAgreement: Bool
        public var breaksValidity: Bool
    }

    /// Every strategy was covered: a holds is a proof.
    public var exhaustive: Bool { scope.exhaustive }
}
