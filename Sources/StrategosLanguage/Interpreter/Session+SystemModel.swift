import ByzantineEngine

/// `channel`, `partition`, `timing`, `delay` and `timeout`: the statements
/// that say how messages travel and how time behaves.
extension Session {
    mutating func setChannel(_ choice: ChannelChoice, at span: SourceSpan, in file: SourceFile) throws(Halt) {
        switch choice {
        case .reliable:
            scenario.network.channel = .reliable
        case .lossy(let percent):
            guard (0...100).contains(percent.value) else { throw .error(.lossRateOutOfRange(percent)) }
            scenario.network.channel = .lossy(percent: percent.value)
        case .broadcast:
            // A rule written before the channel changed is refused now, with the rule named.
            for (general, rules) in scenario.rules.sorted(by: { $0.key < $1.key }) {
                if let rule = rules.first(where: { !$0.receivers.isEmpty }) {
                    throw .error(.twoFacedRuleBeforeBroadcast(general, rule: rule, ruleAt: file.location(of: rule.span.start), at: span))
                }
            }
            scenario.network.channel = .broadcast
        }
    }

    /// Under a broadcast channel a rule for some receivers only would tell
    /// two receivers different things.
    func checkBroadcast(_ rules: [FaultRule], of general: Name) throws(Halt) {
        guard scenario.network.channel == .broadcast else { return }
        if let rule = rules.first(where: { !$0.receivers.isEmpty }) {
            throw .error(.twoFacedUnderBroadcast(general.text, rule: rule, at: rule.receivers[0].span.through(rule.receivers[rule.receivers.count - 1].span)))
        }
    }

    mutating func addPartition(_ spec: PartitionSpec?) throws(Halt) {
        guard let spec else {
            scenario.network.partitions = []
            return
        }
        var seen: [String: Name] = [:]
        for name in spec.groups.joined() {
            try noteGeneral(name)
            if let first = seen[name.text] { throw .error(.partitionNamesTwice(name, first: first)) }
            seen[name.text] = name
        }
        if let from = spec.from, from.value < 1 { throw .error(.invalidRound(from)) }
        if let until = spec.until, until.value < (spec.from?.value ?? 1) {
            throw .error(.partitionEndsBeforeItStarts(until: until, from: spec.from?.value ?? 1))
        }
        let partition = NetworkDeclaration.PartitionDeclaration(
            groups: spec.groups.map { $0.map(\.text) }, rounds: (spec.from?.value ?? 1)...(spec.until?.value ?? Int.max),
            span: spec.span)
        // A declared army is known now; an army made on demand is checked when a run makes it.
        if case .declared(let names) = scenario.army, let missing = Self.leftOut(of: partition, names) {
            throw .error(.partitionLeavesOut(missing, at: spec.span))
        }
        scenario.network.partitions.append(partition)
    }

    static func leftOut(of partition: NetworkDeclaration.PartitionDeclaration, _ names: [String]) -> [String]? {
        let grouped = Set(partition.groups.joined())
        let missing = names.filter { !grouped.contains($0) }
        return missing.isEmpty ? nil : missing
    }

    mutating func setTiming(_ choice: TimingChoice) {
        // Back to synchronous rounds forgets the delays and the timeout with the asynchrony.
        let partitions = scenario.network.partitions
        let channel = scenario.network.channel
        scenario.network = NetworkDeclaration()
        scenario.network.channel = channel
        scenario.network.partitions = partitions
        scenario.network.timing = choice
    }

    mutating func addDelay(_ spec: DelaySpec, at span: SourceSpan, in file: SourceFile) throws(Halt) {
        guard scenario.network.timing == .asynchronous else { throw .error(.needsAsynchronousTiming("delay", at: span)) }
        switch spec {
        case .bound(let bound):
            guard bound.value >= 0 else { throw .error(.negativeDelay(bound)) }
            if let delay = scenario.network.delays.first(where: { $0.rounds > bound.value }) {
                throw .error(.boundBelowDelay(bound, delay: delay.rounds, delayAt: file.location(of: delay.span.start)))
            }
            scenario.network.bound = bound.value
        case .messages(let sender, let receivers, let by, let round, let about):
            try noteGeneral(sender)
            for receiver in receivers { try noteGeneral(receiver) }
            for name in about { try noteGeneral(name) }
            try checkPathEnd(about, of: sender)
            if let round, round.value < 1 { throw .error(.invalidRound(round)) }
            guard by.value >= 0 else { throw .error(.negativeDelay(by)) }
            if let bound = scenario.network.bound, by.value > bound {
                throw .error(.delayPastBound(by.value, bound: bound, at: by.span))
            }
            scenario.network.delays.append(NetworkDeclaration.DelayDeclaration(
                sender: sender.text, receivers: receivers.map(\.text), round: round?.value, about: about.map(\.text), rounds: by.value,
                span: span))
        }
    }

    mutating func setTimeout(_ rounds: IntegerLiteral, at span: SourceSpan) throws(Halt) {
        guard scenario.network.timing == .asynchronous else { throw .error(.needsAsynchronousTiming("timeout", at: span)) }
        guard rounds.value >= 1 else { throw .error(.timeoutTooShort(rounds)) }
        scenario.network.timeout = rounds.value
    }

    /// The engine's model of the scenario on the army `names`: its graph,
    /// channel, partitions and timing. An army made on demand meets the
    /// partitions here, at the statement that makes it (`span`).
    func delivery(of names: [String], commander: String, at span: SourceSpan, in file: SourceFile) throws(Halt) -> Delivery {
        let links = try links(of: names, commander: commander, at: span)
        for partition in scenario.network.partitions {
            if let missing = Self.leftOut(of: partition, names) {
                throw .error(.partitionLeavesOutOnDemandArmy(missing, army: names, partitionAt: file.location(of: partition.span.start), at: span))
            }
        }
        return scenario.network.delivery(links: links, names: names)
    }
}
