/// The fewest deviating messages that make something happen; `Cost.unreachable`
/// when no strategy makes it happen.
typealias Cost = Int32

extension Cost {
    /// Far from overflow when a handful are added.
    static let unreachable: Cost = .max / 8

    /// The sum, unreachable when either part is.
    @inline(__always)
    func plus(_ other: Cost) -> Cost {
        self >= .unreachable || other >= .unreachable ? .unreachable : self + other
    }
}

/// What one or two loyal lieutenants of an OM(r) weigh, added up input by
/// input: for each tally that some strategy reaches, the fewest deviating
/// messages that reach it. Each lieutenant's tally counts its inputs per
/// value; the last value's count is implied by the number of inputs so far,
/// so adding it leaves the index alone.
///
/// Inputs are independent (each comes from a different sub-invocation, whose
/// messages no other input shares), so the cheapest way to a tally is the
/// cheapest way to the tally before plus the cheapest way to the input.
struct TallyCombination {
    let valueCount: Int
    let defaultValue: Int
    /// 1 or 2 lieutenants.
    let sides: Int
    /// Inputs each lieutenant weighs in all: its majority is over this many.
    let total: Int
    private let radix: Int
    /// Tallies of one lieutenant.
    private let width: Int
    /// The inputs each lieutenant has weighed so far.
    private(set) var weighed: Int
    private(set) var costs: [Cost]
    /// All unreachable between steps: the next step's table.
    private var spare: [Cost] = []
    private var active: [Int]
    /// Every step's costs, kept when asked for, to trace a tally back to the inputs that made it.
    private(set) var layers: [[Cost]] = []
    private let keepsLayers: Bool

    init(valueCount: Int, defaultValue: Int, sides: Int, total: Int, keepsLayers: Bool = false) {
        self.valueCount = valueCount
        self.defaultValue = defaultValue
        self.sides = sides
        self.total = total
        self.keepsLayers = keepsLayers
        radix = total + 1
        var width = 1
        for _ in 0..<(valueCount - 1) { width *= radix }
        self.width = width
        weighed = 0
        costs = Array(repeating: .unreachable, count: sides == 1 ? width : width * width)
        active = []
    }

    /// The index change when `side` weighs one more `value`.
    @inline(__always)
    private func step(_ value: Int, side: Int) -> Int {
        guard value < valueCount - 1 else { return 0 }
        var delta = 1
        for _ in 0..<value { delta *= radix }
        return side == 0 ? delta : delta * width
    }

    /// The first inputs: each entry gives the values each side weighs (the
    /// same number for every entry) and what that costs.
    mutating func start(_ entries: [(values: [[Int]], cost: Cost)]) {
        weighed = entries.first?.values.first?.count ?? 0
        for entry in entries where entry.cost < .unreachable {
            let index = self.index(entry.values)
            if costs[index] >= .unreachable { active.append(index) }
            costs[index] = min(costs[index], entry.cost)
        }
        if keepsLayers { layers.append(costs) }
    }

    private func index(_ values: [[Int]]) -> Int {
        var index = 0
        for (side, weighed) in values.enumerated() {
            for value in weighed { index += step(value, side: side) }
        }
        return index
    }

    /// One more input per side: `options[o]` is the cost of outcome o, the
    /// value for one side or the pair `first * valueCount + second`.
    ///
    /// The tallies reached are a small part of the table, so the step writes
    /// into a second table kept clear, and clears only what the first held.
    mutating func add(_ options: [Cost]) {
        if spare.isEmpty { spare = Array(repeating: .unreachable, count: costs.count) }
        var nextActive: [Int] = []
        nextActive.reserveCapacity(active.count * 2)
        let choices = options.indices.filter { options[$0] < .unreachable }
        let steps = choices.map { outcome in
            sides == 1 ? step(outcome, side: 0) : step(outcome / valueCount, side: 0) + step(outcome % valueCount, side: 1)
        }
        for index in active {
            let base = costs[index]
            for (choice, delta) in zip(choices, steps) {
                let target = index + delta
                let cost = base + options[choice]
                if spare[target] >= .unreachable { nextActive.append(target) }
                if cost < spare[target] { spare[target] = cost }
            }
        }
        for index in active { costs[index] = .unreachable }
        swap(&costs, &spare)
        active = nextActive
        weighed += 1
        if keepsLayers { layers.append(costs) }
    }

