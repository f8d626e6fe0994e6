/// A short description of a scenario: the army, its commander, the order, the
/// default, the links and the network, the seed and every faulty general's
/// rules as the script would write them. The REPL's `:army` prints it; a `show army` statement can reuse it.
public enum ScenarioRenderer {
    public static func text(_ scenario: Scenario, style: TextStyle) -> String {
        var lines: [String] = []
        switch scenario.army {
        case .declared(let names):
            lines.append("army       " + names.joined(separator: ", ") + " (\(counted(names.count, "general")))")
            lines.append("commander  " + style.bold(scenario.commander ?? names.first ?? "C"))
        case .onDemand:
            lines.append("army       " + style.dim("on demand: C and L1..Lk, made when a run needs them"))
            lines.append("commander  " + style.bold(scenario.commander ?? "C"))
        }
        lines.append("order      " + scenario.order)
        lines.append("default    " + scenario.defaultValue)
        if scenario.links != LinksDeclaration() {
            lines.append("links      " + scenario.links.script)
        }
        if !scenario.network.isDefault {
            lines.append("network    " + scenario.network.script)
        }
        if scenario.seed != 0 {
            lines.append("seed       \(Int64(bitPattern: scenario.seed))")
        }
        let faulty = faultyInArmyOrder(scenario)
        if faulty.isEmpty {
            lines.append("faulty     " + style.dim("none"))
        }
        for (index, general) in faulty.enumerated() {
            let label = index == 0 ? "faulty     " : "           "
            lines.append(label + "\(general): " + ScriptPrinter.text(of: scenario.rules[general] ?? []))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Faulty generals in the army's order, so the listing reads like a run's
    /// header; on demand, `C` first and lieutenants by number (L2 before L10).
    private static func faultyInArmyOrder(_ scenario: Scenario) -> [String] {
        let faulty = scenario.faultyNames
        if case .declared(let names) = scenario.army {
            return names.filter(faulty.contains)
        }
        return faulty.sorted { left, right in
            switch (rank(left), rank(right)) {
            case let (l, r) where l != r: l < r
            default: left < right
            }
        }
    }

    /// C, then L1, L2, ... by number, then anything else.
    private static func rank(_ name: String) -> Int {
        if name == "C" { return 0 }
        return Army.lieutenantNumber(of: name) ?? Int.max
    }
}
