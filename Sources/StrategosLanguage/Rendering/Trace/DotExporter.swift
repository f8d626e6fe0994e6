import ByzantineEngine

/// Graphviz DOT: a trace as one cluster per round, or a lieutenant's decision tree.
enum DotExporter {
    /// Each round is a cluster holding a node per general that takes part in
    /// it; every message is an edge labelled with its value (and path, after
    /// round 1). Lies are red, drops dashed grey, discarded forgeries orange.
    static func rounds(_ run: RunReport, trace: Trace) -> String {
        let words = TraceVocabulary(run: run)
        var lines = [
            "digraph trace {",
            "    label=\(quoted("\(run.title): commander \(run.commander) orders \(run.order)"))",
            "    labelloc=t; rankdir=TB; fontname=\"Helvetica\";",
            "    node [shape=box, style=rounded, fontname=\"Helvetica\"];",
            "    edge [fontname=\"Helvetica\", fontsize=10];",
        ]
        let messages = words.readingOrder(trace.messages)
        for round in Set(messages.map(\.round)).sorted() {
            let inRound = messages.filter { $0.round == round }
            var generals: [Int] = []
            for message in inRound {
                for general in [message.sender, message.receiver] where !generals.contains(general) { generals.append(general) }
            }
            lines.append("    subgraph cluster_round\(round) {")
            lines.append("        label=\(quoted("round \(round)"));")
            for general in generals {
                lines.append("        r\(round)_g\(general) [label=\(quoted(words.general(general)))];")
            }
            for message in inRound {
                var label = message.value.map(words.value) ?? "dropped"
                if message.path.count > 1 { label += "\n" + message.path.map(words.general).joined(separator: " → ") }
                let look = switch (message.disposition, message.isLie) {
                case (.dropped, _): ", style=dashed, color=gray50, fontcolor=gray50"
                case (.lost, _), (.blocked, _), (.timedOut, _): ", style=dotted, color=blue, fontcolor=blue, arrowhead=tee"
                case (.discarded, _): ", color=darkorange, fontcolor=darkorange, arrowhead=tee"
                case (_, true): ", color=red, fontcolor=red, penwidth=2"
                case (_, false): ""
                }
                lines.append("        r\(round)_g\(message.sender) -> r\(round)_g\(message.receiver) [label=\(quoted(label))\(look)];")
            }
            lines.append("    }")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The decision tree: the decision on top, an edge to every value it weighed.
    static func tree(_ tree: DecisionTree) -> String {
        var lines = [
            "digraph tree {",
            "    rankdir=TB; fontname=\"Helvetica\";",
            "    node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];",
            "    n0 [label=\(quoted(tree.title)), style=\"rounded,bold\"];",
        ]
        var next = 1
        func add(_ node: DecisionTree.Node, under parent: Int) {
            let id = next
            next += 1
            let text = node.detail.isEmpty ? node.label : node.label + "\n" + node.detail
            let look = node.isSuspect ? ", color=red, fontcolor=red" : ""
            lines.append("    n\(id) [label=\(quoted(text))\(look)];")
            lines.append("    n\(parent) -> n\(id);")
            for child in node.children { add(child, under: id) }
        }
        add(tree.root, under: 0)
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A DOT string: DOT reads the escapes of the language's string literals.
    static func quoted(_ text: String) -> String {
        ScriptPrinter.stringLiteral(text)
    }
}
