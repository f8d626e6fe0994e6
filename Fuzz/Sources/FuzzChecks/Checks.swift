/// Properties every input must keep; a violation stops the fuzzer like a crash.
public enum Checks {
    /// A rendered diagnostic (without colour) echoes the input: a control
    /// character in it could drive the terminal.
    public static func requireTame(_ diagnostic: String) {
        if diagnostic.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F }) {
            fatalError("a diagnostic carries a control character: \(diagnostic.debugDescription)")
        }
    }
}
