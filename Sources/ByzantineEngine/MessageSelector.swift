/// Which messages of one sender a rule is about: its receivers, its rounds and
/// the end of its path. Fault rules and network delays pick messages the same
/// way, so a script names a message one way whatever it does to it.
public struct MessageSelector: Sendable, Equatable, Hashable {
    /// nil means every receiver.
    public var receivers: Set<Int>?
    /// Round 1 carries the commander's orders.
    public var rounds: ClosedRange<Int>
    /// Only messages whose path before the sender ends with these generals, in
    /// this order; empty means any message. `[2]` is a relay of the value the
    /// sender got from general 2; a list that starts with the commander names
    /// the whole path, since the commander only ever stands first on one.
    public var about: [Int]

    public init(receivers: Set<Int>? = nil, rounds: ClosedRange<Int> = 1...Int.max, about: [Int] = []) {
        self.receivers = receivers
        self.rounds = rounds
        self.about = about
    }

    /// Whether a message in `round` to `receiver` whose path before the sender
    /// is `pathBeforeSender` (commander first; empty in round 1) is selected.
    public func matches(receiver: Int, round: Int, pathBeforeSender: ArraySlice<Int>) -> Bool {
        if let receivers, !receivers.contains(receiver) { return false }
        if !rounds.contains(round) { return false }
        // A shorter path's suffix is the whole path, which cannot equal `about`.
        return about.isEmpty || pathBeforeSender.suffix(about.count).elementsEqual(about)
    }
}
