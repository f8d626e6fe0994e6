import ByzantineEngine

/// `shop with rollback`, `shop without rollback`: every loss pattern of the
/// online shop and whether it ended consistent.
enum ShopRenderer {
    static func text(_ shop: Shop, outcomes: [ShopOutcome], style: TextStyle) -> String {
        let title = shop.rollback ? "shop with rollback" : "shop without rollback"
        let policy = shop.rollback
            ? "the parcel leaves only if the payment arrived; a lost parcel is refunded, the refund resent until it arrives"
            : "the parcel leaves only if the payment arrived; nothing makes up for a lost parcel"
        var lines = [style.bold(title) + " · " + policy]
        var rows = [["lost", "payment", "parcel", "refund", "ends"]]
        for outcome in outcomes {
            rows.append([
                outcome.lost.isEmpty ? "none" : outcome.lost.map(\.rawValue).joined(separator: ", "),
                delivery(outcome.payment), delivery(outcome.parcel), delivery(outcome.refund), ending(outcome, style),
            ])
        }
        let formatted = TwoGeneralsVocabulary.columns(rows)
        lines.append("  " + style.bold(formatted.first ?? ""))
        lines += formatted.dropFirst().map { "  " + $0 }
        let inconsistent = outcomes.count(where: { !$0.isConsistent })
        if inconsistent == 0 {
            lines.append(
                "every loss pattern ends " + style.green("consistent") + " (\(outcomes.count) of \(outcomes.count)): the customer has paid exactly when the goods arrived")
        } else {
            lines.append(
                "\(inconsistent) of \(outcomes.count) loss patterns end " + style.red("INCONSISTENT") + ": the customer paid and got nothing")
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    static func json(_ shop: Shop, outcomes: [ShopOutcome]) -> String {
        var writer = JSONWriter()
        writer.field("shop", shop.rollback ? "with rollback" : "without rollback")
        writer.field("patterns", outcomes.count)
        writer.field("consistent", outcomes.count(where: \.isConsistent))
        let objects = outcomes.map { outcome in
            var object = JSONWriter()
            object.field("lost", outcome.lost.map(\.rawValue))
            object.field("paid", outcome.paid)
            object.field("delivered", outcome.delivered)
            object.field("refunded", outcome.refunded)
            object.field("consistent", outcome.isConsistent)
            return object.finished()
        }
        writer.field("outcomes", objects: objects)
        return writer.finished() + "\n"
    }

    private static func delivery(_ delivery: Shop.Delivery) -> String {
        switch delivery {
        case .arrived: "arrived"
        case .lost: "lost"
        case .notSent: "—"
        case .arrivedWhenResent: "lost, resent, arrived"
        }
    }

    private static func ending(_ outcome: ShopOutcome, _ style: TextStyle) -> String {
        switch outcome.ending {
        case .sold: "consistent: sold"
        case .noSale: "consistent: no sale"
        case .refunded: "consistent: refunded"
        case .paidWithoutGoods: style.red("INCONSISTENT") + ": paid, no goods"
        case .goodsWithoutPayment: style.red("INCONSISTENT") + ": goods, no payment"
        }
    }
}
