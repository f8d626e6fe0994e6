/// `show tree L1`: the decision tree as indented text with branch lines.
enum TreeTextRenderer {
    static func text(_ tree: DecisionTree, style: TextStyle) -> String {
        var lines = [style.bold(tree.title), tree.root.label + suffix(tree.root, style)]
        append(tree.root.children, prefix: "", into: &lines, style: style)
        return lines.joined(separator: "\n") + "\n\n"
    }

    private static func append(_ nodes: [DecisionTree.Node], prefix: String, into lines: inout [String], style: TextStyle) {
        // Siblings' details line up in one column.
        let width = nodes.map(\.label.count).max() ?? 0
        for (index, node) in nodes.enumerated() {
            let isLast = index == nodes.count - 1
            let label = node.detail.isEmpty ? node.label : node.label.padded(to: width)
            lines.append(prefix + (isLast ? "└─ " : "├─ ") + label + suffix(node, style))
            append(node.children, prefix: prefix + (isLast ? "   " : "│  "), into: &lines, style: style)
        }
    }

    private static func suffix(_ node: DecisionTree.Node, _ style: TextStyle) -> String {
        guard !node.detail.isEmpty else { return "" }
        return "   " + (node.isSuspect ? style.red(node.detail) : style.dim(node.detail))
    }
}
