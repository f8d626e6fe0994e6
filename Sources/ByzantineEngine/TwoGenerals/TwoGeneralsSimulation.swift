/// Counts, over seeded random trials, how often each ending happens when every
/// messenger that sets out is captured with probability `loss`. The same seed
/// gives the same counts.
public struct TwoGeneralsTally: Sendable, Equatable {
    public var trials = 0
    public var cityCaptured = 0
    public var armyDefeated = 0
    public var nothingHappens = 0

    public var coordinated: Int { cityCaptured + nothingHappens }

    /// A million trials put the estimate within about ±0.1% of the exact value
    /// and still take well under a second per strategy.
    public static let trialLimit = 1_000_000

    /// `shouldStop` is asked every few thousand trials; when it answers true
    /// the simulation ends with `EngineError.cancelled`.
    public init(
        simulating problem: TwoGenerals, loss: Double, trials: Int, seed: UInt64, shouldStop: () -> Bool = { false }
    ) throws(EngineError) {
        let k = problem.messengers
        // The decisions depend only on how many messengers arrived (see
        // `TwoGeneralsOdds`), so work them out once per count.
        let verdicts = (0...max(k, 0)).map { arrived in
            problem.outcome(of: (0..<k).map { $0 < arrived ? .arrived : .captured }).verdict
        }
        var random = SeededStream(seed: seed, stream: problem.messaging)
        for trial in 0..<max(trials, 0) {
            if trial % 4096 == 0, shouldStop() { throw .cancelled }
            var arrived = 0
            switch problem.messaging {
            case .alternating:
                while arrived < k, !random.captures(loss) { arrived += 1 }
            case .flooding:
                for _ in 0..<k where !random.captures(loss) { arrived += 1 }
            }
            self.trials += 1
            switch verdicts[arrived] {
            case .cityCaptured: cityCaptured += 1
            case .armyDefeated: armyDefeated += 1
            case .nothingHappens: nothingHappens += 1
            }
        }
    }
}

/// SplitMix64 from a seed; each messaging draws from its own stream, so one
/// strategy's estimate does not depend on whether another ran before it.
struct SeededStream {
    private var state: UInt64

    init(seed: UInt64, stream: TwoGenerals.Messaging) {
        let tag: UInt64 = stream == .alternating ? 0x5457_4F47_454E_0001 : 0x5457_4F47_454E_0002
        state = SplitMix64.mix(seed ^ tag)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// True with probability `loss`: a uniform draw in [0, 1) below it.
    mutating func captures(_ loss: Double) -> Bool {
        Double(next() >> 11) * 0x1p-53 < loss
    }
}
