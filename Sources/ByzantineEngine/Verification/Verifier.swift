import Dispatch

/// `verify`: search the strategies of the faulty generals for a violation of
/// IC1 or IC2.
///
/// Placements of up to t faulty generals are searched fewest first. Loyal
/// lieutenants are interchangeable, so one representative per placement shape
/// is enough: the commander or not, plus the last k lieutenants. Each
/// placement's strategies (see `StrategySpace`) are searched exhaustively when
/// the whole reduced space fits the budget, in chunks run on every core; the
/// answer is the first violation in a fixed order, so it does not depend on the
/// number of cores. Beyond the budget a seeded random sample and a greedy
/// adversary are tried, and the result says it is not a proof.
public enum Verifier {
    /// Verification explores runs of at most this many messages.
    public static let largestRun = 100_000

    /// Plans and runs a search.
    public static func verify(
        _ request: VerificationRequest, shouldStop: () -> Bool = { false },
        progress: @escaping (VerificationProgress) -> Void = { _ in }
    ) throws(EngineError) -> VerificationResult {
        try search(plan(request), shouldStop: shouldStop, progress: progress)
    }

    /// What a search will cover, known before it starts: the placements, their
    /// strategy spaces, the sizes and whether the budget allows all of it.
    public static func plan(_ request: VerificationRequest) throws(EngineError) -> VerificationPlan {
        try request.algorithm.validate(request.problem([:]), m: request.m, messageLimit: largestRun)
        let placements = canonicalPlacements(request)
        let choices: [StrategySpace.Choice] =
            (0..<request.valueCount).map { .value($0) } + (request.algorithm == .sm ? [.nothing] : [])
        let spaces = placements.map {
            StrategySpace(generalCount: request.generalCount, commander: request.commander, rounds: request.m + 1, faulty: $0, choices: choices)
        }
        let sizes = spaces.map { space in space.size.map(Double.init) ?? pow(Double(choices.count), Double(space.variables.count)) }
        let reducedSize = sizes.reduce(0, +)
        let fullSize = zip(spaces, sizes).reduce(0.0) { total, pair in
            total + pair.1 * Double(equivalentPlacements(of: pair.0.faulty, request))
        }
        return VerificationPlan(
            request: request, spaces: spaces, fullSize: fullSize, reducedSize: reducedSize,
            exhaustive: reducedSize <= Double(request.budget))
    }

    public static func search(
        _ plan: VerificationPlan, shouldStop: () -> Bool = { false },
        progress: @escaping (VerificationProgress) -> Void = { _ in }
    ) throws(EngineError) -> VerificationResult {
        let request = plan.request
        var search = Search(request: request, planned: plan.plannedChecks, progress: progress)
        for (index, space) in plan.spaces.enumerated() {
            let found = plan.exhaustive
                ? try search.exhaust(space, shouldStop: shouldStop)
                : try search.sample(space, placement: index, of: plan.spaces.count, shouldStop: shouldStop)
            if let found {
                return VerificationResult(
                    verdict: .counterexample(try search.minimise(found, in: space, shouldStop: shouldStop)), plan: plan,
                    checked: search.checked)
            }
            if search.wasInterrupted { break }
        }
        return VerificationResult(verdict: search.wasInterrupted ? .interrupted : .holds, plan: plan, checked: search.checked)
    }

    /// Fewest faulty generals first; for each count, lieutenants only before the commander with lieutenants.
    static func canonicalPlacements(_ request: VerificationRequest) -> [[Int]] {
        let lieutenants = (0..<request.generalCount).filter { $0 != request.commander }
        var placements: [[Int]] = []
        for count in 1...max(1, min(request.traitors, request.generalCount)) {
            if count <= lieutenants.count { placements.append(Array(lieutenants.suffix(count))) }
            placements.append([request.commander] + lieutenants.suffix(count - 1))
        }
        return placements
    }

    /// How many placements a canonical one stands for: any choice of its number of lieutenants.
    static func equivalentPlacements(of placement: [Int], _ request: VerificationRequest) -> Double {
        let lieutenants = request.generalCount - 1
        let chosen = placement.filter { $0 != request.commander }.count
        var ways = 1.0
        for index in 0..<chosen { ways = ways * Double(lieutenants - index) / Double(index + 1) }
        return ways
    }

    private static func pow(_ base: Double, _ exponent: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(exponent) { result *= base }
        return result
    }
}
