/// The statements other than `general`, and the small productions they share.
extension Parser {
    // MARK: - Statements

    /// statement = generals | commander | order | default | general | seed | signatures | links | cut | link
    ///           | channel | partition | timing | delay | timeout | run | verify | sweep | expect | reset
    ///           | print | load | show | export | lose | attacks | messengers | loss | trials | estimate | shop ;
    mutating func parseStatement() throws(SyntaxError) -> Statement {
        guard case .name(let word) = token.kind else {
            if case .invalid = token.kind { throw SyntaxError(diagnostic: nil) }
            throw SyntaxError(diagnostic: .expectedStatement(found: token))
        }
        switch Keyword(rawValue: word) {
        case .generals?: return try parseGenerals()
        case .commander?: return try parseCommander()
        case .order?: return try parseOrder()
        case .default?: return try parseDefault()
        case .general?: return try parseGeneral()
        case .seed?: return try parseSeed()
        case .signatures?: return try parseSignatures()
        case .links?: return try parseLinks()
        case .cut?: return try parseCut()
        case .link?: return try parseLink()
        case .channel?: return try parseChannel()
        case .partition?: return try parsePartition()
        case .timing?: return try parseTiming()
        case .delay?: return try parseDelay()
        case .timeout?: return try parseTimeout()
        case .run?: return try parseRun()
        case .expect?: return try parseExpect()
        case .reset?: return parseReset()
        case .print?: return try parsePrint()
        case .load?: return try parseLoad()
        case .show?: return try parseShow()
        case .export?: return try parseExport()
        case .verify?: return try parseVerify()
        case .sweep?: return try parseSweep()
        case .lose?: return try parseLose()
        case .messengers?: return try parseMessengers()
        case .loss?: return try parseLoss()
        case .trials?: return try parseTrials()
        case .estimate?: return try parseEstimate()
        case .shop?: return try parseShop()
        case _ where peek(skippingNewlines: false).kind == .name(Keyword.attacks.rawValue):
            return try parseAttacks()
        default:
            // A name at the end of the input may start a Two Generals rule, `A attacks …`.
            if peek(skippingNewlines: false).kind == .endOfInput { expectationLog?.add(.keyword(.attacks)) }
            let suggestion = Suggestion.closest(to: word, among: Keyword.statements.map(\.rawValue))
            throw SyntaxError(diagnostic: .unknownStatement(word, suggestion: suggestion, at: token.span))
        }
    }

    /// generals = "generals" ( INTEGER | name_list ) ;
    mutating func parseGenerals() throws(SyntaxError) -> Statement {
        let keyword = advance()
        switch token.kind {
        case .integer:
            let count = try expectInteger()
            return statement(.generalsCount(count), from: keyword)
        case .name:
            let names = try parseNameList()
            return statement(.generalsNamed(names), from: keyword)
        default:
            throw expected("an integer or a name")
        }
    }

    /// commander = "commander" NAME ;
    mutating func parseCommander() throws(SyntaxError) -> Statement {
        let keyword = advance()
        let name = try expectName()
        return statement(.commander(name), from: keyword)
    }

    /// order = "order" value ;
    mutating func parseOrder() throws(SyntaxError) -> Statement {
        let keyword = advance()
        let value = try parseValue()
        return statement(.order(value), from: keyword)
    }

    /// default = "default" value ;
    mutating func parseDefault() throws(SyntaxError) -> Statement {
        let keyword = advance()
        let value = try parseValue()
        return statement(.defaultValue(value), from: keyword)
    }

    /// seed = "seed" INTEGER ;
    mutating func parseSeed() throws(SyntaxError) -> Statement {
        let keyword = advance()
        let seed = try expectInteger()
        return statement(.seed(seed), from: keyword)
    }

    /// signatures = "signatures" ( "modelled" | "ed25519" ) ;
    mutating func parseSignatures() throws(SyntaxError) -> Statement {
        let keyword = advance()
        let choice = try expectChoice(of: Signatures.self)
        return statement(.signatures(choice), from: keyword)
    }

