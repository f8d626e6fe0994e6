/// What parsing a script produced: the statements that parsed, and a
/// diagnostic for every syntax error (the program omits the bad statements).
public struct ParseResult: Sendable, Equatable {
    public var program: Program
    public var diagnostics: [Diagnostic]
    /// True when the input stopped where more was needed (after `,`, `and` or
    /// an open `(`) and nothing else is wrong: a REPL reads another line.
    public var isIncomplete: Bool
}

/// A recursive-descent parser with one `parseX` function per production of
/// grammar.md. As in swift-syntax, a method is `mutating` exactly when it
/// consumes tokens.
///
/// On a syntax error the parser records the diagnostic, skips to the end of the
/// statement and carries on, so one pass reports every bad line of a script
/// (Wren's policy), not just the first.
public struct Parser {
    /// Thrown inside a statement to abandon it. The diagnostic is nil when the
    /// lexer has already reported the token that spoiled the statement.
    struct SyntaxError: Error {
        var diagnostic: Diagnostic?
    }

    /// Enough to show that a script is badly broken without flooding the screen.
    static let diagnosticLimit = 50

    /// A file whose first statements all fail to parse, none of them starting
    /// with a statement's keyword or a misspelling of one, is most likely not
    /// a script (a golden output, a binary, the wrong file): after this many
    /// the parser keeps the first error, says so and reads no further, where
    /// an error per line would bury the one thing worth saying. A script with
    /// typos in its first lines still gets every error.
    static let failuresBeforeNotAScript = 3

    let file: SourceFile
    private var lexer: Lexer
    /// The current token: the next one to consume.
    private(set) var token: Token
    /// Tokens lexed ahead of `token` by `peek(skippingNewlines:)`.
    private var lookahead: [Token] = []
    private var lookaheadIndex = 0
    /// The last token consumed other than a newline; messages say "after" it.
    private(set) var previous: Token
    /// Counts consumed tokens, so every loop can check that it made progress.
    private(set) var consumedCount = 0
    /// True right after `,`, `and` or `(`: input that ends here is incomplete.
    private var isAfterContinuation = false
    /// The `(` of `run om(` while its `)` is awaited.
    var openParenthesis: SourceSpan?
    /// Where `expectations(after:)` keeps what the parser offers at the end.
    var expectationLog: ExpectationLog?
    private var diagnostics: [Diagnostic] = []
    private var unshownCount = 0
    private var firstUnshownSpan: SourceSpan?

    init(_ file: SourceFile) {
        self.file = file
        self.lexer = Lexer(file)
        self.token = lexer.next()
        self.previous = Token(.newline, span: SourceSpan(start: 0, end: 0))
        if case .invalid(let diagnostic) = token.kind { record(diagnostic) }
    }

    /// Parses a whole script, reporting every syntax error in it.
    public static func parse(_ file: SourceFile) -> ParseResult {
        var parser = Parser(file)
        let program = parser.parseScript()
        var diagnostics = parser.diagnostics
        if let span = parser.firstUnshownSpan {
            diagnostics.append(.tooManyErrors(notShown: parser.unshownCount, at: span))
        }
        let isIncomplete = !diagnostics.isEmpty && diagnostics.allSatisfy(\.isIncompleteInput)
        return ParseResult(program: program, diagnostics: diagnostics, isIncomplete: isIncomplete)
    }

    // MARK: - Script

    /// script = { [ statement ] terminator } [ statement ] ;
    mutating func parseScript() -> Program {
        var statements: [Statement] = []
        var unrecognisedFailures = 0
        var atStatementStart = true
        var progress = LoopProgress()
        while token.kind != .endOfInput, progress.evaluate(consumedCount) {
            if parseTerminator() {
                atStatementStart = true
                continue
            }
            atStatementStart = false
            let start = token.span
            let recognisable = keyword.map(Keyword.statements.contains) == true || suggestion(among: Keyword.statements) != nil
            do throws(SyntaxError) {
                let statement = try parseStatement()
                try expectEndOfStatement(suggesting: Self.continuations(of: statement))
                statements.append(statement)
            } catch {
                if let diagnostic = error.diagnostic { record(diagnostic) }
                if !recognisable { unrecognisedFailures += 1 }
                if statements.isEmpty, unrecognisedFailures == Self.failuresBeforeNotAScript {
                    diagnostics = Array(diagnostics.prefix(1)) + [.notAScript(at: start)]
                    unshownCount = 0
                    firstUnshownSpan = nil
                    return Program(statements: [])
                }
                synchronize()
            }
        }
        if atStatementStart {
            offer(Keyword.statements)
            offer(.twoGeneralsGeneral)
        }
        return Program(statements: statements)
    }

