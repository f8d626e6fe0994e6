@preconcurrency import CReadline
import Glibc

/// Lines from a terminal through GNU readline: editing, history, tab completion.
///
/// It uses readline's callback interface driven by `poll()` rather than the
/// blocking `readline()`, because that is the one way found to make Ctrl-C
/// clean everywhere, including inside a Ctrl-R search (a blocking read
/// restarted after the signal leaves readline's search state behind):
/// the SIGINT handler only sets a flag, `poll()` wakes up, and the line state
/// is thrown away with `rl_callback_sigcleanup` from ordinary code.
public struct ReadlineLineSource: LineSource {
    private let history: HistoryFile
    private let interruption: SignalInterruption

    /// Set by the line handler: what the user entered.
    nonisolated(unsafe) private static var received: LineInput?
    /// readline keeps the name's pointer: allocated once, never freed.
    nonisolated(unsafe) private static let name = strdup("strategos")

    public init(history: HistoryFile, interruption: SignalInterruption) {
        self.history = history
        self.interruption = interruption
        rl_readline_name = UnsafePointer(Self.name)
        // Our handler owns SIGINT; readline must not install its own.
        rl_catch_signals = 0
        ReadlineCompletion.install()
        history.load()
    }

    public mutating func readLine(prompt: String) -> LineInput {
        Self.received = nil
        rl_callback_handler_install(prompt, Self.lineHandler)
        while true {
            if let input = Self.received {
                if input == .endOfInput {
                    fputs("\n", rl_outstream)
                    fflush(rl_outstream)
                }
                return input
            }
            if interruption.consume() {
                discardLine()
                return .interrupted
            }
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            // The timeout bounds the window in which a SIGINT arriving just
            // before poll() sleeps would go unnoticed until the next key.
            let ready = poll(&descriptor, 1, 100)
            if ready > 0 {
                rl_callback_read_char()
            } else if ready < 0, errno != EINTR {
                rl_callback_handler_remove()
                return .endOfInput
            }
        }
    }

    public mutating func remember(_ entry: String) {
        history.append(entry)
    }

    public mutating func update(_ context: CompletionContext) {
        ReadlineCompletion.completer = Completer(context: context)
    }

    /// Receives the finished line. Removing the handler here stops readline
    /// from printing the next prompt before the entry's output.
    private static let lineHandler: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void = { line in
        rl_callback_handler_remove()
        guard let line else {
            received = .endOfInput
            return
        }
        received = .line(String(cString: line))
        free(line)
    }

    /// Ctrl-C at the prompt: leave any search or argument mode, drop the line,
    /// and restore the terminal; the next prompt installs the handler afresh,
    /// which also resets the history position.
    private func discardLine() {
        rl_callback_sigcleanup()
        rl_free_line_state()
        // Show the line as it was, cursor at its end, then `^C` after it. The
        // line break must come before the handler is removed: restoring the
        // terminal ends bracketed-paste mode with a carriage return.
        rl_point = rl_end
        rl_redisplay()
        fputs("^C", rl_outstream)
        rl_crlf()
        fflush(rl_outstream)
        rl_callback_handler_remove()
    }
}
