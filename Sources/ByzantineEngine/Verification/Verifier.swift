import Foundation

/// `verify`: does some strategy of up to t faulty generals break IC1 or IC2,
/// for some order?
///
/// The exact method decides it for every strategy at once (see
/// `OralMessagesReachability` and `SignedMessagesReachability`), placements of
/// the faulty generals fewest first, so the first violation found has the
/// fewest faulty generals and, among those, the fewest deviating messages; it
/// is then replayed by the engine, and a replay that does not fail exactly as
/// predicted is an error, never a verdict. Loyal lieutenants are
/// interchangeable on a complete graph, so a placement is only whether the
/// commander is faulty and how many lieutenants are. When the exact method
/// would need more than the budget, a seeded sample and a greedy adversary
/// search instead (`Search`), and the result says it is not a proof.
public enum Verifier {
    /// What one sampled strategy costs in the exact method's tally steps: a
    /// run of OM on the armies verify meets (a few hundred to a few thousand
    /// messages) takes about as long as ten thousand steps.
    public static let tallyStepsPerStrategy = 10_000

    /// Sampling explores runs of at most this many messages.
    public static let largestRun = 100_000

    /// Plans and runs a search.
    public static func verify(
        _ request: VerificationRequest, shouldStop: () -> Bool = { false },
        progress: @escaping (VerificationProgress) -> Void = { _ in }
    ) throws(EngineError) -> VerificationResult {
        try search(plan(request), shouldStop: shouldStop, progress: progress)
    }

    /// What a search will cover, known before it starts: the sizes, the
    /// method, and for sampling the spaces it draws from.
    public static func plan(_ request: VerificationRequest) throws(EngineError) -> VerificationPlan {
        guard let firstOrder = request.orders.first else { throw .unknownValue(-1) }
        for order in request.orders {
            // Only a counterexample's replay is a run, so the message limit waits for one.
            try request.algorithm.validate(request.problem(order: order, [:]), m: request.m, messageLimit: .max)
        }
        let (subproblems, work) = exactCost(request)
        let limit = Double(request.budget) * Double(tallyStepsPerStrategy)
        let symmetric = request.delivery.symmetry == .loyalLieutenantsInterchangeable
        // SM's exact method reasons about chains any lieutenant can extend to
        // any other, which missing links break; OM's on a graph about
        // messages whose fate depends on their line and round alone.
        let decidable = symmetric || (request.algorithm == .om && GraphOralMessagesReachability.models(request))
        let enumerated = decidable ? nil : Enumeration(request: request).size(limit: request.budget)
        let method: VerificationMethod = decidable ? (work <= limit ? .exact : .sample) : (enumerated == nil ? .sample : .enumerate)
        // Strategy tables choose per receiver and leave loyal generals' messages
        // alone: a broadcast channel or a withholding network is sampled slot by slot.
        let bySlot = request.delivery.channel == .broadcast || request.delivery.networkCanWithhold
        var plan = VerificationPlan(
            request: request,
            scope: VerificationScope(
                method: method, symmetric: symmetric, strategies: strategyCount(request), placements: placementCount(request),
                subproblems: subproblems, exactWork: work, exactWorkLimit: limit, sampledSpace: 0,
                planned: enumerated ?? (method == .exact ? subproblems : bySlot ? Enumeration(request: request).sampleShare.planned : request.budget)),
            spaces: [], samplesBySlot: method == .sample && bySlot)
        guard method == .sample else { return plan }
        try request.algorithm.validate(request.problem(order: firstOrder, [:]), m: request.m, messageLimit: largestRun)
        guard !bySlot else { return plan }
        let choices: [StrategySpace.Choice] =
            (0..<request.valueCount).map { .value($0) } + (request.algorithm == .sm ? [.nothing] : [])
        for order in request.orders {
            for faulty in canonicalPlacements(request) {
                plan.spaces.append((order, StrategySpace(
                    generalCount: request.generalCount, commander: request.commander, rounds: request.m + 1, faulty: faulty,
                    choices: choices, delivery: request.delivery)))
            }
        }
        plan.scope.sampledSpace = plan.spaces.reduce(0) { total, entry in
            total + (entry.space.size.map(Double.init) ?? Foundation.pow(Double(choices.count), Double(entry.space.variables.count)))
        }
        return plan
    }

