import ByzantineEngine

/// The two faces of a run: text for people, one JSON line for programs.
public enum RunRenderer {
    /// A header, the faulty generals and their rules, a row per lieutenant,
    /// the IC1/IC2 verdicts, and the messages and rounds.
    public static func text(_ run: RunReport, style: TextStyle) -> String {
        let algorithm = run.title
        // Only a real scheme is named: the modelled signatures are the default.
        let signatures = run.signatures == .ed25519 ? " · signatures ed25519" : ""
        var lines = [
            style.bold(algorithm) + " · \(counted(run.generals.count, "general")) · commander \(run.commander) orders \(run.order) · default \(run.defaultValue)"
                + signatures
        ]
        for general in run.faulty {
            lines.append("faulty \(general): " + ScriptPrinter.text(of: run.rules[general] ?? []))
        }
        if let links = run.links {
            lines.append(linksLine(links, generals: run.generals, commander: run.commander))
            if let line = theorem4Line(run, style) { lines.append(line) }
        }
        if let network = run.network { lines += networkLines(network, run) }
        let width = run.rows.map(\.lieutenant.count).max() ?? 0
        let decisionWidth = run.rows.compactMap { $0.decision?.count }.max() ?? 0
        for row in run.rows {
            let name = row.lieutenant.padded(to: width)
            if let decision = row.decision {
                var line = "  \(name)  decides \(style.bold(decision))"
                if let set = row.set {
                    line += String(repeating: " ", count: decisionWidth - decision.count)
                    line += "  V = {\(set.joined(separator: ", "))}"
                }
                lines.append(line)
            } else {
                lines.append("  \(name)  " + style.dim("faulty"))
            }
        }
        let vacuous = run.faulty.contains(run.commander) ? " (the commander is faulty)" : ""
        lines.append("IC1 agreement  " + verdict(run.agreement, style))
        lines.append("IC2 validity   " + verdict(run.validity, style) + vacuous)
        var counts = "\(counted(run.messages, "message")) in \(counted(run.rounds, "round"))"
        if run.algorithm == .sm {
            counts += " · \(counted(run.discarded, "forged message")) discarded"
        }
        if run.p != nil { counts += " · a message relayed along a path of k links counts as k" }
        lines.append(counts)
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// One line, the run's keys in the order docs/json.md gives them.
    public static func json(_ run: RunReport) -> String {
        var writer = JSONWriter()
        writer.setting(of: run)
        writer.field("faulty", run.faulty)
        writer.field("decisions", pairs: run.decisions.map { ($0.lieutenant, $0.decision) })
        writer.field("agreement", run.agreement)
        writer.field("validity", run.validity)
        writer.field("messages", run.messages)
        writer.field("rounds", run.rounds)
        if run.algorithm == .sm {
            writer.field("sets", lists: run.rows.compactMap { row in row.set.map { (row.lieutenant, $0) } })
            writer.field("discarded", run.discarded)
            if let signatures = run.signatures, signatures != .modelled { writer.field("signatures", signatures.rawValue) }
        }
        if let links = run.links {
            writer.field("links", arrays: RunReport.LinksSummary.pairs(of: links.links, names: run.generals).map { [$0.0, $0.1] })
        }
        if let network = run.network { writer.network(network) }
        return writer.finished() + "\n"
    }

    /// The most missing links the run's text names; `show links` has them all.
    static let missingLinksShown = 8

    /// "links: 2 of 6 missing: C - L2, L1 - L3": what the run's graph lacks
    /// (a missing link is a silent line); a ring as its cycle,
    /// "links: ring C - L1 - L2 - L3 - C; 2 of 6 missing".
    static func linksLine(_ summary: RunReport.LinksSummary, generals: [String], commander: String) -> String {
        let links = summary.links
        var missing = 0
        var named: [String] = []
        for a in generals.indices {
            for b in (a + 1)..<max(a + 1, generals.count) where !links.areLinked(a, b) {
                missing += 1
                if named.count < missingLinksShown { named.append("\(generals[a]) - \(generals[b])") }
            }
        }
        let possible = generals.count * (generals.count - 1) / 2
        let counts = "\(Diagnostic.grouped(missing)) of \(Diagnostic.grouped(possible)) missing"
        if summary.isRing {
            // A ring is clearer as its cycle than as what it lacks.
            guard generals.count <= ringShown else { return "links: ring of \(counted(generals.count, "general")) in army order, commander first; \(counts)" }
            let cycle = ringOrder(summary.links, from: generals.firstIndex(of: commander) ?? 0).map { generals[$0] }
            return "links: ring " + (cycle + cycle.prefix(1)).joined(separator: " - ") + "; \(counts)"
        }
        var line = "links: \(counts): " + named.joined(separator: ", ")
        if missing > named.count { line += ", … ('show links' lists every general's neighbours)" }
        return line
    }

    /// The largest ring the run's text draws as its cycle.
    static let ringShown = 12

    /// The generals of a ring in the order it goes round: from the commander
    /// to its neighbour first in army order, and on.
    private static func ringOrder(_ links: Links, from commander: Int) -> [Int] {
        var order = [commander]
        var previous = -1
        var current = commander
        while order.count < links.generalCount {
            guard let next = links.neighbours(of: current).first(where: { $0 != previous && !order.contains($0) }) else { break }
            order.append(next)
            (previous, current) = (current, next)
        }
        return order
    }

    /// What the channel, the partitions and the timing were, and what they
    /// did to the messages sent: each missing message is a detected absence,
    /// so the receiver used the default.
    private static func networkLines(_ network: RunReport.NetworkSummary, _ run: RunReport) -> [String] {
        let declaration = network.declaration
        let counts = network.counts
        let missing = run.algorithm == .sm ? "never entered V" : "the receiver used \(run.defaultValue)"
        var lines: [String] = []
        switch declaration.channel {
        case .reliable: break
        case .lossy(let percent):
            lines.append("channel lossy \(percent)% · \(counted(counts.lost, "message")) lost (each a detected absence: \(missing))")
        case .broadcast:
            lines.append("channel broadcast · a general's message on one path reaches all its receivers with one value")
        }
        for partition in declaration.partitions {
            lines.append(NetworkDeclaration.script(of: partition))
        }
        if !declaration.partitions.isEmpty {
            lines.append("\(counted(counts.blocked, "message")) blocked between groups (\(missing))")
        }
        if declaration.timing == .asynchronous {
            var line = "timing asynchronous · timeout \(counted(declaration.timeout, "round"))"
            if let bound = declaration.bound { line += ", delays at most \(counted(bound, "round"))" }
            line += " · \(counted(counts.late, "message")) late in time, \(Diagnostic.grouped(counts.timedOut)) past the timeout"
            if counts.timedOut > 0 { line += " (taken as missing: \(missing))" }
            lines.append(line)
        }
        return lines
    }

    /// SM on an incomplete graph: the paper's Theorem 4, SM(m) on a graph
    /// whose loyal generals are at most d links apart needs m ≥ t + d − 1.
    private static func theorem4Line(_ run: RunReport, _ style: TextStyle) -> String? {
        guard let reach = run.links?.loyalDiameter, let holds = run.meetsTheorem4 else { return nil }
        let algorithm = run.title
        switch reach {
        case .diameter(let d):
            let t = run.faulty.count
            let relation = holds ? "≥" : "<"
            var line = "Theorem 4: m = \(run.m) \(relation) t + d − 1 = \(t) + \(d) − 1 " + verdict(holds, style)
            line += " (t faulty generals, d the loyal generals' diameter)"
            if !holds { line += ": \(algorithm) does not guarantee IC1 and IC2" }
            return line
        case .notConnected:
            return "Theorem 4: " + style.red("not connected")
                + ": some loyal generals cannot reach each other through loyal generals, so no SM(m) guarantees IC1 and IC2"
        }
    }

    private static func verdict(_ holds: Bool, _ style: TextStyle) -> String {
        holds ? style.green("holds") : style.red("FAILS")
    }
}

extension JSONWriter {
    /// `channel`, `timing` and their counts, each only when not the default.
    mutating func network(_ network: RunReport.NetworkSummary) {
        let declaration = network.declaration
        switch declaration.channel {
        case .reliable: break
        case .lossy(let percent):
            field("channel", "lossy \(percent)%")
            field("lost", network.counts.lost)
        case .broadcast:
            field("channel", "broadcast")
        }
        if !declaration.partitions.isEmpty { field("blocked", network.counts.blocked) }
        if declaration.timing == .asynchronous {
            field("timing", "asynchronous")
            field("timeout", declaration.timeout)
            field("late", network.counts.late)
            field("timedOut", network.counts.timedOut)
        }
    }

    /// The keys every JSON document about a run opens with, in the schema's order.
    mutating func setting(of run: RunReport) {
        field("algorithm", run.algorithm.rawValue)
        field("m", run.m)
        if let p = run.p { field("p", p) }
        field("generals", run.commanderFirst)
        field("commander", run.commander)
        field("order", run.order)
        field("default", run.defaultValue)
    }
}
