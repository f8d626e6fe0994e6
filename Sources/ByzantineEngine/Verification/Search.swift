import Dispatch
import Foundation

/// Sampling, for spaces the exact method cannot finish within the budget: a
/// seeded random sample of a placement's strategies and a greedy adversary,
/// for one order. (Also, for tests, every strategy of a small space in turn:
/// the enumerator the exact method is checked against.)
struct Search {
    let request: VerificationRequest
    let order: Int
    let planned: Int
    let progress: (VerificationProgress) -> Void
    private(set) var checked = 0
    private(set) var wasInterrupted = false

    /// Strategies per parallel task: enough to make a task worth starting, and
    /// few enough that a wave of them (the time between two looks at
    /// `shouldStop`) sends about `messagesPerChunk` messages, a fraction of a second.
    private let chunk: Int
    private static let largestChunk = 2_048
    private static let messagesPerChunk = 4_000_000

    init(
        request: VerificationRequest, order: Int, planned: Int, alreadyChecked: Int = 0,
        progress: @escaping (VerificationProgress) -> Void
    ) {
        self.request = request
        self.order = order
        self.planned = planned
        self.progress = progress
        checked = alreadyChecked
        let messagesPerRun = max(request.algorithm.messageBound(request.problem(order: order, [:]), m: request.m) ?? Verifier.largestRun, 1)
        chunk = min(Self.largestChunk, max(1, Self.messagesPerChunk / messagesPerRun))
    }

    /// An assignment: the index of each variable's choice.
    typealias Assignment = [Int]

    /// Every strategy of the space, in odometer order; the first that violates.
    mutating func exhaust(_ space: StrategySpace, shouldStop: () -> Bool) throws(EngineError) -> Assignment? {
        guard let size = space.size else { return nil }
        let evaluator = Evaluator(request: request, order: order, space: space)
        return try searchInParallel(count: size, shouldStop: shouldStop) { index in
            Self.digits(of: index, base: space.choices.count, count: space.variables.count)
        } checker: {
            evaluator.checker()
        }
    }

    /// A seeded random sample of this placement's share of the budget, then a
    /// greedy adversary that changes one message at a time towards disagreement.
    mutating func sample(_ space: StrategySpace, placement: Int, of placements: Int, shouldStop: () -> Bool) throws(EngineError) -> Assignment? {
        let share = max(request.budget / max(placements, 1), 1)
        let seed = request.seed ^ UInt64(placement &+ 1) &* 0x9E37_79B9_7F4A_7C15
        let choiceCount = UInt64(space.choices.count)
        let evaluator = Evaluator(request: request, order: order, space: space)
        let sampled = try searchInParallel(count: share, shouldStop: shouldStop) { index in
            var state = SplitMix64.mix(seed ^ UInt64(index))
            return space.variables.map { _ in
                state = SplitMix64.mix(state)
                return Int(state % choiceCount)
            }
        } checker: {
            evaluator.checker()
        }
        if let sampled { return sampled }
        return wasInterrupted ? nil : try greedy(space, seed: seed, tries: share, shouldStop: shouldStop)
    }

    /// Splits `0..<count` into chunks, runs a wave of chunks on every core at a
    /// time, and returns the first (lowest-index) assignment that `check`s.
    private mutating func searchInParallel(
        count: Int, shouldStop: () -> Bool, make: @escaping @Sendable (Int) -> Assignment,
        checker: @escaping @Sendable () -> (Assignment) throws(EngineError) -> Bool
    ) throws(EngineError) -> Assignment? {
        let workers = Parallel.width
        let chunk = self.chunk
        var start = 0
        while start < count {
            if shouldStop() {
                wasInterrupted = true
                return nil
            }
            let chunks = stride(from: start, to: min(count, start + workers * chunk), by: chunk).map { $0 }
            let firsts = try Parallel.map(chunks.count) { task throws(EngineError) -> Int? in
                let begin = chunks[task]
                let check = checker()
                for index in begin..<min(begin + chunk, count) where try check(make(index)) { return index }
                return nil
            }
            let end = min(count, start + workers * chunk)
            if let first = firsts.compactMap({ $0 }).min() {
                checked += first - start + 1
                return make(first)
            }
            checked += end - start
            progress(VerificationProgress(checked: checked, planned: planned))
            start = end
        }
        return nil
    }

    /// Coordinate ascent from a seeded start: set each message in turn to the
    /// value that most splits the loyal lieutenants (or turns them from the
    /// order), until a violation, a pass that changes nothing, or `tries`
    /// strategies scored: the sample's share of the budget again.
    private mutating func greedy(_ space: StrategySpace, seed: UInt64, tries: Int, shouldStop: () -> Bool) throws(EngineError) -> Assignment? {
        var state = SplitMix64.mix(seed ^ 0xA5A5_A5A5)
        var current: Assignment = space.variables.map { _ in
            state = SplitMix64.mix(state)
            return Int(state % UInt64(space.choices.count))
        }
        let limit = checked + tries
        guard var best = try score(current, in: space, upTo: limit, shouldStop: shouldStop) else { return nil }
        for _ in 0..<8 {
            var improved = false
            for variable in space.variables.indices {
                for choice in space.choices.indices where choice != current[variable] {
                    var candidate = current
                    candidate[variable] = choice
                    guard let value = try score(candidate, in: space, upTo: limit, shouldStop: shouldStop) else { return nil }
                    if value > best {
                        best = value
                        current = candidate
                        improved = true
                    }
                    if best == .infinity { return current }
                }
            }
            if !improved { break }
        }
        return nil
    }

