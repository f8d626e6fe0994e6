import ByzantineEngine

/// What a two-generals statement produced, for the renderers.
public enum TwoGeneralsEvent: Sendable, Equatable {
    /// `run twogenerals(k)`
    case run(TwoGeneralsReport)
    /// `verify twogenerals(k)`
    case verification(TwoGeneralsVerification)
    /// `estimate twogenerals(k)`
    case estimate(TwoGeneralsEstimate)
    /// `shop with rollback`: every loss pattern of the shop and how it ended.
    case shop(Shop, outcomes: [ShopOutcome])
}

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

/// `estimate twogenerals(k)`: each messaging's seeded trials against its exact odds.
public struct TwoGeneralsEstimate: Sendable, Equatable {
    public struct Strategy: Sendable, Equatable {
        public var problem: TwoGenerals
        public var tally: TwoGeneralsTally
        public var odds: TwoGeneralsOdds
        /// Both rules are the messaging's defaults, so the odds have a closed form.
        public var usesDefaultRules: Bool
    }

    public var messengers: Int
    public var lossPercent: Int
    public var trials: Int
    public var seed: UInt64
    /// Alternating (option 2), then flooding (option 1).
    public var strategies: [Strategy]
}
