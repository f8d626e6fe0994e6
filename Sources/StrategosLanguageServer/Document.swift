import Foundation
import StrategosLanguage

/// An open script as the editor last sent it, parsed once per change: every
/// feature reads the same file and the same syntax tree.
struct Document {
    let uri: String
    let file: SourceFile
    let parsed: ParseResult

    init(uri: String, text: String) {
        self.uri = uri
        // A `file:` URI becomes its path, so `load "x.strat"` finds x.strat
        // beside the script and messages name the file as the command line does.
        let url = URL(string: uri)
        let name = url?.isFileURL == true ? url?.path ?? uri : uri
        file = SourceFile(name: name, text: text)
        parsed = Parser.parse(file)
    }

    /// The folder `load` and file completion start from; the working directory
    /// for a document that is not a file.
    var directory: String {
        guard let url = URL(string: uri), url.isFileURL else { return "" }
        return url.deletingLastPathComponent().path
    }

    /// The token the cursor is on or just after, if it is a name.
    func name(at position: LSP.Position) -> (text: String, span: SourceSpan)? {
        let offset = file.offset(of: position)
        for token in Lexer.tokens(of: file) where token.span.start <= offset && offset <= token.span.end {
            if case .name(let text) = token.kind { return (text, token.span) }
        }
        return nil
    }
}

/// The open documents by URI.
struct DocumentStore {
    private var documents: [String: Document] = [:]

    subscript(uri: String) -> Document? {
        documents[uri]
    }

    mutating func open(_ uri: String, text: String) -> Document {
        let document = Document(uri: uri, text: text)
        documents[uri] = document
        return document
    }

    mutating func close(_ uri: String) {
        documents[uri] = nil
    }
}
