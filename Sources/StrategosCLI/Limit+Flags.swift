import StrategosLanguage

extension Limit {
    /// The option that sets the limit, which a message about it names.
    var flag: String {
        switch self {
        case .messages: "--max-messages"
        case .traceLength: "--trace-limit"
        case .verifyBudget: "--verify-budget"
        case .inputBytes: "--max-input-bytes"
        case .loadDepth: "--max-load-depth"
        }
    }

    /// Every limit's flag, for the renderers.
    static let flags = Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.flag) })
}
