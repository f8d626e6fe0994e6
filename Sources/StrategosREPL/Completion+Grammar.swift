import StrategosLanguage

/// The words the grammar allows after the pieces of a statement typed so far.
/// An approximation of grammar.md good enough to suggest, not to judge: the
/// parser has the last word on what is valid.
extension Completer {
    func grammarCompletions(statement pieces: [Piece]) -> [Completion] {
        guard case .word(let first)? = pieces.first else {
            return pieces.isEmpty ? keywords(Keyword.statements) + twoGenerals : []
        }
        let rest = Array(pieces.dropFirst())
        if twoGenerals.contains(where: { $0.text == first }) { return attacksCompletions(after: rest) }
        switch Keyword(rawValue: first) {
        case .commander?: return rest.isEmpty ? generals : []
        case .order?, .default?: return rest.isEmpty ? values : []
        case .run?: return rest.isEmpty ? algorithms : []
        case .verify?: return verifyCompletions(after: rest)
        case .show?: return showCompletions(after: rest)
        case .export?: return exportCompletions(after: rest)
        case .lose?: return rest.isEmpty ? keywords([.none]) : []
        case .signatures?: return rest.isEmpty ? keywords([.modelled, .ed25519]) : []
        case .links?: return rest.isEmpty ? keywords([.complete, .ring, .none]) : []
        case .cut?, .link?: return pairCompletions(after: rest)
        case .channel?: return rest.isEmpty ? keywords([.reliable, .lossy, .broadcast]) : []
        case .timing?: return rest.isEmpty ? keywords([.synchronous, .asynchronous]) : []
        case .partition?: return partitionCompletions(after: rest)
        case .delay?: return delayCompletions(after: rest)
        case .sweep?: return sweepCompletions(after: rest)
        case .messengers?: return rest.isEmpty ? keywords([.alternate, .flood]) : []
        case .shop?: return rest.isEmpty ? keywords([.with, .without]) : rest.count == 1 ? keywords([.rollback]) : []
        case .estimate?: return rest.isEmpty ? [Completion(AlgorithmCall.Algorithm.twogenerals.rawValue + "(", suffix: nil)] : []
        case .expect?: return expectCompletions(after: rest)
        case .general?: return generalCompletions(after: rest)
        default: return []
        }
    }

    // MARK: - Word lists

    private func keywords(_ words: [Keyword]) -> [Completion] {
        words.map { Completion($0.rawValue) }
    }

    private var generals: [Completion] { context.generals.map { Completion($0) } }
    private var values: [Completion] { context.values.map { Completion($0) } }

    /// `om(` and whatever algorithms the language gains, straight from the AST.
    private var algorithms: [Completion] {
        AlgorithmCall.Algorithm.allCases.map { Completion($0.rawValue + "(", suffix: nil) }
    }

    // MARK: - System models

    /// partition ( none | NAME { , NAME } | … [ from round N ] [ until round N ] )
    private func partitionCompletions(after pieces: [Piece]) -> [Completion] {
        switch pieces.last {
        case nil: return generals + keywords([.none])
        case .comma?, .bar?: return generals
        case .word(Keyword.from.rawValue)?, .word(Keyword.until.rawValue)?: return keywords([.round])
        case .word?: return keywords([.from, .until])
        default: return []
        }
    }

    /// delay ( at most N | NAME [ to NAME { , NAME } ] by N [ in round N ] [ about … ] )
    private func delayCompletions(after pieces: [Piece]) -> [Completion] {
        switch pieces.last {
        case nil: return generals + keywords([.at])
        case .word(Keyword.at.rawValue)?: return keywords([.most])
        case .word(Keyword.to.rawValue)?, .comma?: return generals
        case .word? where pieces.count == 1: return keywords([.to, .by])
        case .word?: return keywords([.by])
        default: return []
        }
    }

    /// sweep ( run | verify ) ( om | sm ) for generals N to N , m N to N
    private func sweepCompletions(after pieces: [Piece]) -> [Completion] {
        switch pieces.count {
        case 0: return keywords([.verify, .run])
        case 1: return keywords([.om, .sm])
        case 2: return keywords([.for])
        case 3: return keywords([.generals])
        default:
            switch pieces.last {
            case .integer? where pieces.count == 5 || pieces.count == 9: return keywords([.to])
            case .comma?: return keywords([.m])
            default: return []
            }
        }
    }

    // MARK: - Two Generals

    /// The two generals of `run twogenerals(k)`, whose rules a statement sets.
    private var twoGenerals: [Completion] { ["A", "B"].map { Completion($0) } }

