/// The two faces of a run: text for people, one JSON line for programs.
public enum RunRenderer {
    /// A header, the faulty generals and their rules, a row per lieutenant,
    /// the IC1/IC2 verdicts, and the messages and rounds.
    public static func text(_ run: RunReport, style: TextStyle) -> String {
        let algorithm = "\(run.algorithm.rawValue.uppercased())(\(run.m))"
        // Only a real scheme is named: the modelled signatures are the default.
        let signatures = run.signatures == .ed25519 ? " · signatures ed25519" : ""
        var lines = [
            style.bold(algorithm) + " · \(run.generals.count) generals · commander \(run.commander) orders \(run.order) · default \(run.defaultValue)"
                + signatures
        ]
        for general in run.faulty {
            lines.append("faulty \(general): " + ScriptPrinter.text(of: run.rules[general] ?? []))
        }
        let width = run.rows.map(\.lieutenant.count).max() ?? 0
        let decisionWidth = run.rows.compactMap { $0.decision?.count }.max() ?? 0
        for row in run.rows {
            let name = row.lieutenant.padded(to: width)
            if let decision = row.decision {
                var line = "  \(name)  decides \(style.bold(decision))"
                if let set = row.set {
                    line += String(repeating: " ", count: decisionWidth - decision.count)
                    line += "  V = {\(set.joined(separator: ", "))}"
                }
                lines.append(line)
            } else {
                lines.append("  \(name)  " + style.dim("faulty"))
            }
        }
        let vacuous = run.faulty.contains(run.commander) ? " (the commander is faulty)" : ""
        lines.append("IC1 agreement  " + verdict(run.agreement, style))
        lines.append("IC2 validity   " + verdict(run.validity, style) + vacuous)
        var counts = "\(counted(run.messages, "message")) in \(counted(run.rounds, "round"))"
        if run.algorithm == .sm {
            counts += " · \(counted(run.discarded, "forged message")) discarded"
        }
        lines.append(counts)
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// One line, exactly the schema of LANGUAGE.md ("Machine-readable output").
    public static func json(_ run: RunReport) -> String {
        var writer = JSONWriter()
        writer.setting(of: run)
        writer.field("faulty", run.faulty)
        writer.field("decisions", pairs: run.decisions.map { ($0.lieutenant, $0.decision) })
        writer.field("agreement", run.agreement)
        writer.field("validity", run.validity)
        writer.field("messages", run.messages)
        writer.field("rounds", run.rounds)
        if run.algorithm == .sm {
            writer.field("sets", lists: run.rows.compactMap { row in row.set.map { (row.lieutenant, $0) } })
            writer.field("discarded", run.discarded)
            if let signatures = run.signatures, signatures != .modelled { writer.field("signatures", signatures.rawValue) }
        }
        return writer.finished() + "\n"
    }

    /// "1 round", "2 rounds".
    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)" + (count == 1 ? "" : "s")
    }

    private static func verdict(_ holds: Bool, _ style: TextStyle) -> String {
        holds ? style.green("holds") : style.red("FAILS")
    }
}

extension JSONWriter {
    /// The keys every JSON document about a run opens with, in the schema's order.
    mutating func setting(of run: RunReport) {
        field("algorithm", run.algorithm.rawValue)
        field("m", run.m)
        field("generals", run.generals)
        field("commander", run.commander)
        field("order", run.order)
        field("default", run.defaultValue)
    }
}

extension String {
    /// The string with spaces after it, to fill a column `width` characters wide.
    public func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
