/// Everything a script has declared so far: the army, the commander, the order,
/// the default, each general's fault rules and the seed. A value type, so a
/// session can keep the state of before a statement and return to it.
public struct Scenario: Sendable, Equatable {
    public var army: Army = .onDemand
    /// nil: the army's first general (`C` in a numbered or on-demand army).
    public var commander: String?
    public var order = "attack"
    public var defaultValue = "retreat"
    /// Each general's rules, in the order written.
    public var rules: [String: [FaultRule]] = [:]
    public var seed: UInt64 = 0
    /// How SM(m) signs.
    public var signatures = Signatures.modelled
    /// Who can message whom: complete unless `links`, `cut` or `link` said otherwise.
    public var links = LinksDeclaration()
    /// How messages travel and how time behaves: the paper's reliable,
    /// point-to-point, synchronous model unless the script said otherwise.
    public var network = NetworkDeclaration()
    /// On demand: the largest `Lk` any `general` statement has named, so the
    /// army keeps L3 after `general L3 loyal`.
    public var largestLieutenantNamed = 0
    /// The Two Generals Problem's losses, rules, messaging and trials.
    public var twoGenerals = TwoGeneralsScenario()

    public init() {}

    /// The scenario on a numbered army of `n` generals (`C`, `L1`, …), as a
    /// sweep's cell runs it: the order, default, seed, signatures, channel
    /// and timing stay; the commander, links, partitions and delays go, since
    /// they name generals an army of another size may lack; the fault rules
    /// stay only when asked (a run's cells), checked against the army by the caller.
    func forArmy(of n: Int, keepingRules: Bool) -> Scenario {
        var cell = self
        cell.army = .declared(Army.numbered(n))
        cell.commander = nil
        cell.links = LinksDeclaration()
        cell.network.partitions = []
        cell.network.delays = []
        cell.largestLieutenantNamed = 0
        if !keepingRules { cell.rules = [:] }
        return cell
    }

    /// The order, the default, then every value a rule lies with, each once:
    /// the values `random` chooses among, and those completion offers.
    public var valuesInPlay: [String] {
        var values = [order, defaultValue]
        for rules in rules.sorted(by: { $0.key < $1.key }).map(\.value) {
            for rule in rules {
                if case .lies(let value) = rule.behaviour { values.append(value.text) }
            }
        }
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    /// The generals a script can name now, commander first: the declared
    /// army, or the numbered one a run makes on demand, from `C` to the
    /// largest lieutenant named anywhere (and at least `L3`).
    public var generalsInPlay: [String] {
        let names = switch army {
        case .declared(let names): names
        case .onDemand: Army.numbered(max(largestLieutenantNamed, 3) + 1)
        }
        guard let commander, let index = names.firstIndex(of: commander) else { return names }
        return [commander] + names[..<index] + names[(index + 1)...]
    }

    /// Generals with at least one rule.
    public var faultyNames: Set<String> {
        Set(rules.filter { !$0.value.isEmpty }.keys)
    }
}