    /// run = "run" call ;
    mutating func parseRun() throws(SyntaxError) -> Statement {
        let keyword = advance()
        let call = try parseCall()
        return statement(.run(call), from: keyword)
    }

    /// verify = "verify" call [ "with" INTEGER ( "traitor" | "traitors" ) ] [ "for" "order" value ] [ "save" STRING ] ;
    mutating func parseVerify() throws(SyntaxError) -> Statement {
        let keyword = advance()
        let call = try parseCall()
        var traitors: IntegerLiteral?
        if consume(if: .with) != nil {
            let count = try expectInteger()
            traitors = count
            offer(.keyword(count.value == 1 ? .traitor : .traitors))
            guard consume(if: .traitors, offering: false) != nil || consume(if: .traitor, offering: false) != nil else {
                throw expected("'traitors'", suggesting: [.traitors, .traitor])
            }
        }
        var order: Value?
        if consume(if: .for) != nil {
            try expect(.order)
            order = try parseValue()
        }
        var save: StringLiteral?
        if consume(if: .save) != nil {
            save = try expectString()
        }
        return statement(.verify(VerifyCall(call, traitors: traitors, order: order, save: save)), from: keyword)
    }

    /// call = algorithm [ "(" INTEGER [ "," INTEGER ] ")" ] ;
    mutating func parseCall(_ allowed: [AlgorithmCall.Algorithm] = AlgorithmCall.Algorithm.allCases) throws(SyntaxError) -> AlgorithmCall {
        let (algorithm, nameSpan) = try parseAlgorithm(allowed)
        var m: IntegerLiteral?
        var p: IntegerLiteral?
        if token.kind == .leftParen {
            let opener = token.span
            openParenthesis = opener
            consumeContinuation()
            m = try expectInteger()
            if token.kind == .comma {
                consumeContinuation()
                let second = try expectInteger()
                // Only OM has a second parameter (the paper's OM(m, p)); the
                // algorithm is known here, so this is a syntax error.
                guard algorithm == .om else {
                    throw SyntaxError(diagnostic: .secondParameterNotForAlgorithm(algorithm, at: second.span))
                }
                p = second
            }
            try expectClosingParenthesis(openedAt: opener)
            openParenthesis = nil
        }
        return AlgorithmCall(algorithm, m: m, p: p, span: nameSpan.through(previous.span))
    }

    /// algorithm = "om" | "sm" | "twogenerals" ;
    mutating func parseAlgorithm(_ allowed: [AlgorithmCall.Algorithm] = AlgorithmCall.Algorithm.allCases) throws(SyntaxError) -> (AlgorithmCall.Algorithm, SourceSpan) {
        for algorithm in allowed { offer(.call(algorithm)) }
        guard case .name(let word) = token.kind else { throw expected("an algorithm") }
        guard let algorithm = AlgorithmCall.Algorithm(rawValue: word) else {
            let suggestion = Suggestion.closest(to: word, among: AlgorithmCall.Algorithm.allCases.map(\.rawValue))
            throw SyntaxError(diagnostic: .unknownAlgorithm(word, suggestion: suggestion, at: token.span))
        }
        return (algorithm, advance().span)
    }

    /// expect = "expect" ( "agreement" | "validity" | "consensus" | "violation" | "holds" | "counterexample" | "messages" INTEGER
    ///        | name_list ( "decides" | "decide" ) value ) ;
    mutating func parseExpect() throws(SyntaxError) -> Statement {
        let keyword = advance()
        let checks: [(Keyword, Expectation)] = [
            (.agreement, .agreement), (.validity, .validity), (.consensus, .consensus), (.violation, .violation),
            (.holds, .holds), (.counterexample, .counterexample),
        ]
        for (word, expectation) in checks where at(word) {
            advance()
            return statement(.expect(expectation), from: keyword)
        }
        if at(.messages), case .integer = peek(skippingNewlines: false).kind {
            advance()
            let count = try expectInteger()
            return statement(.expect(.messages(count)), from: keyword)
        }
        offer(.lieutenant)
        guard case .name = token.kind else {
            throw expected("'agreement', 'validity', 'consensus', 'violation', 'holds', 'counterexample', 'messages' or a name")
        }
        let names = try parseNameList(.lieutenant)
        offer(.keyword(names.count == 1 ? .decides : .decide))
        guard consume(if: .decides, offering: false) != nil || consume(if: .decide, offering: false) != nil else {
            throw misspeltCheck(names) ?? expected("'decides' or 'decide'", suggesting: [.decides, .decide])
        }
        let value = try parseValue()
        return statement(.expect(.decides(names, value)), from: keyword)
    }

