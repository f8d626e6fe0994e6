import ByzantineEngine

/// `verify twogenerals(k)`: every pair of threshold rules with what defeats
/// it, and whether any of them coordinates for sure. Its words claim only what
/// it checks, those rules; that no rule at all can is an argument, not a search.
enum TwoGeneralsVerificationRenderer {
    static func text(_ verification: TwoGeneralsVerification, style: TextStyle) -> String {
        let shape = TwoGenerals(messengers: verification.messengers, messaging: verification.messaging)
        var lines = [
            style.bold("verify twogenerals(\(verification.messengers))") + " · " + TwoGeneralsVocabulary.messaging(shape),
            counted(verification.pairs.count, "pair") + " of threshold rules, each against all \(counted(verification.patterns, "loss pattern")); B's rules need the order (a B that attacks on nothing is not answering A)",
        ]
        var rows = [["A attacks", "B attacks", "finding"]]
        for pair in verification.pairs {
            rows.append([TwoGeneralsVocabulary.rule(pair.a), TwoGeneralsVocabulary.rule(pair.b), finding(pair.finding, style)])
        }
        let formatted = TwoGeneralsVocabulary.columns(rows)
        lines.append("  " + style.bold(formatted.first ?? ""))
        lines += formatted.dropFirst().map { "  " + $0 }
        let alone = verification.count { if case .attacksAlone = $0 { true } else { false } }
        let never = verification.count { $0 == .neverAttacks }
        if verification.isSolved {
            let solving = verification.count { $0 == .solves }
            lines.append(style.red("solved") + ": \(counted(solving, "pair")) of these rules always coordinate and sometimes attack")
        } else {
            lines.append(
                style.green("no pair of these rules coordinates for sure")
                    + ": \(counted(never, "pair")) never \(never == 1 ? "attacks" : "attack"), and \(counted(alone, "pair")) \(alone == 1 ? "leaves" : "leave") one general attacking alone under some loss (threshold rules only)")
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    static func json(_ verification: TwoGeneralsVerification) -> String {
        var writer = JSONWriter()
        writer.field("verify", "twogenerals")
        writer.field("messengers", verification.messengers)
        writer.field("messaging", verification.messaging.rawValue)
        writer.field("solved", verification.isSolved)
        writer.field("pairs", verification.pairs.count)
        writer.field("patterns", verification.patterns)
        let results = verification.pairs.map { pair in
            var result = JSONWriter()
            result.field("A", TwoGeneralsVocabulary.rule(pair.a))
            result.field("B", TwoGeneralsVocabulary.rule(pair.b))
            switch pair.finding {
            case .neverAttacks:
                result.field("neverAttacks", true)
            case .attacksAlone(let general, let lost):
                result.field("lost", json: TwoGeneralsVocabulary.jsonIntegers(lost))
                result.field("alone", general.rawValue)
            case .solves:
                result.field("solves", true)
            }
            return result.finished()
        }
        writer.field("results", objects: results)
        return writer.finished() + "\n"
    }

    private static func finding(_ finding: TwoGeneralsVerification.Finding, _ style: TextStyle) -> String {
        switch finding {
        case .neverAttacks: "never attacks, even when every messenger arrives"
        case .attacksAlone(let general, let lost): "lose \(TwoGeneralsVocabulary.lost(lost)): \(general.rawValue) attacks alone"
        case .solves: style.red("coordinates under every loss pattern")
        }
    }
}
