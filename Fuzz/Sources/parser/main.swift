import FuzzChecks
import StrategosLanguage

/// Lexes and parses the input as a script read from disk (invalid UTF-8 turned
/// into U+FFFD, as `FileSystemLoader` does), then renders every diagnostic;
/// asks what the parser would accept after it (completion's question), and
/// formats it twice.
@_cdecl("LLVMFuzzerTestOneInput")
public func parserTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let file = SourceFile(name: "input.strat", text: text)
    let parsed = Parser.parse(file)
    for diagnostic in parsed.diagnostics {
        _ = DiagnosticRenderer.render(diagnostic, in: file, color: true)
        Checks.requireTame(DiagnosticRenderer.render(diagnostic, in: file, color: false))
    }
    _ = Parser.expectations(after: text)
    if let formatted = try? Formatter.format(file) {
        let reformatted = SourceFile(name: "input.strat", text: formatted)
        Checks.requireStableFormatting(
            formatted, parses: Parser.parse(reformatted).diagnostics.isEmpty, again: try? Formatter.format(reformatted))
    }
    return 0
}
