import ByzantineEngine

/// Warnings: a script that runs but probably does not say what its author
/// meant. `strategos check` prints them, and so does every run.
extension Session {
    /// A value spelled like a general's name (`lies retreat to L1 and L2`
    /// sends the value L2 to everyone else), and a `verify` whose fixed order
    /// is the default.
    func valueWarnings(_ kind: Statement.Kind) -> [Diagnostic] {
        switch kind {
        case .order(let value), .defaultValue(let value):
            return scenario.army.admits(value.text) ? [.valueNamesAGeneral(value, inRule: false)] : []
        case .faults(_, let rules):
            return rules.compactMap { rule in
                guard case .lies(let value) = rule.behaviour, scenario.army.admits(value.text) else { return nil }
                return .valueNamesAGeneral(value, inRule: true)
            }
        case .verify(let verify):
            guard let order = verify.order, order.text == scenario.defaultValue, verify.call.algorithm.byzantine != nil else { return [] }
            return [.verifiedOrderIsTheDefault(order)]
        case .generalsCount, .generalsNamed, .commander, .loyal, .seed, .signatures, .links, .cut, .link, .channel, .partition,
            .timing, .delay, .timeout, .run, .sweep, .expect, .reset, .print, .load, .show, .export, .twoGenerals:
            return []
        }
    }

    /// The rules that no message of this run can match, each with why, and
    /// the generals all of whose rules are such: they act loyally, so the
    /// run does not count them as faulty. OM(m, p) relays along paths of its
    /// own, so only its receivers are checked.
    func inertRules(
        _ algorithm: ByzantineAlgorithm, m: Int, p: Int?, names: [String], commander: String
    ) -> (warnings: [Diagnostic], loyalInEffect: Set<String>) {
        let rounds = m + 1
        let run = "\(algorithm.rawValue.uppercased())(\(m)\(p.map { ", \($0)" } ?? "")), \(counted(rounds, "round"))"
        var warnings: [Diagnostic] = []
        var loyalInEffect: Set<String> = []
        for general in scenario.rules.keys.sorted() where names.contains(general) {
            let rules = scenario.rules[general] ?? []
            let reasons = rules.map {
                reasonNeverApplies($0, of: general, commander: commander, rounds: rounds, pathsAsInOM: p == nil, under: algorithm)
            }
            let inert = !rules.isEmpty && reasons.allSatisfy { $0 != nil }
            if inert { loyalInEffect.insert(general) }
            for (rule, reason) in zip(rules, reasons) {
                guard let reason else { continue }
                warnings.append(.ruleNeverApplies(rule, general: general, run: run, reason: reason, loyalInEffect: inert))
            }
        }
        return (warnings.sorted { $0.span.start < $1.span.start }, loyalInEffect)
    }

    /// Why `rule` matches no message `general` sends, or nil when some message can match.
    private func reasonNeverApplies(
        _ rule: FaultRule, of general: String, commander: String, rounds: Int, pathsAsInOM: Bool, under algorithm: ByzantineAlgorithm
    ) -> String? {
        let isCommander = general == commander
        if rule.behaviour == .relays {
            switch algorithm {
            case .om: return "relays matters only under SM"
            case .sm: if isCommander { return "the commander receives nothing, so it extends no chain" }
            }
        }
        let receivers = rule.receivers.map(\.text)
        if !receivers.isEmpty {
            let possible = receivers.filter { $0 != general && $0 != commander && !rule.about.map(\.text).contains($0) }
            if possible.isEmpty {
                if receivers.allSatisfy({ $0 == general }) { return "no general sends a message to itself" }
                if receivers.allSatisfy({ $0 == commander || $0 == general }) { return "nobody sends a message to the commander, \(commander)" }
                return "a general on a message's path never receives it again"
            }
        }
        guard pathsAsInOM else { return nil }
        // (An `about` that names the sender, names a general twice or puts the
        // commander anywhere but first is refused when the rule is declared.)
        let about = rule.about.map(\.text)
        if isCommander, !about.isEmpty { return "the commander's messages start every path, so they are about nobody" }
        // The rounds this general sends in, narrowed by how long the path
        // before it must be: round r relays paths of r − 1 generals, the commander first.
        let pathLength = about.first == commander || about.isEmpty ? about.count : about.count + 1
        let first = isCommander ? 1 : max(2, pathLength + 1)
        let last = isCommander ? 1 : rounds
        guard first <= last else {
            return about.isEmpty
                ? "in a run of 1 round only the commander sends"
                : "a path of \(counted(pathLength, "general")) before the sender first appears in round \(pathLength + 1), after the last round"
        }
        switch rule.rounds {
        case .only(let round)? where !(first...last).contains(round.value):
            if isCommander { return "the commander sends only in round 1" }
            if round.value == 1 { return "round 1 is the commander's: a lieutenant sends in rounds 2 to \(rounds)" }
            if round.value > rounds { return "round \(round.value) is after the last round, \(rounds)" }
            return "a path that long before the sender appears only from round \(first)"
        case .after(let round)? where round.value >= last:
            return "nothing is sent after round \(last)"
        case .only?, .after?, nil:
            return nil
        }
    }
}
