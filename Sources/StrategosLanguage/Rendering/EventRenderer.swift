/// Turns events into text for one of two streams: results on standard output,
/// diagnostics on standard error. With `json` (or a `traceFormat`), standard
/// output carries only what a program reads, so other text goes to standard error.
public struct EventRenderer: Sendable {
    public enum Stream: Sendable, Equatable {
        case standardOutput, standardError
    }

    /// Colour for standard output and for standard error are decided apart:
    /// one may be a terminal while the other is a pipe.
    public var outputStyle: TextStyle
    public var diagnosticStyle: TextStyle
    public var json: Bool
    /// When set, each run is written as its trace in this format (`--trace-format`).
    public var traceFormat: ExportFormat?

    public init(outputStyle: TextStyle, diagnosticStyle: TextStyle, json: Bool, traceFormat: ExportFormat? = nil) {
        self.outputStyle = outputStyle
        self.diagnosticStyle = diagnosticStyle
        self.json = json
        self.traceFormat = traceFormat
    }

    private var isForPrograms: Bool { json || traceFormat != nil }

    public func render(_ event: Event) -> (stream: Stream, text: String) {
        switch event {
        case .run(let run):
            if let traceFormat {
                // The session refuses a run it cannot trace when traces are required.
                return (.standardOutput, Exporter.text(of: .trace(run, TraceFilter()), as: traceFormat) ?? "")
            }
            return json ? (.standardOutput, RunRenderer.json(run)) : (.standardOutput, RunRenderer.text(run, style: outputStyle))
        case .printed(let text):
            return (isForPrograms ? .standardError : .standardOutput, text + "\n")
        case .shown(let shown):
            return isForPrograms
                ? (.standardError, ViewRenderer.text(shown, style: TextStyle(color: false)))
                : (.standardOutput, ViewRenderer.text(shown, style: outputStyle))
        case .verifying(let report):
            // Programs get one JSON line, once the search is over.
            return json
                ? (.standardError, "")
                : (isForPrograms ? .standardError : .standardOutput, VerificationRenderer.plan(report, style: isForPrograms ? TextStyle(color: false) : outputStyle))
        case .verification(let report):
            return json
                ? (.standardOutput, VerificationRenderer.json(report))
                : (isForPrograms ? .standardError : .standardOutput, VerificationRenderer.verdict(report, style: isForPrograms ? TextStyle(color: false) : outputStyle))
        case .twoGenerals(let event):
            return json
                ? (.standardOutput, TwoGeneralsRenderer.json(event))
                : (isForPrograms ? .standardError : .standardOutput, TwoGeneralsRenderer.text(event, style: isForPrograms ? TextStyle(color: false) : outputStyle))
        case .diagnostic(let diagnostic, let file):
            return (.standardError, DiagnosticRenderer.render(diagnostic, in: file, color: diagnosticStyle.color))
        }
    }
}
