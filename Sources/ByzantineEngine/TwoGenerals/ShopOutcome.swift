/// How one loss pattern of the shop ended.
public struct ShopOutcome: Sendable, Equatable {
    public var lost: [Shop.Message]
    public var payment: Shop.Delivery
    public var parcel: Shop.Delivery
    public var refund: Shop.Delivery

    /// The shop keeps the customer's money.
    public var paid: Bool { payment == .arrived && !refunded }
    public var delivered: Bool { parcel == .arrived }
    public var refunded: Bool { refund == .arrived || refund == .arrivedWhenResent }

    /// The customer has paid exactly when the goods arrived.
    public var isConsistent: Bool { paid == delivered }

    public var ending: Ending {
        switch (paid, delivered) {
        case (true, true): .sold
        case (false, false): refunded ? .refunded : .noSale
        case (true, false): .paidWithoutGoods
        case (false, true): .goodsWithoutPayment
        }
    }

    public enum Ending: Sendable, Equatable {
        case sold, noSale, refunded
        case paidWithoutGoods
        /// Cannot happen while the shop dispatches only after the payment.
        case goodsWithoutPayment
    }
}
