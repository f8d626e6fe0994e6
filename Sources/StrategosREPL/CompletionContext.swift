import StrategosLanguage

/// What tab completion knows about the session when a prompt is shown: the
/// generals and values it can offer, and the lines already typed in the entry.
public struct CompletionContext: Sendable, Equatable {
    /// The army's generals, commander first. On demand: `C`, `L1`..`Lk` with
    /// k the largest lieutenant named so far, and at least 3.
    public var generals: [String]
    /// The order, the default and every value a rule lies with.
    public var values: [String]
    /// The lines of a multi-line entry typed before this one, joined by `\n`;
    /// empty at a fresh entry, where meta commands may start.
    public var pendingEntry: String

    public init(generals: [String], values: [String], pendingEntry: String = "") {
        self.generals = generals
        self.values = values
        self.pendingEntry = pendingEntry
    }

    public init(scenario: Scenario, pendingEntry: String = "") {
        self.init(generals: Self.generals(of: scenario), values: Self.values(of: scenario), pendingEntry: pendingEntry)
    }

    private static func generals(of scenario: Scenario) -> [String] {
        if case .declared(let names) = scenario.army { return names }
        let named = scenario.rules.flatMap { general, rules in
            [general] + rules.flatMap { ($0.receivers + $0.about).map(\.text) }
        }
        let numbers = named.compactMap { name -> Int? in
            guard name.first == "L", let number = Int(name.dropFirst()), number >= 1 else { return nil }
            return number
        }
        // Offer no more names than a person could want in a list: the engine
        // accepts up to 10,000 lieutenants, a completion menu should not.
        let largest = min(max(numbers.max() ?? 0, 3), 99)
        return ["C"] + (1...largest).map { "L\($0)" }
    }

    private static func values(of scenario: Scenario) -> [String] {
        var values = [scenario.order, scenario.defaultValue]
        for (_, rules) in scenario.rules.sorted(by: { $0.key < $1.key }) {
            for rule in rules {
                if case .lies(let value) = rule.behaviour { values.append(value.text) }
            }
        }
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
