import StrategosLanguage

/// What tab completion knows about the session when a prompt is shown: the
/// generals and values it can offer, and the lines already typed in the entry.
public struct CompletionContext: Sendable, Equatable {
    /// The army's generals, commander first (`Scenario.generalsInPlay`).
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

    /// The interpreter's own generals and values in play; a menu shows at
    /// most the first hundred names of a large army.
    public init(scenario: Scenario, pendingEntry: String = "") {
        self.init(generals: Array(scenario.generalsInPlay.prefix(100)), values: scenario.valuesInPlay, pendingEntry: pendingEntry)
    }
}
