/// Why the engine refused or stopped a run. The interpreter turns these into
/// diagnostics at the `run` statement.
public enum EngineError: Error, Sendable, Equatable {
    /// An army needs a commander and at least two lieutenants.
    case armyTooSmall(generals: Int)
    /// OM(m) needs 0 ≤ m < n − 1.
    case invalidRounds(m: Int, generals: Int)
    /// The run would send more messages than the limit allows; nil when the count
    /// does not even fit in 64 bits.
    case tooManyMessages(needed: Int?, limit: Int)
    /// The commander or a general named by a deviation is not in the army.
    case unknownGeneral(Int)
    /// A value outside `0..<valueCount`.
    case unknownValue(Int)
    /// OM(m, p) needs 1 ≤ m ≤ p: each level of its recursion a regular set one smaller.
    case invalidRegularity(p: Int)
    /// OM(m, p): this general, commanding a level of the recursion, has no
    /// regular set of p neighbours (Definition 1) in the graph left to it.
    case notRegular(general: Int, p: Int)
    /// Under a broadcast channel this general has a rule for some receivers
    /// only: it would tell two receivers different things.
    case twoFacedUnderBroadcast(general: Int)
    /// A partition, a loss rate or a delay the engine cannot apply: a group
    /// list that does not cover the army, a rate outside 0...100, a negative
    /// delay, a timeout below 1, or a delay past the network's bound.
    case invalidNetwork(String)
    /// A signature scheme could not make this general's key: a bug or a
    /// broken crypto library, never something a script can cause.
    case signingKeyUnavailable(general: Int)
    /// The caller asked the run to stop.
    case cancelled
    /// `verify` found its own answer wrong (a counterexample that does not
    /// replay, say): a bug, reported as one and never as a verdict.
    case inconsistentVerification(String)
}
