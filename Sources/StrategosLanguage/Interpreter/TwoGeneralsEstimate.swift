import ByzantineEngine

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
    /// Alternating, then flooding.
    public var strategies: [Strategy]
}
