import ByzantineEngine

/// Why a lieutenant decided what it decided, as a tree: for OM(m) the majority
/// it took at every level of the recursion and the message or nested majority
/// behind every value; for SM(m) every signed order that reached it and what
/// became of it. Built once from a trace, drawn as text or as Graphviz.
struct DecisionTree {
    struct Node {
        /// e.g. `majority(C: attack, L2: attack, L3: retreat) = attack`
        var label: String
        /// e.g. `C → L3 → L1`, a lie or a discard; empty when nothing to add.
        var detail: String
        var isSuspect: Bool
        var children: [Node]
    }

    let title: String
    let root: Node

    init(run: RunReport, trace: Trace, lieutenant: String) {
        let words = TraceVocabulary(run: run)
        let index = run.generals.firstIndex(of: lieutenant) ?? 0
        let decision = run.decision(of: lieutenant) ?? "nothing (faulty)"
        title = "\(lieutenant) decides \(decision)"
        switch run.algorithm {
        case .om:
            root = Self.omRoot(words: words, trace: trace, lieutenant: index, commander: words.commanderIndex)
        case .sm:
            root = Self.smRoot(words: words, trace: trace, lieutenant: index, run: run)
        }
    }

    // MARK: - OM(m)

    private static func omRoot(words: TraceVocabulary, trace: Trace, lieutenant: Int, commander: Int) -> Node {
        var majorities: [[Int]: Trace.Majority] = [:]
        for majority in trace.majorities where majority.lieutenant == lieutenant {
            majorities[majority.path] = majority
        }
        var messages: [[Int]: Trace.Message] = [:]
        for message in trace.messages where message.receiver == lieutenant {
            messages[message.path] = message
        }
        return omNode(path: [commander], words: words, majorities: majorities, messages: messages)
    }

    /// The value the lieutenant holds for `path`: the nested majority of the
    /// OM run `path` commands, or (at the bottom) the message along `path`.
    private static func omNode(
        path: [Int], words: TraceVocabulary, majorities: [[Int]: Trace.Majority], messages: [[Int]: Trace.Message]
    ) -> Node {
        let from = words.general(path.last ?? 0)
        guard let majority = majorities[path] else {
            guard let message = messages[path] else { return Node(label: "\(from): nothing", detail: "", isSuspect: false, children: []) }
            let value = message.value.map(words.value) ?? words.run.defaultValue
            let remark = words.remark(message)
            return Node(
                label: "\(from): \(value)", detail: words.route(message) + (remark.isEmpty ? "" : " (\(remark))"),
                isSuspect: message.isLie || message.disposition == .dropped, children: [])
        }
        let weighed = majority.inputs.map { "\(words.general($0.from)): \(words.value($0.value))" }
        let label = "majority(\(weighed.joined(separator: ", "))) = \(words.value(majority.result))"
        var children = [omNode(path: path, words: words, majorities: [:], messages: messages)]
        for input in majority.inputs.dropFirst() {
            children.append(omNode(path: path + [input.from], words: words, majorities: majorities, messages: messages))
        }
        let level = path.count == 1 ? label : "\(from): \(words.value(majority.result)) = " + label
        let owner = path.count == 1 ? "" : "in the OM(\(words.run.m - path.count + 1)) that \(from) commands"
        return Node(label: level, detail: owner, isSuspect: false, children: children)
    }

    // MARK: - SM(m)

    private static func smRoot(words: TraceVocabulary, trace: Trace, lieutenant: Int, run: RunReport) -> Node {
        let received = words.readingOrder(trace.messages.filter { $0.receiver == lieutenant })
        let set = run.rows.first { $0.lieutenant == words.general(lieutenant) }?.set ?? []
        let children = received.map { message in
            Node(
                label: message.value.map(words.value) ?? "nothing",
                detail: words.route(message) + " (" + words.remark(message) + ")",
                isSuspect: message.isLie || message.disposition == .discarded || message.disposition == .dropped,
                children: [])
        }
        return Node(
            label: "choice(V) with V = {\(set.joined(separator: ", "))}", detail: "", isSuspect: false, children: children)
    }
}