    public static func search(
        _ plan: VerificationPlan, shouldStop: () -> Bool = { false },
        progress: @escaping (VerificationProgress) -> Void = { _ in }
    ) throws(EngineError) -> VerificationResult {
        switch (plan.method, plan.request.algorithm) {
        case (.exact, .om) where plan.scope.symmetric: try decideOralMessages(plan, shouldStop: shouldStop, progress: progress)
        case (.exact, .om): try decideOralMessagesOnGraph(plan, shouldStop: shouldStop, progress: progress)
        case (.exact, .sm): try decideSignedMessages(plan, shouldStop: shouldStop, progress: progress)
        case (.enumerate, _): try enumerate(plan, sample: nil, shouldStop: shouldStop, progress: progress)
        case (.sample, _) where plan.samplesBySlot:
            try enumerate(plan, sample: Enumeration(request: plan.request).sampleShare.perPlacement, shouldStop: shouldStop, progress: progress)
        case (.sample, _): try sample(plan, shouldStop: shouldStop, progress: progress)
        }
    }

    // MARK: - Placements

    /// Which generals are faulty, up to interchanging loyal lieutenants.
    struct Placement: Hashable {
        var commanderIsFaulty: Bool
        var lieutenants: Int

        var size: Int { lieutenants + (commanderIsFaulty ? 1 : 0) }

        /// The generals: the commander if faulty, and the last lieutenants in army order.
        func faulty(in request: VerificationRequest) -> [Int] {
            (commanderIsFaulty ? [request.commander] : []) + request.lieutenants.suffix(lieutenants)
        }

        func loyalLieutenants(in request: VerificationRequest) -> [Int] {
            Array(request.lieutenants.dropLast(lieutenants))
        }
    }

    /// Every placement of `size` faulty generals: lieutenants only, then with the commander.
    static func placements(ofSize size: Int, _ request: VerificationRequest) -> [Placement] {
        let lieutenants = request.generalCount - 1
        var placements: [Placement] = []
        if size <= lieutenants { placements.append(Placement(commanderIsFaulty: false, lieutenants: size)) }
        if size >= 1, size - 1 <= lieutenants { placements.append(Placement(commanderIsFaulty: true, lieutenants: size - 1)) }
        return placements
    }

    static func sizes(_ request: VerificationRequest) -> ClosedRange<Int> {
        0...max(0, min(request.traitors, request.generalCount))
    }

    /// The top sub-problem of OM(m) for an order and a placement.
    private static func top(order: Int, _ placement: Placement, _ request: VerificationRequest) -> SubProblem {
        SubProblem(
            rounds: request.m, commanderIsLoyal: !placement.commanderIsFaulty, held: order,
            loyal: request.generalCount - 1 - placement.lieutenants, faulty: placement.lieutenants)
    }

    private static func tops(_ request: VerificationRequest) -> [SubProblem] {
        request.orders.flatMap { order in
            sizes(request).flatMap { placements(ofSize: $0, request) }.map { top(order: order, $0, request) }
        }
    }

    // MARK: - Sizes

