import Glibc
import StrategosLanguage

extension REPL {
    /// The REPL on a terminal: readline, history, completion, Ctrl-C. The
    /// caller has checked that standard input is a terminal; without one the
    /// command line runs the input as a script instead.
    public static func runOnTerminal(settings: Session.Settings, renderer: EventRenderer, banner: String, environment: [String: String]) {
        let interruption = SignalInterruption()
        SignalInterruption.installHandler()
        let output = StandardStreams()
        var repl = REPL(settings: settings, renderer: renderer, output: output, interruption: interruption)
        var source = ReadlineLineSource(history: HistoryFile(environment: environment), interruption: interruption)
        output.write(banner + "\n", to: .standardOutput)
        repl.run(reading: &source)
    }
}
