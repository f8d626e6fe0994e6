import ByzantineEngine

/// One `run twogenerals(k)`: the problem as run, the losses the script chose
/// and what happened; what `expect` checks and `show table` tabulates.
public struct TwoGeneralsReport: Sendable, Equatable {
    public var problem: TwoGenerals
    /// The `lose` of the scenario, ascending.
    public var lost: [Int]
    public var outcome: TwoGeneralsOutcome
    /// The generals whose rule the script set; the others follow the default.
    public var rulesSet: Set<TwoGenerals.General>

    /// "twogenerals(2)", as messages name the run.
    public var call: String { "twogenerals(\(problem.messengers))" }
}
