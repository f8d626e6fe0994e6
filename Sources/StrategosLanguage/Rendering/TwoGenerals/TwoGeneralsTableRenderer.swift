import ByzantineEngine

/// `show table`: the truth table — which messengers arrived, A
/// attacks?, B attacks?, coordinated?, result — one row per combination, the
/// impossible ones saying why.
enum TwoGeneralsTableRenderer {
    static func text(_ table: TwoGeneralsTable, rulesSet: Set<TwoGenerals.General>, style: TextStyle) -> String {
        let problem = table.problem
        let k = problem.messengers
        var lines = [
            "truth table of " + style.bold("twogenerals(\(k))") + " · " + TwoGeneralsVocabulary.messaging(problem),
            TwoGenerals.General.allCases.map {
                TwoGeneralsVocabulary.rule(of: $0, in: problem, isDefault: !rulesSet.contains($0))
            }.joined(separator: " · "),
        ]
        let messengerHeadings = (1...k).map { "\($0) \(problem.sender(of: $0).rawValue)→\(problem.sender(of: $0).other.rawValue)" }
        var rows = [messengerHeadings + ["lose", "A attacks?", "B attacks?", "coordinated?", "result"]]
        for row in table.rows {
            let arrived = row.arrived.map { $0 ? "yes" : "no" }
            switch row.entry {
            case .possible(let lost, let outcome):
                rows.append(
                    arrived + [
                        TwoGeneralsVocabulary.lost(lost), yesNo(outcome.attacks.a), yesNo(outcome.attacks.b),
                        yesNo(outcome.isCoordinated), TwoGeneralsVocabulary.verdict(outcome.verdict),
                    ])
            case .impossible(let messenger, let missing):
                rows.append(arrived + ["impossible: messenger \(messenger) is sent only once \(missing) has arrived"])
            }
        }
        let formatted = TwoGeneralsVocabulary.columns(rows)
        lines.append("  " + style.bold(formatted.first ?? ""))
        for (row, text) in zip(table.rows, formatted.dropFirst()) {
            if case .impossible = row.entry {
                lines.append("  " + style.dim(text))
            } else {
                lines.append("  " + text)
            }
        }
        let possible = table.possibleRows
        var summary = "\(possible) of \(table.rows.count) rows can happen"
        if problem.messaging == .alternating, k > 1 {
            summary += "; a messenger after a captured one is never sent, so losing it as well changes nothing"
        }
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n\n"
    }

    private static func yesNo(_ value: Bool) -> String {
        value ? "yes" : "no"
    }
}
