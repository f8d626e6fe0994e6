/// Go to definition: from a general's name anywhere to the names that declare
/// or make it, its place in `generals A, B, …` and its `general X` lines.
enum DefinitionProvider {
    static func locations(in document: Document, at position: LSP.Position) -> [LSP.Location] {
        guard let (word, _) = document.name(at: position), let general = GeneralIndex(general: word, in: document) else { return [] }
        return general.definitions.map { LSP.Location(uri: document.uri, range: document.file.range(of: $0)) }
    }
}