    /// Every strategy: Σ over orders and placements F of (values + 1)^(messages F's generals send).
    ///
    /// OM sends along every path of r generals, commander first, to each of
    /// the last one's neighbours off the path: the commander's neighbours in
    /// round 1; a lieutenant g, on the P(n − 3, r − 2) paths that end with it
    /// and miss a given neighbour h ≠ commander, one message to h. (Under SM
    /// some of those paths carry nothing, but a strategy still says what it
    /// would send on each.)
    static func strategyCount(_ request: VerificationRequest) -> StrategyCount {
        let n = request.generalCount
        let links = request.delivery.links
        let commanderSends = Double(links.neighbours(of: request.commander).count)
        // Paths per neighbour a lieutenant can send to: Σ_r P(n − 3, r − 2).
        var pathsPerNeighbour = 0.0
        var paths = 1.0
        for r in 2...max(2, request.m + 1) where r <= request.m + 1 {
            pathsPerNeighbour += paths
            paths *= Double(n - 1 - r)
        }
        let sends = (0..<n).map { general in
            general == request.commander
                ? commanderSends
                : Double(links.neighbours(of: general).filter { $0 != request.commander }.count) * pathsPerNeighbour
        }
        let choices = Double(request.valueCount + 1)
        let orders = Double(request.orders.count)
        guard request.delivery.symmetry == .none else {
            // Every lieutenant sends as many: count placements by size.
            return StrategyCount.sum(sizes(request).flatMap { size in
                placements(ofSize: size, request).map { placement in
                    let sent = (placement.commanderIsFaulty ? commanderSends : 0) + Double(placement.lieutenants) * (request.lieutenants.first.map { sends[$0] } ?? 0)
                    return (binomial(n - 1, placement.lieutenants) * orders, choices, sent)
                }
            })
        }
        // Under broadcast a faulty general chooses once per path it sends on;
        // a withholding network chooses for each loyal message whether it arrives.
        let broadcast = request.delivery.channel == .broadcast
        let withholds = request.delivery.networkCanWithhold
        var pathsToLieutenant = 0.0
        var permutations = 1.0
        for r in 2...max(2, request.m + 1) where r <= request.m + 1 {
            pathsToLieutenant += permutations
            permutations *= Double(n - r)
        }
        let chooses = (0..<n).map { general in
            broadcast ? (general == request.commander ? 1 : pathsToLieutenant) : sends[general]
        }
        let total = sends.reduce(0, +)
        return StrategyCount.sum(sizes(request).flatMap { size in
            faultySets(ofSize: size, generalCount: n).map { faulty in
                let sentByFaulty = faulty.reduce(0.0) { $0 + sends[$1] }
                return (orders, [(choices, faulty.reduce(0.0) { $0 + chooses[$1] }), (2, withholds ? total - sentByFaulty : 0)])
            }
        })
    }

    static func placementCount(_ request: VerificationRequest) -> Double {
        sizes(request).reduce(0.0) { $0 + binomial(request.generalCount, $1) }
    }

    /// Every set of `size` generals, in lexicographic order of army indices.
    static func faultySets(ofSize size: Int, generalCount n: Int) -> [[Int]] {
        guard size > 0 else { return [[]] }
        guard size <= n else { return [] }
        var sets: [[Int]] = []
        var current = Array(0..<size)
        while true {
            sets.append(current)
            var index = size - 1
            while index >= 0, current[index] == n - size + index { index -= 1 }
            guard index >= 0 else { return sets }
            current[index] += 1
            for next in (index + 1)..<size { current[next] = current[next - 1] + 1 }
        }
    }

    /// The exact method's sub-problems and its work in tally steps.
    static func exactCost(_ request: VerificationRequest) -> (subproblems: Int, work: Double) {
        switch request.algorithm {
        case .sm:
            let cases = request.orders.count * sizes(request).reduce(0) { $0 + placements(ofSize: $1, request).count }
            return (cases, Double(cases))
        case .om where request.delivery.symmetry == .none:
            let lieutenants = request.generalCount - 1
            let work = sizes(request).reduce(0.0) { total, size in
                let perPlacement = { (commanderIsFaulty: Bool) in
                    GraphOralMessagesReachability.work(
                        generalCount: request.generalCount, m: request.m, valueCount: request.valueCount, faulty: size,
                        commanderIsFaulty: commanderIsFaulty)
                }
                // Placements of lieutenants only, and those with the commander.
                return total + Double(request.orders.count)
                    * (binomial(lieutenants, size) * perPlacement(false) + binomial(lieutenants, size - 1) * perPlacement(true))
            }
            return (request.orders.count * Int(placementCount(request)), work)
        case .om:
            let needed = OralMessagesReachability.needed(tops: tops(request), valueCount: request.valueCount)
            let work = needed.reduce(0.0) { total, problem in
                total + OralMessagesReachability.work(problem, valueCount: request.valueCount)
            }
            return (needed.count, work)
        }
    }

    // MARK: - OM, exactly

