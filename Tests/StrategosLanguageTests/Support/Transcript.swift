import Foundation

@testable import StrategosLanguage

/// What a script shows when the command line runs it: standard output and
/// standard error interleaved, as a terminal shows them, without colour.
struct Transcript {
    var text: String
    var outcome: ScriptOutcome
    /// Standard output alone: under `--json`, what a program reads.
    var standardOutput = ""

    /// Runs the script at `path`, which, like the paths it loads, is relative to `directory`.
    static func run(_ path: String, in directory: String, settings: Session.Settings = Session.Settings(), mode: OutputMode = .text) -> Transcript {
        var settings = settings
        settings.loader = FileSystemLoader(workingDirectory: directory)
        do {
            let loaded = try settings.loader.load(path, relativeTo: nil)
            return run(loaded.file, key: loaded.key, settings: settings, mode: mode)
        } catch {
            return Transcript(text: "cannot read \(path): \(error.reason)", outcome: .unreadableInput)
        }
    }

    static func run(_ file: SourceFile, key: String? = nil, settings: Session.Settings, mode: OutputMode = .text) -> Transcript {
        struct Recorder: EventSink {
            let renderer: EventRenderer
            var text = ""
            var standardOutput = ""
            mutating func receive(_ event: Event) {
                for (stream, piece) in renderer.render(event) {
                    text += piece
                    if stream == .standardOutput { standardOutput += piece }
                }
            }
        }
        var session = Session(settings: settings)
        var recorder = Recorder(renderer: EventRenderer(outputStyle: TextStyle(color: false), diagnosticStyle: TextStyle(color: false), mode: mode, limitNames: Limit.commandLineFlags))
        let outcome = session.run(file, key: key, into: &recorder)
        return Transcript(text: recorder.text, outcome: outcome, standardOutput: recorder.standardOutput)
    }
}
