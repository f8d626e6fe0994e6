import StrategosLanguage

/// The outline: one symbol per statement, named by its text and kinded by what
/// it does to the session.
enum SymbolProvider {
    static func symbols(in document: Document) -> [LSP.DocumentSymbol] {
        document.parsed.program.statements.map { statement in
            let text = document.file.text(of: statement.span)
            // A statement continued over lines is named by its first line.
            let name = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? text
            let range = document.file.range(of: statement.span)
            let (kind, detail) = kind(of: statement.kind.role)
            return LSP.DocumentSymbol(name: name, detail: detail, kind: kind, range: range, selectionRange: range)
        }
    }

    private static func kind(of role: Statement.Kind.Role) -> (LSP.DocumentSymbol.Kind, String) {
        switch role {
        case .declaration: (.variable, "declaration")
        case .action: (.function, "action")
        case .check: (.boolean, "check")
        case .view: (.event, "view")
        case .control: (.module, "control")
        }
    }
}
