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
            renderer: EventRenderer(outputStyle: TextStyle(color: false), diagnosticStyle: TextStyle(color: false)),
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
