import Foundation

/// One sub-invocation OM(rounds) of the recursion, as far as its outcome can
/// tell. On a complete graph the loyal lieutenants of an invocation are
/// interchangeable, and so are its faulty ones, so only how many of each there
/// are matters, with whether the commander is loyal and the value it holds
/// (what it sends if loyal; what counts as a deviation if not).
struct SubProblem: Hashable, Sendable {
    var rounds: Int
    var commanderIsLoyal: Bool
    var held: Int
    var loyal: Int
    var faulty: Int

    var lieutenants: Int { loyal + faulty }

    /// The sub-invocation a lieutenant commands after receiving `value`.
    func child(commandedByLoyal isLoyal: Bool, holding value: Int) -> SubProblem {
        SubProblem(
            rounds: rounds - 1, commanderIsLoyal: isLoyal, held: value,
            loyal: isLoyal ? loyal - 1 : loyal, faulty: isLoyal ? faulty : faulty - 1)
    }
}

/// What a sub-problem's faulty generals can make its loyal lieutenants
/// decide, at the fewest deviating messages: `single[x]` for one loyal
/// lieutenant deciding x, `pair[x · values + y]` for two deciding x and y.
/// Empty when there are not that many loyal lieutenants.
struct Reach: Sendable, Equatable {
    var single: [Cost]
    var pair: [Cost]
}

/// The exact method for OM(m): what every sub-problem can reach, composed
/// bottom-up from OM(0).
///
/// A faulty general's choices in different sub-invocations are independent
/// (every message belongs to exactly one), so what a loyal lieutenant's
/// majority can come to is a function of what each input's sub-invocation can
/// reach. Two lieutenants are enough to decide IC1 (some pair disagrees) and
/// one IC2, and a pair's decisions depend only on what each sub-invocation
/// can give that pair, so the composition is exact. Costs ride along: the
/// fewest deviating messages per outcome, which makes counterexamples minimal.
struct OralMessagesReachability: Sendable {
    let valueCount: Int
    let defaultValue: Int
    private(set) var reaches: [SubProblem: Reach] = [:]

    /// Solves every sub-problem the `tops` need, a round at a time from OM(0)
    /// up, each round's sub-problems in parallel. `progress` is told how many
    /// are solved of how many.
    init(
        valueCount: Int, defaultValue: Int, tops: [SubProblem], shouldStop: () -> Bool,
        progress: (Int, Int) -> Void
    ) throws(EngineError) {
        self.valueCount = valueCount
        self.defaultValue = defaultValue
        let needed = Self.needed(tops: tops, valueCount: valueCount)
        let byRound = Dictionary(grouping: needed, by: \.rounds)
        var solved = 0
        for rounds in byRound.keys.sorted() {
            let problems = byRound[rounds] ?? []
            // A wave at a time, so that a request to stop is heard within one.
            for wave in stride(from: 0, to: problems.count, by: Parallel.width) {
                if shouldStop() { throw .cancelled }
                let batch = Array(problems[wave..<min(wave + Parallel.width, problems.count)])
                let known = self
                let results = Parallel.map(batch.count) { known.solve(batch[$0]) }
                for (problem, reach) in zip(batch, results) { reaches[problem] = reach }
                solved += batch.count
                progress(solved, needed.count)
            }
        }
    }

    /// Every sub-problem the tops need, down to OM(0).
    static func needed(tops: [SubProblem], valueCount: Int) -> Set<SubProblem> {
        var needed = Set<SubProblem>()
        var frontier = tops
        while let problem = frontier.popLast() {
            guard needed.insert(problem).inserted, problem.rounds > 0 else { continue }
            for value in sentValues(problem, valueCount: valueCount) {
                if problem.loyal >= 1 { frontier.append(problem.child(commandedByLoyal: true, holding: value)) }
                if problem.faulty >= 1 { frontier.append(problem.child(commandedByLoyal: false, holding: value)) }
            }
        }
        return needed
    }

    /// Tally steps to solve a sub-problem: each input added to every tally
    /// reachable so far, for one lieutenant and for two.
    /// Solving also fills two dense tables of every pair of tallies, which
    /// counts as work; a table past `largestTable` entries is out of reach.
    static func work(_ problem: SubProblem, valueCount: Int) -> Double {
        let table = Foundation.pow(Double(problem.lieutenants + 1), Double(2 * (valueCount - 1)))
        guard table <= largestTable else { return .infinity }
        var work = 0.0
        for weighed in 1...max(1, problem.lieutenants) {
            // Tallies of `weighed` inputs over the values: C(weighed + values − 1, values − 1).
            var tallies = 1.0
            for index in 1..<max(valueCount, 2) { tallies = tallies * Double(weighed + index) / Double(index) }
            work += tallies * Double(valueCount) + tallies * tallies * Double(valueCount * valueCount)
        }
        work += 4 * table
        return work
    }

    /// 16 M entries, 64 MB a table (two at a time per core).
    static let largestTable = 16_777_216.0

    /// The values a commander may send: its own if loyal, any if not.
    static func sentValues(_ problem: SubProblem, valueCount: Int) -> [Int] {
        problem.commanderIsLoyal ? [problem.held] : Array(0..<valueCount)
    }