    /// The counts of each value in one side's tally.
    private func counts(_ index: Int, side: Int, weighed: Int) -> [Int] {
        var rest = side == 0 ? index % width : index / width
        var counts: [Int] = []
        var sum = 0
        for _ in 0..<(valueCount - 1) {
            counts.append(rest % radix)
            sum += rest % radix
            rest /= radix
        }
        counts.append(weighed - sum)
        return counts
    }

    /// The strict majority of a tally of `total` inputs, else the default.
    private func majority(_ index: Int, side: Int) -> Int {
        let counts = counts(index, side: side, weighed: total)
        return counts.indices.first { counts[$0] * 2 > total } ?? defaultValue
    }

    /// The decisions once every input is weighed: the fewest deviating
    /// messages for each outcome (indexed as `add`'s options).
    func decisions() -> [Cost] {
        var outcomes = Array(repeating: Cost.unreachable, count: sides == 1 ? valueCount : valueCount * valueCount)
        for index in active {
            let outcome = sides == 1
                ? majority(index, side: 0) : majority(index, side: 0) * valueCount + majority(index, side: 1)
            outcomes[outcome] = min(outcomes[outcome], costs[index])
        }
        return outcomes
    }

    /// The cheapest final tally deciding `outcome`.
    func cheapestTally(deciding outcome: Int) -> Int? {
        var best: Int?
        for index in active {
            let decided = sides == 1
                ? majority(index, side: 0) : majority(index, side: 0) * valueCount + majority(index, side: 1)
            guard decided == outcome else { continue }
            if best.map({ costs[index] < costs[$0] }) ?? true { best = index }
        }
        return best
    }

    /// Traces a final tally back through the inputs (`optionsPerInput`, as
    /// given to `add`, in order): the outcome each input took, and the tally
    /// the first inputs made (to match against `start`'s entries).
    /// Nil if the layers do not lead there, which would be a bug.
    func trace(_ final: Int, optionsPerInput: [[Cost]]) -> (outcomes: [Int], start: Int)? {
        guard keepsLayers, layers.count == optionsPerInput.count + 1 else { return nil }
        var index = final
        var outcomes = Array(repeating: 0, count: optionsPerInput.count)
        for input in stride(from: optionsPerInput.count - 1, through: 0, by: -1) {
            let before = layers[input]
            let cost = layers[input + 1][index]
            let weighedBefore = weighed - (optionsPerInput.count - input)
            let options = optionsPerInput[input]
            let found = options.indices.first { outcome in
                guard options[outcome] < .unreachable else { return false }
                let values = sides == 1 ? [outcome] : [outcome / valueCount, outcome % valueCount]
                guard let previous = self.index(index, removing: values, weighedBefore: weighedBefore) else { return false }
                return before[previous] < .unreachable && before[previous] + options[outcome] == cost
            }
            guard let outcome = found,
                  let previous = self.index(index, removing: sides == 1 ? [outcome] : [outcome / valueCount, outcome % valueCount], weighedBefore: weighedBefore)
            else { return nil }
            outcomes[input] = outcome
            index = previous
        }
        return (outcomes, index)
    }

    /// The tally with one `values[side]` fewer on each side, if it has them.
    private func index(_ index: Int, removing values: [Int], weighedBefore: Int) -> Int? {
        var result = index
        for (side, value) in values.enumerated() {
            guard counts(index, side: side, weighed: weighedBefore + 1)[value] > 0 else { return nil }
            result -= step(value, side: side)
        }
        return result
    }

    /// The index `start` gives these values: to find which entry a traced start came from.
    func startIndex(_ values: [[Int]]) -> Int {
        index(values)
    }
}
