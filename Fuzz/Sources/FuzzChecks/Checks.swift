/// Properties every input must keep; a violation stops the fuzzer like a crash.
public enum Checks {
    /// A rendered diagnostic (without colour) echoes the input: a control
    /// character in it could drive the terminal.
    public static func requireTame(_ diagnostic: String) {
        if diagnostic.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F }) {
            fatalError("a diagnostic carries a control character: \(diagnostic.debugDescription)")
        }
    }

    /// `strategos fmt` keeps a script's meaning and is idempotent: the
    /// formatted text parses as cleanly, and formatting it again changes nothing.
    public static func requireStableFormatting(_ formatted: String, parses: Bool, again: String?) {
        if !parses { fatalError("formatting made a script that does not parse: \(formatted.debugDescription)") }
        if again != formatted { fatalError("formatting twice differs from once: \(formatted.debugDescription)") }
    }
}
