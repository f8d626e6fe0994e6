/// How a script ended, worst last: combining two outcomes keeps the worse.
public enum ScriptOutcome: Int, Sendable, Comparable {
    case success
    /// An `expect` failed; the script went on.
    case expectationFailed
    /// A syntax error (nothing ran) or a semantic error (the script stopped there).
    case scriptError
    /// A script or a loaded file could not be read.
    case unreadableInput
    /// An `export` could not write its file.
    case unwritableOutput
    /// The engine failed in a way no script should be able to cause.
    case internalError
    /// The run was cancelled (Ctrl-C).
    case interrupted

    public static func < (lhs: ScriptOutcome, rhs: ScriptOutcome) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
