import Foundation
import Testing

/// `--json` on standard output, print text and diagnostics on standard error,
/// and no colour when it is not wanted.
@Suite struct OutputStreamTests {
    @Test func jsonIsOneObjectPerResultCheckAndDiagnosticPerLineAndNothingElse() throws {
        let script = """
            print "first"
            general L3 traitor lies 0 to L1,L2
            run om(1)
            expect messages 1
            general L3 loyal
            generals 3
            run om(1)
            print "last"
            """
        let result = try StrategosBinary.run(["--json", "-e", script])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 6, "two runs, an expect, its diagnostic, a warning and the final newline: \(result.stdout)")
        #expect(lines.last == "")
        var firstKeys: [String] = []
        for line in lines.dropLast() {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            #expect(object is [String: Any])
            firstKeys.append(String(line.dropFirst(2).prefix { $0 != "\"" }))
        }
        #expect(firstKeys == ["algorithm", "expect", "diagnostic", "diagnostic", "algorithm"])
        #expect(lines.first == #"{"algorithm":"om","m":1,"generals":["C","L1","L2","L3"],"commander":"C","order":"attack","default":"retreat","faulty":["L3"],"decisions":{"L1":"attack","L2":"attack"},"agreement":true,"validity":true,"messages":9,"rounds":2}"#)
        #expect(lines[1] == #"{"expect":"expect messages 1","passed":false,"file":"<command line>","line":4,"column":1,"endLine":4,"endColumn":18,"expected":"1 message","actual":"9 messages"}"#)
        #expect(lines[3].hasPrefix(#"{"diagnostic":"warning","file":"<command line>","line":7,"#))
        #expect(result.stderr.hasPrefix("first\n"))
        #expect(result.stderr.hasSuffix("last\n"))
        #expect(result.stderr.contains("expectation failed"))
        #expect(result.stderr.contains("warning: n = 3 is not more than 3m = 3"))
    }

    @Test func jsonOfAScriptWithNoRunIsEmpty() throws {
        let result = try StrategosBinary.run(["--json", "-e", "print \"hello\""])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "hello\n")
    }

    @Test func textModePrintsToStandardOutput() throws {
        let result = try StrategosBinary.run(["-e", "print \"hello\""])
        #expect(result.stdout == "hello\n")
        #expect(result.stderr.isEmpty)
    }

    private static let colourful = "run om(1); expect violation; generals 3; run om(1)"

    @Test(arguments: [
        (["--no-color"], ["NO_COLOR": nil] as [String: String?]),
        ([], ["NO_COLOR": "1"]),
        ([], ["NO_COLOR": nil, "TERM": "xterm-256color", "CLICOLOR_FORCE": "1"]),
    ] as [([String], [String: String?])])
    func noEscapeCodesWhenNotATerminalOrNoColor(options: [String], environment: [String: String?]) throws {
        let result = try StrategosBinary.run(options + ["-e", Self.colourful], environment: environment)
        #expect(result.status == 1)
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(!result.stderr.contains("\u{1B}"))
        #expect(result.stderr.contains("error: expectation failed"))
        #expect(result.stdout.contains("IC1 agreement  holds"))
    }
}
