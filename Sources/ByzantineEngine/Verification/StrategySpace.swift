/// What sampling draws from when the exact method is over the budget: one
/// variable per message a faulty general sends to a loyal general, keyed by
/// the sender, the receiver, the round and the path's previous sender, and
/// the values each variable can take.
///
/// Reductions, sound for OM: messages to faulty generals are left out (a
/// faulty receiver's own messages are chosen freely anyway; under SM what a
/// faulty general takes in decides what it relays, so a sample of SM, which
/// happens only with links missing and a space over the budget, leaves those
/// strategies out, and says it is a sample); under OM a missing message is
/// exactly a `default`, so "nothing" is not a separate choice there.
/// For m ≤ 2 the (round, previous sender) pair names exactly one path; for
/// m ≥ 3 a variable stands for every path with that round and previous sender,
/// so a sample is drawn from strategies that depend on those alone (the exact
/// method covers every path). Tests enumerate small spaces in full, the
/// enumerator the exact method is checked against.
public struct StrategySpace: Sendable, Equatable {
    public struct Variable: Sendable, Hashable {
        public var sender: Int
        public var receiver: Int
        public var round: Int
        /// The path's previous sender; nil in round 1.
        public var previous: Int?
    }

    /// What a variable can be set to.
    public enum Choice: Sendable, Hashable {
        case value(Int)
        case nothing
    }

    public var faulty: [Int]
    public var variables: [Variable]
    public var choices: [Choice]

    /// choices.count ^ variables.count, or nil when it does not fit in 64 bits.
    public var size: Int? {
        var total = 1
        for _ in variables {
            let (next, overflow) = total.multipliedReportingOverflow(by: choices.count)
            if overflow { return nil }
            total = next
        }
        return total
    }

    /// The space of `faulty` in an army of `generalCount` with the given
    /// commander, for an algorithm with `rounds` rounds; only messages that
    /// `delivery` delivers are variables.
    public init(
        generalCount: Int, commander: Int, rounds: Int, faulty: [Int], choices: [Choice], delivery: Delivery? = nil
    ) {
        let delivery = delivery ?? .everywhere(generalCount)
        self.faulty = faulty
        self.choices = choices
        let isFaulty = (0..<generalCount).map(faulty.contains)
        var seen = Set<Variable>()
        var variables: [Variable] = []
        // Walk every path the algorithms can send along: commander first, no
        // general twice, at most `rounds` senders.
        func walk(_ path: [Int]) {
            guard let sender = path.last, path.count <= rounds else { return }
            for receiver in 0..<generalCount where !path.contains(receiver) {
                if isFaulty[sender], !isFaulty[receiver], delivery.reaches(from: sender, to: receiver) {
                    let variable = Variable(
                        sender: sender, receiver: receiver, round: path.count,
                        previous: path.count >= 2 ? path[path.count - 2] : nil)
                    if seen.insert(variable).inserted { variables.append(variable) }
                }
                walk(path + [receiver])
            }
        }
        walk([commander])
        self.variables = variables
    }

    /// The deviation that sets `variable` to `choice`.
    public func deviation(_ variable: Variable, _ choice: Choice) -> Deviation {
        let action: Deviation.Action = switch choice {
        case .value(let value): .lie(value)
        case .nothing: .silent
        }
        return Deviation(action, receivers: [variable.receiver], rounds: variable.round...variable.round, about: variable.previous.map { [$0] } ?? [])
    }
}