    /// `expect agrement` and `expect messages` read as the start of a
    /// `decides` check; say what was more likely meant.
    private func misspeltCheck(_ names: [Name]) -> SyntaxError? {
        guard names.count == 1, let word = names.first, atEndOfStatement else { return nil }
        if word.text == Keyword.messages.rawValue { return expected("an integer") }
        // The paper's names for the two conditions.
        let paperNames = ["IC1": Keyword.agreement, "IC2": Keyword.validity]
        if let check = paperNames[word.text.uppercased()] {
            return SyntaxError(diagnostic: .unknownCheck(word.text, suggestion: check.rawValue, at: word.span))
        }
        let checks: [Keyword] = [.agreement, .validity, .consensus, .violation, .holds, .counterexample, .messages]
        guard let suggestion = Suggestion.closest(to: word.text, among: checks.map(\.rawValue)) else { return nil }
        return SyntaxError(diagnostic: .unknownCheck(word.text, suggestion: suggestion, at: word.span))
    }

    /// reset = "reset" ;
    mutating func parseReset() -> Statement {
        let keyword = advance()
        return statement(.reset, from: keyword)
    }

    /// print = "print" STRING ;
    mutating func parsePrint() throws(SyntaxError) -> Statement {
        let keyword = advance()
        let text = try expectString()
        return statement(.print(text), from: keyword)
    }

    /// load = "load" STRING ;
    mutating func parseLoad() throws(SyntaxError) -> Statement {
        let keyword = advance()
        let path = try expectString(.path)
        return statement(.load(path), from: keyword)
    }

    // MARK: - Lists and values

    /// name_list = NAME { "," NAME } ;
    mutating func parseNameList(_ role: Expected = .general) throws(SyntaxError) -> [Name] {
        var isFirst = true
        return try parseCommaList { (parser: inout Parser) throws(SyntaxError) in
            // `to L1, and hold to L2`: `and` after a comma starts another rule, not a general named "and".
            if !isFirst, parser.at(.and, offering: false) { throw SyntaxError(diagnostic: .commaBeforeAnd(at: parser.previous.span)) }
            isFirst = false
            return try parser.expectName(role)
        }
    }

    /// `element { "," element }`, a line break after each `,` going on to the next line.
    mutating func parseCommaList<Element>(_ element: (inout Parser) throws(SyntaxError) -> Element) throws(SyntaxError) -> [Element] {
        var elements = [try element(&self)]
        var progress = LoopProgress()
        while token.kind == .comma, progress.evaluate(consumedCount) {
            consumeContinuation()
            elements.append(try element(&self))
        }
        return elements
    }

    /// value = NAME | INTEGER ;
    mutating func parseValue() throws(SyntaxError) -> Value {
        offer(.value)
        switch token.kind {
        case .name(let text), .integer(_, spelling: let text):
            return Value(text, span: advance().span)
        default:
            throw expected("a value")
        }
    }

    /// A statement spanning from its first token to the last one consumed.
    /// Callers parse the statement's parts into locals first: a call's
    /// arguments are evaluated after `self` is read, so parsing inside the
    /// argument list would see a stale `previous`.
    func statement(_ kind: Statement.Kind, from first: Token) -> Statement {
        Statement(kind, span: first.span.through(previous.span))
    }
}
