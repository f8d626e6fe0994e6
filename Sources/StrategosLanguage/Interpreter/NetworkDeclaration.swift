import ByzantineEngine

/// How messages travel and how time behaves, as a script declared it, by
/// name: `channel`, `partition`, `timing`, `delay` and `timeout`. It becomes
/// the engine's `Delivery` only when a run or a verify knows the army.
public struct NetworkDeclaration: Sendable, Equatable {
    public struct PartitionDeclaration: Sendable, Equatable {
        public var groups: [[String]]
        public var rounds: ClosedRange<Int>
        /// The statement, for an error found once the army is known.
        public var span: SourceSpan
    }

    public struct DelayDeclaration: Sendable, Equatable {
        public var sender: String
        /// Empty: every receiver.
        public var receivers: [String]
        public var round: Int?
        public var about: [String]
        public var rounds: Int
        /// The statement, for an error a later one finds.
        public var span: SourceSpan
    }

    public var channel = Channel.reliable
    public var partitions: [PartitionDeclaration] = []
    public var timing = TimingChoice.synchronous
    /// Under asynchronous timing: how many rounds a receiver waits.
    public var timeout = 1
    public var delays: [DelayDeclaration] = []
    /// `delay at most D`: nil while delays are unbounded.
    public var bound: Int?

    public init() {}

    public var isDefault: Bool { self == NetworkDeclaration() }

    /// The first general a partition or a delay names that is not in `army`,
    /// and which statement names it.
    func firstOutside(_ army: Set<String>) -> (general: String, statement: String, span: SourceSpan)? {
        for partition in partitions {
            if let outside = partition.groups.joined().first(where: { !army.contains($0) }) { return (outside, "partition", partition.span) }
        }
        for delay in delays {
            if let outside = ([delay.sender] + delay.receivers + delay.about).first(where: { !army.contains($0) }) {
                return (outside, "delay", delay.span)
            }
        }
        return nil
    }

    /// The engine's model on `links`, over the army `names`; every name was
    /// checked against the army when it was written, and every partition
    /// gives each of them a group.
    func delivery(links: Links, names: [String]) -> Delivery {
        let index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let partitions = partitions.map { partition in
            var groups = Array(repeating: 0, count: names.count)
            for (group, members) in partition.groups.enumerated() {
                for name in members { if let general = index[name] { groups[general] = group } }
            }
            return Partition(groups: groups, rounds: partition.rounds)
        }
        let timing: Timing = switch self.timing {
        case .synchronous: .synchronous
        case .asynchronous:
            .asynchronous(Asynchrony(
                timeout: timeout,
                delays: delays.compactMap { delay in
                    index[delay.sender].map { sender in
                        NetworkDelay(
                            sender: sender,
                            selector: MessageSelector(
                                receivers: delay.receivers.isEmpty ? nil : Set(delay.receivers.compactMap { index[$0] }),
                                rounds: delay.round.map { $0...$0 } ?? 1...Int.max, about: delay.about.map { index[$0] ?? -1 }),
                            rounds: delay.rounds)
                    }
                },
                bound: bound))
        }
        return Delivery(links: links, channel: channel, partitions: partitions, timing: timing)
    }

    /// The declaration as the statements that make it, e.g.
    /// `channel lossy 20%; timing asynchronous; timeout 2`; empty for the default.
    var script: String {
        var statements: [String] = []
        switch channel {
        case .reliable: break
        case .lossy(let percent): statements.append("channel lossy \(percent)%")
        case .broadcast: statements.append("channel broadcast")
        }
        statements += partitions.map(Self.script(of:))
        guard timing == .asynchronous else { return statements.joined(separator: "; ") }
        statements.append("timing asynchronous")
        if timeout != 1 { statements.append("timeout \(timeout)") }
        if let bound { statements.append("delay at most \(bound)") }
        for delay in delays { statements.append(Self.script(of: delay)) }
        return statements.joined(separator: "; ")
    }

    /// `partition C, L1 | L2, L3 from round 2`.
    static func script(of partition: PartitionDeclaration) -> String {
        var statement = "partition " + partition.groups.map { $0.joined(separator: ", ") }.joined(separator: " | ")
        if partition.rounds.lowerBound > 1 { statement += " from round \(partition.rounds.lowerBound)" }
        if partition.rounds.upperBound < Int.max { statement += " until round \(partition.rounds.upperBound)" }
        return statement
    }

    /// `delay L2 to L1 by 2 in round 2 about C`.
    static func script(of delay: DelayDeclaration) -> String {
        var words = ["delay", delay.sender]
        if !delay.receivers.isEmpty { words += ["to", delay.receivers.joined(separator: ", ")] }
        words += ["by", String(delay.rounds)]
        if let round = delay.round { words += ["in round", String(round)] }
        if !delay.about.isEmpty { words += ["about", delay.about.joined(separator: ", ")] }
        return words.joined(separator: " ")
    }
}