    /// A attacks ( always | never | if received ( INTEGER | all ) )
    private func attacksCompletions(after pieces: [Piece]) -> [Completion] {
        switch pieces.last {
        case nil: return keywords([.attacks])
        case .word(Keyword.attacks.rawValue)?: return keywords([.always, .never, .if])
        case .word(Keyword.if.rawValue)?: return keywords([.received])
        case .word(Keyword.received.rawValue)?: return keywords([.all])
        default: return []
        }
    }

    // MARK: - verify, show, export

    /// verify call [ with INTEGER traitors ] [ for order value ] [ save STRING ]
    private func verifyCompletions(after pieces: [Piece]) -> [Completion] {
        guard let last = pieces.last else { return algorithms }
        let beforeLast = pieces.dropLast().last
        switch last {
        case .word(Keyword.with.rawValue), .word(Keyword.save.rawValue), .string: return []
        case .word(Keyword.for.rawValue): return keywords([.order])
        case .word(Keyword.order.rawValue) where beforeLast == .word(Keyword.for.rawValue): return values
        case .integer where beforeLast == .word(Keyword.with.rawValue): return keywords([.traitors])
        default:
            // The clauses come in this order, each at most once.
            let clauses: [Keyword] = [.with, .for, .save]
            let typed = clauses.lastIndex { pieces.contains(.word($0.rawValue)) }
            return keywords(Array(clauses[(typed.map { $0 + 1 } ?? 0)...]))
        }
    }

    /// show ( trace { to NAME | from NAME | round N } | tree NAME | stats | army | links | table )
    private func showCompletions(after pieces: [Piece]) -> [Completion] {
        guard let view = pieces.first else { return keywords(Keyword.views) }
        switch (view, pieces.last) {
        case (.word(Keyword.tree.rawValue), _): return pieces.count == 1 ? generals : []
        case (.word(Keyword.trace.rawValue), .word(Keyword.to.rawValue)?),
             (.word(Keyword.trace.rawValue), .word(Keyword.from.rawValue)?):
            return generals
        case (.word(Keyword.trace.rawValue), .word(Keyword.round.rawValue)?): return []
        case (.word(Keyword.trace.rawValue), _):
            let typed = Set(pieces.compactMap { if case .word(let word) = $0 { word } else { nil } })
            return keywords([.to, .from, .round].filter { !typed.contains($0.rawValue) })
        default: return []
        }
    }

    /// export ( trace | tree NAME | links | sweep ) STRING
    private func exportCompletions(after pieces: [Piece]) -> [Completion] {
        guard let view = pieces.first else { return keywords([.trace, .tree, .links, .sweep]) }
        if case .word(Keyword.tree.rawValue) = view, pieces.count == 1 { return generals }
        return []
    }

    // MARK: - cut, link

    /// cut NAME - NAME { , NAME - NAME }: a general at the start of a pair and after its `-`.
    private func pairCompletions(after pieces: [Piece]) -> [Completion] {
        switch pieces.last {
        case nil, .comma?, .minus?: return generals
        case .word?, .integer?, .string?, .bar?, .open?, .close?: return []
        }
    }

    // MARK: - expect

    /// expect ( agreement | validity | consensus | violation | holds | counterexample | messages N | names decide(s) value )
    private func expectCompletions(after pieces: [Piece]) -> [Completion] {
        guard let last = pieces.last else {
            return keywords([.agreement, .validity, .consensus, .violation, .holds, .counterexample, .messages]) + generals
        }
        switch last {
        case .comma: return generals
        case .word(Keyword.decides.rawValue), .word(Keyword.decide.rawValue): return values
        case .word(let word) where context.generals.contains(word):
            let names = pieces.filter { if case .word = $0 { true } else { false } }
            return keywords(names.count == 1 ? [.decides] : [.decide])
        default: return []
        }
    }

    // MARK: - general

    /// general NAME ( loyal | traitor [behaviours] | behaviours )
    private func generalCompletions(after pieces: [Piece]) -> [Completion] {
        guard let name = pieces.first else { return generals }
        guard case .word = name else { return [] }
        let clauses = Array(pieces.dropFirst())
        guard let next = clauses.first else { return keywords([.traitor, .loyal, .crashes]) }
        switch next {
        case .word(Keyword.loyal.rawValue): return []
        case .word(Keyword.traitor.rawValue):
            return clauses.count == 1 ? keywords(Keyword.behaviours) : behaviourCompletions(after: clauses.dropFirst())
        default: return behaviourCompletions(after: clauses[...])
        }
    }

