/// The impossibility of the Two Generals Problem, checked by brute force:
/// every pair of threshold rules (A attacks when it received at least a
/// messengers, B at least b, or never) against every loss pattern. Each pair
/// either never attacks, even when every messenger arrives, or has a loss
/// pattern in which one general attacks alone; none coordinates always and
/// attacks sometimes.
///
/// B's rules need the order (b ≥ 1): a B that attacks with nothing received
/// is not answering A at all, and would attack even if A had called it off.
/// A may attack on nothing (`always`: it sent the order itself).
///
/// Why no pair can work: the outcome depends on how many messengers got
/// through before the first capture, and each extra messenger changes what
/// only one general has received; walking down from "all arrived" (both
/// attack) to "none arrived" (B cannot attack), some single step changes one
/// decision and not the other.
public struct TwoGeneralsVerification: Sendable, Equatable {
    /// 2^12 = 4,096 loss patterns for each pair: instant, and twelve
    /// messengers already make the point.
    public static let messengerLimit = 12

    public enum Finding: Sendable, Equatable {
        /// Coordinated under every loss pattern because neither general ever attacks.
        case neverAttacks
        /// Under the loss pattern `lost` (the first in `TwoGeneralsLossPatterns`
        /// order), `general` attacks alone.
        case attacksAlone(TwoGenerals.General, lost: [Int])
        /// Coordinated under every loss pattern and attacks under some: a
        /// solution, which the theorem says cannot exist.
        case solves
    }

    public struct Pair: Sendable, Equatable {
        public var a: TwoGeneralsRule
        public var b: TwoGeneralsRule
        public var finding: Finding
    }

    public var messengers: Int
    public var messaging: TwoGenerals.Messaging
    /// Loss patterns tried for each pair: 2^k.
    public var patterns: Int
    /// A's rules in order (always, if received 1, ..., never), each with B's.
    public var pairs: [Pair]

    /// True when some pair solves the problem, which the theorem says never
    /// happens. Named for what it is, since `holds` elsewhere means a
    /// protocol works.
    public var isSolved: Bool { pairs.contains { $0.finding == .solves } }

    /// nil when `messengers` is outside 1...messengerLimit.
    public init?(messengers: Int, messaging: TwoGenerals.Messaging = .alternating) {
        guard (1...Self.messengerLimit).contains(messengers) else { return nil }
        self.messengers = messengers
        self.messaging = messaging
        let patterns = TwoGeneralsLossPatterns.all(messengers: messengers).map { Set($0) }
        self.patterns = patterns.count
        let shape = TwoGenerals(messengers: messengers, messaging: messaging)
        let rulesA = [TwoGeneralsRule.always] + Self.thresholds(upTo: shape.messengers(to: .a))
        let rulesB = Self.thresholds(upTo: shape.messengers(to: .b))
        self.pairs = rulesA.flatMap { a in
            rulesB.map { b in
                let problem = TwoGenerals(messengers: messengers, messaging: messaging, rules: [.a: a, .b: b])
                return Pair(a: a, b: b, finding: Self.finding(for: problem, patterns: patterns))
            }
        }
    }

    public func count(of kind: (Finding) -> Bool) -> Int {
        pairs.count(where: { kind($0.finding) })
    }

    /// `if received 1` ... `if received max`, then `never`.
    private static func thresholds(upTo maximum: Int) -> [TwoGeneralsRule] {
        (maximum >= 1 ? (1...maximum).map { TwoGeneralsRule.ifReceived($0) } : []) + [.never]
    }

    private static func finding(for problem: TwoGenerals, patterns: [Set<Int>]) -> Finding {
        var attacksSometime = false
        for lost in patterns {
            let outcome = problem.outcome(losing: lost)
            if case .armyDefeated(let alone) = outcome.verdict { return .attacksAlone(alone, lost: lost.sorted()) }
            attacksSometime = attacksSometime || outcome.verdict == .cityCaptured
        }
        return attacksSometime ? .solves : .neverAttacks
    }
}
