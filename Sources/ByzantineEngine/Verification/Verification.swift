import Foundation

/// What `verify` asks: an army, the orders a loyal commander may give, the
/// values in play, the algorithm and how many generals may be faulty.
public struct VerificationRequest: Sendable, Equatable {
    public var algorithm: ByzantineAlgorithm
    public var m: Int
    public var generalCount: Int
    public var commander: Int
    /// Each is checked as the order: every value in play, unless one is fixed.
    public var orders: [Int]
    public var defaultValue: Int
    /// The values a faulty general may send: the order, the default and one other value.
    public var valueCount: Int
    /// At most this many generals are faulty.
    public var traitors: Int
    /// Decide exactly when the exact method's work fits this many strategy
    /// runs' worth; otherwise sample this many and run a greedy adversary.
    public var budget: Int
    public var seed: UInt64
    /// A counterexample's replay may send at most this many messages.
    public var messageLimit: Int
    /// Which messages reach their receivers: the scenario's system model as
    /// `verify` searches it (`Delivery.forVerification`).
    public var delivery: Delivery

    public init(
        algorithm: ByzantineAlgorithm, m: Int, generalCount: Int, commander: Int, orders: [Int], defaultValue: Int,
        valueCount: Int, traitors: Int, budget: Int = 10_000_000, seed: UInt64 = 0, messageLimit: Int = 1_000_000_000,
        delivery: Delivery? = nil
    ) {
        self.algorithm = algorithm
        self.m = m
        self.generalCount = generalCount
        self.commander = commander
        self.orders = orders
        self.defaultValue = defaultValue
        self.valueCount = valueCount
        self.traitors = traitors
        self.budget = budget
        self.seed = seed
        self.messageLimit = messageLimit
        self.delivery = (delivery ?? .everywhere(generalCount)).forVerification
    }

    /// The problem with this order and `deviations`, everything else as
    /// asked; `withheld`, the network's delays that make messages miss.
    func problem(order: Int, _ deviations: [Int: [Deviation]], withheld: [NetworkDelay] = []) -> GeneralsProblem {
        var delivery = delivery
        if case .asynchronous(var asynchrony) = delivery.timing {
            asynchrony.delays = withheld
            delivery.timing = .asynchronous(asynchrony)
        }
        return GeneralsProblem(
            generalCount: generalCount, commander: commander, valueCount: valueCount, order: order,
            defaultValue: defaultValue, deviations: deviations, seed: seed, delivery: delivery)
    }

    /// The problem the messages make: the faulty generals' as their rules,
    /// the network's as its delays.
    func problem(order: Int, _ messages: [DeviatingMessage]) -> GeneralsProblem {
        problem(
            order: order, DeviatingMessage.deviations(messages, broadcast: delivery.channel == .broadcast),
            withheld: DeviatingMessage.delays(messages, timeout: timeout))
    }

    /// Under asynchronous timing, how long a receiver waits: a withheld
    /// message is delayed that long.
    var timeout: Int {
        if case .asynchronous(let asynchrony) = delivery.timing { return asynchrony.timeout }
        return 1
    }

    var lieutenants: [Int] { (0..<generalCount).filter { $0 != commander } }
}

/// One message a faulty general sends otherwise than a loyal one would (or,
/// under SM, one it keeps as it is, by a rule that makes its sender count as
/// faulty: the faulty generals sign for each other), or under asynchronous
/// timing one the network delays past the receiver's timeout.
public struct DeviatingMessage: Sendable, Hashable {
    /// The generals the value passed through, commander first, the sender last.
    public var path: [Int]
    public var receiver: Int
    /// What it carries; nil when it is not sent.
    public var value: Int?
    /// A loyal sender's message the network withholds (`value` is then nil).
    public var byNetwork = false

    public init(path: [Int], receiver: Int, value: Int?, byNetwork: Bool = false) {
        self.path = path
        self.receiver = receiver
        self.value = value
        self.byNetwork = byNetwork
    }

    public var sender: Int { path.last ?? receiver }
    public var round: Int { path.count }

