import ByzantineEngine

/// The words every two-generals view uses: rules as a script writes them, the
/// runs' verdicts, messenger lists and percentages.
enum TwoGeneralsVocabulary {
    /// `always`, `never`, `if received 2`, `if received all`: the rule as it
    /// follows "A attacks" in a script.
    static func rule(_ rule: TwoGeneralsRule) -> String {
        switch rule {
        case .always: "always"
        case .never: "never"
        case .ifReceived(let count): "if received \(count)"
        case .ifReceivedAll: "if received all"
        }
    }

    /// `A attacks if received all (default)`.
    static func rule(of general: TwoGenerals.General, in problem: TwoGenerals, isDefault: Bool) -> String {
        "\(general.rawValue) attacks \(rule(problem.rules[general]))" + (isDefault ? " (default)" : "")
    }

    static func verdict(_ verdict: TwoGeneralsOutcome.Verdict) -> String {
        switch verdict {
        case .cityCaptured: "city captured"
        case .armyDefeated: "army defeated"
        case .nothingHappens: "nothing happens"
        }
    }

    /// How the messengers travel, for a header.
    static func messaging(_ problem: TwoGenerals) -> String {
        switch problem.messaging {
        case .alternating: "messengers alternate (odd ones A → B, even ones B → A, each once the previous one arrived)"
        case .flooding: "A floods (every messenger A → B at once)"
        }
    }

    static func decision(_ attacks: Bool) -> String {
        attacks ? "attack" : "retreat"
    }

    /// `none`, `2`, `1, 3`: a loss pattern as `lose` writes it.
    static func lost(_ numbers: [Int]) -> String {
        numbers.isEmpty ? "none" : numbers.map(String.init).joined(separator: ", ")
    }

    /// `1–3, 5`: ascending numbers with runs shortened.
    static func ranges(_ numbers: [Int]) -> String {
        var parts: [String] = []
        var index = numbers.startIndex
        while index < numbers.endIndex {
            var end = index
            while end + 1 < numbers.endIndex, numbers[end + 1] == numbers[end] + 1 { end += 1 }
            parts.append(end == index ? "\(numbers[index])" : "\(numbers[index])–\(numbers[end])")
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }

    /// 0.853 as "85.30%".
    static func percent(_ fraction: Double) -> String {
        let hundredths = Int((fraction * 10_000).rounded())
        let cents = hundredths % 100
        return "\(hundredths / 100).\(cents < 10 ? "0" : "")\(cents)%"
    }

    /// A probability for JSON: six decimals, without float noise (0.853, not 0.8530000000000001).
    static func probability(_ fraction: Double) -> String {
        String((fraction * 1_000_000).rounded() / 1_000_000)
    }

    /// `[1,3]`
    static func jsonIntegers(_ numbers: [Int]) -> String {
        "[" + numbers.map(String.init).joined(separator: ",") + "]"
    }

    /// Rows of cells in columns two spaces apart; a row's last cell is not padded.
    static func columns(_ rows: [[String]]) -> [String] {
        var widths: [Int] = []
        for row in rows {
            for (index, cell) in row.enumerated().dropLast() {
                if index == widths.count { widths.append(0) }
                widths[index] = max(widths[index], cell.count)
            }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 || !widths.indices.contains(index) ? cell : cell.padded(to: widths[index])
            }.joined(separator: "  ")
        }
    }
}
