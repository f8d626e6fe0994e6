import FuzzChecks
import StrategosLanguage

/// Lexes and parses the input as a script read from disk (invalid UTF-8 turned
/// into U+FFFD, as `FileSystemLoader` does), then renders every diagnostic.
@_cdecl("LLVMFuzzerTestOneInput")
public func parserTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let file = SourceFile(name: "input.strat", text: text)
    let parsed = Parser.parse(file)
    for diagnostic in parsed.diagnostics {
        _ = DiagnosticRenderer.render(diagnostic, in: file, color: true)
        Checks.requireTame(DiagnosticRenderer.render(diagnostic, in: file, color: false))
    }
    return 0
}
