import Foundation
import Testing
@testable import StrategosLanguage

/// Every script in `examples/` is a golden test: its output (standard output
/// and standard error interleaved, as a terminal shows them, without colour) is
/// compared with the checked-in `examples/NAME.out`. After reviewing a change,
/// regenerate with `STRATEGOS_UPDATE_GOLDEN=1 swift test --filter ExampleGoldenTests`.
@Suite struct ExampleGoldenTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var examples: [String] {
        let directory = repository.appendingPathComponent("examples").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".strat") }.sorted()
    }

    @Test func thereAreExamples() {
        #expect(Self.examples.count >= 5)
        #expect(Self.examples.contains("tour.strat"))
    }

    @Test(arguments: examples)
    func exampleMatchesItsGoldenOutput(_ name: String) throws {
        let transcript = Self.transcript(of: "examples/" + name)
        #expect(transcript.outcome == .success, "every example must run with all its expectations met")
        let golden = Self.repository.appendingPathComponent("examples/" + name.replacingOccurrences(of: ".strat", with: ".out"))
        if ProcessInfo.processInfo.environment["STRATEGOS_UPDATE_GOLDEN"] == "1" {
            try transcript.text.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(transcript.text == expected)
    }

    /// Runs a script the way the command line does and records what it shows.
    static func transcript(of path: String) -> (text: String, outcome: ScriptOutcome) {
        struct Recorder: EventSink {
            let renderer = EventRenderer(outputStyle: TextStyle(color: false), diagnosticStyle: TextStyle(color: false), json: false)
            var text = ""
            mutating func receive(_ event: Event) {
                text += renderer.render(event).text
            }
        }
        var settings = Session.Settings()
        settings.loader = FileSystemLoader(workingDirectory: repository.path)
        var session = Session(settings: settings)
        var recorder = Recorder()
        do {
            let loaded = try settings.loader.load(path, relativeTo: nil)
            let outcome = session.run(loaded.file, key: loaded.key, into: &recorder)
            return (recorder.text, outcome)
        } catch {
            return ("cannot read \(path): \(error.reason)", .unreadableInput)
        }
    }
}
