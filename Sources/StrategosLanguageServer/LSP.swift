/// The parts of the Language Server Protocol this server speaks, named as the
/// specification names them, in a namespace so `LSP.Diagnostic` and `LSP.Range`
/// never meet the language's `Diagnostic` or the standard library's `Range`.
enum LSP {
    /// A place in a document: a 0-based line and a 0-based column counted in
    /// UTF-16 code units, the protocol's default encoding.
    struct Position: Codable, Equatable {
        var line: Int
        var character: Int
    }

    struct Range: Codable, Equatable {
        var start: Position
        var end: Position
    }

    struct Location: Encodable, Equatable {
        var uri: String
        var range: Range
    }

    struct Diagnostic: Encodable, Equatable {
        enum Severity: Int, Encodable {
            case error = 1, warning, information
        }

        var range: Range
        var severity: Severity
        var source = "strategos"
        var message: String
    }

    struct PublishDiagnosticsParams: Encodable {
        var uri: String
        var diagnostics: [Diagnostic]
    }

    struct TextEdit: Encodable, Equatable {
        var range: Range
        var newText: String
    }

    struct CompletionItem: Encodable, Equatable {
        enum Kind: Int, Encodable {
            case function = 3, variable = 6, value = 12, keyword = 14, file = 17, folder = 19
        }

        var label: String
        var kind: Kind
        var textEdit: TextEdit
    }

    struct MarkupContent: Encodable {
        var kind = "markdown"
        var value: String
    }

    struct Hover: Encodable {
        var contents: MarkupContent
        var range: Range
    }

    struct DocumentSymbol: Encodable {
        enum Kind: Int, Encodable {
            case module = 2, function = 12, variable = 13, boolean = 17, event = 24
        }

        var name: String
        var detail: String
        var kind: Kind
        var range: Range
        var selectionRange: Range
    }

    // MARK: - What the client sends

    struct TextDocumentIdentifier: Decodable {
        var uri: String
    }

    struct TextDocumentItem: Decodable {
        var uri: String
        var text: String
    }

    struct DidOpenParams: Decodable {
        var textDocument: TextDocumentItem
    }

    struct DidChangeParams: Decodable {
        struct Change: Decodable {
            var text: String
        }

        var textDocument: TextDocumentIdentifier
        var contentChanges: [Change]
    }

    /// didClose, formatting and documentSymbol: a document and nothing more that is read.
    struct DocumentParams: Decodable {
        var textDocument: TextDocumentIdentifier
    }

    /// completion, hover and definition.
    struct PositionParams: Decodable {
        var textDocument: TextDocumentIdentifier
        var position: Position
    }
}
