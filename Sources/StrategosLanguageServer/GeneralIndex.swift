import StrategosLanguage

/// Where a document speaks of one general: its place in `generals A, B, …`,
/// its `commander` and `general X …` statements, for hover and go to definition.
struct GeneralIndex {
    let name: String
    /// The names that declare or make the general: the `X` of each statement.
    private(set) var definitions: [SourceSpan] = []
    /// Its `general X …` statements as the language prints them, in order.
    private(set) var rules: [String] = []

    /// nil when `general` is no general of the document: neither named by a
    /// statement nor one of the army made on demand (`C`, `L1`, …) when no
    /// `generals A, B, …` names the army.
    init?(general: String, in document: Document) {
        name = general
        var armyIsNamed = false
        for statement in document.parsed.program.statements {
            if case .generalsNamed(let names) = statement.kind {
                armyIsNamed = true
                definitions += names.filter { $0.text == general }.map(\.span)
            } else if case .commander(let name) = statement.kind, name.text == general {
                definitions.append(name.span)
            } else if case .faults(let name, let faults) = statement.kind, name.text == general {
                definitions.append(name.span)
                rules.append("general \(general) traitor \(ScriptPrinter.text(of: faults))")
            } else if case .loyal(let name) = statement.kind, name.text == general {
                definitions.append(name.span)
                rules.append("general \(general) loyal")
            }
        }
        guard !definitions.isEmpty || (!armyIsNamed && Army.onDemand.admits(general)) else { return nil }
    }
}
