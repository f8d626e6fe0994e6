import Foundation

@testable import StrategosLanguage

/// What one script did: its outcome and every event, with views for asserting.
struct ScriptResult {
    var outcome: ScriptOutcome
    var events: [Event]
    var file: SourceFile

    var runs: [RunReport] {
        events.compactMap { if case .run(let run) = $0 { run } else { nil } }
    }

    var printed: [String] {
        events.compactMap { if case .printed(let text) = $0 { text } else { nil } }
    }

    var diagnostics: [Diagnostic] {
        events.compactMap { if case .diagnostic(let diagnostic, _) = $0 { diagnostic } else { nil } }
    }

    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// Every diagnostic rendered without colour, in the file it points into.
    var rendered: [String] {
        events.compactMap {
            if case .diagnostic(let diagnostic, let file) = $0 {
                DiagnosticRenderer.render(diagnostic, in: file, color: false, limitNames: Limit.commandLineFlags)
            } else {
                nil
            }
        }
    }

    /// The rendered errors only (warnings left out).
    var renderedErrors: [String] {
        events.compactMap {
            if case .diagnostic(let diagnostic, let file) = $0, diagnostic.severity == .error {
                DiagnosticRenderer.render(diagnostic, in: file, color: false, limitNames: Limit.commandLineFlags)
            } else {
                nil
            }
        }
    }

    /// A one-word sketch of each event, in order: `run`, `print:text`, `error`, `warning`, `show`,
    /// `verifying`, `verify`, `sweep`, `estimate`, `shop`; expectations are left out
    /// (a failed one shows as its `error`).
    var sketch: [String] {
        events.compactMap {
            switch $0 {
            case .run(let run): "run:\(run.algorithm.rawValue)(\(run.m))"
            case .printed(let text): "print:\(text)"
            case .diagnostic(let diagnostic, _): diagnostic.severity.rawValue
            case .expectation: nil
            case .shown: "show"
            case .verifying(let report): "verifying:\(report.algorithm.rawValue)(\(report.m))"
            case .verification(let report): "verify:\(report.algorithm.rawValue)(\(report.m))"
            case .sweep(let report): "sweep:\(report.action.rawValue) \(report.algorithm.rawValue)"
            case .twoGenerals(.run(let run)): "run:\(run.call)"
            case .twoGenerals(.verification(let verification)): "verify:twogenerals(\(verification.messengers))"
            case .twoGenerals(.estimate(let estimate)): "estimate:twogenerals(\(estimate.messengers))"
            case .twoGenerals(.shop(let shop, _)): shop.rollback ? "shop:rollback" : "shop:no-rollback"
            }
        }
    }
}

enum ScriptHarness {
    /// Runs `text` as `test.strat` in a fresh session.
    static func run(_ text: String, name: String = "test.strat", settings: Session.Settings = Session.Settings())
        -> ScriptResult
    {
        var session = Session(settings: settings)
        return run(text, name: name, in: &session)
    }

    /// Runs `text` in an existing session (to look at its state afterwards).
    static func run(_ text: String, name: String = "test.strat", in session: inout Session) -> ScriptResult {
        let file = SourceFile(name: name, text: text)
        var log = EventLog()
        let outcome = session.run(file, into: &log)
        return ScriptResult(outcome: outcome, events: log.events, file: file)
    }

    /// Settings whose `load` reads from `files` (path → text) instead of the disk.
    static func settings(files: [String: String]) -> Session.Settings {
        var settings = Session.Settings()
        settings.loader = MemoryLoader(files: files)
        return settings
    }
}

/// A `SourceLoader` over a dictionary; the key of a file is its path.
struct MemoryLoader: SourceLoader {
    var files: [String: String]

    func load(_ path: String, relativeTo: String?) throws(LoadFailure) -> (file: SourceFile, key: String) {
        guard let text = files[path] else { throw LoadFailure("no such file") }
        return (SourceFile(name: path, text: text), path)
    }
}

/// A fresh temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "strategos-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ text: String, to name: String) throws {
        let url = URL(fileURLWithPath: path + "/" + name)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// A `FileWriter` that keeps what `export` writes; paths under `/unwritable/` fail.
final class MemoryWriter: FileWriter, @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String: String] = [:]
    var files: [String: String] { lock.withLock { storage } }

    func write(_ text: String, to path: String, relativeTo script: String?) throws(LoadFailure) {
        guard !path.hasPrefix("/unwritable/") else { throw LoadFailure("no such directory") }
        lock.withLock { storage[path] = text }
    }
}
