/// `links`, `cut` and `link`: the graph of who can message whom.
extension Parser {
    /// links = "links" ( "complete" | "ring" | "none" ) ;
    mutating func parseLinks() throws(SyntaxError) -> Statement {
        let keyword = advance()
        let topology = try expectChoice(of: Topology.self)
        return statement(.links(topology), from: keyword)
    }

    /// cut = "cut" pair { "," pair } ;
    mutating func parseCut() throws(SyntaxError) -> Statement {
        let keyword = advance()
        let pairs = try parsePairList()
        return statement(.cut(pairs), from: keyword)
    }

    /// link = "link" pair { "," pair } ;
    mutating func parseLink() throws(SyntaxError) -> Statement {
        let keyword = advance()
        let pairs = try parsePairList()
        return statement(.link(pairs), from: keyword)
    }

    /// The `pair { "," pair }` that `cut` and `link` share.
    private mutating func parsePairList() throws(SyntaxError) -> [LinkPair] {
        try parseCommaList { (parser: inout Parser) throws(SyntaxError) in try parser.parsePair() }
    }

    /// pair = NAME "-" NAME ;
    mutating func parsePair() throws(SyntaxError) -> LinkPair {
        offer(.general)
        guard case .name = token.kind else { throw expected("a general's name") }
        let first = try expectName()
        guard token.kind == .minus else { throw expected("'-' between two generals") }
        advance()
        offer(.general)
        guard case .name = token.kind else { throw expected("a general's name") }
        let second = try expectName()
        return LinkPair(first, second, span: first.span.through(second.span))
    }
}
