import Foundation
import StrategosLanguage

/// Where the REPL writes: results on standard output, diagnostics on standard
/// error. A class-free protocol with a non-mutating `write`, so the same output
/// can be shared by the loop, the line source and the event sink.
public protocol REPLOutput: Sendable {
    func write(_ text: String, to stream: EventRenderer.Stream)
}

/// The process's standard output and standard error, written at once so the
/// two stay in order on a terminal.
public struct StandardStreams: REPLOutput {
    public init() {}

    public func write(_ text: String, to stream: EventRenderer.Stream) {
        let handle = stream == .standardOutput ? FileHandle.standardOutput : FileHandle.standardError
        handle.write(Data(text.utf8))
    }
}

/// Everything written to either stream, interleaved in order: what a user sees
/// on a terminal. For transcript tests.
public final class Transcript: REPLOutput, @unchecked Sendable {
    // @unchecked: the lock guards `storage`.
    private let lock = NSLock()
    private var storage = ""

    public init() {}

    public var text: String {
        lock.withLock { storage }
    }

    public func write(_ text: String, to stream: EventRenderer.Stream) {
        lock.withLock { storage += text }
    }
}

/// Renders a session's events onto an output.
struct RenderingSink: EventSink {
    let renderer: EventRenderer
    let output: any REPLOutput
    let interruption: any Interruption
    private var hasEndedEchoedLine = false

    init(renderer: EventRenderer, output: any REPLOutput, interruption: any Interruption) {
        self.renderer = renderer
        self.output = output
        self.interruption = interruption
    }

    mutating func receive(_ event: Event) {
        // The terminal echoes Ctrl-C as `^C` with no line break; the report of
        // the interrupt starts on a line of its own.
        if case .diagnostic = event, !hasEndedEchoedLine, interruption.isRequested {
            output.write("\n", to: .standardError)
            hasEndedEchoedLine = true
        }
        for (stream, text) in renderer.render(event) {
            output.write(text, to: stream)
        }
    }
}
