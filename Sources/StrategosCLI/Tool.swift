import ArgumentParser

/// The tools beside running scripts, named by the first argument. They are
/// dispatched by hand because a command that takes scripts as its arguments
/// cannot also have subcommands: `strategos check` would read a file `check`.
enum Tool: String, CaseIterable {
    case check, fmt, lsp

    var command: any ParsableCommand.Type {
        switch self {
        case .check: Check.self
        case .fmt: Format.self
        case .lsp: LanguageServerCommand.self
        }
    }
}
