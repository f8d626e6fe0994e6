/// `generals`, `commander`, `general X ...`: the statements that shape the army.
extension Session {
    mutating func declareArmy(count: IntegerLiteral, in file: SourceFile) throws(Halt) {
        guard count.value >= 3 else { throw .error(.armyTooSmall(count.value, at: count.span)) }
        guard count.value <= Army.maximumSize else { throw .error(.armyTooLarge(count.value, at: count.span)) }
        try adopt(Army.numbered(count.value), at: count.span, in: file)
    }

    mutating func declareArmy(names: [Name], at span: SourceSpan, in file: SourceFile) throws(Halt) {
        var seen = Set<String>()
        for name in names where !seen.insert(name.text).inserted {
            throw .error(.duplicateGeneral(name))
        }
        guard names.count >= 3 else { throw .error(.armyTooSmall(names.count, at: span)) }
        guard names.count <= Army.maximumSize else { throw .error(.armyTooLarge(names.count, at: span)) }
        try adopt(names.map(\.text), at: span, in: file)
    }

    /// A new army keeps the fault rules, so every general they name must be in it;
    /// its commander is its first general.
    private mutating func adopt(_ names: [String], at span: SourceSpan, in file: SourceFile) throws(Halt) {
        let army = Set(names)
        for (general, rules) in scenario.rules.sorted(by: { $0.key < $1.key }) {
            guard army.contains(general) else { throw .error(.ruleOutsideArmy(general, army: names, at: span)) }
            let named = rules.flatMap { ($0.receivers + $0.about).map(\.text) }
            if let outside = named.first(where: { !army.contains($0) }) {
                throw .error(.ruleNamesOutsideArmy(general, names: outside, army: names, at: span))
            }
        }
        if let outside = scenario.links.namedGenerals.first(where: { !army.contains($0) }) {
            throw .error(.linkOutsideArmy(outside, army: names, at: span))
        }
        if let outside = scenario.network.firstOutside(army) {
            throw .error(.networkOutsideArmy(
                outside.general, statement: outside.statement, at: file.location(of: outside.span.start), army: names, span: span))
        }
        for partition in scenario.network.partitions {
            if let missing = Self.leftOut(of: partition, names) {
                throw .error(.partitionLeavesOutNewArmy(missing, partitionAt: file.location(of: partition.span.start), at: span))
            }
        }
        if let first = names.first { try checkPathEnds(commander: first, at: span) }
        scenario.army = .declared(names)
        scenario.commander = nil
    }

    /// The commander as things stand: the one named by `commander`, else the
    /// army's first general (`C` on demand).
    var commanderName: String {
        if let commander = scenario.commander { return commander }
        if case .declared(let names) = scenario.army, let first = names.first { return first }
        return "C"
    }

    /// Fails if `commander`, as the new commander, would stand after the first
    /// place in a rule's `about`, where no path has it.
    func checkPathEnds(commander: String, at span: SourceSpan) throws(Halt) {
        for (general, rules) in scenario.rules.sorted(by: { $0.key < $1.key }) {
            for rule in rules where rule.about.dropFirst().contains(where: { $0.text == commander }) {
                throw .error(.ruleAboutCommander(general, commander: commander, at: span))
            }
        }
    }

    /// Fails unless some path before `general`'s messages can end with `about`:
    /// each general at most once, never `general` itself, the commander only first.
    func checkPathEnd(_ about: [Name], of general: Name) throws(Halt) {
        var seen = Set<String>()
        for (index, name) in about.enumerated() {
            guard seen.insert(name.text).inserted else { throw .error(.aboutNamesGeneralTwice(name)) }
            guard name.text != general.text else { throw .error(.aboutNamesSender(name)) }
            guard index == 0 || name.text != commanderName else { throw .error(.aboutCommanderNotFirst(name)) }
        }
    }

    /// Fails unless `name` is (or, on demand, can be) a general of the army;
    /// an on-demand army grows to every lieutenant a `general` statement names.
    mutating func noteGeneral(_ name: Name) throws(Halt) {
        try checkGeneral(name)
        if case .onDemand = scenario.army, let number = Army.lieutenantNumber(of: name.text) {
            scenario.largestLieutenantNamed = max(scenario.largestLieutenantNamed, number)
        }
    }

    /// Fails unless `name` is (or, on demand, can be) a general of the army.
    func checkGeneral(_ name: Name) throws(Halt) {
        switch scenario.army {
        case .declared(let names):
            guard names.contains(name.text) else { throw .error(.unknownGeneral(name, army: names)) }
        case .onDemand:
            guard scenario.army.admits(name.text) else { throw .error(.unknownGeneralOnDemand(name)) }
            if let number = Army.lieutenantNumber(of: name.text), number >= Army.maximumSize {
                throw .error(.lieutenantTooLarge(name))
            }
        }
    }

    mutating func addRules(_ rules: [FaultRule], to general: Name) throws(Halt) {
        try noteGeneral(general)
        for rule in rules {
            for receiver in rule.receivers { try noteGeneral(receiver) }
            for name in rule.about { try noteGeneral(name) }
            try checkPathEnd(rule.about, of: general)
            switch rule.rounds {
            case .only(let round) where round.value < 1: throw .error(.invalidRound(round))
            case .after(let round) where round.value < 0: throw .error(.invalidRound(round))
            default: break
            }
        }
        try checkBroadcast(rules, of: general)
        scenario.rules[general.text, default: []] += rules
    }
}
