import ByzantineEngine

/// `expect` after `run twogenerals(k)`. Agreement means the attack was
/// coordinated (both attack, or neither does) and a violation that one general
/// attacked alone; `A decides attack` checks a decision and `messages N` the
/// messengers that set out. Validity and consensus are about a commander's
/// order among lieutenants, so they are errors here.
extension Session {
    func check(_ expectation: Expectation, _ run: TwoGeneralsReport, at span: SourceSpan) throws(Halt) -> String? {
        let outcome = run.outcome
        switch expectation {
        case .agreement:
            guard case .armyDefeated(let alone) = outcome.verdict else { return nil }
            return "expected agreement (both attack or neither does), but \(alone.rawValue) attacked alone: army defeated"
        case .violation:
            switch outcome.verdict {
            case .armyDefeated: return nil
            case .cityCaptured: return "expected one general to attack alone, but both attacked: city captured"
            case .nothingHappens: return "expected one general to attack alone, but neither attacked: nothing happens"
            }
        case .validity:
            throw .error(.checkNeedsByzantineRun("validity", lastRun: run.call, at: span))
        case .consensus:
            throw .error(.checkNeedsByzantineRun("consensus", lastRun: run.call, at: span))
        case .decides(let names, let value):
            guard ["attack", "retreat"].contains(value.text) else { throw .error(.notATwoGeneralsDecision(value)) }
            var wrong: [String] = []
            for name in names {
                let general = try twoGeneral(name)
                let decision = outcome.attacks[general] ? "attack" : "retreat"
                if decision != value.text { wrong.append("\(general.rawValue) decided \(decision)") }
            }
            guard !wrong.isEmpty else { return nil }
            let who = names.map(\.text).joined(separator: ", ")
            return "expected \(who) to decide \(value.text), but \(wrong.joined(separator: " and "))"
        case .messages(let count):
            let sent = outcome.sent
            return sent == count.value ? nil : "expected \(count.value) messages, but \(sent) messenger\(sent == 1 ? "" : "s") set out"
        case .holds, .counterexample:
            // Checks of the last verify, answered before the last run is looked at.
            return try check(expectation, at: span)
        }
    }
}
