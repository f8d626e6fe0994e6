import ByzantineEngine

/// What `show links` shows: the graph on the army, in the script's names, and
/// what the paper's Section 5 asks of it.
public struct LinksReport: Sendable, Equatable {
    /// The army, in order.
    public var generals: [String]
    public var commander: String
    /// Generals with a fault rule, in army order.
    public var faulty: [String]
    public var links: Links
    /// `links ring` with no `cut` or `link` after it.
    public var isRing: Bool
    /// The largest p for which every general has a regular set of p
    /// neighbours (the paper's Definition 1): the graph is p-regular.
    public var regularity: Int
    /// A general with no regular set of `regularity` + 1 neighbours; nil when
    /// none could have one (every general is linked to every other).
    public var irregular: String?
    /// The fewest generals whose removal disconnects the rest.
    public var connectivity: Int
    /// The d of the paper's Theorem 4: over the links between loyal generals.
    public var loyalDiameter: LoyalDiameter

    /// The generals linked to `general`, in army order.
    public func neighbours(of general: Int) -> [String] {
        links.neighbours(of: general).map { generals[$0] }
    }

    /// Every pair of linked generals, each once, in army order.
    public var pairs: [(String, String)] {
        RunReport.LinksSummary.pairs(of: links, names: generals)
    }

    /// How many pairs of generals are linked.
    public var linkCount: Int {
        links.isComplete ? possibleLinks : generals.indices.reduce(0) { $0 + links.neighbours(of: $1).count } / 2
    }

    /// How many pairs of generals there are, linked or not.
    public var possibleLinks: Int { generals.count * (generals.count - 1) / 2 }
}

extension RunReport.LinksSummary {
    /// Every pair of linked generals of `links`, each once, in army order.
    static func pairs(of links: Links, names: [String]) -> [(String, String)] {
        names.indices.flatMap { a in links.neighbours(of: a).filter { $0 > a }.map { (names[a], names[$0]) } }
    }
}
