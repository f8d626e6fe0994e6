/// How likely each ending is when the city captures every messenger that
/// sets out independently, with probability `loss`.
///
/// The outcome depends only on how many messengers got through. Alternating,
/// the messengers stop at the first capture, so exactly j arrive (the first j)
/// with probability (1 − p)^j · p for j < k, and all k with (1 − p)^k.
/// Flooding, each of the k copies arrives on its own, so j arrive with the
/// binomial probability C(k, j) (1 − p)^j p^(k − j).
///
/// With the default rules this gives closed forms:
/// - flooding (A attacks always, B on one copy): they fail to coordinate only
///   when every copy is captured, so P(coordinated) = 1 − p^k;
/// - alternating (attack when every messenger to you arrived): both attack
///   only when all k arrive, and one attacks alone exactly when the first k − 1
///   arrive and the last is captured (for k = 1, A attacks alone when the
///   order is captured), so P(coordinated) = 1 − p (1 − p)^(k − 1), and
///   P(city captured) = (1 − p)^k.
public struct TwoGeneralsOdds: Sendable, Equatable {
    public var cityCaptured: Double
    public var armyDefeated: Double
    public var nothingHappens: Double

    public var coordinated: Double { cityCaptured + nothingHappens }

    public init(_ problem: TwoGenerals, loss p: Double) {
        var odds = (captured: 0.0, defeated: 0.0, nothing: 0.0)
        let k = problem.messengers
        for (arrived, probability) in Self.arrivals(messengers: k, messaging: problem.messaging, loss: p) {
            let deliveries = (0..<k).map { $0 < arrived ? TwoGenerals.Delivery.arrived : .captured }
            switch problem.outcome(of: deliveries).verdict {
            case .cityCaptured: odds.captured += probability
            case .armyDefeated: odds.defeated += probability
            case .nothingHappens: odds.nothing += probability
            }
        }
        (cityCaptured, armyDefeated, nothingHappens) = odds
    }

    /// For each number of messengers that can arrive, its probability. Which
    /// ones arrive does not matter to the decisions when they are the first
    /// j (alternating) or when every one is addressed to B (flooding).
    static func arrivals(messengers k: Int, messaging: TwoGenerals.Messaging, loss p: Double) -> [(Int, Double)] {
        guard k >= 1 else { return [(0, 1)] }
        switch messaging {
        case .alternating:
            return (0...k).map { j in (j, j < k ? power(1 - p, j) * p : power(1 - p, k)) }
        case .flooding:
            var choose = 1.0
            return (0...k).map { j in
                defer { choose = choose * Double(k - j) / Double(j + 1) }
                return (j, choose * power(1 - p, j) * power(p, k - j))
            }
        }
    }

    /// x^n for n ≥ 0, with 0^0 = 1.
    static func power(_ x: Double, _ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<max(n, 0) { result *= x }
        return result
    }
}
