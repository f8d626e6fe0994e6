import ByzantineEngine

/// What a script has said about the Two Generals Problem so far; `run`,
/// `estimate` and `verify twogenerals(k)` read it, `reset` clears it.
public struct TwoGeneralsScenario: Sendable, Equatable {
    /// `lose 1, 3`: the messengers the city captures, ascending. Checked
    /// against k when a run starts, since k comes with the run.
    public var lost: [Int] = []
    /// `A attacks ...`; a general without one follows the messaging's default.
    public var rules: [TwoGenerals.General: TwoGeneralsRule] = [:]
    /// `messengers alternate | flood`
    public var messaging = TwoGenerals.Messaging.alternating
    /// `loss 30%`; `estimate` needs one.
    public var lossPercent: Int?
    /// `trials 10000`
    public var trials = 10_000

    public init() {}
}