    /// Where the cursor is inside `behaviour { "and" behaviour }`.
    private enum ClauseState: Equatable {
        case behaviour
        /// After `lies`.
        case lieValue
        /// A clause is complete: `to` (first only), `in`, `about` or `and` may follow.
        case qualifiers
        /// After `to` or a `,` between receivers.
        case receiver
        /// After a receiver: `,` or the qualifiers.
        case receiverListed
        /// After `about` or a `,` between its names.
        case aboutName
        /// After a name of `about`: `,` or the qualifiers.
        case aboutListed
        /// After `in`, or `crashes after`.
        case roundWord(isCrash: Bool)
        case roundNumber(isCrash: Bool)
        /// After `crashes`.
        case afterWord
        /// After `crashes after round K`: only `and`.
        case crashed
        /// After `and`: a behaviour or, in a run of lies, the next value.
        case afterAnd
        case unknown
    }

    /// The clause being typed, as far as completion cares.
    private struct Clause {
        var state = ClauseState.behaviour
        var isLie = false
        /// The qualifiers the clause has: each may appear once, and `to` first only.
        var qualifiers: Set<Keyword> = []

        /// What may still follow a complete clause (`afterReceiver`: the
        /// clause has its receivers).
        func remainingQualifiers() -> [Keyword] {
            let allowed: [Keyword] = (qualifiers.isEmpty ? [.to] : []) + [.in, .about].filter { !qualifiers.contains($0) }
            return allowed + [.and]
        }
    }

    private func behaviourCompletions(after pieces: ArraySlice<Piece>) -> [Completion] {
        var clause = Clause()
        for piece in pieces {
            advance(&clause, over: piece)
        }
        switch clause.state {
        case .behaviour: return keywords(Keyword.behaviours)
        case .lieValue: return values
        case .receiver, .aboutName: return generals
        case .qualifiers, .receiverListed, .aboutListed: return keywords(clause.remainingQualifiers())
        case .roundWord: return keywords([.round])
        case .afterWord: return keywords([.after])
        case .crashed: return keywords([.and])
        case .afterAnd: return keywords(Keyword.behaviours) + (clause.isLie ? values : [])
        case .roundNumber, .unknown: return []
        }
    }

    private func advance(_ clause: inout Clause, over piece: Piece) {
        let keyword: Keyword? = if case .word(let word) = piece { Keyword(rawValue: word) } else { nil }
        let isValue: Bool = switch piece {
        case .word, .integer: true
        default: false
        }
        switch clause.state {
        case .behaviour:
            startBehaviour(&clause, keyword)
        case .afterAnd:
            if let keyword, Keyword.behaviours.contains(keyword) {
                startBehaviour(&clause, keyword)
            } else if clause.isLie, isValue {
                clause.state = .qualifiers
                clause.qualifiers = []
            } else {
                clause.state = .unknown
            }
        case .lieValue:
            clause.state = isValue ? .qualifiers : .unknown
        case .qualifiers, .receiverListed, .aboutListed:
            if clause.state == .receiverListed, piece == .comma {
                clause.state = .receiver
                return
            }
            if clause.state == .aboutListed, piece == .comma {
                clause.state = .aboutName
                return
            }
            guard let keyword, clause.remainingQualifiers().contains(keyword) else {
                clause.state = .unknown
                return
            }
            clause.qualifiers.insert(keyword)
            switch keyword {
            case .to: clause.state = .receiver
            case .in: clause.state = .roundWord(isCrash: false)
            case .about: clause.state = .aboutName
            default: clause.state = .afterAnd
            }
        case .receiver:
            clause.state = isValue ? .receiverListed : .unknown
        case .aboutName:
            clause.state = isValue ? .aboutListed : .unknown
        case .roundWord(let isCrash):
            clause.state = keyword == .round ? .roundNumber(isCrash: isCrash) : .unknown
        case .roundNumber(let isCrash):
            clause.state = piece == .integer ? (isCrash ? .crashed : .qualifiers) : .unknown
        case .afterWord:
            clause.state = keyword == .after ? .roundWord(isCrash: true) : .unknown
        case .crashed:
            clause.state = keyword == .and ? .afterAnd : .unknown
            clause.isLie = false
        case .unknown:
            break
        }
    }

    private func startBehaviour(_ clause: inout Clause, _ keyword: Keyword?) {
        clause.qualifiers = []
        switch keyword {
        case .lies?: clause.state = .lieValue; clause.isLie = true
        case .flips?, .silent?, .random?: clause.state = .qualifiers; clause.isLie = false
        case .crashes?: clause.state = .afterWord; clause.isLie = false
        default: clause.state = .unknown
        }
    }
}
