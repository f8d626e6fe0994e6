/// `show stats`: messages per round against the paper's count, and how many
/// lies, drops and discarded forgeries the run had, and what the network did.
enum StatsRenderer {
    static func text(_ run: RunReport, style: TextStyle) -> String {
        let paperHeading = run.algorithm == .om ? "paper (every general sends)" : "paper (loyal commander, no faults)"
        var lines = [
            "stats of \(run.title) · \(counted(run.generals.count, "general")) · \(counted(run.rounds, "round"))",
            style.bold("round  messages  \(paperHeading)"),
        ]
        let paper = run.paperMessagesPerRound
        for (index, sent) in run.messagesPerRound.enumerated() {
            let expected = paper.indices.contains(index) ? paper[index].map(Diagnostic.grouped) ?? "—" : "—"
            lines.append(column(String(index + 1), 5) + column(Diagnostic.grouped(sent), 10) + column(expected, 10))
        }
        let paperTotal = paper.reduce(Optional(0)) { total, count in
            guard let total, let count else { return nil }
            let (sum, overflow) = total.addingReportingOverflow(count)
            return overflow ? nil : sum
        }
        lines.append("total" + column(Diagnostic.grouped(run.messages), 10) + column(paperTotal.map(Diagnostic.grouped) ?? "—", 10))
        var faults = "lies \(Diagnostic.grouped(run.lies)) · dropped \(Diagnostic.grouped(run.drops))"
        if run.algorithm == .sm { faults += " · forged messages discarded \(Diagnostic.grouped(run.discarded))" }
        lines.append(faults)
        if let network = run.network {
            // Only what the model can do: a reliable synchronous army loses nothing.
            let (declaration, counts) = (network.declaration, network.counts)
            var fates: [String] = []
            if case .lossy = declaration.channel { fates.append("lost \(Diagnostic.grouped(counts.lost))") }
            if !declaration.partitions.isEmpty { fates.append("blocked \(Diagnostic.grouped(counts.blocked))") }
            if declaration.timing == .asynchronous {
                fates += ["late in time \(Diagnostic.grouped(counts.late))", "past the timeout \(Diagnostic.grouped(counts.timedOut))"]
            }
            if !fates.isEmpty { lines.append("network: " + fates.joined(separator: " · ") + " (sent, so counted above)") }
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// Right-aligned in `width` characters.
    private static func column(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(width - text.count, 0)) + text
    }
}
