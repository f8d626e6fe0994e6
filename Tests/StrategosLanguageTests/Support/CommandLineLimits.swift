import StrategosLanguage

extension Limit {
    /// The flags `strategos` names for the limits, so that goldens read as the
    /// command line prints them; the CLI's tests check its own table.
    static let commandLineFlags: [Limit: String] = [
        .messages: "--max-messages", .traceLength: "--trace-limit", .verifyBudget: "--verify-budget",
        .inputBytes: "--max-input-bytes", .loadDepth: "--max-load-depth",
    ]
}
