import ByzantineEngine

/// `run twogenerals(k)`: text for people, one JSON line for programs.
enum TwoGeneralsRunRenderer {
    static func text(_ run: TwoGeneralsReport, style: TextStyle) -> String {
        let problem = run.problem
        let outcome = run.outcome
        var lines = [
            style.bold(run.call) + " · " + TwoGeneralsVocabulary.messaging(problem) + " · lose " + TwoGeneralsVocabulary.lost(run.lost)
        ]
        let fates: [(TwoGenerals.Delivery, String)] = [(.arrived, "arrived"), (.captured, "captured"), (.notSent, "not sent")]
        let messengers = fates.compactMap { delivery, word in
            let numbers = outcome.messengers(delivery)
            return numbers.isEmpty ? nil : TwoGeneralsVocabulary.ranges(numbers) + " " + word
        }
        lines.append("  messengers  " + messengers.joined(separator: " · "))
        let rows = TwoGenerals.General.allCases.map { general in
            [
                "  \(general.rawValue)", "decides \(TwoGeneralsVocabulary.decision(outcome.attacks[general]))",
                "received \(outcome.received[general]) of \(problem.messengers(to: general))",
                TwoGeneralsVocabulary.rule(of: general, in: problem, isDefault: !run.rulesSet.contains(general)),
            ]
        }
        lines += TwoGeneralsVocabulary.columns(rows)
        switch outcome.verdict {
        case .cityCaptured: lines.append("coordinated  " + style.green("yes") + ": both attack")
        case .nothingHappens: lines.append("coordinated  " + style.green("yes") + ": neither attacks")
        case .armyDefeated(let alone): lines.append("coordinated  " + style.red("NO") + ": \(alone.rawValue) attacks alone")
        }
        lines.append(style.bold(TwoGeneralsVocabulary.verdict(outcome.verdict)))
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// The keys docs/json.md gives, one for one, then the details.
    static func json(_ run: TwoGeneralsReport) -> String {
        let outcome = run.outcome
        var writer = JSONWriter()
        writer.field("algorithm", "twogenerals")
        writer.field("messengers", run.problem.messengers)
        writer.field("lost", json: TwoGeneralsVocabulary.jsonIntegers(run.lost))
        writer.field(
            "decisions",
            pairs: TwoGenerals.General.allCases.map { ($0.rawValue, TwoGeneralsVocabulary.decision(outcome.attacks[$0])) })
        writer.field("coordinated", outcome.isCoordinated)
        writer.field("messaging", run.problem.messaging.rawValue)
        writer.field("arrived", json: TwoGeneralsVocabulary.jsonIntegers(outcome.messengers(.arrived)))
        writer.field("captured", json: TwoGeneralsVocabulary.jsonIntegers(outcome.messengers(.captured)))
        writer.field("verdict", TwoGeneralsVocabulary.verdict(outcome.verdict))
        writer.field(
            "rules", pairs: TwoGenerals.General.allCases.map { ($0.rawValue, TwoGeneralsVocabulary.rule(run.problem.rules[$0])) })
        return writer.finished() + "\n"
    }
}
