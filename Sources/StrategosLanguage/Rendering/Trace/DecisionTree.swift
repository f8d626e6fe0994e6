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
        case .om where run.p != nil:
            root = RegularOralMessagesTree(run: run, trace: trace, lieutenant: index).node(path: [words.commanderIndex])
        case .om:
            root = Self.omRoot(words: words, trace: trace, lieutenant: index, commander: words.commanderIndex)
        case .sm:
            root = Self.smRoot(words: words, trace: trace, lieutenant: index, run: run)
        }
    }

    // MARK: - OM(m)

    /// `majority(C: attack, L2: attack, L3: retreat) = attack`, or when no
    /// value has more than half, `majority(…): none, so the default retreat`:
    /// a default that won nothing should not read as if it had.
    static func label(of majority: Trace.Majority, words: TraceVocabulary) -> String {
        let weighed = "majority(" + majority.inputs.map { "\(words.general($0.from)): \(words.value($0.value))" }.joined(separator: ", ") + ")"
        let won = majority.inputs.filter { $0.value == majority.result }.count * 2 > majority.inputs.count
        return won ? "\(weighed) = \(words.value(majority.result))" : "\(weighed): no majority, so the default \(words.value(majority.result))"
    }

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
            // What the network kept from the lieutenant it replaces with the default.
            let value = message.reachedReceiver ? message.value.map(words.value) ?? words.run.defaultValue : words.run.defaultValue
            let remark = words.remark(message)
            return Node(
                label: "\(from): \(value)", detail: words.route(message) + (remark.isEmpty ? "" : " (\(remark))"),
                isSuspect: message.isLie || message.disposition == .dropped, children: [])
        }
        let label = Self.label(of: majority, words: words)
        var children = [omNode(path: path, words: words, majorities: [:], messages: messages)]
        for input in majority.inputs.dropFirst() {
            children.append(omNode(path: path + [input.from], words: words, majorities: majorities, messages: messages))
        }
        let level = path.count == 1 ? label : "\(from): \(words.value(majority.result)) = " + label
        let owner = path.count == 1 ? "" : "in the OM(\(words.run.m - path.count + 1)) that \(from) commands"
        return Node(label: level, detail: owner, isSuspect: false, children: children)
    }

    // MARK: - OM(m, p)

    /// OM(m, p) weighs the same majorities as OM(m), but a member of N tells
    /// the lieutenant its value along a path of the graph at the last level,
    /// so what the lieutenant heard is the last of several messages: those the
    /// run recorded as headed for it.
    private struct RegularOralMessagesTree {
        let words: TraceVocabulary
        let lieutenant: Int
        let m: Int
        let p: Int
        var majorities: [[Int]: Trace.Majority] = [:]
        /// Messages received by the lieutenant or headed for it.
        let messages: [Trace.Message]

        init(run: RunReport, trace: Trace, lieutenant: Int) {
            words = TraceVocabulary(run: run)
            self.lieutenant = lieutenant
            m = run.m
            p = run.p ?? 0
            for majority in trace.majorities where majority.lieutenant == lieutenant {
                majorities[majority.path] = majority
            }
            messages = trace.messages.filter { ($0.destination ?? $0.receiver) == lieutenant }
        }

        /// The majority the lieutenant took in the OM(m', p') that `path.last`
        /// commands, and what it weighed.
        func node(path: [Int]) -> Node {
            let from = words.general(path.last ?? 0)
            guard let majority = majorities[path] else { return leaf(along: direct(from: path), from: from, heard: nil) }
            let label = DecisionTree.label(of: majority, words: words)
            let level = path.count - 1
            let children = majority.inputs.map { input -> Node in
                if input.from == path.last { return leaf(along: direct(from: path), from: from, heard: input.value) }
                if m - level > 1, majorities[path + [input.from]] != nil { return node(path: path + [input.from]) }
                return leaf(along: route(in: path, from: input.from), from: words.general(input.from), heard: input.value)
            }
            let owner = level == 0 ? "" : "in the OM(\(m - level), \(p - level)) that \(from) commands"
            return Node(
                label: level == 0 ? label : "\(from): \(words.value(majority.result)) = " + label, detail: owner,
                isSuspect: false, children: children)
        }

        /// The message `path.last` sent the lieutenant itself.
        private func direct(from path: [Int]) -> [Trace.Message] {
            messages.filter { $0.path == path && $0.receiver == lieutenant && $0.destination == nil }
        }

        /// The messages that took `member`'s value to the lieutenant at the
        /// last level of the OM(m', p') that `path.last` commands: its path γ,
        /// link by link, in order.
        private func route(in path: [Int], from member: Int) -> [Trace.Message] {
            let start = path + [member]
            return messages
                .filter { $0.destination == lieutenant && $0.path.starts(with: start) }
                .sorted { $0.path.count < $1.path.count }
        }

        /// What `from` told the lieutenant (`heard`: the value the majority
        /// weighed), with the route it came along and the first link that
        /// changed or dropped it.
        private func leaf(along messages: [Trace.Message], from: String, heard: Int?) -> Node {
            guard let last = messages.last else {
                return Node(label: "\(from): " + (heard.map(words.value) ?? "nothing"), detail: "", isSuspect: false, children: [])
            }
            let value = heard ?? last.value ?? 0
            let deviating = messages.first { $0.isLie || $0.disposition == .dropped }
            var detail = words.route(last)
            if let deviating {
                // A drop on the way is the sender's, and the lieutenant at the end uses the default.
                let remark = deviating.disposition == .dropped && deviating.receiver != lieutenant
                    ? "dropped by \(words.general(deviating.sender)) on the way: \(words.general(lieutenant)) uses \(words.run.defaultValue)"
                    : words.remark(deviating)
                detail += " (\(remark))"
            }
            return Node(label: "\(from): \(words.value(value))", detail: detail, isSuspect: deviating != nil, children: [])
        }
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