    func sentValues(_ problem: SubProblem) -> [Int] {
        Self.sentValues(problem, valueCount: valueCount)
    }

    /// A message that carries `value` where a loyal sender would send `held` deviates.
    @inline(__always)
    func deviation(_ value: Int, from held: Int) -> Cost {
        value == held ? 0 : 1
    }

    func reach(_ problem: SubProblem) -> Reach {
        reaches[problem] ?? Reach(single: [], pair: [])
    }

    // MARK: - The inputs of a majority

    /// One input: from the sub-invocation of a lieutenant other than those
    /// deciding. For each outcome (a value, or a pair) its cheapest cost and
    /// the value the commander sent that lieutenant to get it.
    struct Input {
        var costs: [Cost]
        var sent: [Int]
    }

    /// The input from a loyal (or a faulty) lieutenant's sub-invocation to one or two others.
    func input(of problem: SubProblem, fromLoyal isLoyal: Bool, sides: Int) -> Input {
        let outcomes = sides == 1 ? valueCount : valueCount * valueCount
        var input = Input(costs: Array(repeating: .unreachable, count: outcomes), sent: Array(repeating: problem.held, count: outcomes))
        // The held value first, so that a tie keeps the message loyal.
        let values = sentValues(problem).sorted { ($0 != problem.held ? 1 : 0, $0) < ($1 != problem.held ? 1 : 0, $1) }
        for value in values {
            let child = reach(problem.child(commandedByLoyal: isLoyal, holding: value))
            let costs = sides == 1 ? child.single : child.pair
            let sending = deviation(value, from: problem.held)
            for outcome in costs.indices {
                let cost = sending.plus(costs[outcome])
                if cost < input.costs[outcome] {
                    input.costs[outcome] = cost
                    input.sent[outcome] = value
                }
            }
        }
        return input
    }

    /// How the deciding lieutenants start: the values the commander sends
    /// them and, for two, what each gets from the other's sub-invocation.
    struct Start {
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

    func starts(of problem: SubProblem, sides: Int) -> [Start] {
        let values = sentValues(problem)
        guard sides == 2 else {
            return values.map { Start(sent: [$0], fromEachOther: [], cost: deviation($0, from: problem.held)) }
        }
        var starts: [Start] = []
        for first in values {
            for second in values {
                let sending = deviation(first, from: problem.held) + deviation(second, from: problem.held)
                // The second's sub-invocation tells the first; the first's tells the second.
                let toFirst = reach(problem.child(commandedByLoyal: true, holding: second)).single
                let toSecond = reach(problem.child(commandedByLoyal: true, holding: first)).single
                for (x, costX) in toFirst.enumerated() where costX < .unreachable {
                    for (y, costY) in toSecond.enumerated() where costY < .unreachable {
                        starts.append(Start(sent: [first, second], fromEachOther: [x, y], cost: sending + costX + costY))
                    }
                }
            }
        }
        return starts
    }

    /// The inputs after the start, in the order `combination` adds them: the
    /// other loyal lieutenants' sub-invocations, then the faulty ones'.
    func laterInputs(of problem: SubProblem, sides: Int) -> [Input] {
        let others = problem.loyal - sides
        return Array(repeating: input(of: problem, fromLoyal: true, sides: sides), count: max(others, 0))
            + Array(repeating: input(of: problem, fromLoyal: false, sides: sides), count: problem.faulty)
    }

    /// Weighs a start and inputs for one or two deciding lieutenants.
    func combination(_ problem: SubProblem, sides: Int, starts: [Start], inputs: [[Cost]], keepsLayers: Bool = false) -> TallyCombination {
        var combination = TallyCombination(
            valueCount: valueCount, defaultValue: defaultValue, sides: sides, total: problem.lieutenants, keepsLayers: keepsLayers)
        combination.start(starts.map { ($0.values, $0.cost) })
        for input in inputs { combination.add(input) }
        return combination
    }

    // MARK: - Solving one sub-problem

    func solve(_ problem: SubProblem) -> Reach {
        guard problem.rounds > 0 else { return solveDirect(problem) }
        var reach = Reach(single: [], pair: [])
        for sides in 1...2 where problem.loyal >= sides {
            let decided = combination(
                problem, sides: sides, starts: starts(of: problem, sides: sides),
                inputs: laterInputs(of: problem, sides: sides).map(\.costs)
            ).decisions()
            if sides == 1 { reach.single = decided } else { reach.pair = decided }
        }
        return reach
    }

    /// OM(0): each lieutenant decides what the commander sent it.
    private func solveDirect(_ problem: SubProblem) -> Reach {
        let values = Set(sentValues(problem))
        let single = (0..<valueCount).map { values.contains($0) ? deviation($0, from: problem.held) : .unreachable }
        return Reach(
            single: problem.loyal >= 1 ? single : [],
            pair: problem.loyal >= 2 ? (0..<(valueCount * valueCount)).map { single[$0 / valueCount].plus(single[$0 % valueCount]) } : [])
    }
}
