import Foundation
import Testing

@testable import StrategosLanguage

/// The JSON line and the text of a run, and colour only when it is asked for.
@Suite struct RenderingTests {
    private func run(_ script: String) throws -> RunReport {
        let result = ScriptHarness.run(script)
        return try #require(result.runs.first, "\(result.rendered)")
    }

    private static let example = "general L3 traitor lies 0 to L1,L2; run om(1)"

    // MARK: - JSON

    @Test func jsonOfTheRequirementsExampleIsExact() throws {
        let json = RunRenderer.json(try run(Self.example))
        #expect(json == #"{"algorithm":"om","m":1,"generals":["C","L1","L2","L3"],"commander":"C","order":"attack","default":"retreat","faulty":["L3"],"decisions":{"L1":"attack","L2":"attack"},"agreement":true,"validity":true,"messages":9,"rounds":2}"# + "\n")
    }

    @Test func jsonKeysComeInTheSchemaOrder() throws {
        let json = RunRenderer.json(try run("generals 7; general L1 traitor; general L2 traitor; run om(2)"))
        let keys = ["algorithm", "m", "generals", "commander", "order", "default", "faulty", "decisions",
                    "agreement", "validity", "messages", "rounds"]
        var searchFrom = json.startIndex
        for key in keys {
            let range = try #require(json.range(of: "\"\(key)\":", range: searchFrom..<json.endIndex), "\(key) missing or out of order")
            searchFrom = range.upperBound
        }
        #expect(json.hasPrefix("{\"algorithm\":"))
        #expect(json.hasSuffix("}\n"))
        #expect(json.filter { $0 == "\n" }.count == 1, "one line")
    }

