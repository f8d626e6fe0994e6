/// `sweep`: one question over a range of armies and of m.
extension Parser {
    /// sweep = "sweep" ( "run" | "verify" ) ( "om" | "sm" ) "for" "generals" INTEGER "to" INTEGER "," "m" INTEGER "to" INTEGER ;
    mutating func parseSweep() throws(SyntaxError) -> Statement {
        let keyword = advance()
        let action = try expectChoice(of: SweepCall.Action.self)
        let algorithm: AlgorithmCall.Algorithm
        offer([.om, .sm])
        switch self.keyword {
        case .om?: algorithm = .om
        case .sm?: algorithm = .sm
        default: throw expected("'om' or 'sm'", suggesting: [.om, .sm])
        }
        advance()
        try expect(.for)
        try expect(.generals)
        let generals = try parseRange()
        guard token.kind == .comma else { throw expected("',' and the range of m, as in ', m 1 to 3'") }
        advance()
        try expect(.m)
        let m = try parseRange()
        return statement(.sweep(SweepCall(action, algorithm, generals: generals.range, m: m.range, generalsSpan: generals.span, mSpan: m.span)), from: keyword)
    }

    /// range = INTEGER "to" INTEGER ;
    private mutating func parseRange() throws(SyntaxError) -> (range: ClosedRange<Int>, span: SourceSpan) {
        let low = try expectInteger()
        try expect(.to)
        let high = try expectInteger()
        guard low.value <= high.value else { throw SyntaxError(diagnostic: .emptyRange(low: low.value, high: high.value, at: low.span.through(high.span))) }
        return (low.value...high.value, low.span.through(high.span))
    }
}
