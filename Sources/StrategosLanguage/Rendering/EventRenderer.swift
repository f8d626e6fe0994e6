/// Turns events into text for one of two streams: results on standard output,
/// diagnostics on standard error. In a mode for programs standard output
/// carries only what a program reads, so other text goes to standard error.
public struct EventRenderer: Sendable {
    public enum Stream: Sendable, Equatable {
        case standardOutput, standardError
    }

    /// Colour for standard output and for standard error are decided apart:
    /// one may be a terminal while the other is a pipe.
    public var outputStyle: TextStyle
    public var diagnosticStyle: TextStyle
    public var mode: OutputMode
    /// What the front end calls the setting of each limit (the command line,
    /// its flags), for messages that say how to raise one; a limit with no
    /// name is left unnamed.
    public var limitNames: [Limit: String]

    public init(outputStyle: TextStyle, diagnosticStyle: TextStyle, mode: OutputMode = .text, limitNames: [Limit: String] = [:]) {
        self.outputStyle = outputStyle
        self.diagnosticStyle = diagnosticStyle
        self.mode = mode
        self.limitNames = limitNames
    }

    /// The text an event writes, in the order it is written: none (a held
    /// `expect` in text), one piece, or under `--json` a diagnostic's text for
    /// people and its JSON line for programs.
    public func render(_ event: Event) -> [(stream: Stream, text: String)] {
        switch event {
        case .run(let run):
            switch mode {
            case .text: return [(.standardOutput, RunRenderer.text(run, style: outputStyle))]
            case .json: return [(.standardOutput, RunRenderer.json(run))]
            case .trace(let format):
                // The session refuses a run it cannot trace when traces are required.
                return [(.standardOutput, Exporter.stream(of: run, as: format) ?? "")]
            }
        case .printed(let text):
            return [(forPeople, text + "\n")]
        case .shown(let shown):
            return [(forPeople, ViewRenderer.text(shown, style: peopleStyle))]
        case .verifying(let report):
            switch mode {
            // Programs get one JSON line, once the search is over.
            case .json: return []
            case .text, .trace: return [(forPeople, VerificationRenderer.plan(report, style: peopleStyle, limitNames: limitNames))]
            }
        case .verification(let report):
            switch mode {
            case .json: return [(.standardOutput, VerificationRenderer.json(report))]
            case .text, .trace: return [(forPeople, VerificationRenderer.verdict(report, style: peopleStyle))]
            }
        case .sweep(let report):
            switch mode {
            case .json: return [(.standardOutput, SweepRenderer.json(report))]
            case .text, .trace: return [(forPeople, SweepRenderer.text(report, style: peopleStyle))]
            }
        case .twoGenerals(let event):
            switch mode {
            case .json: return [(.standardOutput, TwoGeneralsRenderer.json(event))]
            case .text, .trace: return [(forPeople, TwoGeneralsRenderer.text(event, style: peopleStyle))]
            }
        case .expectation(let result, let file):
            switch mode {
            case .json: return [(.standardOutput, CheckRenderer.json(result, in: file))]
            // A failed expect is followed by its diagnostic; a held one says nothing.
            case .text, .trace: return []
            }
        case .diagnostic(let diagnostic, let file):
            let text = (Stream.standardError, DiagnosticRenderer.render(diagnostic, in: file, color: diagnosticStyle.color, limitNames: limitNames))
            switch mode {
            case .json: return [text, (.standardOutput, CheckRenderer.json(diagnostic, in: file, limitNames: limitNames))]
            case .text, .trace: return [text]
            }
        }
    }

    /// Where text for people goes: standard output unless it carries a program's format.
    private var forPeople: Stream {
        switch mode {
        case .text: .standardOutput
        case .json, .trace: .standardError
        }
    }

    /// Text for people beside a program's output is never coloured.
    private var peopleStyle: TextStyle {
        switch mode {
        case .text: outputStyle
        case .json, .trace: TextStyle(color: false)
        }
    }
}
