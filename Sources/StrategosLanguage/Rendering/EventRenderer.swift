/// Turns events into text for one of two streams: results on standard output,
/// diagnostics on standard error. With `json`, standard output carries only the
/// JSON lines of runs, so `print` text goes to standard error.
public struct EventRenderer: Sendable {
    public enum Stream: Sendable, Equatable {
        case standardOutput, standardError
    }

    /// Colour for standard output and for standard error are decided apart:
    /// one may be a terminal while the other is a pipe.
    public var outputStyle: TextStyle
    public var diagnosticStyle: TextStyle
    public var json: Bool

    public init(outputStyle: TextStyle, diagnosticStyle: TextStyle, json: Bool) {
        self.outputStyle = outputStyle
        self.diagnosticStyle = diagnosticStyle
        self.json = json
    }

    public func render(_ event: Event) -> (stream: Stream, text: String) {
        switch event {
        case .run(let run):
            json ? (.standardOutput, RunRenderer.json(run)) : (.standardOutput, RunRenderer.text(run, style: outputStyle))
        case .printed(let text):
            (json ? .standardError : .standardOutput, text + "\n")
        case .diagnostic(let diagnostic, let file):
            (.standardError, DiagnosticRenderer.render(diagnostic, in: file, color: diagnosticStyle.color))
        }
    }
}
