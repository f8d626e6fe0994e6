import FuzzChecks
import StrategosLanguage

/// Runs the input as a script in a session with small limits, no file access,
/// and every event rendered in every form the command line can print.
@_cdecl("LLVMFuzzerTestOneInput")
public func interpreterTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var settings = Session.Settings()
    // Small enough that most inputs end well within a second under the sanitizers.
    settings.messageLimit = 200_000
    settings.traceLimit = 500
    settings.verifyBudget = 200
    settings.maximumLoadDepth = 4
    // A script of many such statements can still take long: a Ctrl-C after a
    // second stops it. Whatever does not listen runs into libFuzzer's -timeout.
    let deadline = ContinuousClock.now + .seconds(1)
    settings.shouldStop = { ContinuousClock.now >= deadline }
    settings.loader = InputLoader(text: text)
    settings.writer = DiscardingWriter()
    var session = Session(settings: settings)
    var sink = RenderingSink(traceLimit: settings.traceLimit)
    _ = session.run(SourceFile(name: "input.strat", text: text), key: "input.strat", into: &sink)
    return 0
}

/// `load "x.strat"` reads the input itself again (so loads nest, repeat and
/// cycle); any other path does not exist.
struct InputLoader: SourceLoader {
    let text: String

    func load(_ path: String, relativeTo: String?) throws(LoadFailure) -> (file: SourceFile, key: String) {
        guard path.hasSuffix(".strat") else { throw LoadFailure("no such file") }
        return (SourceFile(name: path, text: text), path)
    }
}

/// `export` writes nothing; an absolute path fails, as an unwritable one would.
struct DiscardingWriter: FileWriter {
    func write(_ text: String, to path: String, relativeTo script: String?) throws(LoadFailure) {
        if path.hasPrefix("/") { throw LoadFailure("read-only file system") }
    }
}

/// Renders each event as text in colour and as JSON, and each run as each
/// trace format when its trace is one `--trace-format` would write.
struct RenderingSink: EventSink {
    let traceLimit: Int

    private static let renderers = [
        EventRenderer(outputStyle: TextStyle(color: true), diagnosticStyle: TextStyle(color: true)),
        EventRenderer(outputStyle: TextStyle(color: false), diagnosticStyle: TextStyle(color: false), mode: .json),
    ]
    private static let traceRenderers = ExportFormat.allCases.filter { Exporter.supports(.trace(to: nil, from: nil, round: nil), as: $0) }.map {
        EventRenderer(outputStyle: TextStyle(color: false), diagnosticStyle: TextStyle(color: false), mode: .trace($0))
    }

    mutating func receive(_ event: Event) {
        var renderers = Self.renderers
        // With a trace format the session refuses a run whose trace is over the limit.
        if case .run(let run) = event, let trace = run.trace, trace.messages.count <= traceLimit {
            renderers += Self.traceRenderers
        }
        for renderer in renderers {
            let text = renderer.render(event).map(\.text).joined()
            if case .diagnostic = event, !renderer.diagnosticStyle.color { Checks.requireTame(text) }
        }
    }
}