    /// The faulty generals' messages as rules: one per sender, path and
    /// value, naming its receivers and the whole path (round 1's messages by
    /// their round), so that each rule matches exactly those messages. Under
    /// broadcast a rule names no receivers: a path's message reaches them all.
    public static func deviations(_ messages: [DeviatingMessage], broadcast: Bool = false) -> [Int: [Deviation]] {
        var deviations: [Int: [Deviation]] = [:]
        for (key, receivers) in grouped(messages.filter { !$0.byNetwork }) {
            guard let sender = key.path.last else { continue }
            let action: Deviation.Action = key.value.map { .lie($0) } ?? .silent
            let before = Array(key.path.dropLast())
            deviations[sender, default: []].append(
                Deviation(
                    action, receivers: broadcast ? nil : receivers, rounds: before.isEmpty ? 1...1 : 1...Int.max, about: before))
        }
        return deviations
    }

    /// The network's withheld messages as delays of `timeout` rounds, each
    /// naming its receivers, its round and its whole path.
    public static func delays(_ messages: [DeviatingMessage], timeout: Int) -> [NetworkDelay] {
        grouped(messages.filter(\.byNetwork)).compactMap { key, receivers in
            key.path.last.map { sender in
                NetworkDelay(
                    sender: sender,
                    selector: MessageSelector(receivers: receivers, rounds: key.path.count...key.path.count, about: Array(key.path.dropLast())),
                    rounds: timeout)
            }
        }
    }

    private struct Key: Hashable {
        var path: [Int]
        var value: Int?
    }

    /// The messages by path and value, with their receivers: by round, then
    /// path, then value, the order in which they are sent.
    private static func grouped(_ messages: [DeviatingMessage]) -> [(Key, Set<Int>)] {
        var receivers: [Key: Set<Int>] = [:]
        var keys: [Key] = []
        for message in messages {
            let key = Key(path: message.path, value: message.value)
            if receivers[key] == nil { keys.append(key) }
            receivers[key, default: []].insert(message.receiver)
        }
        keys.sort { a, b in
            if a.path.count != b.path.count { return a.path.count < b.path.count }
            if a.path != b.path { return a.path.lexicographicallyPrecedes(b.path) }
            return (a.value ?? -1) < (b.value ?? -1)
        }
        return keys.map { ($0, receivers[$0] ?? []) }
    }
}

/// A strategy that breaks IC1 or IC2, with the fewest faulty generals and,
/// among those, the fewest deviating messages.
public struct Counterexample: Sendable, Equatable {
    /// The order the loyal commander was given (what a faulty one holds).
    public var order: Int
    /// Each deviating message by its whole path (empty for a sampled
    /// counterexample, whose rules stand for classes of paths).
    public var messages: [DeviatingMessage]
    /// The messages as each faulty general's rules.
    public var deviations: [Int: [Deviation]]
    /// Under asynchronous timing, the messages the network withholds, as delays.
    public var delays: [NetworkDelay] = []
    /// The replayed run.
    public var outcome: Outcome

    public var faulty: [Int] { deviations.keys.sorted() }
    /// Messages the faulty generals send otherwise than loyal ones would, and
    /// those the network withholds, as the replay counts them.
    public var deviatingMessages: Int { outcome.deviating }
}

/// How far a search got, for a progress line.
public struct VerificationProgress: Sendable {
    public var checked: Int
    public var planned: Int
}

/// A number of strategies, which soon outgrows a Double: its base-10
/// logarithm, and the number itself while a Double holds it exactly.
public struct StrategyCount: Sendable, Equatable {
    public var log10: Double
    /// Nil beyond 2^53, where a Double stops counting one by one.
    public var value: Double?

    public init(log10: Double, value: Double? = nil) {
        self.log10 = log10
        self.value = value
    }

    static let exactLimit = 9_007_199_254_740_992.0

    /// The sum of ways · choices^exponent over the terms.
    static func sum(_ terms: [(ways: Double, choices: Double, exponent: Double)]) -> StrategyCount {
        sum(terms.map { ($0.ways, [($0.choices, $0.exponent)]) })
    }

