/// What asking for a line produced.
public enum LineInput: Sendable, Equatable {
    /// A line without its line break. A multi-line entry recalled from history
    /// arrives as one line with `\n` inside.
    case line(String)
    /// Ctrl-C at the prompt: discard the line and any pending entry.
    case interrupted
    /// Ctrl-D on an empty line, or the end of the input.
    case endOfInput
}

/// Where the REPL's lines come from: GNU readline on a terminal, a list of
/// lines in tests. The source shows the prompt itself (readline must, to
/// redraw it), so a transcript test sees prompts exactly where a user would.
public protocol LineSource {
    mutating func readLine(prompt: String) -> LineInput
    /// A whole entry (possibly several lines) was read: keep it for history.
    mutating func remember(_ entry: String)
    /// What completion should know about the session; sources without
    /// completion ignore it.
    mutating func update(_ context: CompletionContext)
}

extension LineSource {
    public mutating func remember(_ entry: String) {}
    public mutating func update(_ context: CompletionContext) {}
}

/// Lines given in advance, for tests: each prompt and the line "typed" after
/// it are written to the output, as a terminal would show them.
public struct ScriptedLineSource: LineSource {
    private var inputs: [LineInput]
    private var position = 0
    private let output: any REPLOutput
    /// Every entry `remember` was given, in order.
    public private(set) var remembered: [String] = []
    /// The context of the latest prompt, to check what completion would see.
    public private(set) var context: CompletionContext?

    public init(_ inputs: [LineInput], echoingTo output: any REPLOutput) {
        self.inputs = inputs
        self.output = output
    }

    /// Plain lines, then the end of input.
    public init(lines: [String], echoingTo output: any REPLOutput) {
        self.init(lines.map(LineInput.line), echoingTo: output)
    }

    public mutating func readLine(prompt: String) -> LineInput {
        guard position < inputs.count else {
            output.write(prompt + "\n", to: .standardOutput)
            return .endOfInput
        }
        let input = inputs[position]
        position += 1
        switch input {
        case .line(let text): output.write(prompt + text + "\n", to: .standardOutput)
        case .interrupted: output.write(prompt + "^C\n", to: .standardOutput)
        case .endOfInput: output.write(prompt + "\n", to: .standardOutput)
        }
        return input
    }

    public mutating func remember(_ entry: String) {
        remembered.append(entry)
    }

    public mutating func update(_ context: CompletionContext) {
        self.context = context
    }
}
