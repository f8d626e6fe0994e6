/// The statements of the Two Generals Problem that set up or explore it
/// (`run twogenerals(k)`, `verify twogenerals(k)` and `show table` are forms of
/// `run`, `verify` and `show`).
public enum TwoGeneralsStatement: Sendable, Equatable {
    /// `lose 2`, `lose 1, 3`; `lose none` is the empty list.
    case lose([IntegerLiteral])
    /// `A attacks always`, `B attacks if received 1`. The name is checked when
    /// the statement runs, so `C attacks always` can say who the generals are.
    case attacks(Name, AttackRule)
    /// `messengers alternate`, `messengers flood`
    case messengers(Messaging)
    /// `loss 30%`: the percentage.
    case loss(IntegerLiteral)
    /// `trials 10000`
    case trials(IntegerLiteral)
    /// `estimate twogenerals(3)`
    case estimate(AlgorithmCall)
    /// `shop with rollback`, `shop without rollback`
    case shop(rollback: Bool)

    /// `messengers alternate | flood`.
    public enum Messaging: Sendable, Equatable {
        /// Each messenger leaves once the previous one arrived, the generals taking turns.
        case alternate
        /// A sends all its messengers at once.
        case flood
    }
}

/// When a general attacks: `always`, `never`, `if received 2`, `if received all`.
public enum AttackRule: Sendable, Equatable {
    case always
    case never
    case ifReceived(IntegerLiteral)
    case ifReceivedAll
}
