import Foundation
import Testing

@testable import StrategosLanguage

/// A corpus of scripts that are wrong in every way we could think of, each with
/// its exact output golden in `BadInputs/NAME.expected`: the diagnostics with
/// their carets, whatever ran before them, and the outcome. A few are warnings
/// on scripts that run (a broken bound is worth running, to watch it fail). Regenerate after
/// reviewing a change with `STRATEGOS_UPDATE_GOLDEN=1 swift test --filter BadInputTests`.
@Suite struct BadInputTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("BadInputs").path

    /// The corpus's scripts; directories named like scripts are there to be loaded, not run.
    static var scripts: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: directory + "/" + name, isDirectory: &isDirectory)
            return exists && name.hasSuffix(".strat") && !isDirectory.boolValue
        }.sorted()
    }

    /// Inputs too large to check in, made when the test runs.
    static let generated: [String: @Sendable () -> String] = [
        "generated-ten-megabyte-line": {
            "print \"" + String(repeating: "x", count: 10_000_000) + "\nrun om(1)\n"
        },
        "generated-hundred-thousand-statements": {
            String(repeating: "generals 4\n", count: 100_000) + "run om(9)\n"
        },
    ]

    @Test func theCorpusIsLarge() {
        #expect(Self.scripts.count + Self.generated.count >= 60)
    }

    @Test(arguments: scripts)
    func badScript(_ name: String) {
        let transcript = Transcript.run(name, in: Self.directory)
        expectGolden(transcript, name: String(name.dropLast(".strat".count)))
    }

    @Test(arguments: generated.keys.sorted())
    func generatedBadScript(_ name: String) {
        let text = Self.generated[name]?() ?? ""
        let transcript = Transcript.run(SourceFile(name: name + ".strat", text: text), settings: Session.Settings())
        expectGolden(transcript, name: name)
    }

    /// Every golden belongs to a script, so none is left behind when a script goes.
    @Test func everyGoldenHasAScript() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.directory)
        for golden in names where golden.hasSuffix(".expected") {
            let name = String(golden.dropLast(".expected".count))
            #expect(Self.scripts.contains(name + ".strat") || Self.generated[name] != nil, "\(golden) has no script")
        }
    }

    private func expectGolden(_ transcript: Transcript, name: String) {
        let actual = transcript.text + "[outcome: \(transcript.outcome)]\n"
        #expect(actual.contains(" error: ") || actual.contains(" warning: "), "a bad input must be diagnosed")
        GoldenFile.expect(actual, matches: URL(fileURLWithPath: Self.directory + "/" + name + ".expected"))
    }
}