    /// terminator = NEWLINE | ";" ;
    mutating func parseTerminator() -> Bool {
        guard token.kind == .newline || token.kind == .semicolon else { return false }
        advance()
        return true
    }

    /// The words that could have continued a statement, for did-you-mean
    /// after a complete one (`lies 0 too L1`).
    private static func continuations(of statement: Statement) -> [Keyword] {
        if case .faults = statement.kind { return [.and, .to, .in, .about] }
        if case .verify = statement.kind { return [.with, .for, .save] }
        return []
    }

    // MARK: - Token consumption

    var atEndOfStatement: Bool {
        switch token.kind {
        case .newline, .semicolon, .endOfInput: true
        default: false
        }
    }

    /// True when the current token is the name that spells `keyword`; the
    /// test is an offer of it too, unless `offering` is false.
    func at(_ keyword: Keyword, offering: Bool = true) -> Bool {
        if offering { offer(.keyword(keyword)) }
        return token.kind == .name(keyword.rawValue)
    }

    /// The keyword the current token spells, if any.
    var keyword: Keyword? {
        guard case .name(let word) = token.kind else { return nil }
        return Keyword(rawValue: word)
    }

    /// The token after the current one, optionally past any newlines.
    mutating func peek(skippingNewlines: Bool) -> Token {
        var index = lookaheadIndex
        while true {
            if index == lookahead.count { lookahead.append(lexer.next()) }
            let next = lookahead[index]
            if !skippingNewlines || next.kind != .newline { return next }
            index += 1
        }
    }

    @discardableResult
    mutating func advance() -> Token {
        let consumed = token
        if consumed.kind != .newline { previous = consumed }
        if lookaheadIndex < lookahead.count {
            token = lookahead[lookaheadIndex]
            lookaheadIndex += 1
        } else {
            lookahead.removeAll(keepingCapacity: true)
            lookaheadIndex = 0
            token = lexer.next()
        }
        consumedCount += 1
        isAfterContinuation = false
        if case .invalid(let diagnostic) = token.kind { record(diagnostic) }
        return consumed
    }

    mutating func consume(if keyword: Keyword, offering: Bool = true) -> Token? {
        at(keyword, offering: offering) ? advance() : nil
    }

    /// Consumes `,`, `and` or `(` and the newlines after it: a list may go on
    /// on the next line.
    mutating func consumeContinuation() {
        advance()
        while token.kind == .newline { advance() }
        isAfterContinuation = true
    }

    @discardableResult
    mutating func expect(_ keyword: Keyword) throws(SyntaxError) -> Token {
        guard let consumed = consume(if: keyword) else {
            throw expected("'\(keyword.rawValue)'", suggesting: [keyword])
        }
        return consumed
    }

    /// A general's name; `role` says which generals may stand here.
    mutating func expectName(_ role: Expected = .general) throws(SyntaxError) -> Name {
        offer(role)
        guard case .name(let text) = token.kind else { throw expected("a name") }
        return Name(text, span: advance().span)
    }

    mutating func expectInteger() throws(SyntaxError) -> IntegerLiteral {
        offer(.integer)
        guard case .integer(let value, _) = token.kind else { throw expected("an integer") }
        return IntegerLiteral(value, span: advance().span)
    }

    /// One of the words a closed set of choices spells (`Signatures`,
    /// `Topology`), in the order the set lists them.
    mutating func expectChoice<Choice: RawRepresentable & CaseIterable>(of _: Choice.Type) throws(SyntaxError) -> Choice
    where Choice.RawValue == String {
        offer(Choice.allCases.compactMap { Keyword(rawValue: $0.rawValue) })
        guard case .name(let word) = token.kind, let choice = Choice(rawValue: word) else {
            let words = Choice.allCases.map(\.rawValue)
            throw expected(Self.alternatives(words), suggesting: words.compactMap(Keyword.init(rawValue:)))
        }
        advance()
        return choice
    }

