import Foundation
import StrategosLanguage
import StrategosREPL

/// Runs the REPL over scripted input and returns everything it showed: prompts,
/// typed lines, output and diagnostics, interleaved as on a terminal.
struct REPLHarness {
    var transcript: String
    var repl: REPL
    var source: ScriptedLineSource

    init(_ inputs: [LineInput], interruption: any Interruption = ScriptedInterruption(), workingDirectory: String? = nil) {
        let output = Transcript()
        var settings = Session.Settings()
        settings.loader = FileSystemLoader(workingDirectory: workingDirectory)
        var repl = REPL(
            settings: settings,
            renderer: EventRenderer(outputStyle: TextStyle(color: false), diagnosticStyle: TextStyle(color: false), json: false),
            output: output, interruption: interruption)
        var source = ScriptedLineSource(inputs, echoingTo: output)
        repl.run(reading: &source)
        self.transcript = output.text
        self.repl = repl
        self.source = source
    }

    init(lines: [String], interruption: any Interruption = ScriptedInterruption(), workingDirectory: String? = nil) {
        self.init(lines.map(LineInput.line), interruption: interruption, workingDirectory: workingDirectory)
    }
}

/// Locates the `strategos` binary for the terminal test: SwiftPM builds it
/// into the products directory that holds the test bundle.
enum REPLBinary {
    static let url: URL? = {
        var candidates: [URL] = []
        for bundle in Bundle.allBundles + [Bundle.main] {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("strategos"))
        }
        let argument0 = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        candidates.append(argument0.deletingLastPathComponent().appendingPathComponent("strategos"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()
}

/// A fresh temporary directory, removed by `remove()`.
struct REPLScratch {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "strategos-repl-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        let file = path + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
