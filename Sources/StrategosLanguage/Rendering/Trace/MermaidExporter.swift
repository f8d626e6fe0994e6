import ByzantineEngine

/// A trace as a Mermaid sequence diagram: a participant per general in army
/// order (commander first), a note per round, an arrow per message; lies are
/// dotted arrows, drops and discarded forgeries end in a cross.
enum MermaidExporter {
    static func sequenceDiagram(_ run: RunReport, trace: Trace) -> String {
        let words = TraceVocabulary(run: run)
        let order = [words.commanderIndex] + run.generals.indices.filter { $0 != words.commanderIndex }
        var lines = ["sequenceDiagram"]
        for general in order {
            lines.append("    participant G\(general) as \(label(words.general(general)))")
        }
        let span = "G\(order.first ?? 0),G\(order.last ?? 0)"
        var round = 0
        for message in words.readingOrder(trace.messages) {
            if message.round != round {
                round = message.round
                lines.append("    Note over \(span): round \(round)")
            }
            let arrow = switch (message.disposition, message.isLie) {
            case (.dropped, _), (.discarded, _), (.lost, _), (.blocked, _), (.timedOut, _): message.isLie ? "--x" : "-x"
            case (_, true): "-->>"
            case (_, false): "->>"
            }
            var text = message.value.map(words.value) ?? "nothing"
            if message.path.count > 1 { text += " (" + message.path.map(words.general).joined(separator: "→") + ")" }
            let remark = words.remark(message)
            if !remark.isEmpty { text += " " + remark }
            lines.append("    G\(message.sender)\(arrow)G\(message.receiver): \(label(text))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Mermaid reads `;` as a line break and `#` as the start of an entity.
    static func label(_ text: String) -> String {
        text.replacingOccurrences(of: "#", with: "#35;").replacingOccurrences(of: ";", with: "#59;")
    }
}
