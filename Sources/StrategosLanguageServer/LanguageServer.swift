import Foundation
import StrategosLanguage

/// A language server for Strategos scripts: reads framed JSON-RPC messages,
/// keeps the open documents and answers each request from them. Knows no
/// terminal: its input and output are given, so a test can drive it in memory.
public struct LanguageServer {
    private var reader: MessageReader
    private let write: (Data) -> Void
    private var documents = DocumentStore()
    private var isInitialized = false
    private var isShutDown = false

    public init(reader: MessageReader, write: @escaping (Data) -> Void) {
        self.reader = reader
        self.write = write
    }

    /// Serves until `exit` or the end of the input, and returns the exit
    /// status: 0 after `shutdown`, 1 otherwise, as the protocol asks.
    public mutating func run() -> Int32 {
        while true {
            switch reader.next() {
            case .endOfInput:
                return isShutDown ? 0 : 1
            case .badHeader(let reason):
                fail(nil, .parseError, "bad header: \(reason)")
            case .message(let data):
                if let status = handle(data) { return status }
            }
        }
    }

    /// Handles one message; a status when it was `exit`.
    private mutating func handle(_ data: Data) -> Int32? {
        guard let envelope = try? JSONDecoder().decode(JSONRPC.Envelope.self, from: data) else {
            let isJSON = (try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)) != nil
            fail(nil, isJSON ? .invalidRequest : .parseError, isJSON ? "not a request or notification" : "not JSON")
            return nil
        }
        // A message without a method answers a request; this server sends none.
        guard let method = envelope.method else { return nil }
        if method == "exit" { return isShutDown ? 0 : 1 }
        guard let id = envelope.id else {
            if isInitialized, !isShutDown { notice(method, data) }
            return nil
        }
        if !isInitialized, method != "initialize" {
            fail(id, .serverNotInitialized, "initialize comes first")
        } else if isShutDown {
            fail(id, .invalidRequest, "the server is shut down; only exit is left")
        } else {
            answer(method, id: id, data)
        }
        return nil
    }

    // MARK: - Notifications

    private mutating func notice(_ method: String, _ data: Data) {
        switch method {
        case "textDocument/didOpen":
            guard let params = Self.params(LSP.DidOpenParams.self, data) else { return }
            publish(documents.open(params.textDocument.uri, text: params.textDocument.text))
        case "textDocument/didChange":
            // Full sync: the last change is the whole text.
            guard let params = Self.params(LSP.DidChangeParams.self, data), let text = params.contentChanges.last?.text else { return }
            publish(documents.open(params.textDocument.uri, text: text))
        case "textDocument/didClose":
            guard let params = Self.params(LSP.DocumentParams.self, data) else { return }
            documents.close(params.textDocument.uri)
            send(JSONRPC.Notification(
                method: "textDocument/publishDiagnostics",
                params: LSP.PublishDiagnosticsParams(uri: params.textDocument.uri, diagnostics: [])))
        default:
            // `initialized`, `$/cancelRequest`, settings and the rest: nothing to do.
            break
        }
    }

    private func publish(_ document: Document) {
        send(JSONRPC.Notification(
            method: "textDocument/publishDiagnostics",
            params: LSP.PublishDiagnosticsParams(uri: document.uri, diagnostics: Diagnostics.of(document))))
    }

    // MARK: - Requests

    private mutating func answer(_ method: String, id: JSONRPC.RequestID, _ data: Data) {
        switch method {
        case "initialize":
            isInitialized = true
            respond(id, InitializeResult())
        case "shutdown":
            isShutDown = true
            respond(id, nil as Bool?)
        case "textDocument/completion":
            atPosition(id, data) { CompletionProvider.items(in: $0, at: $1) }
        case "textDocument/hover":
            atPosition(id, data) { HoverProvider.hover(in: $0, at: $1) }
        case "textDocument/definition":
            atPosition(id, data) { DefinitionProvider.locations(in: $0, at: $1) }
        case "textDocument/formatting":
            inDocument(id, data) { FormattingProvider.edits(for: $0) }
        case "textDocument/documentSymbol":
            inDocument(id, data) { SymbolProvider.symbols(in: $0) }
        default:
            fail(id, .methodNotFound, "no method '\(method)'")
        }
    }

    /// Answers a request about a document; `null` for one that is not open.
    private func inDocument<Result: Encodable>(_ id: JSONRPC.RequestID, _ data: Data, _ body: (Document) -> Result?) {
        guard let params = Self.params(LSP.DocumentParams.self, data) else { return fail(id, .invalidParams, "expected a textDocument") }
        respond(id, documents[params.textDocument.uri].flatMap(body))
    }

    /// Answers a request about a place in a document; `null` for one that is not open.
    private func atPosition<Result: Encodable>(_ id: JSONRPC.RequestID, _ data: Data, _ body: (Document, LSP.Position) -> Result?) {
        guard let params = Self.params(LSP.PositionParams.self, data) else {
            return fail(id, .invalidParams, "expected a textDocument and a position")
        }
        respond(id, documents[params.textDocument.uri].flatMap { body($0, params.position) })
    }

    // MARK: - Writing

    private static func params<Params: Decodable>(_ type: Params.Type, _ data: Data) -> Params? {
        try? JSONDecoder().decode(JSONRPC.Params<Params>.self, from: data).params
    }

    private func respond<Result: Encodable>(_ id: JSONRPC.RequestID, _ result: Result?) {
        send(JSONRPC.Response(id: id, outcome: .result(result)))
    }

    private func fail(_ id: JSONRPC.RequestID?, _ code: JSONRPC.ErrorCode, _ message: String) {
        send(JSONRPC.Response(id: id, outcome: .error(code: code, message: message)))
    }

    private func send(_ message: some Encodable) {
        write(JSONRPC.frame(message))
    }
}
