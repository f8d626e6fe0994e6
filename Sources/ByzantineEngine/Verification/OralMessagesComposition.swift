/// One concrete sub-invocation of OM: its commander, its lieutenants (in army
/// order), the value the commander holds, and the rounds left.
struct Call: Hashable, Sendable {
    var commander: Int
    var members: [Int]
    var held: Int
    var rounds: Int

    /// The sub-invocation `member` commands holding `value`.
    func child(_ member: Int, holding value: Int) -> Call {
        Call(commander: member, members: members.filter { $0 != member }, held: value, rounds: rounds - 1)
    }
}

/// One input of a majority: from the sub-invocation of a lieutenant other
/// than those deciding. For each outcome (a value, or a pair) its cheapest
/// cost and the value the commander sent that lieutenant to get it.
struct MajorityInput {
    var costs: [Cost]
    var sent: [Int]
}

/// How the deciding lieutenants start: the values the commander sends
/// them and, for two, what each gets from the other's sub-invocation.
struct MajorityStart {
    /// What each deciding lieutenant got from the commander.
    var sent: [Int]
    /// For two: what the first gets from the second's sub-invocation, and the second from the first's.
    var fromEachOther: [Int]
    var cost: Cost

    /// The values each side weighs first.
    var values: [[Int]] {
        sent.count == 1 ? [sent] : [[sent[0], fromEachOther[0]], [sent[1], fromEachOther[1]]]
    }
}

/// What OM's composition asks of a model of the army, for concrete
/// sub-invocations: what a commander can send, and what a sub-invocation
/// can make one or two of its loyal lieutenants decide. The rest (a
/// majority's inputs, its starts, the tally) follows from these alone, once,
/// for the counterexample's reconstruction and for the solver on a graph.
protocol OralMessagesModel {
    var valueCount: Int { get }
    var defaultValue: Int { get }

    /// What `call`'s commander can make `member` receive, and at what cost:
    /// what a loyal commander holds first, so that a tie keeps the message
    /// loyal. A message that cannot reach `member` is the default, at no cost.
    func sendable(_ call: Call, to member: Int) -> [(value: Int, cost: Cost)]

    /// Whether `member` receiving `value` (one of `sendable`'s) is the
    /// network withholding a loyal commander's message, not a lie.
    func isWithheld(_ call: Call, to member: Int, value: Int) -> Bool

    /// The cheapest cost of each outcome for `deciding` (one or two of
    /// `call`'s loyal lieutenants, not `member`) in the sub-invocation
    /// `member` commands holding `value`.
    func reach(_ call: Call, child member: Int, holding value: Int, deciding: [Int]) -> [Cost]
}

extension OralMessagesModel {
    /// Only a model with asynchronous timing lets the network withhold.
    func isWithheld(_ call: Call, to member: Int, value: Int) -> Bool { false }

    func starts(_ call: Call, deciding: [Int]) -> [MajorityStart] {
        guard deciding.count == 2 else {
            return sendable(call, to: deciding[0]).map { MajorityStart(sent: [$0.value], fromEachOther: [], cost: $0.cost) }
        }
        var starts: [MajorityStart] = []
        for first in sendable(call, to: deciding[0]) {
            for second in sendable(call, to: deciding[1]) {
                // The second's sub-invocation tells the first; the first's tells the second.
                let toFirst = reach(call, child: deciding[1], holding: second.value, deciding: [deciding[0]])
                let toSecond = reach(call, child: deciding[0], holding: first.value, deciding: [deciding[1]])
                for (x, costX) in toFirst.enumerated() where costX < .unreachable {
                    for (y, costY) in toSecond.enumerated() where costY < .unreachable {
                        starts.append(MajorityStart(
                            sent: [first.value, second.value], fromEachOther: [x, y], cost: first.cost + second.cost + costX + costY))
                    }
                }
            }
        }
        return starts
    }

    /// What the sub-invocation of `other` can give the deciding lieutenants.
    func input(_ call: Call, from other: Int, deciding: [Int]) -> MajorityInput {
        let outcomes = deciding.count == 1 ? valueCount : valueCount * valueCount
        var input = MajorityInput(costs: Array(repeating: .unreachable, count: outcomes), sent: Array(repeating: call.held, count: outcomes))
        for sending in sendable(call, to: other) {
            let costs = reach(call, child: other, holding: sending.value, deciding: deciding)
            for outcome in costs.indices {
                let cost = sending.cost.plus(costs[outcome])
                if cost < input.costs[outcome] {
                    input.costs[outcome] = cost
                    input.sent[outcome] = sending.value
                }
            }
        }
        return input
    }

    /// Weighs a start and inputs for one or two deciding lieutenants.
    func combination(_ call: Call, deciding: [Int], starts: [MajorityStart], inputs: [[Cost]], keepsLayers: Bool = false) -> TallyCombination {
        var combination = TallyCombination(
            valueCount: valueCount, defaultValue: defaultValue, sides: deciding.count, total: call.members.count, keepsLayers: keepsLayers)
        combination.start(starts.map { ($0.values, $0.cost) })
        for input in inputs { combination.add(input) }
        return combination
    }

    /// The cheapest cost of each outcome for `deciding` in `call` itself.
    func decisions(_ call: Call, deciding: [Int]) -> [Cost] {
        guard call.rounds > 0 else {
            // OM(0): each lieutenant decides what the commander sent it, each message on its own.
            let singles = deciding.map { member in
                sendable(call, to: member).reduce(into: Array(repeating: Cost.unreachable, count: valueCount)) { costs, sending in
                    costs[sending.value] = min(costs[sending.value], sending.cost)
                }
            }
            guard singles.count == 2 else { return singles[0] }
            return (0..<(valueCount * valueCount)).map { singles[0][$0 / valueCount].plus(singles[1][$0 % valueCount]) }
        }
        let others = call.members.filter { !deciding.contains($0) }
        return combination(
            call, deciding: deciding, starts: starts(call, deciding: deciding),
            inputs: others.map { input(call, from: $0, deciding: deciding).costs }
        ).decisions()
    }
}
