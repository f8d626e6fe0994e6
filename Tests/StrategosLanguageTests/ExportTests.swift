import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ByzantineEngine
import Testing
@testable import StrategosLanguage

/// `export`: the four trace formats and the decision tree, pinned as golden
/// files for the paper's Fig. 3, checked for structure, the DOT rendered by
/// Graphviz (`.ci/setup` installs it) and the SVG read by an XML parser. Regenerate the golden files after review
/// with `STRATEGOS_UPDATE_GOLDEN=1 swift test --filter ExportTests`.
@Suite struct ExportTests {
    static let fig3 = """
        generals 4
        general L3 traitor lies retreat to L1 and hold to L2
        run om(1)
        export trace "fig3.mmd"
        export trace "fig3.dot"
        export trace "fig3.json"
        export tree L1 "fig3-tree-L1.dot"
        export trace "fig3.svg"
        export tree L1 "fig3-tree-L1.svg"
        """

    static func exports(of script: String) -> (result: ScriptResult, files: [String: String]) {
        let writer = MemoryWriter()
        var settings = Session.Settings()
        settings.writer = writer
        let result = ScriptHarness.run(script, settings: settings)
        return (result, writer.files)
    }

    static let golden = ExampleGoldenTests.repository.appendingPathComponent("Tests/StrategosLanguageTests/Golden")

    @Test(arguments: ["fig3.mmd", "fig3.dot", "fig3.json", "fig3-tree-L1.dot", "fig3.svg", "fig3-tree-L1.svg"])
    func fig3ExportMatchesItsGoldenFile(_ name: String) throws {
        let (result, files) = Self.exports(of: Self.fig3)
        #expect(result.outcome == .success)
        #expect(result.printed.contains { $0.hasPrefix("exported") && $0.contains(name) })
        let text = try #require(files[name])
        GoldenFile.expect(text, matches: Self.golden.appendingPathComponent(name))
    }

    @Test(arguments: ["fig3.dot", "fig3-tree-L1.dot"])
    func graphvizRendersTheDOT(_ name: String) throws {
        let (_, files) = Self.exports(of: Self.fig3)
        let dot = try #require(files[name])
        let svg = try Self.renderWithGraphviz(dot)
        #expect(svg.contains("<svg"))
        #expect(svg.contains("L3"))
    }