    /// The sum over the terms of ways times each factor's choices^exponent.
    static func sum(_ terms: [(ways: Double, factors: [(choices: Double, exponent: Double)])]) -> StrategyCount {
        let logs = terms.map { term in
            term.factors.reduce(Foundation.log10(term.ways)) { $0 + $1.exponent * Foundation.log10($1.choices) }
        }
        guard let largest = logs.max() else { return StrategyCount(log10: -.infinity, value: 0) }
        let rest = logs.reduce(0.0) { $0 + Foundation.pow(10, $1 - largest) }
        var total: Double? = 0
        for term in terms {
            var power = term.ways
            for factor in term.factors {
                var left = factor.exponent
                while left >= 1, power <= exactLimit {
                    power *= factor.choices
                    left -= 1
                }
            }
            total = total.flatMap { power <= exactLimit && $0 + power <= exactLimit ? $0 + power : nil }
        }
        return StrategyCount(log10: largest + Foundation.log10(rest), value: total)
    }
}

extension Outcome {
    /// What an adversary changed: messages whose value a faulty sender
    /// changed or dropped, and (`verify` assuming no delays of its own)
    /// those the network held past the timeout.
    var deviating: Int { lies + drops + network.timedOut }
}

/// How a verification decides.
public enum VerificationMethod: Sendable, Equatable {
    /// Every strategy, exactly, without visiting them one by one: for OM the
    /// outcomes each sub-invocation can reach, composed bottom-up; for SM the
    /// rounds in which values can enter a loyal lieutenant's V_i.
    case exact
    /// Every strategy one by one: SM with links missing, whose exact method
    /// needs a complete graph, when its strategies fit the budget.
    case enumerate
    /// The exact method would need more than the budget, or the army lacks
    /// the symmetry it counts on: a seeded sample of strategies and a greedy
    /// adversary, which can refute but not prove.
    case sample
}

/// n choose k, as a Double: placements of k faulty generals among n, for the
/// strategy count and the exact methods' work.
func binomial(_ n: Int, _ k: Int) -> Double {
    guard k >= 0, k <= n else { return 0 }
    var ways = 1.0
    for index in 0..<k { ways = ways * Double(n - index) / Double(index + 1) }
    return ways.rounded()
}

/// What a verification covers and how, known before it starts: what the
/// output states about the space.
public struct VerificationScope: Sendable, Equatable {
    public var method: VerificationMethod
    /// Loyal lieutenants are interchangeable (a complete graph): the exact
    /// method applies, and `strategies` is exact; otherwise it is counted as on
    /// a complete graph, an upper bound.
    public var symmetric: Bool
    /// Every strategy of the paper's adversary: each order, each placement of
    /// up to t faulty generals, and for each message a faulty general sends
    /// (each path and receiver) any value in play or nothing.
    public var strategies: StrategyCount
    /// Placements of up to t faulty generals (none included).
    public var placements: Double
    /// The exact method's sub-problems: the kinds of sub-invocation of OM it
    /// solves, or SM's placements and orders.
    public var subproblems: Int
    /// The exact method's work in tally steps, and the most the budget allows.
    public var exactWork: Double
    public var exactWorkLimit: Double
    /// Sampling only: the size of the spaces the sample is drawn from.
    public var sampledSpace: Double
    /// How many steps the progress line counts to: sub-problems, or strategies sampled.
    public var planned: Int

    public var exhaustive: Bool { method != .sample }
}

/// What a search will cover, known before it starts.
public struct VerificationPlan: Sendable, Equatable {
    public var request: VerificationRequest
    public var scope: VerificationScope
    /// Sampling only: one space per canonical placement and order.
    var spaces: [(order: Int, space: StrategySpace)]
    /// Sampling only: drawn message by message (`Enumeration`), for models
    /// a strategy table cannot express.
    var samplesBySlot = false

    public var method: VerificationMethod { scope.method }
    public var exhaustive: Bool { scope.exhaustive }

    public static func == (a: VerificationPlan, b: VerificationPlan) -> Bool {
        a.request == b.request && a.scope == b.scope && a.samplesBySlot == b.samplesBySlot
            && a.spaces.map(\.order) == b.spaces.map(\.order) && a.spaces.map(\.space) == b.spaces.map(\.space)
    }
}

public struct VerificationResult: Sendable, Equatable {
    public enum Verdict: Sendable, Equatable {
        /// IC1 and IC2 held: for every strategy if the method is exact, else for the sample.
        case holds
        case counterexample(Counterexample)
        /// Stopped on request; nothing was found in what was checked.
        case interrupted
    }

    public var verdict: Verdict
    public var plan: VerificationPlan
    /// Sub-problems solved (exact) or strategies run (sample).
    public var checked: Int

    public var exhaustive: Bool { plan.exhaustive }
}
