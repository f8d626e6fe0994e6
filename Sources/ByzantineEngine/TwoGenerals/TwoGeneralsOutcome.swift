/// What one loss pattern did: which messengers arrived, what each general
/// received and whether it attacked.
public struct TwoGeneralsOutcome: Sendable, Equatable {
    /// Index 0 is messenger 1.
    public var deliveries: [TwoGenerals.Delivery]
    public var received: TwoGenerals.PerGeneral<Int>
    public var attacks: TwoGenerals.PerGeneral<Bool>

    public var verdict: Verdict { Verdict(attacks: attacks) }

    /// Both generals decided the same: both attack, or neither does.
    public var isCoordinated: Bool { attacks.a == attacks.b }

    /// Messengers that set out (captured or not).
    public var sent: Int { deliveries.count(where: { $0 != .notSent }) }

    /// The numbers of the messengers with this fate, in order.
    public func messengers(_ delivery: TwoGenerals.Delivery) -> [Int] {
        deliveries.indices.filter { deliveries[$0] == delivery }.map { $0 + 1 }
    }

    /// The three ways a run can end.
    public enum Verdict: Sendable, Equatable, Hashable {
        /// Both attack.
        case cityCaptured
        /// One attacks and is defeated alone.
        case armyDefeated(alone: TwoGenerals.General)
        /// Neither attacks.
        case nothingHappens

        public init(attacks: TwoGenerals.PerGeneral<Bool>) {
            switch (attacks.a, attacks.b) {
            case (true, true): self = .cityCaptured
            case (true, false): self = .armyDefeated(alone: .a)
            case (false, true): self = .armyDefeated(alone: .b)
            case (false, false): self = .nothingHappens
            }
        }

        public var isCoordinated: Bool {
            if case .armyDefeated = self { return false }
            return true
        }
    }
}