    /// Strategos's own SVG: well-formed XML, a panel per round, every general
    /// named, the lies marked in the text as well as in colour, and the legend.
    @Test func svgIsWellFormedAndReadsWithoutColour() throws {
        let (_, files) = Self.exports(of: Self.fig3)
        for name in ["fig3.svg", "fig3-tree-L1.svg"] {
            let svg = try #require(files[name])
            let parser = XMLParser(data: Data(svg.utf8))
            #expect(parser.parse(), "\(name): \(parser.parserError.map(String.init(describing:)) ?? "")")
        }
        let trace = try #require(files["fig3.svg"])
        #expect(trace.contains(">round 1 · 3 messages<") && trace.contains(">round 2 · 6 messages<"))
        for general in ["C", "L1", "L2", "L3"] { #expect(trace.contains(">\(general)<")) }
        #expect(trace.contains("retreat!") && trace.contains("hold!"), "L3's lies carry their mark")
        #expect(trace.contains("a lie: not what a loyal general in the sender&apos;s place would send"))
        let tree = try #require(files["fig3-tree-L1.svg"])
        #expect(tree.contains(">L1 decides attack<"))
        // Text that XML would misread is escaped (names cannot hold it, but remarks and titles might).
        #expect(SVGDocument.escaped(#"a<b>&"c'"#) == "a&lt;b&gt;&amp;&quot;c&apos;")
    }

    /// `export report`: one page with nothing from elsewhere: the run, a
    /// figure and a message list per round, the stepping script, a tree per
    /// loyal lieutenant, and the script that made it.
    @Test func aReportIsOneSelfContainedPage() throws {
        let script = Self.fig3 + "\nexport report \"fig3.html\""
        let (result, files) = Self.exports(of: script)
        #expect(result.errors.isEmpty)
        let page = try #require(files["fig3.html"])
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.hasSuffix("</html>\n"))
        for outside in ["http://", "https://", "src=", "href=", "@import"] {
            #expect(!page.contains(outside) || outside == "http://" && page.contains("http://www.w3.org/2000/svg"), "\(outside)")
        }
        #expect(page.components(separatedBy: "<section class=\"round\"").count - 1 == 2)
        #expect(page.components(separatedBy: "<svg ").count - 1 == 2)
        #expect(page.contains("C → L3 → L1 <b>retreat!</b> <span class=\"remark\">lie: a loyal L3 sends attack</span>"))
        #expect(page.contains("<summary>L1 decides attack</summary>") && page.contains("<summary>L2 decides attack</summary>"))
        #expect(page.contains("ArrowRight") && page.contains("next-message"))
        #expect(page.contains("export report &quot;fig3.html&quot;"), "the script is on the page, escaped")
        // Every arrow a message list names is in its round's figure.
        for pair in ["2-1", "3-1", "0-3"] { #expect(page.contains("data-pair=\"\(pair)\"")) }
        // A large army lists its messages but draws no figure.
        let (_, large) = Self.exports(of: "generals 26\ngeneral L3 traitor\nrun om(1)\nexport report \"big.html\"")
        let big = try #require(large["big.html"])
        #expect(!big.contains("<svg ") && big.contains("rounds are drawn for up to 25 generals"))
    }

    /// A Two Generals run steps messenger by messenger: a section each, its
    /// figure drawing every messenger sent so far, the fates in words.
    static let twoGeneralsReport = "lose 2\nrun twogenerals(3)\nexport report \"tg.html\""

    @Test func aTwoGeneralsReportStepsThroughItsMessengers() throws {
        let (result, files) = Self.exports(of: Self.twoGeneralsReport)
        #expect(result.errors.isEmpty)
        let page = try #require(files["tg.html"])
        #expect(page.contains("<body data-step=\"messenger\">"))
        #expect(page.components(separatedBy: "<section class=\"round\"").count - 1 == 3)
        #expect(page.contains("<h3>messenger 1 · A → B · arrived</h3>"))
        #expect(page.contains("<h3>messenger 2 · B → A · captured by the city</h3>"))
        #expect(page.contains("<h3>messenger 3 · A → B · not sent (an earlier one was captured)</h3>"))
        #expect(page.contains("coordinated: neither attacks · nothing happens"))
        #expect(page.contains("export report &quot;tg.html&quot;"))
        // The third step's figure draws all three messengers, each findable by the list.
        let third = try #require(page.components(separatedBy: "data-round=\"3\"").last)
        for number in 1...3 { #expect(third.contains("line class=\"arrow\" data-pair=\"m\(number)\"")) }
        #expect(third.contains(">(2 captured)<") && third.contains(">- 3 not sent<"))
        let figure = ReportExporter.figure(TwoGenerals(messengers: 3), TwoGenerals(messengers: 3).outcome(losing: [2]), upTo: 3)
        let parser = XMLParser(data: Data(figure.utf8))
        #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
    }

    /// After a `verify` with a counterexample, the report is of that
    /// counterexample, replayed, and carries the script verify printed.
    static let counterexampleReport = "generals 3\nverify om(1)\nexport report \"attack.html\""

    @Test func aReportAfterVerifyPicturesItsCounterexample() throws {
        let (result, files) = Self.exports(of: Self.counterexampleReport)
        #expect(result.errors.isEmpty)
        let page = try #require(files["attack.html"])
        #expect(page.contains("the counterexample the last <code>verify</code> found, replayed"))
        #expect(page.contains("<pre class=\"script counterexample\">generals 3\n"))
        #expect(page.contains("expect violation"))
        #expect(page.contains("<span class=\"fails\">FAILS</span>"))
        #expect(page.contains("<section class=\"round\" data-round=\"2\">"))
        // A run after the verify is what a report then shows.
        let (_, later) = Self.exports(of: "generals 3\nverify om(1)\nrun om(1)\nexport report \"run.html\"")
        #expect(try #require(later["run.html"]).contains("counterexample") == false)
        // A verify that holds has no counterexample to picture: an error that says so.
        let (proof, none) = Self.exports(of: "generals 4\nverify om(1)\nexport report \"none.html\"")
        #expect(none.isEmpty)
        #expect(proof.errors.first?.message.contains("the last 'verify' found no counterexample") == true)
    }

    @Test func mermaidIsAWellFormedSequenceDiagram() throws {
        let (_, files) = Self.exports(of: Self.fig3)
        let lines = try #require(files["fig3.mmd"]).split(separator: "\n").map(String.init)
        #expect(lines.first == "sequenceDiagram")
        var participants: Set<String> = []
        var arrows = 0
        for line in lines.dropFirst() {
            let words = line.trimmingCharacters(in: .whitespaces)
            if words.hasPrefix("participant ") {
                let parts = words.split(separator: " ")
                #expect(parts.count == 4 && parts[2] == "as")
                participants.insert(String(parts[1]))
            } else if words.hasPrefix("Note over ") {
                #expect(words.range(of: #"^Note over G\d+,G\d+: round \d+$"#, options: .regularExpression) != nil)
            } else {
                let match = words.range(of: #"^(G\d+)(->>|-->>|-x|--x)(G\d+): [^;#]+$"#, options: .regularExpression)
                #expect(match != nil, "not a message line: \(words)")
                let ends = words.split(whereSeparator: { "-x>:".contains($0) }).prefix(2).map(String.init)
                #expect(ends.allSatisfy(participants.contains), "participant used before it is declared: \(words)")
                arrows += 1
            }
        }
        #expect(participants.count == 4)
        #expect(arrows == 9)
        #expect(lines.filter { $0.contains("-->>") }.count == 2, "the two lies are dotted arrows")
    }

    @Test func jsonTraceFollowsItsSchema() throws {
        let (_, files) = Self.exports(of: "generals 4\ngeneral L2 traitor silent to L1\nrun om(1)\nexport trace \"t.json\"")
        let data = Data(try #require(files["t.json"]).utf8)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(document["algorithm"] as? String == "om")
        #expect(document["generals"] as? [String] == ["C", "L1", "L2", "L3"])
        #expect(document["values"] as? [String] == ["attack", "retreat"])
        let messages = try #require(document["messages"] as? [[String: Any]])
        #expect(messages.count == 9, "a dropped message is in the trace too")
        let dropped = messages.filter { $0["disposition"] as? String == "dropped" }
        #expect(dropped.count == 1)
        #expect(dropped.first?["value"] is NSNull)
        #expect(dropped.first?["path"] as? [String] == ["C", "L2"])
        #expect(dropped.first?["receiver"] as? String == "L1")
        let majorities = try #require(document["majorities"] as? [[String: Any]])
        #expect(majorities.count == 3)
        #expect(majorities.first?["result"] as? String == "attack")
    }

    @Test func signedMessagesExportTheirDispositions() throws {
        let script = "generals 3\ngeneral L2 traitor lies retreat\nrun sm(1)\nexport trace \"sm.json\"\nexport trace \"sm.dot\""
        let (result, files) = Self.exports(of: script)
        #expect(result.outcome == .success)
        let json = try #require(files["sm.json"])
        #expect(json.contains(#""disposition":"discarded""#))
        #expect(json.contains(#""majorities":[]"#))
        _ = try Self.renderWithGraphviz(try #require(files["sm.dot"]))
    }

    @Test(arguments: [
        (#"export trace "run.txt""#, "cannot tell the format of 'run.txt' from its extension; use .mmd, .dot, .json, .svg, .html"),
        (#"export trace "run""#, "cannot tell the format of 'run' from its extension; use .mmd, .dot, .json, .svg, .html"),
        (#"export tree L1 "tree.mmd""#, "the decision tree of L1 cannot be exported as Mermaid; use .dot or .svg"),
        (#"export tree L1 "tree.json""#, "the decision tree of L1 cannot be exported as JSON; use .dot or .svg"),
        (#"export trace "run.html""#, "the trace cannot be exported as HTML; use .mmd, .dot, .json or .svg; 'export report' writes a page"),
        (#"export report "run.svg""#, "the report cannot be exported as SVG; use .html"),
        (#"export tree C "tree.dot""#, "C is the commander; only lieutenants decide"),
        (#"export tree L9 "tree.dot""#, "no general named L9; the army is C, L1, L2, L3; did you mean L1?"),
    ])
    func exportErrors(statement: String, message: String) {
        let (result, files) = Self.exports(of: "generals 4\nrun om(1)\n" + statement)
        #expect(result.outcome == .scriptError)
        #expect(result.errors.map(\.message) == [message])
        #expect(files.isEmpty)
    }

    @Test func anExportThatCannotBeWrittenIsItsOwnFailure() {
        let (result, _) = Self.exports(of: "generals 4\nrun om(1)\nexport trace \"/unwritable/run.dot\"")
        #expect(result.outcome == .unwritableOutput)
        #expect(result.errors.map(\.message) == ["cannot write '/unwritable/run.dot': no such directory"])
    }

    @Test func anExportBeforeAnyRunIsAnError() {
        let (result, _) = Self.exports(of: "export trace \"run.dot\"")
        #expect(result.errors.map(\.message) == ["there is no run to show yet; 'show' and 'export' look at the last 'run'"])
    }

    @Test func aTraceOverTheLimitIsRefusedWithAWayOut() {
        var settings = Session.Settings()
        settings.traceLimit = 100
        let result = ScriptHarness.run("generals 7\nrun om(2)\nshow stats\nshow trace", settings: settings)
        #expect(result.outcome == .scriptError)
        #expect(result.errors.map(\.message) == [
            "the last run's trace holds 156 messages, more than the 100 a view shows; 'show stats' summarises the run, or a filter narrows the trace, e.g. 'show trace to L1 round 2' (raise the limit)"
        ])
        #expect(result.events.contains { if case .shown(.stats) = $0 { true } else { false } })
    }

    @Test func aFilterBringsALargeTraceWithinTheLimit() {
        var settings = Session.Settings()
        settings.traceLimit = 100
        let narrow = ScriptHarness.run("generals 7\nrun om(2)\nshow trace to L1 round 2", settings: settings)
        #expect(narrow.outcome == .success)
        let wide = ScriptHarness.run("generals 7\nrun om(2)\nshow trace round 3", settings: settings)
        #expect(wide.errors.map(\.message) == [
            "this filter leaves 120 of the last run's 156 messages, more than the 100 a view shows; 'show stats' summarises the run, or a filter narrows the trace, e.g. 'show trace to L1 round 2' (raise the limit)"
        ])
        let export = ScriptHarness.run("generals 7\nrun om(2)\nexport trace \"t.json\"", settings: settings)
        #expect(export.outcome == .scriptError)
    }

    @Test func aRunTooLargeToRecordKeepsNoTrace() {
        let result = ScriptHarness.run("generals 16\nrun om(5)\nshow trace to L1 round 1")
        #expect(result.outcome == .scriptError)
        #expect(result.runs.first?.trace == nil)
        #expect(result.errors.map(\.message) == [
            "the last run could send 3,999,675 messages, more than the trace limit of 1,000,000, so it kept no trace; 'show stats' summarises it, a smaller army traces, or raise the limit"
        ])
    }

    @Test func runsKeepNoTraceUnlessTheScriptLooksAtOne() {
        let plain = ScriptHarness.run("generals 4\nrun om(1)")
        #expect(plain.runs.first?.trace == nil)
        #expect(plain.runs.first?.traceAbsence == .notRequested)
        let looking = ScriptHarness.run("generals 4\nrun om(1)\nshow trace")
        #expect(looking.runs.first?.trace?.messages.count == 9)
    }

    /// Renders DOT to SVG with Graphviz's `dot`, failing when it is missing or rejects the input.
    static func renderWithGraphviz(_ dot: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["dot", "-Tsvg"]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(dot.utf8))
        try input.fileHandleForWriting.close()
        let svg = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "Graphviz (`dot`, Debian package graphviz; .ci/setup installs it) rejected the DOT: \(String(decoding: complaint, as: UTF8.self))")
        return String(decoding: svg, as: UTF8.self)
    }
}
