import ArgumentParser
import Foundation
import StrategosLanguageServer

/// `strategos lsp`: the language server an editor starts, speaking the
/// Language Server Protocol over standard input and output.
struct LanguageServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Serve the Language Server Protocol on standard input and output, for editors.",
        // Run by hand from `Strategos.main()`, so its usage names the parent itself.
        usage: "strategos lsp",
        discussion: """
            Diagnostics as strategos check gives them, completion, hover help on statements \
            and generals, go to a general's definition, formatting as strategos fmt does it, \
            and an outline of the statements. An editor starts it; it is not used by hand.

            EXIT STATUS
              0    the client sent shutdown, then exit
              1    the client sent exit without shutdown, or the input ended
            """)

    func run() throws {
        var server = LanguageServer(
            reader: MessageReader { () -> Data? in
                let chunk = FileHandle.standardInput.availableData
                return chunk.isEmpty ? nil : chunk
            },
            write: { FileHandle.standardOutput.write($0) })
        throw ExitCode(server.run())
    }
}
