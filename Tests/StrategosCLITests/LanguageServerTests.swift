import Foundation
import Testing

/// `strategos lsp` end to end: the built binary, spoken to over pipes as an
/// editor speaks to it.
@Suite struct LanguageServerTests {
    static let uri = "file:///tmp/strategos-lsp-test/script.strat"

    /// A server after `initialize`, with `text` open as the document.
    static func server(opening text: String) throws -> LanguageServerClient {
        let client = try LanguageServerClient()
        _ = try client.request("initialize", ["processId": NSNull(), "capabilities": [String: Any]()])
        try client.notify("initialized")
        try client.notify("textDocument/didOpen", [
            "textDocument": ["uri": uri, "languageId": "strategos", "version": 1, "text": text],
        ])
        return client
    }

    static func at(_ line: Int, _ character: Int) -> [String: Any] {
        ["textDocument": ["uri": uri], "position": ["line": line, "character": character]]
    }

    static func range(_ value: Any?) -> [Int] {
        let range = value as? [String: Any]
        let start = range?["start"] as? [String: Int]
        let end = range?["end"] as? [String: Int]
        return [start?["line"], start?["character"], end?["line"], end?["character"]].map { $0 ?? -1 }
    }

    @Test func initializeAdvertisesEveryFeature() throws {
        let client = try LanguageServerClient()
        let response = try client.request("initialize", ["capabilities": [String: Any]()])
        let capabilities = try #require((response["result"] as? [String: Any])?["capabilities"] as? [String: Any])
        #expect(capabilities["textDocumentSync"] as? Int == 1)
        #expect((capabilities["completionProvider"] as? [String: Any])?["triggerCharacters"] as? [String] == [" ", "("])
        for provider in ["hoverProvider", "definitionProvider", "documentFormattingProvider", "documentSymbolProvider"] {
            #expect(capabilities[provider] as? Bool == true, "\(provider)")
        }
    }

    @Test func openingAScriptPublishesItsErrorsAndWarningsInUTF16Columns() throws {
        // `Ω` is one UTF-16 unit and two bytes, `𝄞` two units and four bytes:
        // `run` starts at column 13, neither byte 18 nor character 12.
        let client = try Self.server(opening: "generals 3\ngeneral L1 traitor\nprint \"Ω𝄞\"; run om(1)\nrun om(5)\n")
        let published = try client.next { $0["method"] as? String == "textDocument/publishDiagnostics" }
        let params = try #require(published["params"] as? [String: Any])
        #expect(params["uri"] as? String == Self.uri)
        let diagnostics = try #require(params["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.map { $0["severity"] as? Int } == [2, 1])
        #expect(diagnostics.map { Self.range($0["range"]) } == [[2, 13, 2, 22], [3, 7, 3, 8]])
        #expect((diagnostics.first?["message"] as? String)?.contains("the paper's bound n > 3m is broken") == true)
        #expect((diagnostics.last?["message"] as? String)?.contains("om(5) needs m < n − 1") == true)
    }

    @Test func aChangeRepublishesAndAFixedScriptHasNoDiagnostics() throws {
        let client = try Self.server(opening: "run om(\n")
        let broken = try client.next { $0["method"] as? String == "textDocument/publishDiagnostics" }
        #expect(((broken["params"] as? [String: Any])?["diagnostics"] as? [Any])?.count == 1)
        try client.notify("textDocument/didChange", [
            "textDocument": ["uri": Self.uri, "version": 2], "contentChanges": [["text": "run om(1)\n"]],
        ])
        let fixed = try client.next { $0["method"] as? String == "textDocument/publishDiagnostics" }
        #expect(((fixed["params"] as? [String: Any])?["diagnostics"] as? [Any])?.count == 0)
    }

    @Test func completionAfterRunOffersTheAlgorithms() throws {
        let client = try Self.server(opening: "generals 4\nrun \n")
        let response = try client.request("textDocument/completion", Self.at(1, 4))
        let items = try #require(response["result"] as? [[String: Any]])
        let om = try #require(items.first { $0["label"] as? String == "om(" })
        #expect(om["kind"] as? Int == 3)
        let edit = om["textEdit"] as? [String: Any]
        #expect(edit?["newText"] as? String == "om(")
        #expect(Self.range(edit?["range"]) == [1, 4, 1, 4])
    }

    @Test func completionOffersTheGeneralsTheLinesAboveDeclare() throws {
        let client = try Self.server(opening: "generals Alice, Bob, Carol, Dave\ngeneral \n")
        let response = try client.request("textDocument/completion", Self.at(1, 8))
        let items = try #require(response["result"] as? [[String: Any]])
        #expect(items.compactMap { $0["label"] as? String } == ["Alice", "Bob", "Carol", "Dave"])
        #expect(Set(items.compactMap { $0["kind"] as? Int }) == [6])
    }

