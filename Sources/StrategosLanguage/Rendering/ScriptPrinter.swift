/// Prints syntax back as the language writes it, so what the tool shows can be
/// pasted into a script.
public enum ScriptPrinter {
    /// A general's rules as one statement body, e.g. `lies attack to L1 and retreat to L2`.
    public static func text(of rules: [FaultRule]) -> String {
        var previous: FaultRule.Behaviour?
        var clauses: [String] = []
        for rule in rules {
            var clause = text(of: rule)
            // `lies a to X and b to Y`: a lie after a lie drops its `lies`,
            // unless its value would read as the start of a behaviour.
            if case .lies(let value) = rule.behaviour, case .lies? = previous,
               !behaviourWords.contains(value.text) {
                clause.removeFirst("lies ".count)
            }
            clauses.append(clause)
            previous = rule.behaviour
        }
        return clauses.joined(separator: " and ")
    }

    private static let behaviourWords = Set(Keyword.behaviours.map(\.rawValue))

    /// One rule, e.g. `lies 0 to L1, L2 in round 2`, `silent about C, L2`, `crashes after round 1`.
    public static func text(of rule: FaultRule) -> String {
        if case .after(let round)? = rule.rounds {
            return "crashes after round \(round.value)"
        }
        var words: [String] = switch rule.behaviour {
        case .lies(let value): ["lies", value.text]
        case .flips: ["flips"]
        case .silent: ["silent"]
        case .random: ["random"]
        case .relays: ["relays"]
        }
        if !rule.receivers.isEmpty {
            words += ["to", rule.receivers.map(\.text).joined(separator: ", ")]
        }
        if case .only(let round)? = rule.rounds {
            words += ["in round", String(round.value)]
        }
        if !rule.about.isEmpty {
            words += ["about", rule.about.map(\.text).joined(separator: ", ")]
        }
        return words.joined(separator: " ")
    }

    /// A string literal the lexer reads back as `text`: `"…"` with `\"`, `\\`,
    /// `\n` and `\t` escaped.
    public static func stringLiteral(_ text: String) -> String {
        "\"" + escaped(text) + "\""
    }

    /// The inside of a string literal; Graphviz reads the same escapes.
    static func escaped(_ text: String) -> String {
        text.escaping(["\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\t": "\\t"])
    }
}
