import Testing

@testable import StrategosLanguage

@Suite struct LexerTests {
    private func kinds(_ text: String) -> [Token.Kind] {
        Lexer.tokens(of: SourceFile(name: "t.strat", text: text)).map(\.kind)
    }

    private func spans(_ text: String) -> [SourceSpan] {
        Lexer.tokens(of: SourceFile(name: "t.strat", text: text)).map(\.span)
    }

    /// The message of the first invalid token, and the text it covers.
    private func firstError(_ text: String) -> (message: String, text: String)? {
        let file = SourceFile(name: "t.strat", text: text)
        for token in Lexer.tokens(of: file) {
            if case .invalid(let diagnostic) = token.kind {
                return (diagnostic.message, file.text(of: diagnostic.span))
            }
        }
        return nil
    }

    @Test(arguments: [
        ("generals 4", [Token.Kind.name("generals"), .integer(4, spelling: "4"), .endOfInput]),
        ("L1,L2", [.name("L1"), .comma, .name("L2"), .endOfInput]),
        ("L1 , L2", [.name("L1"), .comma, .name("L2"), .endOfInput]),
        ("om(-1)", [.name("om"), .leftParen, .integer(-1, spelling: "-1"), .rightParen, .endOfInput]),
        ("order 007", [.name("order"), .integer(7, spelling: "007"), .endOfInput]),
        ("loss 30%", [.name("loss"), .integer(30, spelling: "30"), .percent, .endOfInput]),
        // `|` separates the groups of a partition, with or without spaces.
        ("C, L1 | L2", [.name("C"), .comma, .name("L1"), .bar, .name("L2"), .endOfInput]),
        ("C|L1||L2", [.name("C"), .bar, .name("L1"), .bar, .bar, .name("L2"), .endOfInput]),
        ("reset;reset\nreset", [.name("reset"), .semicolon, .name("reset"), .newline, .name("reset"), .endOfInput]),
        ("a\r\nb", [.name("a"), .newline, .name("b"), .endOfInput]),
        ("a\rb", [.name("a"), .name("b"), .endOfInput]),
        ("\t a \t", [.name("a"), .endOfInput]),
        ("run # comment, with (symbols) \"\n", [.name("run"), .newline, .endOfInput]),
        ("# only a comment\r\nx", [.newline, .name("x"), .endOfInput]),
        ("a#b", [.name("a"), .endOfInput]),
        ("_x9 Ölfeld Γενικός", [.name("_x9"), .name("Ölfeld"), .name("Γενικός"), .endOfInput]),
        ("ge\u{301}ne\u{301}ral", [.name("ge\u{301}ne\u{301}ral"), .endOfInput]),
        ("3rd", [.integer(3, spelling: "3"), .name("rd"), .endOfInput]),
        ("L-1", [.name("L"), .integer(-1, spelling: "-1"), .endOfInput]),
        // A `-` not directly followed by a digit is a token of its own: `cut L1 - L2`.
        ("L1 - L2", [.name("L1"), .minus, .name("L2"), .endOfInput]),
        ("L1-L2", [.name("L1"), .minus, .name("L2"), .endOfInput]),
        ("- 1", [.minus, .integer(1, spelling: "1"), .endOfInput]),
        ("-", [.minus, .endOfInput]),
        ("--1", [.minus, .integer(-1, spelling: "-1"), .endOfInput]),
        ("", [.endOfInput]),
        ("a\n\n  # note\n\r\n\tb", [.name("a"), .newline, .name("b"), .endOfInput]),
        ("a\n;\nb", [.name("a"), .newline, .semicolon, .newline, .name("b"), .endOfInput]),
    ])
    func tokenKinds(text: String, expected: [Token.Kind]) {
        #expect(kinds(text) == expected)
    }

