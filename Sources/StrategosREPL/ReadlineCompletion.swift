@preconcurrency import CReadline
import Glibc

/// Connects `Completer` to GNU readline. readline calls plain C functions that
/// cannot capture anything, so their state lives in globals that only the
/// REPL's thread touches; readline itself is not thread-safe.
enum ReadlineCompletion {
    /// The completer for the prompt being shown; set before each prompt.
    nonisolated(unsafe) static var completer: Completer?
    /// The matches being handed to readline, one per generator call.
    nonisolated(unsafe) private static var matches: [String] = []
    nonisolated(unsafe) private static var nextMatch = 0

    /// The two sets of word-break characters, allocated once: readline keeps
    /// the pointer the hook returns.
    nonisolated(unsafe) private static let wordBreaks = strdup(Completer.wordBreaks)
    nonisolated(unsafe) private static let stringBreaks = strdup(Completer.stringBreaks)

    /// No quote characters: readline would otherwise close `load "dir/` with
    /// a `"` whatever the suffix says; `Completion.suffix` decides instead.
    nonisolated(unsafe) private static let noQuotes = strdup("")

    static func install() {
        rl_attempted_completion_function = attemptCompletion
        rl_completion_word_break_hook = wordBreakHook
        rl_basic_quote_characters = UnsafePointer(noQuotes)
    }

    /// The line from its start to the cursor.
    private static func lineBeforeCursor(_ end: Int32) -> String {
        guard let buffer = rl_line_buffer, end > 0 else { return "" }
        return buffer.withMemoryRebound(to: UInt8.self, capacity: Int(end)) { bytes in
            String(decoding: UnsafeBufferPointer(start: bytes, count: Int(end)), as: UTF8.self)
        }
    }

    /// Inside a string only the opening quote breaks words, so `load "my
    /// file.strat"` completes the whole path.
    private static let wordBreakHook: @convention(c) () -> UnsafeMutablePointer<CChar>? = {
        Completer.word(beforeCursor: lineBeforeCursor(rl_point)).isInString ? stringBreaks : wordBreaks
    }

    private static let attemptCompletion: @convention(c) (UnsafePointer<CChar>?, Int32, Int32)
        -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, _, end in
            // Never fall back to readline's own file-name completion.
            rl_attempted_completion_over = 1
            guard let completer, let text else { return nil }
            let completions = completer.completions(beforeCursor: lineBeforeCursor(end))
            guard !completions.isEmpty else { return nil }
            if completions.count == 1 {
                if let suffix = completions[0].suffix?.asciiValue {
                    rl_completion_append_character = Int32(suffix)
                } else {
                    rl_completion_suppress_append = 1
                }
            }
            matches = completions.map(\.text)
            return rl_completion_matches(text, generateMatch)
        }

    /// readline's generator protocol: state 0 starts over; each call returns
    /// one `strdup`ed match (readline frees it), then nil.
    private static let generateMatch: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = {
        _, state in
        if state == 0 { nextMatch = 0 }
        guard nextMatch < matches.count else { return nil }
        defer { nextMatch += 1 }
        return strdup(matches[nextMatch])
    }
}