    private static func decideOralMessages(
        _ plan: VerificationPlan, shouldStop: () -> Bool, progress: @escaping (VerificationProgress) -> Void
    ) throws(EngineError) -> VerificationResult {
        let request = plan.request
        var solved = 0
        let reachability: OralMessagesReachability
        do {
            reachability = try OralMessagesReachability(
                valueCount: request.valueCount, defaultValue: request.defaultValue, tops: tops(request), shouldStop: shouldStop
            ) { done, planned in
                solved = done
                progress(VerificationProgress(checked: done, planned: planned))
            }
        } catch .cancelled {
            return VerificationResult(verdict: .interrupted, plan: plan, checked: solved)
        }
        for size in sizes(request) {
            // The cheapest violation of this many faulty generals; ties go to the first order, then placement.
            var best: (cost: Cost, order: Int, placement: Placement, outcome: Int)?
            for order in request.orders {
                for placement in placements(ofSize: size, request) {
                    let reach = reachability.reach(top(order: order, placement, request))
                    let (cost, outcome) = placement.commanderIsFaulty
                        ? cheapest(reach.pair) { $0 / request.valueCount != $0 % request.valueCount }
                        : cheapest(reach.single) { $0 != order }
                    if cost < (best?.cost ?? .unreachable) { best = (cost, order, placement, outcome) }
                }
            }
            guard let best else { continue }
            var witness = OralMessagesWitness(model: reachability.placed(faulty: Set(best.placement.faulty(in: request))))
            let loyal = best.placement.loyalLieutenants(in: request)
            try witness.realize(
                path: [request.commander], members: request.lieutenants, held: best.order, rounds: request.m,
                deciding: Array(loyal.prefix(best.placement.commanderIsFaulty ? 2 : 1)), outcome: best.outcome)
            let found = try replay(witness.messages, order: best.order, request)
            guard found.deviatingMessages == Int(best.cost) else {
                throw .inconsistentVerification("the counterexample deviates in \(found.deviatingMessages) messages, not \(best.cost)")
            }
            return VerificationResult(verdict: .counterexample(found), plan: plan, checked: solved)
        }
        return VerificationResult(verdict: .holds, plan: plan, checked: solved)
    }

    // MARK: - OM on a graph, exactly

    /// One placement's cheapest violation: the loyal lieutenants it turns
    /// (one from the order, or a pair apart) and what they decide.
    private struct GraphViolation {
        var cost: Cost
        var deciding: [Int]
        var outcome: Int
    }

    /// Every placement of every size on its own (no two generals need play
    /// the same part), fewest faulty generals first; each placement's
    /// sub-invocations solved once for all its orders.
    private static func decideOralMessagesOnGraph(
        _ plan: VerificationPlan, shouldStop: () -> Bool, progress: @escaping (VerificationProgress) -> Void
    ) throws(EngineError) -> VerificationResult {
        let request = plan.request
        var checked = 0
        for size in sizes(request) {
            let placements = faultySets(ofSize: size, generalCount: request.generalCount)
            var best: (violation: GraphViolation, order: Int, faulty: [Int])?
            for wave in stride(from: 0, to: placements.count, by: Parallel.width) {
                // A request to stop is heard between waves of placements.
                if shouldStop() { return VerificationResult(verdict: .interrupted, plan: plan, checked: checked) }
                let batch = Array(placements[wave..<min(wave + Parallel.width, placements.count)])
                let results = try Parallel.map(batch.count) { index throws(EngineError) in
                    try graphViolations(request, faulty: batch[index])
                }
                for (faulty, violations) in zip(batch, results) {
                    // Ties go to the first order, then the first placement.
                    for (order, violation) in zip(request.orders, violations) {
                        guard let violation, violation.cost < best?.violation.cost ?? .unreachable else { continue }
                        best = (violation, order, faulty)
                    }
                    checked += request.orders.count
                }
                progress(VerificationProgress(checked: checked, planned: plan.scope.planned))
            }
            guard let best else { continue }
            var reachability = GraphOralMessagesReachability(request: request, faulty: best.faulty)
            _ = try reachability.solve(topCall(request, order: best.order), shouldStop: { false })
            var witness = OralMessagesWitness(model: reachability)
            try witness.realize(
                path: [request.commander], members: request.lieutenants, held: best.order, rounds: request.m,
                deciding: best.violation.deciding, outcome: best.violation.outcome)
            let found = try replay(witness.messages, order: best.order, request)
            guard found.deviatingMessages == Int(best.violation.cost) else {
                throw .inconsistentVerification(
                    "the counterexample deviates in \(found.deviatingMessages) messages, not \(best.violation.cost)")
            }
            return VerificationResult(verdict: .counterexample(found), plan: plan, checked: checked)
        }
        return VerificationResult(verdict: .holds, plan: plan, checked: checked)
    }

