@testable import ByzantineEngine

// Values used throughout the tests: a loyal commander orders `attack`, the
// default (missing message, no strict majority) is `retreat`, and `hold` is a
// third value in play when `valueCount` is 3.
let attack = 0
let retreat = 1
let hold = 2

/// A problem with the conventions above (commander 0, order attack, default retreat, three values).
func problem(
    generals: Int, order: Int = attack, deviations: [Int: [Deviation]] = [:], seed: UInt64 = 0, delivery: Delivery? = nil
) -> GeneralsProblem {
    GeneralsProblem(
        generalCount: generals, commander: 0, valueCount: 3, order: order, defaultValue: retreat,
        deviations: deviations, seed: seed, delivery: delivery)
}

/// A slow, literal OM(m) written from the paper with explicit paths, that asks
/// `GeneralsProblem.transmit(path:to:loyalValue:)` what every sender sends
/// and what becomes of it. The
/// engine must agree with it on every decision and every per-round message count.
enum ReferenceOM {
    struct Result: Equatable {
        /// Every general's decision in the top-level OM(m) (the commander's entry is its order).
        var decisions: [Int]
        var messagesPerRound: [Int]
    }

    static func run(_ problem: GeneralsProblem, m: Int) -> Result {
        var perRound = Array(repeating: 0, count: m + 1)
        func om(_ m: Int, path: [Int], lieutenants: [Int], value: Int) -> [Int: Int] {
            var received: [Int: Int] = [:]
            for lieutenant in lieutenants {
                // Sent counts what the sender put on a line; received, what arrived in time.
                let (sent, fate) = problem.transmit(path: path, to: lieutenant, loyalValue: value)
                if sent != nil, fate.isSent { perRound[path.count - 1] += 1 }
                received[lieutenant] = (fate.isReceived ? sent : nil) ?? problem.defaultValue
            }
            if m == 0 { return received }
            var heard: [Int: [Int]] = received.mapValues { [$0] }
            for j in lieutenants {
                let others = lieutenants.filter { $0 != j }
                let sub = om(m - 1, path: path + [j], lieutenants: others, value: received[j]!)
                for i in others { heard[i]!.append(sub[i]!) }
            }
            return heard.mapValues { strictMajority($0, default: problem.defaultValue) }
        }
        let decided = om(m, path: [problem.commander], lieutenants: problem.lieutenants, value: problem.order)
        let decisions = (0..<problem.generalCount).map { decided[$0] ?? problem.order }
        return Result(decisions: decisions, messagesPerRound: perRound)
    }

    static func strictMajority(_ values: [Int], default defaultValue: Int) -> Int {
        var counts: [Int: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.first { $0.value * 2 > values.count }?.key ?? defaultValue
    }
}

/// The loyal lieutenants' decisions of an outcome, in army order.
func loyalDecisions(_ outcome: Outcome) -> [Int] {
    outcome.decisions.compactMap { $0 }
}

/// A small deterministic generator (SplitMix64) so generated scenarios are the same on every run.
struct TestRNG: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Every subset of `0..<n` of size at most `k`, in increasing order: the
/// placements of faulty generals the property tests try.
func subsets(of n: Int, atMost k: Int) -> [[Int]] {
    var result: [[Int]] = [[]]
    func extend(_ current: [Int], from start: Int) {
        guard current.count < k else { return }
        for general in start..<n {
            let next = current + [general]
            result.append(next)
            extend(next, from: general + 1)
        }
    }
    extend([], from: 0)
    return result
}

/// Every assignment of a behaviour to each member of `set` (or, when `uniform`,
/// the same behaviour to all of them).
func assignments<Behaviour: CaseIterable>(of _: Behaviour.Type, to set: [Int], uniform: Bool) -> [[Int: Behaviour]] {
    if set.isEmpty { return [[:]] }
    if uniform {
        return Behaviour.allCases.map { behaviour in Dictionary(uniqueKeysWithValues: set.map { ($0, behaviour) }) }
    }
    var result: [[Int: Behaviour]] = [[:]]
    for general in set {
        result = result.flatMap { partial in Behaviour.allCases.map { partial.merging([general: $0]) { $1 } } }
    }
    return result
}
