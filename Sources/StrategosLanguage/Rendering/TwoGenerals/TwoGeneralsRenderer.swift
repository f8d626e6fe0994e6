/// Every two-generals event, as text or as one JSON line.
enum TwoGeneralsRenderer {
    static func text(_ event: TwoGeneralsEvent, style: TextStyle) -> String {
        switch event {
        case .run(let run): TwoGeneralsRunRenderer.text(run, style: style)
        case .verification(let verification): TwoGeneralsVerificationRenderer.text(verification, style: style)
        case .estimate(let estimate): TwoGeneralsEstimateRenderer.text(estimate, style: style)
        case .shop(let shop, let outcomes): ShopRenderer.text(shop, outcomes: outcomes, style: style)
        }
    }

    static func json(_ event: TwoGeneralsEvent) -> String {
        switch event {
        case .run(let run): TwoGeneralsRunRenderer.json(run)
        case .verification(let verification): TwoGeneralsVerificationRenderer.json(verification)
        case .estimate(let estimate): TwoGeneralsEstimateRenderer.json(estimate)
        case .shop(let shop, let outcomes): ShopRenderer.json(shop, outcomes: outcomes)
        }
    }
}