    /// "'a', 'b' or 'c'".
    static func alternatives(_ words: [String]) -> String {
        let quoted = words.map { "'\($0)'" }
        return quoted.count < 2 ? quoted.joined() : quoted.dropLast().joined(separator: ", ") + " or " + (quoted.last ?? "")
    }

    /// A string; `role` says what it names (a script to load, or anything).
    mutating func expectString(_ role: Expected = .string) throws(SyntaxError) -> StringLiteral {
        offer(role)
        guard case .string(let text) = token.kind else { throw expected("a string") }
        return StringLiteral(text, span: advance().span)
    }

    /// The `)` of an open `(`. A newline just before it does not end the
    /// statement, so `om(` may be split over lines like a list.
    mutating func expectClosingParenthesis(openedAt opener: SourceSpan) throws(SyntaxError) {
        if token.kind == .newline, [.rightParen, .endOfInput].contains(peek(skippingNewlines: true).kind) {
            while token.kind == .newline { advance() }
        }
        guard token.kind == .rightParen else {
            guard case .invalid = token.kind else {
                throw SyntaxError(
                    diagnostic: .expectedClosingParenthesis(
                        openedAt: file.location(of: opener.start), found: token, isIncompleteInput: isIncomplete))
            }
            throw SyntaxError(diagnostic: nil)
        }
        advance()
    }

    mutating func expectEndOfStatement(suggesting candidates: [Keyword] = []) throws(SyntaxError) {
        guard !atEndOfStatement else { return }
        guard case .invalid = token.kind else {
            throw SyntaxError(
                diagnostic: .expectedEndOfStatement(
                    after: file.text(of: previous.span), found: token, suggestion: suggestion(among: candidates)))
        }
        throw SyntaxError(diagnostic: nil)
    }

    // MARK: - Errors

    /// "expected <expectation> after <the previous token>, found <the current
    /// one>", or nothing new if the current token is one the lexer reported.
    func expected(_ expectation: String, after context: String? = nil, suggesting candidates: [Keyword] = [])
        -> SyntaxError
    {
        if case .invalid = token.kind { return SyntaxError(diagnostic: nil) }
        return SyntaxError(
            diagnostic: .expected(
                expectation, after: context ?? file.text(of: previous.span), found: token,
                suggestion: suggestion(among: candidates), isIncompleteInput: isIncomplete))
    }

    /// The candidate the current word was probably meant to be.
    func suggestion(among candidates: [Keyword]) -> String? {
        guard case .name(let word) = token.kind else { return nil }
        let spellings = candidates.map(\.rawValue)
        guard !spellings.contains(word) else { return nil }
        return Suggestion.closest(to: word, among: spellings)
    }

    /// Whether an error at the current token means "more input needed".
    private var isIncomplete: Bool {
        token.kind == .endOfInput && (isAfterContinuation || openParenthesis != nil)
    }

    mutating func record(_ diagnostic: Diagnostic) {
        guard diagnostics.count < Self.diagnosticLimit else {
            unshownCount += 1
            if firstUnshownSpan == nil { firstUnshownSpan = diagnostic.span }
            return
        }
        diagnostics.append(diagnostic)
    }

    /// Skips the rest of a broken statement; its end is the next `;` or newline.
    private mutating func synchronize() {
        openParenthesis = nil
        var progress = LoopProgress()
        while !atEndOfStatement, progress.evaluate(consumedCount) {
            advance()
        }
    }
}

/// Guards a parsing loop against spinning without consuming input (the idea of
/// swift-syntax's LoopProgressCondition): a loop that stops advancing is a bug,
/// and must end rather than hang on some input.
struct LoopProgress {
    private var lastCount: Int?

    mutating func evaluate(_ consumedCount: Int) -> Bool {
        defer { lastCount = consumedCount }
        guard let lastCount else { return true }
        assert(consumedCount > lastCount, "parsing loop made no progress")
        return consumedCount > lastCount
    }
}