    /// How far a strategy pushes the loyal lieutenants apart: infinity for a
    /// violation, else the lieutenants off the most common decision plus, with
    /// a loyal commander, those not deciding its order. Nil, unscored, once
    /// `limit` strategies are checked in all or when asked to stop.
    private mutating func score(
        _ assignment: Assignment, in space: StrategySpace, upTo limit: Int, shouldStop: () -> Bool
    ) throws(EngineError) -> Double? {
        guard checked < limit else { return nil }
        if shouldStop() {
            wasInterrupted = true
            return nil
        }
        checked += 1
        let outcome = try Evaluator(request: request, order: order, space: space).outcome(assignment)
        if Evaluator.violates(outcome) { return .infinity }
        let decided = outcome.decisions.compactMap { $0 }
        let counts = Dictionary(decided.map { ($0, 1) }, uniquingKeysWith: +)
        let split = decided.count - (counts.values.max() ?? 0)
        let disobeying = space.faulty.contains(request.commander) ? 0 : decided.filter { $0 != order }.count
        return Double(split + disobeying)
    }

    /// Drops every rule whose loss keeps the violation: each attempt is a
    /// run, so there are at most as many as the budget allows, and a request
    /// to stop ends them.
    func minimise(_ assignment: Assignment, in space: StrategySpace, shouldStop: () -> Bool) throws(EngineError) -> Counterexample {
        let evaluator = Evaluator(request: request, order: order, space: space)
        let rules = try Verifier.dropEach(
            Array(zip(space.variables.indices, assignment)), limit: request.budget, shouldStop: shouldStop
        ) { rules throws(EngineError) in
            Evaluator.violates(try evaluator.outcome(Dictionary(uniqueKeysWithValues: rules)))
        }
        let deviations = evaluator.deviations(Dictionary(uniqueKeysWithValues: rules))
        let outcome = try request.algorithm.run(request.problem(order: order, deviations), m: request.m, messageLimit: Verifier.largestRun)
        return Counterexample(order: order, messages: [], deviations: deviations, outcome: outcome)
    }

    static func digits(of index: Int, base: Int, count: Int) -> [Int] {
        var rest = index
        return (0..<count).map { _ in
            defer { rest /= base }
            return rest % base
        }
    }
}

/// Runs strategies of one placement: immutable, so every core can share it.
struct Evaluator: Sendable {
    let request: VerificationRequest
    let order: Int
    let space: StrategySpace

    /// A function that tells whether a strategy violates IC1 or IC2, for one
    /// task to call many times. For OM it reuses one recursion and writes each
    /// strategy into its table, so a strategy costs a run and nothing more.
    func checker() -> ([Int]) throws(EngineError) -> Bool {
        guard request.algorithm == .om else {
            return { assignment throws(EngineError) in Self.violates(try outcome(assignment)) }
        }
        let checker = OralMessagesChecker(request: request, order: order, space: space)
        return { assignment throws(EngineError) in try checker.violates(assignment) }
    }

    func outcome(_ assignment: [Int]) throws(EngineError) -> Outcome {
        try outcome(Dictionary(uniqueKeysWithValues: space.variables.indices.map { ($0, assignment[$0]) }))
    }

    /// The run with a rule for each variable in `rules` (variable → choice).
    func outcome(_ rules: [Int: Int]) throws(EngineError) -> Outcome {
        try request.algorithm.run(request.problem(order: order, deviations(rules)), m: request.m, messageLimit: Verifier.largestRun)
    }

    /// Each faulty general's rules, in the order of the space's variables.
    func deviations(_ rules: [Int: Int]) -> [Int: [Deviation]] {
        var deviations: [Int: [Deviation]] = [:]
        for (index, variable) in space.variables.enumerated() {
            guard let choice = rules[index] else { continue }
            deviations[variable.sender, default: []].append(space.deviation(variable, space.choices[choice]))
        }
        return deviations
    }

    static func violates(_ outcome: Outcome) -> Bool {
        !outcome.agreement || !outcome.validity
    }
}

/// `Evaluator.checker()` for OM: the strategy lives in the recursion's table.
private final class OralMessagesChecker {
    private let recursion: OralMessagesRecursion<NoRecorder>
    private let table: StrategyTable
    private let entries: [Int]
    private let values: [Int32]
    private let loyalLieutenants: [Int]
    private let commanderIsFaulty: Bool
    private let order: Int32

    init(request: VerificationRequest, order: Int, space: StrategySpace) {
        let faulty = Set(space.variables.map(\.sender))
        let problem = request.problem(order: order, [:])
        var deviations = CompiledDeviations(problem: problem)
        let table = deviations.installTable(faulty: faulty, rounds: request.m + 1)
        recursion = OralMessagesRecursion(deviations: deviations, problem: problem, m: request.m, recorder: NoRecorder())
        self.table = table
        entries = space.variables.map {
            table.index(sender: $0.sender, receiver: $0.receiver, round: $0.round, previous: $0.previous ?? -1)
        }
        values = space.choices.map { choice in
            switch choice {
            case .value(let value): Int32(value)
            case .nothing: -1
            }
        }
        loyalLieutenants = (0..<request.generalCount).filter { $0 != request.commander && !faulty.contains($0) }
        commanderIsFaulty = faulty.contains(request.commander)
        self.order = Int32(order)
    }

    func violates(_ assignment: [Int]) throws(EngineError) -> Bool {
        for (entry, choice) in zip(entries, assignment) { table.set(entry, to: values[choice]) }
        try recursion.runInPlace(shouldStop: { false })
        guard let first = loyalLieutenants.first else { return false }
        let decision = recursion.decision(of: first)
        for lieutenant in loyalLieutenants where recursion.decision(of: lieutenant) != decision { return true }
        return !commanderIsFaulty && decision != order
    }
}
