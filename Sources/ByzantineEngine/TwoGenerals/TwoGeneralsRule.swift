/// When a general attacks, given how many messengers reached it.
public enum TwoGeneralsRule: Sendable, Equatable, Hashable {
    /// Attacks whatever arrives (A when it floods).
    case always
    case never
    /// Attacks when at least this many messengers reached it.
    case ifReceived(Int)
    /// Attacks when every messenger addressed to it arrived.
    case ifReceivedAll

    /// The fewest messengers that make the general attack out of `addressed`,
    /// or nil when it never attacks: every rule here is a threshold rule.
    public func threshold(addressed: Int) -> Int? {
        switch self {
        case .always: 0
        case .never: nil
        case .ifReceived(let count): count <= addressed ? max(count, 0) : nil
        case .ifReceivedAll: addressed
        }
    }

    public func attacks(received: Int, addressed: Int) -> Bool {
        threshold(addressed: addressed).map { received >= $0 } ?? false
    }
}
