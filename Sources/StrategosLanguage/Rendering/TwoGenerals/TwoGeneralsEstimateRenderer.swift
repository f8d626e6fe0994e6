import ByzantineEngine

/// `estimate twogenerals(k)`: for each messaging, how often each ending came
/// up in the trials, next to its exact probability.
enum TwoGeneralsEstimateRenderer {
    static func text(_ estimate: TwoGeneralsEstimate, style: TextStyle) -> String {
        var lines = [
            style.bold("estimate twogenerals(\(estimate.messengers))")
                + " · loss \(estimate.lossPercent)% per messenger · \(Diagnostic.grouped(estimate.trials)) trials · seed \(Int64(bitPattern: estimate.seed))"
        ]
        for strategy in estimate.strategies {
            let problem = strategy.problem
            let rules = TwoGenerals.General.allCases.map {
                "\($0.rawValue) attacks \(TwoGeneralsVocabulary.rule(problem.rules[$0]))"
            }.joined(separator: ", ")
            lines.append(name(of: problem.messaging) + ": " + rules)
            let tally = strategy.tally
            let odds = strategy.odds
            let formula = strategy.usesDefaultRules ? closedForm(problem.messaging) : nil
            let rows: [(String, Int, Double, String?)] = [
                ("coordinated", tally.coordinated, odds.coordinated, formula),
                ("city captured", tally.cityCaptured, odds.cityCaptured, nil),
                ("army defeated", tally.armyDefeated, odds.armyDefeated, nil),
                ("nothing happens", tally.nothingHappens, odds.nothingHappens, nil),
            ]
            let countWidth = Diagnostic.grouped(tally.trials).count
            let cells = rows.map { label, count, exact, formula in
                [
                    "  " + label, rightAligned(Diagnostic.grouped(count), countWidth), estimateText(count, of: tally.trials),
                    "exact " + rightAligned(TwoGeneralsVocabulary.percent(exact), 7) + (formula.map { " = " + $0 } ?? ""),
                ]
            }
            lines += TwoGeneralsVocabulary.columns(cells)
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    static func json(_ estimate: TwoGeneralsEstimate) -> String {
        var writer = JSONWriter()
        writer.field("estimate", "twogenerals")
        writer.field("messengers", estimate.messengers)
        writer.field("loss", json: TwoGeneralsVocabulary.probability(Double(estimate.lossPercent) / 100))
        writer.field("trials", estimate.trials)
        writer.field("seed", json: String(Int64(bitPattern: estimate.seed)))
        let strategies = estimate.strategies.map { strategy in
            var object = JSONWriter()
            object.field("messaging", strategy.problem.messaging.rawValue)
            object.field("A", TwoGeneralsVocabulary.rule(strategy.problem.rules.a))
            object.field("B", TwoGeneralsVocabulary.rule(strategy.problem.rules.b))
            object.field("coordinated", strategy.tally.coordinated)
            object.field("cityCaptured", strategy.tally.cityCaptured)
            object.field("armyDefeated", strategy.tally.armyDefeated)
            object.field("nothingHappens", strategy.tally.nothingHappens)
            object.field("exactCoordinated", json: TwoGeneralsVocabulary.probability(strategy.odds.coordinated))
            object.field("exactCityCaptured", json: TwoGeneralsVocabulary.probability(strategy.odds.cityCaptured))
            return object.finished()
        }
        writer.field("strategies", objects: strategies)
        return writer.finished() + "\n"
    }

    private static func name(of messaging: TwoGenerals.Messaging) -> String {
        switch messaging {
        case .alternating: "alternating (the order, then acknowledgements)"
        case .flooding: "flooding (copies of the order, no answer)"
        }
    }

    /// P(coordinated) under the default rules; derived in `TwoGeneralsOdds`.
    private static func closedForm(_ messaging: TwoGenerals.Messaging) -> String {
        switch messaging {
        case .alternating: "1 − p(1 − p)^(k − 1)"
        case .flooding: "1 − p^k"
        }
    }

    private static func estimateText(_ count: Int, of trials: Int) -> String {
        rightAligned(TwoGeneralsVocabulary.percent(trials == 0 ? 0 : Double(count) / Double(trials)), 7)
    }

    private static func rightAligned(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
