import ArgumentParser
import Foundation

/// `--color auto|always|never`.
enum ColorChoice: String, CaseIterable, ExpressibleByArgument {
    case auto, always, never
}

/// When to colour, decided for standard output and standard error apart,
/// since one may be a terminal while the other is a pipe or a file.
struct ColorOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "When to colour: auto colours a terminal unless NO_COLOR is set and not empty or TERM is dumb (a FORCE_COLOR that is set and neither empty nor 0 colours it anyway).",
        valueName: "when"))
    var color: ColorChoice = .auto

    @Flag(help: "The same as --color never.")
    var noColor = false

    /// Whether the stream on this file descriptor gets colour.
    func colors(_ descriptor: Int32) -> Bool {
        ColorPolicy(choice: noColor ? .never : color, environment: ProcessInfo.processInfo.environment)
            .colors(isTerminal: isatty(descriptor) != 0)
    }
}

/// The rules `--color` follows, apart from the process they are asked about.
struct ColorPolicy {
    var choice: ColorChoice
    var environment: [String: String]

    func colors(isTerminal: Bool) -> Bool {
        switch choice {
        case .always: true
        case .never: false
        case .auto: isForced || (isTerminal && !isTurnedOff)
        }
    }

    /// The NO_COLOR convention (no-color.org), and a terminal that cannot show colour.
    private var isTurnedOff: Bool {
        !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb"
    }

    /// The FORCE_COLOR convention: set, not empty and not `0`.
    private var isForced: Bool {
        guard let force = environment["FORCE_COLOR"] else { return false }
        return !force.isEmpty && force != "0"
    }
}
