import ByzantineEngine

/// `show trace`: round by round, every message with the path it relays, lies
/// marked against what a loyal sender would have sent, drops and discarded
/// forgeries marked; for armies of up to seven generals, a drawing per round.
enum TraceTextRenderer {
    static let largestDrawnArmy = 7

    static func text(_ run: RunReport, trace: Trace, filter: TraceFilter, style: TextStyle) -> String {
        let words = TraceVocabulary(run: run)
        let messages = words.readingOrder(trace.messages).filter { filter.matches($0, generals: run.generals) }
        let isFiltered = filter.to != nil || filter.from != nil
        var lines = ["trace of \(run.title) · \(counted(run.generals.count, "general")) · \(Diagnostic.grouped(messages.count)) of \(counted(trace.messages.count, "message")) shown"]
        if run.p != nil {
            lines.append(style.dim("a value relayed along a path of k links is k messages, one per link, so a link may carry one value more than once, for different lieutenants"))
        }
        let routeWidth = messages.map { route($0, words: words).count }.max() ?? 0
        let valueWidth = messages.map { ($0.value.map(words.value) ?? "—").count }.max() ?? 0
        for round in Set(messages.map(\.round)).sorted() {
            lines.append(style.bold("round \(round)"))
            let inRound = messages.filter { $0.round == round }
            if !isFiltered, run.generals.count <= largestDrawnArmy {
                lines += drawing(of: inRound, round: round, words: words).map { "  " + $0 }
            }
            for message in inRound {
                let value = message.value.map(words.value) ?? "—"
                var line = "  " + route(message, words: words).padded(to: routeWidth) + "  " + value.padded(to: valueWidth)
                let remark = words.remark(message)
                if !remark.isEmpty {
                    line += "  " + (message.isLie || message.disposition == .discarded ? style.red(remark) : style.dim(remark))
                }
                lines.append(line.trailingSpacesRemoved)
            }
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// The path and receiver; for one link of a relay, the lieutenant it is for.
    private static func route(_ message: Trace.Message, words: TraceVocabulary) -> String {
        guard let destination = message.destination, destination != message.receiver else { return words.route(message) }
        return words.route(message) + " (for \(words.general(destination)))"
    }

    // MARK: - Drawings

    /// Round 1 as OM(1) is usually drawn: the commander on top, an arrow
    /// to every lieutenant, the value under each. Later rounds as a table per
    /// relayed path: who sent what to whom, lies marked `!`, drops `-`.
    private static func drawing(of messages: [Trace.Message], round: Int, words: TraceVocabulary) -> [String] {
        guard let first = messages.first else { return [] }
        if round == 1 { return fan(from: words.general(first.sender), messages, words: words) }
        var lines: [String] = []
        var groups: [[Int]: [Trace.Message]] = [:]
        var order: [[Int]] = []
        for message in messages {
            let prefix = Array(message.path.dropLast())
            if groups[prefix] == nil { order.append(prefix) }
            groups[prefix, default: []].append(message)
        }
        for prefix in order {
            let group = groups[prefix] ?? []
            lines.append("relays of what " + prefix.map(words.general).joined(separator: " → ") + " sent:")
            lines += table(group, words: words)
        }
        return lines
    }

    private static func fan(from commander: String, _ messages: [Trace.Message], words: TraceVocabulary) -> [String] {
        let cells = messages.map { (words.general($0.receiver), words.mark($0)) }
        let width = max(cells.map { max($0.0.count, $0.1.count) }.max() ?? 0, 6) + 3
        let centres = cells.indices.map { $0 * width + width / 2 }
        let middle = ((centres.first ?? 0) + (centres.last ?? 0)) / 2
        var top = Array(repeating: Character(" "), count: (centres.last ?? 0) + 1)
        for column in (centres.first ?? 0)...(centres.last ?? 0) { top[column] = "-" }
        for centre in centres { top[centre] = "+" }
        return [
            String(repeating: " ", count: max(middle - commander.count / 2, 0)) + commander,
            String(repeating: " ", count: middle) + "|",
            String(top),
            line(centres.map { ($0, "|") }),
            line(centres.map { ($0, "v") }),
            line(zip(centres, cells).map { ($0, $1.0) }),
            line(zip(centres, cells).map { ($0, $1.1) }),
        ]
    }

    /// Rows are senders, columns receivers.
    private static func table(_ messages: [Trace.Message], words: TraceVocabulary) -> [String] {
        var senders: [Int] = []
        var receivers: [Int] = []
        for message in messages {
            if !senders.contains(message.sender) { senders.append(message.sender) }
            if !receivers.contains(message.receiver) { receivers.append(message.receiver) }
        }
        let rank = { (general: Int) in general == words.commanderIndex ? -1 : general }
        receivers.sort { rank($0) < rank($1) }
        let cellWidth = max(messages.map { words.mark($0).count }.max() ?? 0, receivers.map { words.general($0).count + 3 }.max() ?? 0) + 2
        let nameWidth = senders.map { words.general($0).count }.max() ?? 0
        var rows = ["".padded(to: nameWidth + 4) + receivers.map { ("to " + words.general($0)).padded(to: cellWidth) }.joined()]
        for sender in senders {
            let cells = receivers.map { receiver -> String in
                guard let message = messages.first(where: { $0.sender == sender && $0.receiver == receiver }) else { return "·" }
                return words.mark(message)
            }
            rows.append("  " + words.general(sender).padded(to: nameWidth + 2) + cells.map { $0.padded(to: cellWidth) }.joined())
        }
        return rows.map(\.trailingSpacesRemoved)
    }

    private static func line(_ placed: [(centre: Int, text: String)]) -> String {
        var result = ""
        for (centre, text) in placed {
            let start = max(centre - text.count / 2, result.count + (result.isEmpty ? 0 : 1))
            result += String(repeating: " ", count: start - result.count) + text
        }
        return result
    }
}
