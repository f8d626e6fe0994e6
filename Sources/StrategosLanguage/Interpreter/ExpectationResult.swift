/// What one `expect` claimed, what the last run or verify showed of the same
/// facts, and whether they agree. Every `expect` reports one, held or not, so a
/// program reading `--json` sees each check; text shows only the failures, as
/// their diagnostics.
public struct ExpectationResult: Sendable, Equatable {
    /// The statement, for its text and place.
    public var span: SourceSpan
    /// The claim in words: `IC1 holds`, `L1, L2 decide attack`, `9 messages`, `proof`.
    public var expected: String
    /// The same facts of the run or verify checked, in the same words.
    public var actual: String
    /// What was expected against what happened, for the diagnostic; nil when the check held.
    public var failure: String?

    public var passed: Bool { failure == nil }

    init(expected: String, actual: String, failure: String?, at span: SourceSpan) {
        self.span = span
        self.expected = expected
        self.actual = actual
        self.failure = failure
    }
}
