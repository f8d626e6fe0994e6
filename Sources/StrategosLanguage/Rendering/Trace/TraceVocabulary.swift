import ByzantineEngine

/// The script's names for a trace's integers: generals, values and paths, the
/// same words in every view and export.
struct TraceVocabulary {
    let run: RunReport

    func general(_ index: Int) -> String {
        run.generals.indices.contains(index) ? run.generals[index] : "#\(index)"
    }

    func value(_ index: Int) -> String {
        run.values.indices.contains(index) ? run.values[index] : "#\(index)"
    }

    /// `C → L1 → L3`: the path a message travelled, receiver last.
    func route(_ message: Trace.Message) -> String {
        (message.path + [message.receiver]).map(general).joined(separator: " → ")
    }

    /// The messages in the order people read them: round by round, then by
    /// path (generals by their place in the army, commander first), then receiver.
    func readingOrder(_ messages: [Trace.Message]) -> [Trace.Message] {
        let rank = { (general: Int) in general == commanderIndex ? -1 : general }
        return messages.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.round != y.round { return x.round < y.round }
            for (p, q) in zip(x.path, y.path) where p != q { return rank(p) < rank(q) }
            if x.path.count != y.path.count { return x.path.count < y.path.count }
            if x.receiver != y.receiver { return rank(x.receiver) < rank(y.receiver) }
            return a.offset < b.offset
        }.map(\.element)
    }

    var commanderIndex: Int {
        run.generals.firstIndex(of: run.commander) ?? 0
    }

    /// What happened to a message, in words; empty for an ordinary OM message.
    func remark(_ message: Trace.Message) -> String {
        let loyal = value(message.loyalValue)
        let lie = message.isLie ? "lie: a loyal \(general(message.sender)) sends \(loyal)" : ""
        switch message.disposition {
        case .received: return lie
        case .dropped: return "dropped: \(general(message.receiver)) uses \(run.defaultValue)"
        case .accepted: return join(lie, "accepted into V")
        case .duplicate: return join(lie, "already in V")
        case .discarded: return join(lie, "forged: a loyal signature does not hold, discarded")
        }
    }

    private func join(_ first: String, _ second: String) -> String {
        first.isEmpty ? second : first + "; " + second
    }
}
