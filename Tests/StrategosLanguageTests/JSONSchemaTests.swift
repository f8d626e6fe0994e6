import Foundation
import Testing

@testable import StrategosLanguage

/// What `--json` and `--trace-format json` print follows the schemas in
/// docs/schema/, line by line: every lesson's output, every bad input's
/// diagnostics, and traces of runs of every kind. Each line's first key says
/// which schema it follows (docs/json.md lists them).
@Suite struct JSONSchemaTests {
    /// The schema a `--json` line follows, by its first key.
    static func schemaName(ofLine line: JSONValue) -> String? {
        switch line.firstKey {
        case "algorithm": line["algorithm"] == .string("twogenerals") ? "twogenerals-run" : "run"
        case "verify": line["verify"] == .string("twogenerals") ? "twogenerals-verify" : "verify"
        case let key: key
        }
    }

    /// The schema a `--trace-format json` line follows, by its first key.
    static func schemaName(ofTraceLine line: JSONValue) -> String? {
        switch line.firstKey {
        case "algorithm": "trace-header"
        case let key?: "trace-" + key
        case nil: nil
        }
    }

    /// Parses each line of `output` and checks it against the schema its first key names.
    static func expectConforming(_ output: String, schemaName: (JSONValue) -> String?, _ context: String) throws -> [JSONValue] {
        #expect(output.isEmpty || output.hasSuffix("\n"), "\(context): the last line has no line break")
        var lines: [JSONValue] = []
        for text in output.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            let line = try JSONValue.parse(String(text))
            let name = try #require(schemaName(line), "\(context): a line with no key: \(text)")
            #expect(JSONSchema.names.contains(name), "\(context): no docs/schema/\(name).schema.json for \(text)")
            guard JSONSchema.names.contains(name) else { continue }
            let violations = try JSONSchema(named: name).violations(of: line)
            #expect(violations.isEmpty, "\(context): \(text) breaks \(name).schema.json: \(violations)")
            lines.append(line)
        }
        return lines
    }

    static var settings: Session.Settings {
        var settings = ScriptHarness.settings(files: [:])
        settings.writer = MemoryWriter()
        settings.recordTraces = true
        return settings
    }

    static func lines(of script: String, mode: OutputMode) -> String {
        Transcript.run(SourceFile(name: "test.strat", text: script), settings: settings, mode: mode).standardOutput
    }

    @Test func everySchemaIsReadAndUsesOnlyWhatTheValidatorChecks() throws {
        #expect(JSONSchema.names.count >= 12)
        for name in JSONSchema.names {
            let schema = try JSONSchema(named: name)
            #expect(schema.schema["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
            let misuse = schema.violations(of: .object([])).filter { $0.contains("does not check") }
            #expect(misuse.isEmpty, "\(name): \(misuse)")
        }
    }

    /// The validator is worth trusting only if it refuses what breaks a schema.
    @Test func theValidatorFindsWhatIsWrong() throws {
        let schema = try JSONSchema(named: "run")
        let good = try JSONValue.parse(RunRenderer.json(ScriptHarness.run("run om(1)").runs[0]))
        #expect(schema.violations(of: good) == [])
        let broken = try JSONValue.parse(#"{"algorithm":"xm","m":-1,"generals":"C","decisions":{"L1":3},"extra":true}"#)
        let found = schema.violations(of: broken).joined(separator: "\n")
        for complaint in ["$.algorithm: \"xm\" is not one of", "$.m: -1.0 is below 0", "$.generals: \"C\" is not of type array",
            "$.decisions.L1: 3 is not of type string", "the key 'extra' is not in the schema", "the required key 'validity' is missing"] {
            #expect(found.contains(complaint), "\(complaint) not in \(found)")
        }
        #expect(try JSONSchema(named: "verify").violations(of: JSONValue.parse(#"{"verify":"om","strategies":1.5e40}"#)).allSatisfy { $0.contains("required") })
        #expect(throws: JSONValue.SyntaxError.self) { try JSONValue.parse(#"{"a":1,}"#) }
    }

    @Test(arguments: ExampleGoldenTests.examples)
    func everyLessonLineFollowsItsSchema(_ name: String) throws {
        var settings = Session.Settings()
        settings.writer = MemoryWriter()
        let output = Transcript.run("examples/" + name, in: ExampleGoldenTests.repository.path, settings: settings, mode: .json).standardOutput
        let lines = try Self.expectConforming(output, schemaName: Self.schemaName(ofLine:), name)
        #expect(!lines.isEmpty)
        let expectations = lines.filter { $0.firstKey == "expect" }
        let written = ExampleGoldenTests.text(of: name).split(separator: "\n").filter { $0.hasPrefix("expect ") }
        #expect(expectations.count == written.count, "one line per expect")
        #expect(expectations.allSatisfy { $0["passed"] == .bool(true) }, "every lesson's expectations hold")
    }

    @Test(arguments: BadInputTests.scripts)
    func everyBadInputsDiagnosticIsAJSONLine(_ name: String) throws {
        let transcript = Transcript.run(name, in: BadInputTests.directory, mode: .json)
        let lines = try Self.expectConforming(transcript.standardOutput, schemaName: Self.schemaName(ofLine:), name)
        let diagnostics = lines.filter { $0.firstKey == "diagnostic" }
        // The text of each diagnostic opens with `file:line:col: severity:`, and so does its line.
        let headers = transcript.text.split(separator: "\n").filter { $0.contains(": error: ") || $0.contains(": warning: ") || $0.contains(": note: ") }
        #expect(diagnostics.count == headers.count, "\(name): \(diagnostics.count) diagnostic lines for \(headers.count) diagnostics")
        for (line, header) in zip(diagnostics, headers) {
            guard case .string(let file)? = line["file"], case .integer(let row)? = line["line"], case .integer(let column)? = line["column"],
                case .string(let severity)? = line["diagnostic"]
            else { continue }
            #expect(header.hasPrefix("\(file):\(row):\(column): \(severity): "), "\(name): \(header)")
        }
    }

    @Test func aFailedExpectIsAnExpectLineAndADiagnosticLine() throws {
        let output = Self.lines(of: "generals 3\nrun om(1)\nexpect messages 5   # the run sends 4\nexpect L1, L2 decide attack", mode: .json)
        let lines = try Self.expectConforming(output, schemaName: Self.schemaName(ofLine:), "expect")
        #expect(lines.map { $0.firstKey ?? "" } == ["diagnostic", "algorithm", "expect", "diagnostic", "expect"])
        #expect(
            lines[2] == (try JSONValue.parse(
                #"{"expect":"expect messages 5","passed":false,"file":"test.strat","line":3,"column":1,"endLine":3,"endColumn":18,"expected":"5 messages","actual":"4 messages"}"#)))
        #expect(lines[3]["message"] == .string("expectation failed: expected 5 messages, but the run sent 4"))
        #expect(lines[4]["expected"] == .string("L1, L2 decide attack") && lines[4]["actual"] == .string("L1 attack, L2 attack"))
    }

    @Test(arguments: [
        "generals 4; general L3 traitor lies retreat to L1 and hold to L2; run om(1)",
        "generals 4; general C traitor flips; general L1 traitor silent to L2; run sm(1)",
        "generals 6; links none; link C - L1, L1 - L2, L2 - C, L3 - L4, L4 - L5, L5 - L3, C - L3, L1 - L4, L2 - L5; run om(1, 3)",
        "generals 4; seed 1; channel lossy 30%; partition C, L1 | L2, L3 from round 2; timing asynchronous; timeout 2; delay L3 to L2 by 1; run om(1)",
        "run om(1); run sm(1)",
    ])
    func everyTraceLineFollowsItsSchema(_ script: String) throws {
        let result = ScriptHarness.run(script, settings: Self.settings)
        let output = Self.lines(of: script, mode: .trace(.json))
        let lines = try Self.expectConforming(output, schemaName: Self.schemaName(ofTraceLine:), script)
        #expect(lines.filter { $0.firstKey == "algorithm" }.count == result.runs.count, "a header per run")
        let messages = result.runs.compactMap(\.trace).map(\.messages.count).reduce(0, +)
        #expect(lines.filter { $0.firstKey == "message" }.count == messages)
        let documented = try DocumentationTests.read("docs/trace-json.md")
        for case .object(let members) in lines {
            for member in members {
                #expect(documented.contains("`\(member.key)`") || documented.contains("`messages[].\(member.key)`")
                    || documented.contains("`majorities[].\(member.key)`"), "docs/trace-json.md does not describe \(member.key)")
            }
        }
    }

    /// Every key of every line a lesson prints is described in docs/json.md.
    @Test func everyKeyTheLessonsPrintIsDocumented() throws {
        let documented = try DocumentationTests.read("docs/json.md")
        var settings = Session.Settings()
        settings.writer = MemoryWriter()
        var keys = Set<String>()
        for name in ExampleGoldenTests.examples {
            let output = Transcript.run("examples/" + name, in: ExampleGoldenTests.repository.path, settings: settings, mode: .json).standardOutput
            for text in output.split(separator: "\n") {
                keys.formUnion(Self.keys(in: try JSONValue.parse(String(text))))
            }
        }
        #expect(keys.count > 40)
        for key in keys.sorted() {
            #expect(documented.contains("`\(key)`"), "docs/json.md does not describe \(key)")
        }
    }

    /// An object's keys and those of the objects in its arrays, not a map's keys (generals, A and B).
    static func keys(in value: JSONValue) -> Set<String> {
        switch value {
        case .object(let members):
            return members.reduce(into: Set(members.map(\.key))) { keys, member in
                if case .array = member.value { keys.formUnion(Self.keys(in: member.value)) }
            }
        case .array(let elements):
            return elements.reduce(into: Set<String>()) { $0.formUnion(keys(in: $1)) }
        case .null, .bool, .integer, .number, .string:
            return []
        }
    }
}
