import ByzantineEngine

/// What a `sweep` found: a cell for every m (rows) and army size (columns).
public struct SweepReport: Sendable, Equatable {
    public enum Cell: Sendable, Equatable {
        /// IC1 and IC2 held: for a verify, `proof` when every strategy was covered.
        case holds(proof: Bool)
        /// Some run broke IC1 or IC2 (a verify's counterexample, or the run itself).
        case fails
        /// The algorithm cannot run with this m on this army (m ≥ n − 1), or,
        /// for a verify, m = 0 leaves nobody faulty.
        case notApplicable
        /// The cell's run or verify was refused (too many messages, a rule
        /// naming a general the army lacks): why.
        case refused(String)
    }

    public var action: SweepCall.Action
    public var algorithm: ByzantineAlgorithm
    public var generals: ClosedRange<Int>
    public var m: ClosedRange<Int>
    public var order: String
    public var defaultValue: String
    /// `cells[i][j]`: m = m.lowerBound + i on generals.lowerBound + j generals.
    public var cells: [[Cell]]

    public func cell(generals n: Int, m: Int) -> Cell? {
        guard generals.contains(n), self.m.contains(m) else { return nil }
        return cells[m - self.m.lowerBound][n - generals.lowerBound]
    }

    /// `sweep verify OM(m)`.
    public var title: String {
        "sweep \(action.rawValue) \(algorithm.rawValue.uppercased())(m)"
    }
}
