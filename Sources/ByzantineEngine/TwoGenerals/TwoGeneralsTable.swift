/// The Two Generals Problem's truth table, for any number of messengers: one row
/// per combination of messengers arriving or not (the naive table), with the
/// decisions each leads to. Under `alternating` most combinations cannot
/// happen (an acknowledgement cannot arrive when the order never did); such a
/// row says why instead of inventing an outcome.
public struct TwoGeneralsTable: Sendable, Equatable {
    /// 2^6 = 64 rows is as much as a table on a screen can usefully show.
    public static let messengerLimit = 6

    public struct Row: Sendable, Equatable {
        /// Whether each messenger arrived; index 0 is messenger 1.
        public var arrived: [Bool]
        public var entry: Entry
    }

    public enum Entry: Sendable, Equatable {
        /// `lost` is the smallest loss pattern giving this row: under
        /// `alternating`, the first messenger that did not arrive (the ones
        /// after it are never sent, so losing them as well changes nothing).
        case possible(lost: [Int], outcome: TwoGeneralsOutcome)
        /// `messenger` arrived although `missing`, which it answers, did not.
        case impossible(messenger: Int, missing: Int)
    }

    public var problem: TwoGenerals
    /// Every messenger arriving first, then counting down in binary with
    /// messenger 1 as the most significant digit, as a truth table reads.
    public var rows: [Row]

    /// nil when the problem has fewer than 1 or more than `messengerLimit` messengers.
    public init?(_ problem: TwoGenerals) {
        let k = problem.messengers
        guard (1...Self.messengerLimit).contains(k) else { return nil }
        self.problem = problem
        self.rows = (0..<(1 << k)).reversed().map { mask in
            let arrived = (1...k).map { mask & (1 << (k - $0)) != 0 }
            return Row(arrived: arrived, entry: Self.entry(for: arrived, in: problem))
        }
    }

    public var possibleRows: Int {
        rows.count(where: { if case .possible = $0.entry { true } else { false } })
    }

    private static func entry(for arrived: [Bool], in problem: TwoGenerals) -> Entry {
        let lost = arrived.indices.filter { !arrived[$0] }.map { $0 + 1 }
        switch problem.messaging {
        case .flooding:
            return .possible(lost: lost, outcome: problem.outcome(losing: Set(lost)))
        case .alternating:
            if let late = arrived.indices.dropFirst().first(where: { arrived[$0] && !arrived[$0 - 1] }) {
                return .impossible(messenger: late + 1, missing: late)
            }
            let firstLost = lost.first.map { [$0] } ?? []
            return .possible(lost: firstLost, outcome: problem.outcome(losing: Set(firstLost)))
        }
    }
}
