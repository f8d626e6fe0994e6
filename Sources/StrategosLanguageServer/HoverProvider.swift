import StrategosLanguage
import StrategosREPL

/// Hover: on a general's name, what the script makes of it; on a statement's
/// keyword, the REPL's `:help` for it.
enum HoverProvider {
    static func hover(in document: Document, at position: LSP.Position) -> LSP.Hover? {
        guard let (word, span) = document.name(at: position) else { return nil }
        let text: String
        if let general = GeneralIndex(general: word, in: document) {
            text = describe(general)
        } else if let help = StatementHelp.all.first(where: { $0.keyword.rawValue == word }) {
            text = "**\(word)**: \(help.summary)\n" + codeBlock(help.examples)
        } else {
            return nil
        }
        return LSP.Hover(contents: LSP.MarkupContent(value: text), range: document.file.range(of: span))
    }

    private static func describe(_ general: GeneralIndex) -> String {
        guard !general.rules.isEmpty else { return "**\(general.name)**: a general, loyal (no `general \(general.name)` statement)" }
        return "**\(general.name)**: a general of this script\n" + codeBlock(general.rules)
    }

    private static func codeBlock(_ lines: [String]) -> String {
        lines.isEmpty ? "" : "```strat\n" + lines.joined(separator: "\n") + "\n```"
    }
}
