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
    /// The caller asked the run to stop.
    case cancelled
    /// `verify` found its own answer wrong (a counterexample that does not
    /// replay, say): a bug, reported as one and never as a verdict.
    case inconsistentVerification(String)
}
