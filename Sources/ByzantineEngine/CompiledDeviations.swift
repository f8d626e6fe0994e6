/// Every general's deviations laid out flat before a run (their selectors in
/// `CompiledSelectors`), so deciding what a faulty general sends stays cheap.
struct CompiledDeviations {
    /// What a rule does, and the value a lie carries.
    private struct Effect {
        enum Kind: UInt8 { case lie, flip, silent, random }
        var kind: Kind
        var value: Int32
    }

    private let rules: CompiledSelectors<Effect>
    /// The `relay` rules, kept apart from first match: under SM they choose
    /// the chains a general extends.
    private let chainChoices: CompiledSelectors<Void>
    /// Per general: no rules and no strategy table.
    private var loyal: [Bool]
    /// `verify`'s strategies, looked up before any rule; nil when unused.
    private var table: StrategyTable?
    private let generalCount: Int
    private let order: Int32
    private let defaultValue: Int32
    private let valueCount: Int
    private let seed: UInt64
    /// Under a broadcast channel a `random` value is drawn once per path, for every receiver alike.
    private let broadcast: Bool

    init(problem: GeneralsProblem) {
        generalCount = problem.generalCount
        order = Int32(problem.order)
        defaultValue = Int32(problem.defaultValue)
        valueCount = problem.valueCount
        seed = problem.seed
        broadcast = problem.delivery.channel == .broadcast
        rules = CompiledSelectors(
            problem.deviations.map { deviations in
                deviations.compactMap { deviation in
                    let effect: Effect? = switch deviation.action {
                    case .lie(let value): Effect(kind: .lie, value: Int32(value))
                    case .flip: Effect(kind: .flip, value: 0)
                    case .silent: Effect(kind: .silent, value: 0)
                    case .random: Effect(kind: .random, value: 0)
                    case .relay: nil
                    }
                    return effect.map { (deviation.selector, $0) }
                }
            },
            generalCount: problem.generalCount)
        chainChoices = CompiledSelectors(
            problem.deviations.map { deviations in
                deviations.filter { $0.action == .relay }.map { ($0.selector, ()) }
            },
            generalCount: problem.generalCount)
        loyal = problem.deviations.map(\.isEmpty)
    }

    @inline(__always)
    func isLoyal(_ general: Int32) -> Bool {
        loyal[Int(general)]
    }

    /// Whether the general has a `relay` rule.
    @inline(__always)
    func hasChainChoices(_ general: Int32) -> Bool {
        !chainChoices.ranges[Int(general)].isEmpty
    }

    /// Whether a `relay` rule of `sender` selects its message to `receiver` in
    /// `round` along the chain at `path` (the path before the sender, its
    /// round − 1 generals, commander first).
    @inline(__always)
    func choosesChain(from sender: Int32, to receiver: Int32, round: Int, path: UnsafePointer<Int32>) -> Bool {
        let previous = round >= 2 ? path[round - 2] : -1
        return chainChoices.firstMatch(sender: sender, receiver: receiver, round: round, previous: previous, path: path) != nil
    }

    // MARK: - Strategy tables

    /// Makes `faulty` faulty, with an empty table of what they send in `rounds`
    /// rounds, and returns the table so its entries can change between runs.
    mutating func installTable(faulty: Set<Int>, rounds: Int) -> StrategyTable {
        let installed = StrategyTable(generalCount: generalCount, rounds: rounds)
        table = installed
        for general in faulty where loyal.indices.contains(general) { loyal[general] = false }
        return installed
    }

    /// What `sender` sends `receiver` where a loyal general would send `loyal`:
    /// a value, or -1 for nothing. `previous` is the path's previous sender (-1
    /// in round 1). `path` points at the path before the sender, its round − 1
    /// generals, commander first (so `previous` is the last of them); only
    /// rules about two generals or more read it. `pathHash` identifies the
    /// path for `random`.
    @inline(__always)
    func send(
        from sender: Int32, to receiver: Int32, round: Int, previous: Int32, path: UnsafePointer<Int32>, loyal: Int32,
        pathHash: UInt64
    ) -> Int32 {
        if let table {
            let entry = table.entry(sender: Int(sender), receiver: Int(receiver), round: round, previous: Int(previous))
            if entry != StrategyTable.noEntry { return entry }
        }
        guard let effect = rules.firstMatch(sender: sender, receiver: receiver, round: round, previous: previous, path: path) else {
            return loyal
        }
        switch effect.kind {
        case .lie: return effect.value
        case .flip: return loyal == order ? defaultValue : order
        case .silent: return -1
        case .random:
            return Int32(RandomValue.pick(seed: seed, pathHash: pathHash, receiver: broadcast ? -1 : Int(receiver), valueCount: valueCount))
        }
    }
}

/// `verify`'s strategies: for each (faulty general, round, previous sender,
/// receiver) the value sent, -1 for nothing, or `noEntry` to fall through to
/// the rules. A class over one buffer, so a strategy can be rewritten between
/// runs while the recursion holds its deviations as a constant (a `var` in the
/// hot path would cost an exclusivity check per message).
final class StrategyTable {
    static let noEntry: Int32 = -2
    private let generalCount: Int
    private let rounds: Int
    private let entries: UnsafeMutableBufferPointer<Int32>

    init(generalCount: Int, rounds: Int) {
        self.generalCount = generalCount
        self.rounds = rounds
        entries = .allocate(capacity: generalCount * rounds * (generalCount + 1) * generalCount)
        entries.initialize(repeating: Self.noEntry)
    }

    deinit {
        entries.deallocate()
    }

    /// Where the table keeps what `sender` sends `receiver` in `round` relaying
    /// the value got from `previous` (-1 in round 1).
    @inline(__always)
    func index(sender: Int, receiver: Int, round: Int, previous: Int) -> Int {
        ((sender * rounds + (round - 1)) * (generalCount + 1) + (previous + 1)) * generalCount + receiver
    }

    @inline(__always)
    func entry(sender: Int, receiver: Int, round: Int, previous: Int) -> Int32 {
        entries[index(sender: sender, receiver: receiver, round: round, previous: previous)]
    }

    func set(_ index: Int, to value: Int32) {
        entries[index] = value
    }
}
