/// A real-world Two Generals Problem, an online shop: the
/// customer's payment and the shop's parcel cross a network that may lose
/// either. The shop dispatches the goods only if the payment went through.
///
/// Without a rollback, a lost parcel leaves the customer charged for goods
/// that never came. With one, the courier's report that the parcel was lost
/// makes the shop send a compensating refund, so every loss pattern ends
/// consistent: the customer has paid exactly when the goods arrived. The
/// refund is resent until it arrives — a compensation that could be given up
/// on would bring the problem back — so losing it only delays it.
public struct Shop: Sendable, Equatable {
    public enum Message: String, Sendable, CaseIterable, Comparable {
        /// The customer's payment, to the shop.
        case payment
        /// The goods, to the customer; sent only if the payment arrived.
        case parcel
        /// The compensating message: the money back, sent when the parcel is lost.
        case refund

        public static func < (lhs: Message, rhs: Message) -> Bool {
            allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
        }
    }

    public enum Delivery: Sendable, Equatable {
        case arrived
        case lost
        case notSent
        /// Lost, sent again, and arrived: only the refund is resent.
        case arrivedWhenResent
    }

    /// Whether a lost parcel is compensated by a refund.
    public var rollback: Bool

    public init(rollback: Bool) {
        self.rollback = rollback
    }

    /// Every subset of the three messages, fewest first.
    public var lossPatterns: [[Message]] {
        TwoGeneralsLossPatterns.all(messengers: Message.allCases.count).map { numbers in
            numbers.compactMap { Message.allCases.indices.contains($0 - 1) ? Message.allCases[$0 - 1] : nil }
        }
    }

    public var everyOutcome: [ShopOutcome] {
        lossPatterns.map { outcome(losing: Set($0)) }
    }

    public func outcome(losing lost: Set<Message>) -> ShopOutcome {
        let payment: Delivery = lost.contains(.payment) ? .lost : .arrived
        let parcel: Delivery = payment != .arrived ? .notSent : lost.contains(.parcel) ? .lost : .arrived
        let refund: Delivery = !rollback || parcel != .lost ? .notSent : lost.contains(.refund) ? .arrivedWhenResent : .arrived
        return ShopOutcome(
            lost: lost.sorted(), payment: payment, parcel: parcel, refund: refund)
    }
}
