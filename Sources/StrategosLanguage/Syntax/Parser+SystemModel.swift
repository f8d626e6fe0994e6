/// `channel`, `partition`, `timing`, `delay` and `timeout`: how messages
/// travel and how time behaves.
extension Parser {
    /// channel = "channel" ( "reliable" | "broadcast" | "lossy" INTEGER "%" ) ;
    mutating func parseChannel() throws(SyntaxError) -> Statement {
        let keyword = advance()
        offer([.reliable, .lossy, .broadcast])
        switch self.keyword {
        case .reliable?:
            advance()
            return statement(.channel(.reliable), from: keyword)
        case .broadcast?:
            advance()
            return statement(.channel(.broadcast), from: keyword)
        case .lossy?:
            advance()
            guard case .integer = token.kind else { throw expected("a loss rate such as '20%'") }
            let percent = try expectInteger()
            guard token.kind == .percent else { throw expected("'%'") }
            advance()
            return statement(.channel(.lossy(percent)), from: keyword)
        default:
            throw expected("'reliable', 'lossy' or 'broadcast'", suggesting: [.reliable, .lossy, .broadcast])
        }
    }

    /// partition = "partition" ( "none" | name_list "|" name_list { "|" name_list }
    ///             [ "from" "round" INTEGER ] [ "until" "round" INTEGER ] ) ;
    mutating func parsePartition() throws(SyntaxError) -> Statement {
        let keyword = advance()
        if consume(if: .none) != nil { return statement(.partition(nil), from: keyword) }
        offer(.general)
        guard case .name = token.kind else { throw expected("the generals of a group, or 'none'") }
        var groups = [try parseNameList()]
        while token.kind == .bar {
            consumeContinuation()
            offer(.general)
            guard case .name = token.kind else { throw expected("the generals of a group") }
            groups.append(try parseNameList())
        }
        guard groups.count >= 2 else { throw expected("'|' and the generals of another group") }
        var from: IntegerLiteral?
        if consume(if: .from) != nil {
            try expect(.round)
            from = try expectInteger()
        }
        var until: IntegerLiteral?
        if consume(if: .until) != nil {
            try expect(.round)
            until = try expectInteger()
            if at(.from) { throw SyntaxError(diagnostic: .untilBeforeFrom(at: token.span)) }
        }
        let span = keyword.span.through(previous.span)
        return statement(.partition(PartitionSpec(groups: groups, from: from, until: until, span: span)), from: keyword)
    }

    /// timing = "timing" ( "synchronous" | "asynchronous" ) ;
    mutating func parseTiming() throws(SyntaxError) -> Statement {
        let keyword = advance()
        let choice = try expectChoice(of: TimingChoice.self)
        return statement(.timing(choice), from: keyword)
    }

    /// delay = "delay" ( "at" "most" INTEGER
    ///         | NAME [ "to" name_list ] "by" INTEGER { "in" "round" INTEGER | "about" name_list } ) ;
    mutating func parseDelay() throws(SyntaxError) -> Statement {
        let keyword = advance()
        if consume(if: .at) != nil {
            try expect(.most)
            let bound = try expectInteger()
            return statement(.delay(.bound(bound)), from: keyword)
        }
        offer(.general)
        guard case .name = token.kind else { throw expected("a general's name, or 'at most'") }
        let sender = try expectName()
        var receivers: [Name] = []
        let to = consume(if: .to)
        if to != nil { receivers = try parseNameList() }
        guard at(.by) else { throw expected("'by' and the rounds the messages are late", suggesting: [.by]) }
        advance()
        let rounds = try expectInteger()
        let scope = try parseScope()
        if let repeated = scope.receivers.first {
            guard let to else { throw SyntaxError(diagnostic: .receiversAfterDelay(at: repeated.span)) }
            throw SyntaxError(diagnostic: .repeatedQualifier("to", firstAt: file.location(of: to.span.start), at: repeated.span))
        }
        var round: IntegerLiteral?
        if case .only(let literal)? = scope.rounds { round = literal }
        let spec = DelaySpec.messages(sender: sender, receivers: receivers, by: rounds, rounds: round, about: scope.about)
        return statement(.delay(spec), from: keyword)
    }

    /// timeout = "timeout" INTEGER ;
    mutating func parseTimeout() throws(SyntaxError) -> Statement {
        let keyword = advance()
        let rounds = try expectInteger()
        return statement(.timeout(rounds), from: keyword)
    }
}