    @Test func hoverOnAStatementShowsItsHelp() throws {
        let client = try Self.server(opening: "verify om(1)\n")
        let response = try client.request("textDocument/hover", Self.at(0, 2))
        let result = try #require(response["result"] as? [String: Any])
        let value = try #require((result["contents"] as? [String: Any])?["value"] as? String)
        #expect(value.hasPrefix("**verify**: decide, for every placement"))
        #expect(value.contains("verify om(1) with 2 traitors"))
        #expect(Self.range(result["range"]) == [0, 0, 0, 6])
    }

    static let army = "generals C, L1, L2, L3\ngeneral L3 traitor lies 0 to L1\nrun om(1)\nshow trace from L3\n"

    @Test func hoverOnAGeneralShowsItsRules() throws {
        let client = try Self.server(opening: Self.army)
        let response = try client.request("textDocument/hover", Self.at(3, 17))
        let value = try #require(((response["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String)
        #expect(value.contains("general L3 traitor lies 0 to L1"))
    }

    @Test func definitionOfAGeneralIsItsPlaceInTheArmyAndItsGeneralLine() throws {
        let client = try Self.server(opening: Self.army)
        let response = try client.request("textDocument/definition", Self.at(3, 17))
        let locations = try #require(response["result"] as? [[String: Any]])
        #expect(locations.map { $0["uri"] as? String } == [Self.uri, Self.uri])
        #expect(locations.map { Self.range($0["range"]) } == [[0, 20, 0, 22], [1, 8, 1, 10]])
        let notAGeneral = try client.request("textDocument/definition", Self.at(2, 1))
        #expect((notAGeneral["result"] as? [Any])?.isEmpty == true)
    }

    @Test func formattingReplacesTheDocumentWithItsFormattedText() throws {
        let client = try Self.server(opening: "generals   4\nrun om( 1 ) ;   show stats\n")
        let response = try client.request("textDocument/formatting", [
            "textDocument": ["uri": Self.uri], "options": ["tabSize": 4, "insertSpaces": true],
        ])
        let edits = try #require(response["result"] as? [[String: Any]])
        #expect(edits.count == 1)
        #expect(edits.first?["newText"] as? String == "generals 4\nrun om(1)\nshow stats\n")
        #expect(Self.range(edits.first?["range"]) == [0, 0, 2, 0])
    }

    @Test func documentSymbolsListTheStatements() throws {
        let client = try Self.server(opening: Self.army)
        let response = try client.request("textDocument/documentSymbol", ["textDocument": ["uri": Self.uri]])
        let symbols = try #require(response["result"] as? [[String: Any]])
        #expect(symbols.map { $0["name"] as? String } == [
            "generals C, L1, L2, L3", "general L3 traitor lies 0 to L1", "run om(1)", "show trace from L3",
        ])
        #expect(symbols.map { $0["kind"] as? Int } == [13, 13, 12, 24])
        #expect(Self.range(symbols[2]["range"]) == [2, 0, 2, 9])
    }

    @Test func malformedInputIsAnsweredAndTheServerGoesOn() throws {
        let client = try LanguageServerClient()
        client.write(raw: "Content-Length: many\r\n\r\n")
        let badHeader = try client.next { ($0["error"] as? [String: Any]) != nil }
        #expect((badHeader["error"] as? [String: Any])?["code"] as? Int == -32700)
        #expect(badHeader["id"] is NSNull)
        client.write(raw: "Content-Length: 6\r\n\r\n{nope}")
        let badJSON = try client.next { ($0["error"] as? [String: Any]) != nil }
        #expect((badJSON["error"] as? [String: Any])?["code"] as? Int == -32700)
        let early = try client.request("textDocument/hover", Self.at(0, 0))
        #expect((early["error"] as? [String: Any])?["code"] as? Int == -32002)
        _ = try client.request("initialize")
        let unknown = try client.request("textDocument/rename", Self.at(0, 0))
        #expect((unknown["error"] as? [String: Any])?["code"] as? Int == -32601)
        let badParams = try client.request("textDocument/hover", ["position": "here"])
        #expect((badParams["error"] as? [String: Any])?["code"] as? Int == -32602)
        let unopened = try client.request("textDocument/hover", Self.at(0, 0))
        #expect(unopened["result"] is NSNull)
    }

    @Test func shutdownThenExitEndsWithZero() throws {
        let client = try Self.server(opening: "run om(1)\n")
        let response = try client.request("shutdown")
        #expect(response["result"] is NSNull)
        try client.notify("exit")
        #expect(client.exitStatus() == 0)
    }

    @Test func exitWithoutShutdownEndsWithOne() throws {
        let client = try Self.server(opening: "run om(1)\n")
        try client.notify("exit")
        #expect(client.exitStatus() == 1)
    }
}
