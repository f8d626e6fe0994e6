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

    /// A value as a drawing shows it: `retreat!` for a lie, `-` for a drop,
    /// `retreat?` for a discarded forgery, `(attack)` for a message the
    /// network kept from its receiver (lost, blocked or timed out).
    func mark(_ message: Trace.Message) -> String {
        guard let shown = message.value.map(value) else { return "-" }
        let marked = message.isLie ? shown + "!" : shown
        switch message.disposition {
        case .discarded: return shown + "?"
        case .lost, .blocked, .timedOut: return "(" + marked + ")"
        case .received, .accepted, .duplicate, .dropped: return marked
        }
    }

    /// What happened to a message, in words; empty for an ordinary OM message.
    /// What the network did reads differently from a lie: a lie is the
    /// sender's, a loss, a partition or a delay is the line's.
    func remark(_ message: Trace.Message) -> String {
        let loyal = value(message.loyalValue)
        let lie = message.isLie ? "lie: a loyal \(general(message.sender)) sends \(loyal)" : ""
        let late = message.delay > 0 ? "late by \(counted(message.delay, "round")), within the timeout" : ""
        let uses = "\(general(message.receiver)) uses \(run.defaultValue)"
        switch message.disposition {
        case .received: return join(lie, late)
        case .dropped: return "dropped: " + (run.algorithm == .sm ? "nothing reaches \(general(message.receiver)), whose V does not grow" : uses)
        case .accepted: return join(join(lie, late), "accepted into V" + forgeable(message))
        case .duplicate: return join(join(lie, late), "already in V" + forgeable(message))
        case .discarded: return join(join(lie, late), "forged: a loyal signature does not hold, discarded")
        case .lost: return join(lie, "lost by the channel: " + (run.algorithm == .sm ? "never reaches V" : uses))
        case .blocked: return join(lie, "blocked by the partition: " + (run.algorithm == .sm ? "never reaches V" : uses))
        case .timedOut:
            return join(lie, "late by \(counted(message.delay, "round")), past the timeout: taken as missing, "
                + (run.algorithm == .sm ? "never reaches V" : uses))
        }
    }

    /// Why a changed value passes SM's check: the engine lets faulty generals
    /// sign for one another (they share their keys), so a chain of faulty
    /// signers can carry any value. Empty for a value as a loyal sender sends it.
    private func forgeable(_ message: Trace.Message) -> String {
        guard message.isLie else { return "" }
        guard message.path.count > 1 else { return ": its one signer, \(general(message.sender)), signs what it sends" }
        let signers = message.path.map(general).joined(separator: ", ")
        return ": every signer on the chain (\(signers)) is faulty, and faulty generals sign for one another"
    }

    private func join(_ first: String, _ second: String) -> String {
        first.isEmpty ? second : second.isEmpty ? first : first + "; " + second
    }
}
