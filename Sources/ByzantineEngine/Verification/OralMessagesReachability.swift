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
    static func work(_ problem: SubProblem, valueCount: Int) -> Double {
        let work = combinationWork(lieutenants: problem.lieutenants, valueCount: valueCount)
        return work.single + work.pair
    }

    /// Tally steps to weigh the inputs of `lieutenants` for one lieutenant and
    /// for a pair. A pair also fills two dense tables of every pair of
    /// tallies, which counts as work; a table past `largestTable` entries is
    /// out of reach.
    static func combinationWork(lieutenants: Int, valueCount: Int) -> (single: Double, pair: Double) {
        let table = Foundation.pow(Double(lieutenants + 1), Double(2 * (valueCount - 1)))
        guard table <= largestTable else { return (.infinity, .infinity) }
        var single = 0.0
        var pair = 4 * table
        for weighed in 1...max(1, lieutenants) {
            // Tallies of `weighed` inputs over the values: C(weighed + values − 1, values − 1).
            var tallies = 1.0
            for index in 1..<max(valueCount, 2) { tallies = tallies * Double(weighed + index) / Double(index) }
            single += tallies * Double(valueCount)
            pair += tallies * tallies * Double(valueCount * valueCount)
        }
        return (single, pair)
    }

    /// 16 M entries, 64 MB a table (two at a time per core).
    static let largestTable = 16_777_216.0

    /// The values a commander may send: its own if loyal, any if not.
    static func sentValues(_ problem: SubProblem, valueCount: Int) -> [Int] {
        problem.commanderIsLoyal ? [problem.held] : Array(0..<valueCount)
    }

    func reach(_ problem: SubProblem) -> Reach {
        reaches[problem] ?? Reach(single: [], pair: [])
    }

    /// The model of one placement: which concrete generals are faulty.
    func placed(faulty: Set<Int>) -> Placed {
        Placed(reachability: self, faulty: faulty)
    }

    /// The solved sub-problems seen through concrete generals, `faulty` the
    /// faulty ones: what the composition and the counterexample ask.
    struct Placed: OralMessagesModel {
        let reachability: OralMessagesReachability
        let faulty: Set<Int>

        var valueCount: Int { reachability.valueCount }
        var defaultValue: Int { reachability.defaultValue }

        func problem(_ call: Call) -> SubProblem {
            let faultyMembers = call.members.filter { faulty.contains($0) }.count
            return SubProblem(
                rounds: call.rounds, commanderIsLoyal: !faulty.contains(call.commander), held: call.held,
                loyal: call.members.count - faultyMembers, faulty: faultyMembers)
        }

        func sendable(_ call: Call, to member: Int) -> [(value: Int, cost: Cost)] {
            guard faulty.contains(call.commander) else { return [(call.held, 0)] }
            return [(call.held, 0)] + (0..<valueCount).filter { $0 != call.held }.map { ($0, 1) }
        }

        func reach(_ call: Call, child member: Int, holding value: Int, deciding: [Int]) -> [Cost] {
            let child = problem(call).child(commandedByLoyal: !faulty.contains(member), holding: value)
            let reach = reachability.reach(child)
            return deciding.count == 1 ? reach.single : reach.pair
        }
    }

    // MARK: - Solving one sub-problem

    /// Solves a sub-problem through one concrete stand-in: loyal lieutenants
    /// first, then faulty ones, then the commander.
    func solve(_ problem: SubProblem) -> Reach {
        let members = Array(0..<problem.lieutenants)
        let commander = problem.lieutenants
        let faulty = Set(problem.loyal..<problem.lieutenants).union(problem.commanderIsLoyal ? [] : [commander])
        let call = Call(commander: commander, members: members, held: problem.held, rounds: problem.rounds)
        let model = placed(faulty: faulty)
        return Reach(
            single: problem.loyal >= 1 ? model.decisions(call, deciding: [0]) : [],
            pair: problem.loyal >= 2 ? model.decisions(call, deciding: [0, 1]) : [])
    }
}
