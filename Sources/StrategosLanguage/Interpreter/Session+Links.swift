import ByzantineEngine

/// `links`, `cut`, `link` and `show links`: the graph of who can message whom.
extension Session {
    /// Checks both generals of every pair as a `general` statement checks its
    /// names (so an on-demand army grows to them), then records the edits.
    mutating func edit(_ pairs: [LinkPair], _ kind: LinksDeclaration.Edit.Kind) throws(Halt) {
        var edits: [LinksDeclaration.Edit] = []
        for pair in pairs {
            try noteGeneral(pair.first)
            try noteGeneral(pair.second)
            guard pair.first.text != pair.second.text else { throw .error(.linkToItself(pair, kind)) }
            edits.append(LinksDeclaration.Edit(kind: kind, first: pair.first.text, second: pair.second.text))
        }
        scenario.links.edits += edits
    }

    /// The scenario's graph on an army (`names`, in order). A graph with links
    /// missing is searched (regular sets, connectivity, diameters by flows and
    /// breadth-first searches), so it takes an army of at most
    /// `Army.largestGraph` generals; a complete one any army.
    func links(of names: [String], commander: String, at span: SourceSpan) throws(Halt) -> Links {
        let links = scenario.links.resolved(names: names, commander: commander)
        guard links.isComplete || names.count <= Army.largestGraph else {
            throw .error(.graphTooLarge(generals: names.count, at: span))
        }
        return links
    }

    /// Whether any two generals are linked: a run on a graph without links
    /// would only show that nobody hears anything.
    func hasLink(_ links: Links) -> Bool {
        links.isComplete || (0..<links.generalCount).contains { !links.neighbours(of: $0).isEmpty }
    }

    /// What a run reports about the graph: nil when it is complete. SM also
    /// gets the diameter of the loyal generals' subgraph (Theorem 4).
    func linksSummary(_ links: Links, for algorithm: ByzantineAlgorithm, names: [String], faulty: Set<String>) -> RunReport.LinksSummary? {
        guard !links.isComplete else { return nil }
        var summary = RunReport.LinksSummary(links: links, isRing: scenario.links.base == .ring && scenario.links.edits.isEmpty)
        if algorithm == .sm {
            let loyal = names.indices.filter { !faulty.contains(names[$0]) }
            summary.loyalDiameter = LoyalDiameter(links.diameter(within: loyal))
        }
        return summary
    }

    /// `show links` (and `export links`): the graph on the army a run would
    /// use (on demand, the one `run om` makes), with what the paper asks of it.
    func linksReport(at span: SourceSpan) throws(Halt) -> LinksReport {
        let names = try armyNames(for: .om, m: scenario.faultyNames.count, at: span)
        let commander = scenario.commander ?? names[0]
        let links = try links(of: names, commander: commander, at: span)
        let faulty = scenario.faultyNames
        let everyone = Array(names.indices)
        let loyal = everyone.filter { !faulty.contains(names[$0]) }
        // A complete graph needs no search: every general's neighbours are all the others.
        let regularity = links.isComplete ? (p: names.count - 1, failing: nil) : links.regularity(within: everyone)
        let connectivity = links.isComplete ? names.count - 1 : links.connectivity(within: everyone)
        let diameter = links.isComplete ? (loyal.count > 1 ? 1 : 0) : links.diameter(within: loyal)
        return LinksReport(
            generals: names, commander: commander, faulty: names.filter(faulty.contains), links: links,
            isRing: scenario.links.base == .ring && scenario.links.edits.isEmpty,
            // Nobody has more than n − 1 neighbours, so failing at n says nothing.
            regularity: regularity.p, irregular: regularity.p + 1 < names.count ? regularity.failing.map { names[$0] } : nil,
            connectivity: connectivity, loyalDiameter: LoyalDiameter(diameter))
    }
}
