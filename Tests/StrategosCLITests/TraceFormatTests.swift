import Foundation
import Testing

/// `--trace-format` writes each run's trace to standard output, as `export
/// trace` writes it to a file; `--trace-limit` bounds which runs keep one.
@Suite struct TraceFormatTests {
    static let fig3 = "generals 4; general L3 traitor lies retreat to L1 and hold to L2; run om(1)"

    @Test(arguments: [("mermaid", "sequenceDiagram\n"), ("mmd", "sequenceDiagram\n"), ("dot", "digraph trace {"), ("gv", "digraph trace {"), ("json", #"{"algorithm":"om""#)])
    func eachFormatReplacesTheReport(format: String, opening: String) throws {
        let result = try StrategosBinary.run(["--trace-format", format, "-e", Self.fig3])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix(opening))
        #expect(!result.stdout.contains("IC1 agreement"))
    }

    /// JSON Lines: a header per run, then a line per message and per majority.
    @Test func theJSONTraceIsALinePerMessage() throws {
        let result = try StrategosBinary.run(["--trace-format", "json", "-e", Self.fig3 + "; run om(1)"])
        let lines = try result.stdout.split(separator: "\n").map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(lines.filter { $0["algorithm"] != nil }.count == 2)
        #expect(lines.filter { $0["message"] != nil }.count == 9 + 9)
        #expect(lines.filter { $0["majority"] != nil }.count == 3 + 3)
        #expect(lines[1]["message"] as? Int == 1 && lines[1]["receiver"] as? String == "L1")
    }

    /// `--trace-format svg` writes each run as the SVG `export trace` would.
    @Test func svgIsAFormatToo() throws {
        let result = try StrategosBinary.run(["--trace-format", "svg", "-e", "generals 4; general L3 traitor; run om(1)"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("<?xml") && result.stdout.contains("<svg") && result.stdout.contains(">round 2 · 6 messages<"))
    }

    @Test func anUnknownFormatIsAUsageError() throws {
        let result = try StrategosBinary.run(["--trace-format", "xml", "-e", "run om(1)"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("'mermaid', 'dot', 'json' or 'svg'"))
    }

    @Test func aRunOverTheTraceLimitIsAnError() throws {
        let result = try StrategosBinary.run(["--trace-format", "json", "--trace-limit", "5", "-e", "run om(1)"])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("--trace-format needs this run's trace, but it could send 9 messages, more than the trace limit of 5; raise it with --trace-limit"))
    }

    @Test func theTraceLimitAppliesToShowTrace() throws {
        let result = try StrategosBinary.run(["--trace-limit", "8", "-e", "run om(1); show stats; show trace"])
        #expect(result.status == 65)
        #expect(result.stdout.contains("stats of OM(1)"))
        #expect(result.stderr.contains("the last run's trace holds 9 messages, more than the 8 a view shows"))
        #expect(try StrategosBinary.run(["--trace-limit", "-1", "-e", "run om(1)"]).status == 64)
    }

    @Test func anExportThatCannotBeWrittenExits73() throws {
        let result = try StrategosBinary.run(["-e", #"run om(1); export trace "/nonexistent-directory/run.dot""#])
        #expect(result.status == 73)
        #expect(result.stderr.contains("cannot write '/nonexistent-directory/run.dot'"))
    }
}
