/// What `initialize` answers: the features this server has, so the client
/// asks for nothing else.
struct InitializeResult: Encodable {
    struct Capabilities: Encodable {
        struct CompletionOptions: Encodable {
            var triggerCharacters = [" ", "("]
        }

        /// Full: every change sends the whole document, which is small.
        var textDocumentSync = 1
        var completionProvider = CompletionOptions()
        var hoverProvider = true
        var definitionProvider = true
        var documentFormattingProvider = true
        var documentSymbolProvider = true
    }

    struct ServerInfo: Encodable {
        var name = "strategos"
    }

    var capabilities = Capabilities()
    var serverInfo = ServerInfo()
}
