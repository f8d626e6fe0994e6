/// What `verify` asks: an army, what a loyal commander orders, the values in
/// play, the algorithm and how many generals may be faulty.
public struct VerificationRequest: Sendable, Equatable {
    public var algorithm: ByzantineAlgorithm
    public var m: Int
    public var generalCount: Int
    public var commander: Int
    public var order: Int
    public var defaultValue: Int
    /// The values a faulty general may send: the order, the default and one other value.
    public var valueCount: Int
    /// At most this many generals are faulty.
    public var traitors: Int
    /// Search exhaustively when the space (after reduction) has at most this
    /// many strategies; otherwise sample this many and run a greedy adversary.
    public var budget: Int
    public var seed: UInt64

    public init(
        algorithm: ByzantineAlgorithm, m: Int, generalCount: Int, commander: Int, order: Int, defaultValue: Int,
        valueCount: Int, traitors: Int, budget: Int = 10_000_000, seed: UInt64 = 0
    ) {
        self.algorithm = algorithm
        self.m = m
        self.generalCount = generalCount
        self.commander = commander
        self.order = order
        self.defaultValue = defaultValue
        self.valueCount = valueCount
        self.traitors = traitors
        self.budget = budget
        self.seed = seed
    }

    /// The problem with `deviations`, everything else as asked.
    func problem(_ deviations: [Int: [Deviation]]) -> GeneralsProblem {
        GeneralsProblem(
            generalCount: generalCount, commander: commander, valueCount: valueCount, order: order,
            defaultValue: defaultValue, deviations: deviations, seed: seed)
    }
}

/// A strategy that breaks IC1 or IC2, minimised: no rule can be dropped
/// without the violation going away.
public struct Counterexample: Sendable, Equatable {
    /// Each faulty general's rules.
    public var deviations: [Int: [Deviation]]
    public var outcome: Outcome
}

/// How far a search got, for a progress line.
public struct VerificationProgress: Sendable {
    public var checked: Int
    public var planned: Int
}

/// What a search will cover, known before it starts.
public struct VerificationPlan: Sendable, Equatable {
    public var request: VerificationRequest
    /// One per placement of the faulty generals, fewest first.
    public var spaces: [StrategySpace]
    /// Strategies in the whole space, every placement of the faulty generals
    /// counted, and after the symmetry reduction (doubles: they can pass 2^64).
    public var fullSize: Double
    public var reducedSize: Double
    /// Every strategy will be checked (after the sound reductions); otherwise a
    /// seeded sample and a greedy adversary will be.
    public var exhaustive: Bool

    /// The placements searched, as canonical representatives.
    public var placements: [[Int]] { spaces.map(\.faulty) }

    /// How many strategies the search means to run.
    public var plannedChecks: Int { exhaustive ? Int(reducedSize) : request.budget }
}

public struct VerificationResult: Sendable, Equatable {
    public enum Verdict: Sendable, Equatable {
        /// IC1 and IC2 held for every strategy checked.
        case holds
        case counterexample(Counterexample)
        /// Stopped on request; nothing was found in what was checked.
        case interrupted
    }

    public var verdict: Verdict
    public var plan: VerificationPlan
    /// Strategies actually run.
    public var checked: Int

    public var exhaustive: Bool { plan.exhaustive }
    public var fullSize: Double { plan.fullSize }
    public var reducedSize: Double { plan.reducedSize }
    public var placements: [[Int]] { plan.placements }
}