    private static func topCall(_ request: VerificationRequest, order: Int) -> Call {
        Call(commander: request.commander, members: request.lieutenants, held: order, rounds: request.m)
    }

    /// For each order, the cheapest violation `faulty` can bring about, if any.
    private static func graphViolations(_ request: VerificationRequest, faulty: [Int]) throws(EngineError) -> [GraphViolation?] {
        var reachability = GraphOralMessagesReachability(request: request, faulty: faulty)
        let loyal = request.lieutenants.filter { !faulty.contains($0) }
        let values = request.valueCount
        return try request.orders.map { order throws(EngineError) in
            let reached = try reachability.solve(topCall(request, order: order), shouldStop: { false })
            var best: GraphViolation?
            if faulty.contains(request.commander) {
                for (index, first) in loyal.enumerated() {
                    for second in loyal[(index + 1)...] {
                        let (cost, outcome) = cheapest(reached.pair(first, second)) { $0 / values != $0 % values }
                        if cost < best?.cost ?? .unreachable { best = GraphViolation(cost: cost, deciding: [first, second], outcome: outcome) }
                    }
                }
            } else {
                for lieutenant in loyal {
                    let (cost, outcome) = cheapest(reached.single(lieutenant)) { $0 != order }
                    if cost < best?.cost ?? .unreachable { best = GraphViolation(cost: cost, deciding: [lieutenant], outcome: outcome) }
                }
            }
            return best
        }
    }

    /// The cheapest outcome that `breaks`, first in index order on a tie.
    private static func cheapest(_ costs: [Cost], where breaks: (Int) -> Bool) -> (Cost, Int) {
        var best: (Cost, Int) = (.unreachable, 0)
        for (outcome, cost) in costs.enumerated() where breaks(outcome) && cost < best.0 { best = (cost, outcome) }
        return best
    }

    // MARK: - SM, exactly

    private static func decideSignedMessages(
        _ plan: VerificationPlan, shouldStop: () -> Bool, progress: @escaping (VerificationProgress) -> Void
    ) throws(EngineError) -> VerificationResult {
        let request = plan.request
        var checked = 0
        for size in sizes(request) {
            var best: Counterexample?
            for order in request.orders {
                for placement in placements(ofSize: size, request) {
                    if shouldStop() { return VerificationResult(verdict: .interrupted, plan: plan, checked: checked) }
                    checked += 1
                    progress(VerificationProgress(checked: checked, planned: plan.scope.planned))
                    let reachability = SignedMessagesReachability(
                        m: request.m, valueCount: request.valueCount, defaultValue: request.defaultValue, order: order,
                        commanderIsLoyal: !placement.commanderIsFaulty, faultyLieutenants: placement.lieutenants,
                        loyalLieutenants: request.generalCount - 1 - placement.lieutenants)
                    guard reachability.violates else { continue }
                    let faulty = Array(request.lieutenants.suffix(placement.lieutenants))
                    let witness = SignedMessagesWitness(request: request, order: order, faultyLieutenants: faulty).messages
                    let kept = try dropEach(witness, shouldStop: shouldStop) { messages throws(EngineError) in
                        Evaluator.violates(try run(messages, order: order, request))
                    }
                    let found = try replay(kept, order: order, request)
                    if found.messages.count < best?.messages.count ?? .max { best = found }
                }
            }
            if let best { return VerificationResult(verdict: .counterexample(best), plan: plan, checked: checked) }
        }
        return VerificationResult(verdict: .holds, plan: plan, checked: checked)
    }

    // MARK: - Every strategy, one by one