    @Test func jsonParsesToTheRunsValues() throws {
        let report = try run("generals A, B, C, D, E; commander C; general A traitor lies 0; general C traitor lies x to B and y to D, E; order 007; run om(1)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(RunRenderer.json(report).utf8)) as? [String: Any])
        #expect(object["algorithm"] as? String == "om")
        #expect(object["m"] as? Int == 1)
        #expect(object["generals"] as? [String] == ["C", "A", "B", "D", "E"], "the commander first")
        #expect(object["commander"] as? String == "C")
        #expect(object["order"] as? String == "007", "values are strings as written")
        #expect(object["default"] as? String == "retreat")
        #expect(object["faulty"] as? [String] == ["A", "C"])
        let decisions = try #require(object["decisions"] as? [String: String])
        #expect(Set(decisions.keys) == ["B", "D", "E"], "loyal lieutenants only")
        #expect(object["validity"] as? Bool == true, "vacuous with a faulty commander")
        #expect(object["messages"] as? Int == report.messages)
        #expect(object["rounds"] as? Int == 2)
    }

    @Test func jsonDecisionsAreInArmyOrder() throws {
        let json = RunRenderer.json(try run("generals Zed, Yan, Xia, Wu; run om(1)"))
        #expect(json.contains(#""decisions":{"Yan":"attack","Xia":"attack","Wu":"attack"}"#))
        #expect(json.contains(#""faulty":[]"#))
    }

    @Test func jsonOfAFailedRun() throws {
        let json = RunRenderer.json(try run("generals 4; general C traitor lies attack to L1 and retreat to L2, L3; run om(0)"))
        #expect(json == #"{"algorithm":"om","m":0,"generals":["C","L1","L2","L3"],"commander":"C","order":"attack","default":"retreat","faulty":["C"],"decisions":{"L1":"attack","L2":"retreat","L3":"retreat"},"agreement":false,"validity":true,"messages":3,"rounds":1}"# + "\n")
    }

    static let oddValues: [String] = [
        "quote\"inside", "back\\slash", "new\nline", "tab\there", "cr\rhere", "nul\u{0}", "unit\u{1F}sep",
        "esc\u{1B}[31m", "del\u{7F}", "Ölfeld Γενικός", "emoji 🏰", "line\u{2028}sep", "/slash", "",
    ]

    @Test(arguments: oddValues)
    func jsonEscapesOddValues(_ value: String) throws {
        // Start from a real run and change its names and values: no script can spell these.
        var report = try run("generals 3; general L2 traitor; run om(0)")
        report.generals = ["C", value + "1", value + "2"]
        report.order = value
        report.defaultValue = value + "d"
        report.faulty = [value + "2"]
        report.rules = [:]
        report.rows = report.rows.enumerated().map { index, row in
            var row = row
            row.lieutenant = value + String(index + 1)
            row.decision = index == 0 ? value : nil
            return row
        }
        let json = RunRenderer.json(report)
        #expect(json.hasSuffix("}\n"))
        let body = json.dropLast()
        #expect(!body.unicodeScalars.contains { $0.value < 0x20 }, "no raw control characters: \(json.debugDescription)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        #expect(object["order"] as? String == value)
        #expect(object["default"] as? String == value + "d")
        #expect(object["generals"] as? [String] == ["C", value + "1", value + "2"])
        #expect(object["faulty"] as? [String] == [value + "2"])
        #expect(object["decisions"] as? [String: String] == [value + "1": value])
    }

    @Test(arguments: [
        ("\"", #""\"""#), ("\\", #""\\""#), ("\n", #""\n""#), ("\t", #""\t""#), ("\r", #""\r""#),
        ("\u{0}", #""\u0000""#), ("\u{1F}", #""\u001f""#), ("\u{1B}", #""\u001b""#), ("é", "\"é\""),
    ])
    func jsonStringEscapes(raw: String, quoted: String) {
        #expect(JSONWriter.quoted(raw) == quoted)
    }

    // MARK: - Text

    @Test func textOfTheRequirementsExample() throws {
        let text = RunRenderer.text(try run(Self.example), style: TextStyle(color: false))
        #expect(text == """
            OM(1) · 4 generals · commander C orders attack · default retreat
            faulty L3: lies 0 to L1, L2
              L1  decides attack
              L2  decides attack
              L3  faulty
            IC1 agreement  holds
            IC2 validity   holds
            9 messages in 2 rounds


            """)
    }

    @Test func textOfAFailingRunWithNamedGenerals() throws {
        let script = """
            generals Commander, Al, Bea, Carmen
            general Carmen traitor lies retreat to Al in round 2
            general Bea traitor lies retreat to Al about Commander
            run om(1)
            """
        let text = RunRenderer.text(try run(script), style: TextStyle(color: false))
        #expect(text == """
            OM(1) · 4 generals · commander Commander orders attack · default retreat
            faulty Bea: lies retreat to Al about Commander
            faulty Carmen: lies retreat to Al in round 2
              Al      decides retreat
              Bea     faulty
              Carmen  faulty
            IC1 agreement  holds
            IC2 validity   FAILS
            9 messages in 2 rounds


            """)
    }

    @Test func textOfAFaultyCommanderSaysValidityIsVacuous() throws {
        let text = RunRenderer.text(
            try run("general C traitor lies attack to L1 and retreat to L2, L3; run om(1)"), style: TextStyle(color: false))
        #expect(text.contains("faulty C: lies attack to L1 and retreat to L2, L3\n"))
        #expect(text.contains("IC2 validity   holds (the commander is faulty)\n"))
    }

    @Test func textShowsACrash() throws {
        let text = RunRenderer.text(try run("general L3 crashes after round 1; run om(1)"), style: TextStyle(color: false))
        #expect(text.contains("faulty L3: crashes after round 1\n"))
        #expect(text.contains("7 messages in 2 rounds"))
    }

    // MARK: - Colour

    private static func stripped(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }

    @Test func noEscapesWithoutColourAndSomeWithIt() throws {
        let report = try run("generals 3; general L2 traitor lies retreat to L1; run om(1)")
        let plain = RunRenderer.text(report, style: TextStyle(color: false))
        let coloured = RunRenderer.text(report, style: TextStyle(color: true))
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}[1;31mFAILS\u{1B}[0m"))
        #expect(Self.stripped(coloured) == plain)
        #expect(!RunRenderer.json(report).contains("\u{1B}"), "JSON is never coloured")
    }

    @Test func diagnosticsHaveNoEscapesWithoutColour() throws {
        let result = ScriptHarness.run("generals 3\nrun om(1)\nexpect validity\ngenerals 2")
        #expect(result.diagnostics.count == 2)
        for event in result.events {
            guard case .diagnostic(let diagnostic, let file) = event else { continue }
            let plain = DiagnosticRenderer.render(diagnostic, in: file, color: false)
            let coloured = DiagnosticRenderer.render(diagnostic, in: file, color: true)
            #expect(!plain.contains("\u{1B}"))
            #expect(coloured.contains("\u{1B}["))
            #expect(Self.stripped(coloured) == plain)
        }
    }

    @Test func eventRendererRoutesStreams() throws {
        let result = ScriptHarness.run("print \"hi\"\nrun om(1)\nexpect violation")
        let text = EventRenderer(outputStyle: TextStyle(color: false), diagnosticStyle: TextStyle(color: false))
        let json = EventRenderer(outputStyle: TextStyle(color: true), diagnosticStyle: TextStyle(color: false), mode: .json)
        #expect(result.events.map { text.render($0).map(\.stream) } == [[.standardOutput], [.standardOutput], [], [.standardError]])
        #expect(
            result.events.map { json.render($0).map(\.stream) } == [[.standardError], [.standardOutput], [.standardOutput], [.standardError, .standardOutput]])
        #expect(text.render(result.events[0]).map(\.text) == ["hi\n"])
        #expect(json.render(result.events[0]).map(\.text) == ["hi\n"])
        #expect(json.render(result.events[1]).map(\.text) == [RunRenderer.json(result.runs[0])])
        #expect(json.render(result.events[2]).map(\.text).joined().hasPrefix(#"{"expect":"expect violation","passed":false,"#))
        #expect(!json.render(result.events[3]).map(\.text).joined().contains("\u{1B}"))
    }

    @Test func printTextIsNotRenderedWithColour() throws {
        let renderer = EventRenderer(outputStyle: TextStyle(color: true), diagnosticStyle: TextStyle(color: true))
        #expect(renderer.render(.printed("plain")).map(\.text) == ["plain\n"])
    }
}
