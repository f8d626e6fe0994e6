/// Prints syntax back as the language writes it, so what the tool shows can be
/// pasted into a script.
public enum ScriptPrinter {
    /// One rule, e.g. `lies 0 to L1, L2 in round 2`, `crashes after round 1`.
    public static func text(of rule: FaultRule) -> String {
        if case .after(let round)? = rule.rounds {
            return "crashes after round \(round.value)"
        }
        var words: [String] = switch rule.behaviour {
        case .lies(let value): ["lies", value.text]
        case .flips: ["flips"]
        case .silent: ["silent"]
        case .random: ["random"]
        }
        if !rule.receivers.isEmpty {
            words += ["to", rule.receivers.map(\.text).joined(separator: ", ")]
        }
        if case .only(let round)? = rule.rounds {
            words += ["in round", String(round.value)]
        }
        if let about = rule.about {
            words += ["about", about.text]
        }
        return words.joined(separator: " ")
    }
}
