import ByzantineEngine

/// The graph a script declared, by name: a base (`links complete`, `ring` or
/// `none`) and the `cut` and `link` statements after it, in order. It becomes
/// the engine's `Links` only when a run, a verify or `show links` knows the army.
public struct LinksDeclaration: Sendable, Equatable {
    public struct Edit: Sendable, Equatable {
        public enum Kind: String, Sendable, Equatable {
            case cut, link
        }

        public var kind: Kind
        public var first: String
        public var second: String
    }

    public var base = Topology.complete
    public var edits: [Edit] = []

    public init() {}

    /// Every general an edit names, each once, in the order written.
    var namedGenerals: [String] {
        edits.flatMap { [$0.first, $0.second] }.uniqued()
    }

    /// The graph on `names` (the army, in order): the base, then each edit.
    /// A ring goes round the commander first, then the others in army order.
    func resolved(names: [String], commander: String) -> Links {
        let index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var links: Links = switch base {
        case .complete: .complete(names.count)
        case .empty: .none(names.count)
        case .ring:
            .ring(names.indices.sorted { a, b in (names[a] == commander ? -1 : a) < (names[b] == commander ? -1 : b) })
        }
        for edit in edits {
            // Every name was checked against the army when it was written.
            guard let a = index[edit.first], let b = index[edit.second] else { continue }
            switch edit.kind {
            case .cut: links.cut(a, b)
            case .link: links.link(a, b)
            }
        }
        return links
    }

    /// The declaration as the statements that make it, e.g. `links ring; cut L1 - L2`.
    var script: String {
        var statements = base == .complete && !edits.isEmpty ? [] : ["links \(base.rawValue)"]
        var index = 0
        while index < edits.count {
            // Consecutive edits of one kind read as one statement.
            let kind = edits[index].kind
            var pairs: [String] = []
            while index < edits.count, edits[index].kind == kind {
                pairs.append("\(edits[index].first) - \(edits[index].second)")
                index += 1
            }
            statements.append("\(kind.rawValue) " + pairs.joined(separator: ", "))
        }
        return statements.joined(separator: "; ")
    }
}
