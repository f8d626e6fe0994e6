import ByzantineEngine

/// What one `verify` found, in the script's names: what the renderers print.
public struct VerificationReport: Sendable, Equatable {
    public var algorithm: ByzantineAlgorithm
    public var m: Int
    public var generals: [String]
    public var commander: String
    public var order: String
    public var defaultValue: String
    /// At most this many generals were faulty.
    public var traitors: Int
    /// The values a faulty general could send (the order, the default, one other)
    /// and, for SM, whether it could also send nothing.
    public var values: [String]
    public var mayStaySilent: Bool
    public var holds: Bool
    public var exhaustive: Bool
    public var interrupted: Bool
    public var fullSize: Double
    public var reducedSize: Double
    public var checked: Int
    /// How many strategies the search meant to run.
    public var planned: Int
    /// The script that replays the violation, when one was found.
    public var counterexample: String?
    /// Which condition the counterexample breaks.
    public var breaksAgreement: Bool
    public var breaksValidity: Bool
    /// Where the counterexample was saved, if asked.
    public var savedTo: String?
}
