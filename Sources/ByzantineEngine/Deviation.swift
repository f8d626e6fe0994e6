/// One rule of a faulty general: which of its messages the rule matches and what
/// it does to them. A faulty general sends exactly where a loyal general would; its
/// deviations, tried in order (first match wins), change or drop a message, and
/// a message no deviation matches is sent loyally. A `relay` rule is apart: it
/// says which chains the general extends, not what a message carries.
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
        /// Under SM, extend the chain the message relays even when its value is
        /// already in the sender's V (a faulty general may send anything it can
        /// sign). It changes no message, so first match passes over it.
        case relay
    }

    public var action: Action
    public var selector: MessageSelector

    public init(_ action: Action, receivers: Set<Int>? = nil, rounds: ClosedRange<Int> = 1...Int.max, about: [Int] = []) {
        self.action = action
        selector = MessageSelector(receivers: receivers, rounds: rounds, about: about)
    }

    /// The receivers the rule applies to; nil means every receiver.
    public var receivers: Set<Int>? { selector.receivers }
    /// The rounds the rule applies to (round 1 carries the commander's orders).
    public var rounds: ClosedRange<Int> { selector.rounds }
    /// The end of the path the rule applies to (see `MessageSelector.about`).
    public var about: [Int] { selector.about }

    public func matches(receiver: Int, round: Int, pathBeforeSender: ArraySlice<Int>) -> Bool {
        selector.matches(receiver: receiver, round: round, pathBeforeSender: pathBeforeSender)
    }
}
