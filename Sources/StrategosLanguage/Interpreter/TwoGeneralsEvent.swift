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
