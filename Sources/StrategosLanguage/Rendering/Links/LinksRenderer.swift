/// `show links`: each general's neighbours, then what the paper's Section 5
/// asks of the graph: how regular it is (OM(m, p)), how connected, and the
/// diameter of the loyal generals' subgraph (SM, Theorem 4).
public enum LinksRenderer {
    public static func text(_ report: LinksReport, style: TextStyle) -> String {
        var header = "links · \(counted(report.generals.count, "general")) · "
        if report.links.isComplete {
            header += "complete: every general linked to every other"
        } else {
            header += (report.isRing ? "ring · " : "") + "\(grouped(report.linkCount)) of \(grouped(report.possibleLinks)) pairs linked"
        }
        if !report.faulty.isEmpty { header += " · faulty " + report.faulty.joined(separator: ", ") }
        var lines = [style.bold(header)]
        if !report.links.isComplete {
            let width = report.generals.map(\.count).max() ?? 0
            let faulty = Set(report.faulty)
            for (index, general) in report.generals.enumerated() {
                let neighbours = report.neighbours(of: index)
                var line = "  \(general.padded(to: width))  " + (neighbours.isEmpty ? style.dim("no links") : list(neighbours))
                if faulty.contains(general) { line += "  " + style.dim("faulty") }
                lines.append(line)
            }
        }
        lines.append("regularity    " + regularity(report))
        lines.append("connectivity  " + connectivity(report))
        lines.append("diameter      " + diameter(report))
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// "2-regular: every general has a regular set of 2 neighbours (the
    /// paper's Definition 1); C has none of 3".
    private static func regularity(_ report: LinksReport) -> String {
        let p = report.regularity
        let definition = "(the paper's Definition 1)"
        guard p > 0 else {
            return "0-regular: \(report.irregular ?? "a general") has no regular set of even 1 neighbour \(definition)"
        }
        var text = "\(p)-regular: every general has a regular set of \(counted(p, "neighbour")) \(definition)"
        if let irregular = report.irregular {
            text += "; \(irregular) has none of \(p + 1)"
        } else if p == report.generals.count - 1 {
            text += ", all the others"
        }
        return text
    }

    private static func connectivity(_ report: LinksReport) -> String {
        let k = report.connectivity
        if report.links.isComplete { return "\(k): no removal of generals disconnects the rest" }
        switch k {
        case 0: return "0: the graph is not connected"
        case 1: return "1: removing one general can disconnect the rest"
        default: return "\(k): the rest stay connected after removing any \(counted(k - 1, "general"))"
        }
    }

    private static func diameter(_ report: LinksReport) -> String {
        let loyal = report.generals.count - report.faulty.count
        guard loyal >= 2 else { return "0: there are fewer than two loyal generals" }
        switch report.loyalDiameter {
        case .diameter(let d):
            let apart = d == 1 ? "linked" : "at most \(d) links apart through loyal generals"
            return "\(d): every two loyal generals are \(apart) (Theorem 4's d)"
        case .notConnected:
            return "not connected: some loyal generals cannot reach each other through loyal generals (Theorem 4 needs them connected)"
        }
    }

    /// Names, cut short when a general has more neighbours than a line holds.
    private static func list(_ names: [String]) -> String {
        guard names.count > 12 else { return names.joined(separator: ", ") }
        return names.prefix(10).joined(separator: ", ") + ", … (\(grouped(names.count)) in all)"
    }

    private static func grouped(_ number: Int) -> String {
        Diagnostic.grouped(number)
    }
}
