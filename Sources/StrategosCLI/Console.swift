import Foundation
import StrategosLanguage

/// Where events become bytes: results on standard output, diagnostics on
/// standard error, each written at once so the two stay in order when they
/// share a terminal or a pipe.
struct Console: EventSink {
    private let renderer: EventRenderer
    private let maximumInputBytes: Int
    /// `strategos check`: errors and warnings only, whatever else the script does.
    private let diagnosticsOnly: Bool

    init(renderer: EventRenderer, maximumInputBytes: Int, diagnosticsOnly: Bool = false) {
        self.renderer = renderer
        self.maximumInputBytes = maximumInputBytes
        self.diagnosticsOnly = diagnosticsOnly
    }

    mutating func receive(_ event: Event) {
        if diagnosticsOnly {
            guard case .diagnostic = event else { return }
        }
        for (stream, text) in renderer.render(event) {
            stream == .standardOutput ? output(text) : error(text)
        }
    }

    func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    func error(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Reads and runs one input in a fresh session.
    func run(_ input: Input, settings: Session.Settings) -> ScriptOutcome {
        var session = Session(settings: settings)
        var sink = self
        switch input {
        case .text(let file):
            return session.run(file, into: &sink)
        case .standardInput:
            do {
                let data = try FileSystemLoader.read(FileHandle.standardInput, maximumBytes: maximumInputBytes)
                return session.run(SourceFile(name: "<stdin>", text: String(decoding: data, as: UTF8.self)), into: &sink)
            } catch {
                return unreadable(nil, error)
            }
        case .file(let path):
            do {
                let loaded = try settings.loader.load(path, relativeTo: nil)
                return session.run(loaded.file, key: loaded.key, into: &sink)
            } catch {
                return unreadable(path, error)
            }
        }
    }

    /// `path` nil: standard input.
    private func unreadable(_ path: String?, _ failure: LoadFailure) -> ScriptOutcome {
        error("strategos: \(failure.message(readingFile: path, naming: renderer.limitNames))\n")
        return .unreadableInput
    }
}
