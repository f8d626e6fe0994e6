/// The graph of `export links`: Graphviz DOT or a Mermaid flowchart, a node
/// per general in army order and an edge per link; faulty generals in red,
/// the commander in bold.
enum LinksExporter {
    static func dot(_ report: LinksReport) -> String {
        var lines = [
            "graph links {",
            "    label=\(quoted(title(report))); labelloc=t; fontname=\"Helvetica\";",
            "    node [shape=circle, fontname=\"Helvetica\"];",
        ]
        let faulty = Set(report.faulty)
        for (index, general) in report.generals.enumerated() {
            var look = ""
            if general == report.commander { look += ", style=bold" }
            if faulty.contains(general) { look += ", color=red, fontcolor=red, xlabel=\"faulty\"" }
            lines.append("    g\(index) [label=\(quoted(general))\(look)];")
        }
        for (a, b) in edges(report) {
            lines.append("    g\(a) -- g\(b);")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func mermaid(_ report: LinksReport) -> String {
        var lines = ["flowchart LR", "    %% \(title(report))"]
        let faulty = Set(report.faulty)
        for (index, general) in report.generals.enumerated() {
            let label = faulty.contains(general) ? "\(general) faulty" : general
            // A name has no quote, `#` or `;` for Mermaid to misread.
            lines.append("    g\(index)((\"\(label)\"))")
        }
        for (a, b) in edges(report) {
            lines.append("    g\(a) --- g\(b)")
        }
        let faultyIndices = report.generals.indices.filter { faulty.contains(report.generals[$0]) }
        if !faultyIndices.isEmpty {
            lines.append("    classDef faulty stroke:#c00,color:#c00,stroke-width:2px")
            lines.append("    class " + faultyIndices.map { "g\($0)" }.joined(separator: ",") + " faulty")
        }
        if let commander = report.generals.firstIndex(of: report.commander) {
            lines.append("    style g\(commander) stroke-width:3px")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func title(_ report: LinksReport) -> String {
        "links of \(report.generals.count) generals: \(report.regularity)-regular, commander \(report.commander)"
    }

    /// Every link once, smaller general first, in army order.
    private static func edges(_ report: LinksReport) -> [(Int, Int)] {
        report.generals.indices.flatMap { a in report.links.neighbours(of: a).filter { $0 > a }.map { (a, $0) } }
    }

    private static func quoted(_ text: String) -> String {
        DotExporter.quoted(text)
    }
}
