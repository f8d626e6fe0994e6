/// The `general` statement: a general's loyalty or its fault rules.
extension Parser {
    /// Where a rule applies: `to X, Y`, `in round K`, `about X, Y`.
    struct Scope {
        var receivers: [Name] = []
        var rounds: FaultRule.Rounds?
        var about: [Name] = []
    }

    // MARK: - General

    /// general = "general" NAME ( "loyal" | "traitor" [ behaviours ] | behaviours ) ;
    mutating func parseGeneral() throws(SyntaxError) -> Statement {
        let keyword = advance()
        let name = try expectName()
        if consume(if: .loyal) != nil {
            return statement(.loyal(name), from: keyword)
        }
        if let traitor = consume(if: .traitor) {
            offer(Keyword.behaviours)
            if atEndOfStatement {
                // A bare `traitor` is the default traitor, which flips.
                return statement(.faults(name, [FaultRule(.flips, span: traitor.span)]), from: keyword)
            }
            guard atBehaviour else {
                throw expected("a behaviour (\(Self.behaviourList)) or end of statement", suggesting: Keyword.behaviours)
            }
            let rules = try parseBehaviours()
            return statement(.faults(name, rules), from: keyword)
        }
        offer(Keyword.behaviours)
        guard atBehaviour else {
            throw expected(
                "'traitor', 'loyal' or a behaviour (\(Self.behaviourList))", after: "general \(name.text)",
                suggesting: [.traitor, .loyal] + Keyword.behaviours)
        }
        let rules = try parseBehaviours()
        return statement(.faults(name, rules), from: keyword)
    }

    /// "'lies', 'flips', 'silent', 'random', 'relays' or 'crashes'", for messages.
    static var behaviourList: String {
        alternatives(Keyword.behaviours.map(\.rawValue))
    }

    /// True at a word that starts a behaviour: lies, flips, silent, random, relays, crashes.
    var atBehaviour: Bool {
        keyword.map(Keyword.behaviours.contains) ?? false
    }

    // MARK: - Behaviours

    /// behaviours = behaviour { "and" behaviour } ;
    mutating func parseBehaviours() throws(SyntaxError) -> [FaultRule] {
        var rules = try parseBehaviour()
        var progress = LoopProgress()
        while at(.and), progress.evaluate(consumedCount) {
            consumeContinuation()
            rules += try parseBehaviour()
        }
        return rules
    }

    /// behaviour = lies | flips | silent | random | relays | crash ;
    mutating func parseBehaviour() throws(SyntaxError) -> [FaultRule] {
        offer(Keyword.behaviours)
        switch keyword {
        case .lies?: return try parseLies()
        case .flips?: return [try parseFlips()]
        case .silent?: return [try parseSilent()]
        case .random?: return [try parseRandom()]
        case .relays?: return [try parseRelays()]
        case .crashes?: return [try parseCrash()]
        default: throw expected("a behaviour", suggesting: Keyword.behaviours)
        }
    }

    /// lies = "lies" lie { "and" lie } ;
    ///
    /// After `and`, a word that starts a behaviour ends the lies; any other
    /// value is one more lie: `lies attack to L1 and retreat to L2` is two.
    mutating func parseLies() throws(SyntaxError) -> [FaultRule] {
        let keyword = advance()
        // `lies to L1 retreat`: the receivers came before the value, which
        // would otherwise read as the value "to".
        if at(.to, offering: false), case .name(let next) = peek(skippingNewlines: false).kind, next != Keyword.to.rawValue {
            throw SyntaxError(diagnostic: .receiversBeforeValue(at: token.span))
        }
        var rules = [try parseLie(from: keyword)]
        var progress = LoopProgress()
        while at(.and), !startsBehaviour(peek(skippingNewlines: true)), progress.evaluate(consumedCount) {
            consumeContinuation()
            offer(Keyword.behaviours)
            offer(.value)
            switch token.kind {
            case .name, .integer: rules.append(try parseLie(from: token))
            default: throw expected("a value or a behaviour")
            }
        }
        return rules
    }

    private func startsBehaviour(_ token: Token) -> Bool {
        guard case .name(let word) = token.kind, let keyword = Keyword(rawValue: word) else { return false }
        return Keyword.behaviours.contains(keyword)
    }

    /// lie = value scope ;
    mutating func parseLie(from first: Token) throws(SyntaxError) -> FaultRule {
        let value = try parseValue()
        let scope = try parseScope()
        return rule(.lies(value), in: scope, from: first)
    }

    /// flips = "flips" scope ;
    mutating func parseFlips() throws(SyntaxError) -> FaultRule {
        let keyword = advance()
        let scope = try parseScope()
        return rule(.flips, in: scope, from: keyword)
    }

    /// silent = "silent" scope ;
    mutating func parseSilent() throws(SyntaxError) -> FaultRule {
        let keyword = advance()
        let scope = try parseScope()
        return rule(.silent, in: scope, from: keyword)
    }

    /// random = "random" scope ;
    mutating func parseRandom() throws(SyntaxError) -> FaultRule {
        let keyword = advance()
        let scope = try parseScope()
        return rule(.random, in: scope, from: keyword)
    }

    /// relays = "relays" scope ;
    mutating func parseRelays() throws(SyntaxError) -> FaultRule {
        let keyword = advance()
        let scope = try parseScope()
        return rule(.relays, in: scope, from: keyword)
    }

    /// crash = "crashes" "after" "round" INTEGER ;
    mutating func parseCrash() throws(SyntaxError) -> FaultRule {
        let keyword = advance()
        try expect(.after)
        try expect(.round)
        let round = try expectInteger()
        return FaultRule(.silent, rounds: .after(round), span: keyword.span.through(previous.span))
    }

    // MARK: - Scope

    /// scope = [ "to" name_list ] { "in" "round" INTEGER | "about" name_list } ;
    ///
    /// Each qualifier may appear once; a repeat is an error rather than a
    /// silent override, since `in round 1 in round 2` has no sensible meaning.
    /// `about C, L2` names the end of a path, so its names stay in order.
    mutating func parseScope() throws(SyntaxError) -> Scope {
        var scope = Scope()
        var to: Token?
        var inRound: Token?
        var about: Token?
        if let word = consume(if: .to) {
            to = word
            scope.receivers = try parseNameList()
        }
        var progress = LoopProgress()
        while progress.evaluate(consumedCount) {
            // Each qualifier once: only those not given yet are offered.
            if inRound == nil { offer(.keyword(.in)) }
            if about == nil { offer(.keyword(.about)) }
            switch keyword {
            case .in?:
                try rejectRepeat(of: inRound, as: "in round")
                inRound = advance()
                try expect(.round)
                scope.rounds = .only(try expectInteger())
            case .about?:
                try rejectRepeat(of: about, as: "about")
                about = advance()
                scope.about = try parseNameList()
            case .to?:
                try rejectRepeat(of: to, as: "to")
                throw SyntaxError(diagnostic: .misplacedReceivers(at: token.span))
            default:
                return scope
            }
        }
        return scope
    }

    private func rejectRepeat(of first: Token?, as qualifier: String) throws(SyntaxError) {
        guard let first else { return }
        throw SyntaxError(
            diagnostic: .repeatedQualifier(qualifier, firstAt: file.location(of: first.span.start), at: token.span))
    }

    /// A rule spanning its clause; see `statement(_:from:)` on parsing first.
    private func rule(_ behaviour: FaultRule.Behaviour, in scope: Scope, from first: Token) -> FaultRule {
        FaultRule(
            behaviour, receivers: scope.receivers, rounds: scope.rounds, about: scope.about,
            span: first.span.through(previous.span))
    }
}
