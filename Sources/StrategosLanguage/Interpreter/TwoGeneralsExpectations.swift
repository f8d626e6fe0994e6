import ByzantineEngine

/// `expect` after `run twogenerals(k)`. Agreement means the attack was
/// coordinated (both attack, or neither does) and a violation that one general
/// attacked alone; `A decides attack` checks a decision and `messages N` the
/// messengers that set out. Validity and consensus are about a commander's
/// order among lieutenants, so they are errors here.
extension Session {
    func check(_ expectation: Expectation, _ run: TwoGeneralsReport, at span: SourceSpan) throws(Halt) -> ExpectationResult {
        let outcome = run.outcome
        let verdict = TwoGeneralsVocabulary.verdict(outcome.verdict)
        let result = { (expected: String, actual: String, failure: String?) in
            ExpectationResult(expected: expected, actual: actual, failure: failure, at: span)
        }
        switch expectation {
        case .agreement:
            guard case .armyDefeated(let alone) = outcome.verdict else { return result("city captured or nothing happens", verdict, nil) }
            return result(
                "city captured or nothing happens", verdict,
                "expected agreement (both attack or neither does), but \(alone.rawValue) attacked alone: army defeated")
        case .violation:
            let failure: String? = switch outcome.verdict {
            case .armyDefeated: nil
            case .cityCaptured: "expected one general to attack alone, but both attacked: city captured"
            case .nothingHappens: "expected one general to attack alone, but neither attacked: nothing happens"
            }
            return result("army defeated", verdict, failure)
        case .validity:
            throw .error(.checkNeedsByzantineRun("validity", lastRun: run.call, at: span))
        case .consensus:
            throw .error(.checkNeedsByzantineRun("consensus", lastRun: run.call, at: span))
        case .decides(let names, let value):
            guard ["attack", "retreat"].contains(value.text) else { throw .error(.notATwoGeneralsDecision(value)) }
            var wrong: [String] = []
            var decided: [String] = []
            for name in names {
                let general = try twoGeneral(name)
                let decision = TwoGeneralsVocabulary.decision(outcome.attacks[general])
                decided.append("\(general.rawValue) \(decision)")
                if decision != value.text { wrong.append("\(general.rawValue) decided \(decision)") }
            }
            return result(Self.claim(names, decide: value), decided.joined(separator: ", "), Self.failure(names, decide: value, wrong))
        case .messages(let count):
            let sent = outcome.sent
            return result(
                Self.messages(count.value), Self.messages(sent),
                sent == count.value ? nil : "expected \(count.value) messages, but \(counted(sent, "messenger")) set out")
        case .holds, .counterexample:
            // Checks of the last verify, answered before the last run is looked at.
            return try check(expectation, at: span)
        }
    }
}
