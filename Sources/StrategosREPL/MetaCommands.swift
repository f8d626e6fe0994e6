import StrategosLanguage

/// A command of the REPL itself, not of the language: `:help`, `:load`, ...
/// Recognised only at the start of a fresh entry. Every command is defined in
/// `all`, from which `:help`, usage errors and completion are generated.
struct MetaCommand: Sendable {
    enum Argument: Sendable {
        case none
        /// A file name, completed from the file system.
        case file
        /// An optional `:help` topic.
        case topic
    }

    enum Result {
        case proceed
        case quit
    }

    var name: String
    var argument: Argument
    /// e.g. `:load FILE`
    var usage: String
    var summary: String
    var run: @Sendable (inout REPL, String) -> Result

    static let all: [MetaCommand] = [
        MetaCommand(name: "help", argument: .topic, usage: ":help [TOPIC]",
                    summary: "every statement with an example; a TOPIC is a statement, a command or a word of the examples") { repl, topic in
            repl.showHelp(topic)
            return .proceed
        },
        MetaCommand(name: "load", argument: .file, usage: ":load FILE", summary: "run a script in this session") { repl, path in
            repl.loadScript(path)
            return .proceed
        },
        MetaCommand(name: "save", argument: .file, usage: ":save FILE",
                    summary: "write the session so far as a lesson that runs again, formatted as strategos fmt writes it") { repl, path in
            repl.saveScript(path)
            return .proceed
        },
        MetaCommand(name: "reset", argument: .none, usage: ":reset", summary: "start again from an empty scenario") { repl, _ in
            repl.resetSession()
            return .proceed
        },
        MetaCommand(name: "army", argument: .none, usage: ":army",
                    summary: "the army, the commander, the order, the default and each faulty general's rules") { repl, _ in
            repl.showArmy()
            return .proceed
        },
        MetaCommand(name: "quit", argument: .none, usage: ":quit", summary: "leave (as does Ctrl-D on an empty line)") { _, _ in
            .quit
        },
    ]

    /// The command called `name` (without the colon), or the only one `name`
    /// starts: `:q` is `:quit`, while an ambiguous prefix matches nothing.
    static func named(_ name: String) -> MetaCommand? {
        if let exact = all.first(where: { $0.name == name }) { return exact }
        let candidates = all.filter { !name.isEmpty && $0.name.hasPrefix(name) }
        return candidates.count == 1 ? candidates.first : nil
    }

    /// Splits `:load some file.strat` into the command word and its argument.
    static func parse(_ line: String) -> (name: String, argument: String) {
        let text = line.drop(while: \.isWhitespace).dropFirst()
        let name = text.prefix { !$0.isWhitespace }
        var argument = text.dropFirst(name.count).trimmingWhitespace()
        // Quotes are optional, as in `load "file"`: `:load "my file.strat"`.
        if argument.count >= 2, argument.first == "\"", argument.last == "\"" {
            argument = argument.dropFirst().dropLast()
        }
        return (String(name), String(argument))
    }
}

/// The names `:help TOPIC` knows: every statement and every meta command.
enum HelpTopic {
    static var names: [String] {
        Keyword.statements.map(\.rawValue) + MetaCommand.all.map(\.name).filter { name in
            !Keyword.statements.contains { $0.rawValue == name }
        }
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var trimmed = drop(while: \.isWhitespace)
        while trimmed.last?.isWhitespace == true { trimmed = trimmed.dropLast() }
        return trimmed
    }
}
