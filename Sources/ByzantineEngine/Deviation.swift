/// One rule of a faulty general: which of its messages the rule matches and what
/// it does to them. A faulty general sends exactly where a loyal one would; its
/// deviations, tried in order (first match wins), change or drop a message, and
/// a message no deviation matches is sent loyally.
public struct Deviation: Sendable, Equatable, Hashable {
    public enum Action: Sendable, Equatable, Hashable {
        /// Send this value instead.
        case lie(Int)
        /// Send `default` where a loyal general would send `order`, `order` otherwise.
        case flip
        /// Send nothing (an omission fault).
        case silent
        /// Send a seeded random value in play; the same seed gives the same run.
        case random
    }

    public var action: Action
    /// The receivers the rule applies to; nil means every receiver.
    public var receivers: Set<Int>?
    /// The rounds the rule applies to (round 1 carries the commander's orders).
    public var rounds: ClosedRange<Int>
    /// Only messages whose path before the sender ends with these generals, in
    /// this order; empty means any message. `[2]` is a relay of the value the
    /// general got from general 2; a list that starts with the commander names
    /// the whole path, since the commander only ever stands first on one.
    public var about: [Int]

    public init(_ action: Action, receivers: Set<Int>? = nil, rounds: ClosedRange<Int> = 1...Int.max, about: [Int] = []) {
        self.action = action
        self.receivers = receivers
        self.rounds = rounds
        self.about = about
    }

    /// Whether the rule applies to a message in `round` to `receiver` whose path
    /// before the sender is `pathBeforeSender` (commander first; empty for the
    /// commander's orders).
    public func matches(receiver: Int, round: Int, pathBeforeSender: ArraySlice<Int>) -> Bool {
        if let receivers, !receivers.contains(receiver) { return false }
        if !rounds.contains(round) { return false }
        // A shorter path's suffix is the whole path, which cannot equal `about`.
        return about.isEmpty || pathBeforeSender.suffix(about.count).elementsEqual(about)
    }
}