    /// Every strategy, or with `sample` that many of each placement and order.
    private static func enumerate(
        _ plan: VerificationPlan, sample: Int?, shouldStop: () -> Bool, progress: @escaping (VerificationProgress) -> Void
    ) throws(EngineError) -> VerificationResult {
        let request = plan.request
        var checked = 0
        let found: Enumeration.Found?
        do {
            found = try Enumeration(request: request).search(sample: sample, shouldStop: shouldStop) { done in
                checked = done
                progress(VerificationProgress(checked: done, planned: plan.scope.planned))
            }
        } catch .cancelled {
            return VerificationResult(verdict: .interrupted, plan: plan, checked: checked)
        }
        guard let found else { return VerificationResult(verdict: .holds, plan: plan, checked: checked) }
        // Every message of the placement has a rule; keep those the violation
        // needs (then no rule can be left out). Under SM or a withholding
        // network leaving a rule out can let through a relay that others then
        // change: where every strategy ran, the cheapest found stays the answer.
        let kept = try dropEach(found.messages, shouldStop: { false }) { messages throws(EngineError) in
            Evaluator.violates(try run(messages, order: found.order, request))
        }
        let shorter = try replay(kept, order: found.order, request)
        let counterexample = plan.exhaustive && shorter.deviatingMessages > found.deviating
            ? try replay(found.messages, order: found.order, request) : shorter
        // Every strategy ran, and the search kept the cheapest: the replay must cost exactly that.
        guard !plan.exhaustive || counterexample.deviatingMessages == found.deviating else {
            throw .inconsistentVerification(
                "the counterexample deviates in \(counterexample.deviatingMessages) messages, not \(found.deviating)")
        }
        return VerificationResult(verdict: .counterexample(counterexample), plan: plan, checked: checked)
    }

    // MARK: - Replays

    private static func run(_ messages: [DeviatingMessage], order: Int, _ request: VerificationRequest) throws(EngineError) -> Outcome {
        try request.algorithm.run(request.problem(order: order, messages), m: request.m, messageLimit: request.messageLimit)
    }

    /// The counterexample the messages make, run by the engine; an error if it does not break IC1 or IC2.
    private static func replay(_ messages: [DeviatingMessage], order: Int, _ request: VerificationRequest) throws(EngineError) -> Counterexample {
        let outcome = try run(messages, order: order, request)
        guard Evaluator.violates(outcome) else {
            throw .inconsistentVerification("the counterexample's replay keeps IC1 and IC2")
        }
        let problem = request.problem(order: order, messages)
        var withheld: [NetworkDelay] = []
        if case .asynchronous(let asynchrony) = problem.delivery.timing { withheld = asynchrony.delays }
        return Counterexample(
            order: order, messages: messages, deviations: problem.deviations.enumerated().reduce(into: [:]) { rules, entry in
                if !entry.element.isEmpty { rules[entry.offset] = entry.element }
            }, delays: withheld, outcome: outcome)
    }

    /// Drops each item in turn whose loss keeps `stillViolates` true; stops
    /// early when asked (what is left still violates, only with more than it needs).
    static func dropEach<Item>(
        _ items: [Item], limit: Int = .max, shouldStop: () -> Bool,
        stillViolates: ([Item]) throws(EngineError) -> Bool
    ) throws(EngineError) -> [Item] {
        var kept = items
        var index = 0
        var attempts = 0
        while index < kept.count, attempts < limit, !shouldStop() {
            attempts += 1
            var without = kept
            without.remove(at: index)
            if try stillViolates(without) { kept = without } else { index += 1 }
        }
        return kept
    }

    // MARK: - Sampling

    private static func sample(
        _ plan: VerificationPlan, shouldStop: () -> Bool, progress: @escaping (VerificationProgress) -> Void
    ) throws(EngineError) -> VerificationResult {
        var checked = 0
        for (index, entry) in plan.spaces.enumerated() {
            var search = Search(request: plan.request, order: entry.order, planned: plan.scope.planned, alreadyChecked: checked, progress: progress)
            let found = try search.sample(entry.space, placement: index, of: plan.spaces.count, shouldStop: shouldStop)
            checked = search.checked
            if let found {
                let counterexample = try search.minimise(found, in: entry.space, shouldStop: shouldStop)
                return VerificationResult(verdict: .counterexample(counterexample), plan: plan, checked: checked)
            }
            if search.wasInterrupted { return VerificationResult(verdict: .interrupted, plan: plan, checked: checked) }
        }
        return VerificationResult(verdict: .holds, plan: plan, checked: checked)
    }

    /// Fewest faulty generals first; for each count, lieutenants only before the commander with lieutenants.
    static func canonicalPlacements(_ request: VerificationRequest) -> [[Int]] {
        sizes(request).dropFirst().flatMap { placements(ofSize: $0, request) }.map { $0.faulty(in: request) }
    }
}
