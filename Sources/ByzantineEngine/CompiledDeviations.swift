/// Every general's deviations laid out flat before a run, so that deciding what a
/// faulty general sends is a short walk over plain integers: no optionals,
/// sets or reference counting on the hot path.
struct CompiledDeviations {
    private struct Rule {
        static let anyGeneral: Int32 = -1
        var kind: Kind
        var value: Int32
        var firstRound: Int
        var lastRound: Int
        /// Index of this rule's receiver row in `receiverRows`, or -1 for every receiver.
        var receiverRow: Int
        /// The one general `about` names (compared with the previous sender
        /// alone), `anyGeneral`, or for a longer list −2 − where it starts in
        /// `pathEnds`: the rule stays as small as one without a list.
        var about: Int32

        /// For a list of two generals or more (`about` below `anyGeneral`): where it starts in `pathEnds`.
        var pathEndStart: Int { Int(Self.anyGeneral - 1 - about) }

        enum Kind: UInt8 { case lie, flip, silent, random }
    }

    private let rules: [Rule]
    /// The `about` lists of two generals or more, each as its length and then its generals.
    private let pathEnds: [Int32]
    /// Per general: the range of its rules in `rules`; empty for a loyal general.
    private let ruleRanges: [Range<Int>]
    /// Per general: no rules and no strategy table.
    private var loyal: [Bool]
    /// `verify`'s strategies, looked up before any rule; nil when unused.
    private var table: StrategyTable?
    /// One row of `generalCount` flags per rule that names its receivers.
    private let receiverRows: [Bool]
    private let generalCount: Int
    private let order: Int32
    private let defaultValue: Int32
    private let valueCount: Int
    private let seed: UInt64

    init(problem: GeneralsProblem) {
        generalCount = problem.generalCount
        order = Int32(problem.order)
        defaultValue = Int32(problem.defaultValue)
        valueCount = problem.valueCount
        seed = problem.seed
        var rules: [Rule] = []
        var ranges: [Range<Int>] = []
        var rows: [Bool] = []
        var pathEnds: [Int32] = []
        for generalDeviations in problem.deviations {
            let start = rules.count
            for deviation in generalDeviations {
                var receiverRow = -1
                if let receivers = deviation.receivers {
                    receiverRow = rows.count / max(problem.generalCount, 1)
                    rows += (0..<problem.generalCount).map { receivers.contains($0) }
                }
                let (kind, value): (Rule.Kind, Int32) = switch deviation.action {
                case .lie(let value): (.lie, Int32(value))
                case .flip: (.flip, 0)
                case .silent: (.silent, 0)
                case .random: (.random, 0)
                }
                var about = Rule.anyGeneral
                if deviation.about.count == 1 {
                    about = Int32(deviation.about[0])
                } else if deviation.about.count > 1 {
                    about = Rule.anyGeneral - 1 - Int32(pathEnds.count)
                    pathEnds += [Int32(deviation.about.count)] + deviation.about.map { Int32($0) }
                }
                rules.append(Rule(
                    kind: kind, value: value, firstRound: deviation.rounds.lowerBound, lastRound: deviation.rounds.upperBound,
                    receiverRow: receiverRow, about: about))
            }
            ranges.append(start..<rules.count)
        }
        self.rules = rules
        self.ruleRanges = ranges
        self.receiverRows = rows
        self.pathEnds = pathEnds
        self.loyal = ranges.map(\.isEmpty)
    }

    @inline(__always)
    func isLoyal(_ general: Int32) -> Bool {
        loyal[Int(general)]
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
        for rule in rules[ruleRanges[Int(sender)]] {
            if rule.receiverRow >= 0, !receiverRows[rule.receiverRow * generalCount + Int(receiver)] { continue }
            if round < rule.firstRound || round > rule.lastRound { continue }
            if rule.about != Rule.anyGeneral, rule.about != previous {
                guard rule.about < Rule.anyGeneral, pathEnd(at: rule.pathEndStart, ends: path, length: round - 1) else { continue }
            }
            switch rule.kind {
            case .lie: return rule.value
            case .flip: return loyal == order ? defaultValue : order
            case .silent: return -1
            case .random:
                return Int32(RandomValue.pick(seed: seed, pathHash: pathHash, receiver: Int(receiver), valueCount: valueCount))
            }
        }
        return loyal
    }

    /// Whether the `about` list at `start` in `pathEnds` ends the `length` generals at `path`.
    @inline(__always)
    private func pathEnd(at start: Int, ends path: UnsafePointer<Int32>, length: Int) -> Bool {
        let count = Int(pathEnds[start])
        guard length >= count else { return false }
        for offset in 0..<count where path[length - count + offset] != pathEnds[start + 1 + offset] { return false }
        return true
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