    @Test(arguments: [
        (#"print "hello""#, "hello"),
        (#"print """#, ""),
        (#"print "say \"hi\"""#, #"say "hi""#),
        (#"print "a\\b""#, #"a\b"#),
        (#"print "line\nnext\ttab""#, "line\nnext\ttab"),
        (##"print "# not a comment; (really)""##, "# not a comment; (really)"),
        (#"print "général ✓""#, "général ✓"),
    ])
    func stringsDecodeEscapes(text: String, decoded: String) {
        #expect(kinds(text) == [.name("print"), .string(decoded), .endOfInput])
    }

    @Test func spansAreUTF8OffsetsAndEndOfInputIsEmpty() {
        #expect(
            spans("general L3 traitor") == [
                SourceSpan(start: 0, end: 7), SourceSpan(start: 8, end: 10), SourceSpan(start: 11, end: 18),
                SourceSpan(start: 18, end: 18),
            ])
        #expect(spans("é,x") == [SourceSpan(start: 0, end: 2), SourceSpan(start: 2, end: 3), SourceSpan(start: 3, end: 4), SourceSpan(start: 4, end: 4)])
        #expect(spans("a\r\nb")[1] == SourceSpan(start: 1, end: 3))
        // A run of blank and comment lines is one newline, spanning the first break.
        #expect(spans("a\n\n# x\nb")[1] == SourceSpan(start: 1, end: 2))
        #expect(spans(#"x "a\"b" y"#)[1] == SourceSpan(start: 2, end: 8))
    }

    @Test(arguments: [
        ("@", "unexpected character '@'", "@"),
        ("run om(1) !", "unexpected character '!'", "!"),
        ("a\u{0}b", "unexpected byte 0x00", "\u{0}"),
        ("\u{1B}[31m", "unexpected byte 0x1B", "\u{1B}"),
        ("\u{7F}", "unexpected byte 0x7F", "\u{7F}"),
        ("\u{0C}", "unexpected byte 0x0C", "\u{0C}"),
        ("a\u{A0}b", "unexpected character '\u{A0}' (U+00A0)", "\u{A0}"),
        ("→", "unexpected character '→' (U+2192)", "→"),
        ("\u{FFFD}", "invalid UTF-8 (decoded as U+FFFD)", "\u{FFFD}"),
        ("99999999999999999999", "integer literal '99999999999999999999' is too large", "99999999999999999999"),
        ("-99999999999999999999", "integer literal '-99999999999999999999' is too large", "-99999999999999999999"),
        (#"print "abc"#, #"unterminated string; a string ends with '"' on the same line"#, #""abc"#),
        ("print \"abc\nx", #"unterminated string; a string ends with '"' on the same line"#, #""abc"#),
        ("print \"abc\r\nx", #"unterminated string; a string ends with '"' on the same line"#, #""abc"#),
        (#"print "abc\"#, #"unterminated string; a string ends with '"' on the same line"#, #""abc\"#),
        (#"print "a\qb""#, #"unknown escape '\q' in string; the escapes are \" \\ \n \t"#, #"\q"#),
        (#"print "a\éb""#, #"unknown escape '\é' in string; the escapes are \" \\ \n \t"#, #"\é"#),
    ])
    func invalidInputBecomesADiagnosticToken(text: String, message: String, covered: String) {
        let error = firstError(text)
        #expect(error?.message == message)
        #expect(error?.text == covered)
    }

    @Test func integerBoundsAreAcceptedExactly() {
        #expect(kinds("9223372036854775807") == [.integer(Int.max, spelling: "9223372036854775807"), .endOfInput])
        #expect(kinds("-9223372036854775808") == [.integer(Int.min, spelling: "-9223372036854775808"), .endOfInput])
        #expect(firstError("9223372036854775808")?.message == "integer literal '9223372036854775808' is too large")
    }

    @Test func invalidUTF8BytesArriveAsReplacementCharacters() {
        let text = String(decoding: [UInt8(ascii: "a"), 0xFF, UInt8(ascii: "b")], as: UTF8.self)
        let tokens = kinds(text)
        #expect(tokens.count == 4)
        #expect(tokens.first == .name("a"))
        #expect(tokens.dropFirst(2).first == .name("b"))
        #expect(firstError(text)?.message == "invalid UTF-8 (decoded as U+FFFD)")
    }

    @Test func lexingContinuesAfterAnError() {
        #expect(kinds("a @ b").filter { if case .invalid = $0 { false } else { true } } == [.name("a"), .name("b"), .endOfInput])
        #expect(kinds("print \"x\nrun").suffix(3) == [.newline, .name("run"), .endOfInput])
    }

    @Test func endOfInputRepeats() {
        var lexer = Lexer(SourceFile(name: "t", text: "x"))
        _ = lexer.next()
        #expect(lexer.next().kind == .endOfInput)
        #expect(lexer.next().kind == .endOfInput)
    }

    @Test func keywordTableSpellsEveryKeyword() {
        let spellings = Set(Keyword.allCases.map(\.rawValue))
        let expected: Set<String> = [
            "generals", "general", "commander", "order", "default", "seed", "run", "expect", "reset", "print", "load",
            "traitor", "loyal", "lies", "flips", "silent", "random", "relays", "crashes", "after", "round", "in", "to", "and",
            "about", "agreement", "validity", "consensus", "violation", "decides", "decide", "messages", "holds", "counterexample", "om", "sm", "twogenerals", "verify", "with", "traitors", "for", "save", "signatures", "modelled", "ed25519",
            "show", "export", "trace", "tree", "stats", "army", "from", "table",
            "links", "cut", "link", "complete", "ring",
            "channel", "reliable", "lossy", "broadcast", "partition", "until", "timing", "synchronous", "asynchronous",
            "delay", "by", "at", "most", "timeout", "sweep", "m", "report",
            "lose", "none", "attacks", "always", "never", "if", "received", "all",
            "messengers", "alternate", "flood", "loss", "trials", "estimate", "shop", "without", "rollback",
        ]
        #expect(spellings == expected)
        #expect(Keyword.allCases.count == expected.count)
    }

    @Test func aLongLineLexes() {
        let text = String(repeating: "L1, ", count: 250_000)
        var lexer = Lexer(SourceFile(name: "t", text: text))
        var count = 0
        while lexer.next().kind != .endOfInput { count += 1 }
        #expect(count == 500_000)
    }
}
