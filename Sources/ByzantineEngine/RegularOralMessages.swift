/// The oral-messages algorithm OM(m, p) of the paper's Section 5, for graphs
/// that are not complete but p-regular (Definition 1).
///
/// (1) The commander chooses a regular set N of p neighbours and sends its
/// value to each. (2) Each i in N, with v_i what it received (or `default`),
/// sends v_i to every other lieutenant k: for m = 1 along the path γ_{i,k}
/// that Definition 1 provides, each general on it passing the value on; for
/// m > 1 as the commander of OM(m − 1, p − 1) on the graph without the
/// commander. (3) Each lieutenant k takes the majority of the p values it got
/// from the members of N (its own v_k if it is one), `default` without a strict
/// majority. Theorem 3: with at most m traitors and p ≥ 3m, IC1 and IC2 hold.
///
/// Messages are counted link by link: a value relayed along a path of k links
/// is k messages, each a message of the general that passes it on, whose
/// rules can change or drop it (`about` names the path it came along).
/// The regular sets are the first in `Links.regularSet`'s order, so a run is
/// reproducible.
public enum RegularOralMessages {
    /// Checks what OM(m, p) needs before it runs: m ≥ 1 and m ≤ p (each level
    /// needs a regular set one smaller), and a regular set of p neighbours for
    /// the commander (the deeper levels are checked as they are reached).
    public static func validate(_ problem: GeneralsProblem, m: Int, p: Int, messageLimit: Int) throws(EngineError) {
        try problem.validate()
        let n = problem.generalCount
        guard m >= 1, m < n - 1 else { throw .invalidRounds(m: m, generals: n) }
        guard p >= 1, p >= m else { throw .invalidRegularity(p: p) }
        let links = problem.delivery.links
        guard links.regularSet(of: problem.commander, size: p, within: Array(0..<n)) != nil else {
            throw .notRegular(general: problem.commander, p: p)
        }
    }

    public static func run(
        _ problem: GeneralsProblem, m: Int, p: Int, messageLimit: Int = 1_000_000_000, recordTrace: Bool = false,
        shouldStop: () -> Bool = { false }
    ) throws(EngineError) -> Outcome {
        try validate(problem, m: m, p: p, messageLimit: messageLimit)
        var run = RegularOralMessagesRun(problem: problem, messageLimit: messageLimit, recordsTrace: recordTrace)
        let decided = try run.om(
            m: m, p: p, path: [problem.commander], value: problem.order, members: problem.lieutenants, shouldStop: shouldStop)
        var decisions = Array(repeating: problem.order, count: problem.generalCount)
        for (general, decision) in decided { decisions[general] = decision }
        var outcome = Outcome(problem: problem, allDecisions: decisions, messagesPerRound: run.messagesPerRound)
        outcome.lies = run.lies
        outcome.drops = run.drops
        outcome.network = run.network
        outcome.trace = run.trace
        return outcome
    }
}

/// The state of one OM(m, p) run: counts, and the trace when asked for.
struct RegularOralMessagesRun {
    let problem: GeneralsProblem
    private let delivery: CompiledDelivery
    let messageLimit: Int
    private(set) var messagesPerRound: [Int] = []
    /// Messages sent so far, against `messageLimit`.
    private var sent = 0
    private(set) var lies = 0
    private(set) var drops = 0
    private(set) var network = NetworkCounts()
    private(set) var trace: Trace?

    init(problem: GeneralsProblem, messageLimit: Int, recordsTrace: Bool) {
        self.problem = problem
        delivery = CompiledDelivery(problem: problem)
        self.messageLimit = messageLimit
        trace = recordsTrace ? Trace() : nil
    }

    /// OM(m, p) commanded by `path.last`, which holds `value`, over `members`
    /// (the graph is they and the commander): every member's decision.
    mutating func om(
        m: Int, p: Int, path: [Int], value: Int, members: [Int], shouldStop: () -> Bool
    ) throws(EngineError) -> [Int: Int] {
        if shouldStop() { throw .cancelled }
        guard let commander = path.last else { return [:] }
        let graph = (members + [commander]).sorted()
        guard let regular = problem.delivery.links.regularSet(of: commander, size: p, within: graph) else {
            throw .notRegular(general: commander, p: p)
        }
        // (1) The commander sends its value to its regular set N.
        var held: [Int: Int] = [:]
        for member in regular.neighbours {
            held[member] = try send(path: path, to: member, loyal: value) ?? problem.defaultValue
        }
        // (2) Each member of N tells every other lieutenant.
        var heard: [Int: [(from: Int, value: Int)]] = [:]
        for (index, member) in regular.neighbours.enumerated() {
            let relayed = held[member] ?? problem.defaultValue
            if m == 1 {
                for k in members where k != member {
                    let route = regular.paths[k]?[index] ?? []
                    heard[k, default: []].append((member, try relay(relayed, path: path, along: route)))
                }
            } else {
                let others = members.filter { $0 != member }
                let decided = try om(m: m - 1, p: p - 1, path: path + [member], value: relayed, members: others, shouldStop: shouldStop)
                for k in others { heard[k, default: []].append((member, decided[k] ?? problem.defaultValue)) }
            }
        }
        // (3) Each lieutenant takes the majority of the p values, its own first if it is in N.
        var decisions: [Int: Int] = [:]
        for k in members {
            var inputs = heard[k] ?? []
            if let own = held[k] { inputs.insert((commander, own), at: 0) }
            let decision = majority(inputs.map(\.value))
            decisions[k] = decision
            trace?.majorities.append(Trace.Majority(path: path, lieutenant: k, inputs: inputs, result: decision))
        }
        return decisions
    }

    /// What arrives at the end of `route` (γ: the member of N first, the
    /// receiver last) when the member sends `value` and each general on the
    /// way passes on what it got; the messages' paths start with `path`, the
    /// commanders above. Nothing on the way means nothing arrives: the default.
    private mutating func relay(_ value: Int, path: [Int], along route: [Int]) throws(EngineError) -> Int {
        var carried = value
        for hop in route.indices.dropLast() {
            guard let got = try send(path: path + route[...hop], to: route[hop + 1], loyal: carried, headedFor: route.last) else {
                return problem.defaultValue
            }
            carried = got
        }
        return carried
    }

    /// One message: what `path.last` sends `receiver` where a loyal general
    /// would send `loyal`, as its rules and delivery make it (nil: nothing).
    /// `destination`: for one link of a path γ, the lieutenant at its end.
    private mutating func send(path: [Int], to receiver: Int, loyal: Int, headedFor destination: Int? = nil) throws(EngineError) -> Int? {
        let fate = delivery.fate(path: path, to: receiver)
        // The regular sets and paths γ follow the graph's lines.
        guard fate.isSent else { return nil }
        let got = problem.sent(path: path, to: receiver, loyalValue: loyal)
        let round = path.count
        while messagesPerRound.count < round { messagesPerRound.append(0) }
        if let got {
            messagesPerRound[round - 1] += 1
            sent += 1
            if got != loyal { lies += 1 }
            network.count(fate)
        } else {
            drops += 1
        }
        guard sent <= messageLimit else { throw .tooManyMessages(needed: nil, limit: messageLimit) }
        trace?.messages.append(Trace.Message(
            round: round, path: path, receiver: receiver, loyalValue: loyal, value: got,
            disposition: got == nil ? .dropped : .init(fate), destination: destination, delay: fate.delay))
        return fate.isReceived ? got : nil
    }

    private func majority(_ values: [Int]) -> Int {
        var counts: [Int: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.first { $0.value * 2 > values.count }?.key ?? problem.defaultValue
    }
}
