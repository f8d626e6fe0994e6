/// `show` and `export`: ways of looking at the last run.
extension Parser {
    /// show = "show" ( "trace" trace_filter | "tree" NAME | "stats" | "army" | "links" | "table" | "sweep" ) ;
    mutating func parseShow() throws(SyntaxError) -> Statement {
        let keyword = advance()
        let view = try parseView(allowing: Keyword.views)
        return statement(.show(view), from: keyword)
    }

    /// export = "export" ( "trace" | "tree" NAME | "links" | "sweep" | "report" ) STRING ;
    mutating func parseExport() throws(SyntaxError) -> Statement {
        let keyword = advance()
        let view = try parseView(allowing: [.trace, .tree, .links, .sweep, .report], filters: false)
        let path = try expectString()
        return statement(.export(view, to: path), from: keyword)
    }

    private mutating func parseView(allowing words: [Keyword], filters: Bool = true) throws(SyntaxError) -> View {
        if words.contains(.trace), consume(if: .trace) != nil {
            return filters ? try parseTraceFilter() : .trace(to: nil, from: nil, round: nil)
        }
        if words.contains(.tree), consume(if: .tree) != nil { return .tree(try expectName(.lieutenant)) }
        if words.contains(.stats), consume(if: .stats) != nil { return .stats }
        if words.contains(.army), consume(if: .army) != nil { return .army }
        if words.contains(.links), consume(if: .links) != nil { return .links }
        if words.contains(.table), consume(if: .table) != nil { return .table }
        if words.contains(.sweep), consume(if: .sweep) != nil { return .sweep }
        if words.contains(.report), consume(if: .report) != nil { return .report }
        throw expected(Self.alternatives(words.map(\.rawValue)), suggesting: words)
    }

    /// trace_filter = { "to" NAME | "from" NAME | "round" INTEGER } ;
    private mutating func parseTraceFilter() throws(SyntaxError) -> View {
        var to: Name?
        var from: Name?
        var round: IntegerLiteral?
        var progress = LoopProgress()
        while progress.evaluate(consumedCount) {
            // Each filter once: only those not given yet are offered.
            if to == nil { offer(.keyword(.to)) }
            if from == nil { offer(.keyword(.from)) }
            if round == nil { offer(.keyword(.round)) }
            if atEndOfStatement { break }
            if let word = consume(if: .to, offering: false) {
                guard to == nil else { throw repeated(word) }
                to = try expectName()
            } else if let word = consume(if: .from, offering: false) {
                guard from == nil else { throw repeated(word) }
                from = try expectName()
            } else if let word = consume(if: .round, offering: false) {
                guard round == nil else { throw repeated(word) }
                round = try expectInteger()
            } else {
                throw expected("'to', 'from', 'round' or end of statement", suggesting: [.to, .from, .round])
            }
        }
        return .trace(to: to, from: from, round: round)
    }

    private func repeated(_ word: Token) -> SyntaxError {
        SyntaxError(diagnostic: .repeatedFilter(file.text(of: word.span), at: word.span))
    }
}
