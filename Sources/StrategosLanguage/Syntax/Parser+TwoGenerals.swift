/// The statements of the Two Generals Problem.
extension Parser {
    /// lose = "lose" ( "none" | INTEGER { "," INTEGER } ) ;
    mutating func parseLose() throws(SyntaxError) -> Statement {
        let keyword = advance()
        var lost: [IntegerLiteral] = []
        if consume(if: .none) == nil {
            guard case .integer = token.kind else { throw expected("a messenger number or 'none'", suggesting: [.none]) }
            lost = try parseCommaList { (parser: inout Parser) throws(SyntaxError) in try parser.expectInteger() }
        }
        return statement(.twoGenerals(.lose(lost)), from: keyword)
    }

    /// attacks = NAME "attacks" ( "always" | "never" | "if" "received" ( INTEGER | "all" ) ) ;
    mutating func parseAttacks() throws(SyntaxError) -> Statement {
        let first = token
        let general = try expectName()
        try expect(.attacks)
        let rule: AttackRule
        if consume(if: .always) != nil {
            rule = .always
        } else if consume(if: .never) != nil {
            rule = .never
        } else if consume(if: .if) != nil {
            try expect(.received)
            if consume(if: .all) != nil {
                rule = .ifReceivedAll
            } else {
                guard case .integer = token.kind else { throw expected("an integer or 'all'", suggesting: [.all]) }
                rule = .ifReceived(try expectInteger())
            }
        } else {
            throw expected("'always', 'never' or 'if received'", suggesting: [.always, .never, .if])
        }
        return statement(.twoGenerals(.attacks(general, rule)), from: first)
    }

    /// messengers = "messengers" ( "alternate" | "flood" ) ;
    mutating func parseMessengers() throws(SyntaxError) -> Statement {
        let keyword = advance()
        let messaging: TwoGeneralsStatement.Messaging
        if consume(if: .alternate) != nil {
            messaging = .alternate
        } else if consume(if: .flood) != nil {
            messaging = .flood
        } else {
            throw expected("'alternate' or 'flood'", suggesting: [.alternate, .flood])
        }
        return statement(.twoGenerals(.messengers(messaging)), from: keyword)
    }

    /// loss = "loss" INTEGER "%" ;
    mutating func parseLoss() throws(SyntaxError) -> Statement {
        let keyword = advance()
        let percent = try expectInteger()
        guard token.kind == .percent else { throw expected("'%'") }
        advance()
        return statement(.twoGenerals(.loss(percent)), from: keyword)
    }

    /// trials = "trials" INTEGER ;
    mutating func parseTrials() throws(SyntaxError) -> Statement {
        let keyword = advance()
        let count = try expectInteger()
        return statement(.twoGenerals(.trials(count)), from: keyword)
    }

    /// estimate = "estimate" call ;
    mutating func parseEstimate() throws(SyntaxError) -> Statement {
        let keyword = advance()
        let call = try parseCall([.twogenerals])
        return statement(.twoGenerals(.estimate(call)), from: keyword)
    }

    /// shop = "shop" ( "with" | "without" ) "rollback" ;
    mutating func parseShop() throws(SyntaxError) -> Statement {
        let keyword = advance()
        let rollback: Bool
        if consume(if: .with) != nil {
            rollback = true
        } else if consume(if: .without) != nil {
            rollback = false
        } else {
            throw expected("'with' or 'without'", suggesting: [.with, .without])
        }
        try expect(.rollback)
        return statement(.twoGenerals(.shop(rollback: rollback)), from: keyword)
    }
}
