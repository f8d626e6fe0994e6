/// What the parser would accept where its input ends: the one grammar that
/// tab completion and the language server ask, so neither keeps a grammar of
/// its own. Every place the parser tests the next token offers what it tests
/// for; when the next token is the end of the input, the offer is kept.
public enum Expected: Sendable, Hashable {
    /// A word of the language: `traitor`, `to`, `holds`, …
    case keyword(Keyword)
    /// An algorithm with its opening parenthesis: `om(`.
    case call(AlgorithmCall.Algorithm)
    /// Any general of the army.
    case general
    /// A general who decides: a lieutenant, not the commander.
    case lieutenant
    /// A or B, who start a Two Generals rule (`A attacks always`).
    case twoGeneralsGeneral
    /// A value: the order, the default, a lie.
    case value
    case integer
    /// A script to load.
    case path
    /// Any other string: a message to print, a file to write.
    case string
}

/// The offers kept at the end of the input, in the order the parser made
/// them, each once. A class, because the parser's tests are not mutating.
final class ExpectationLog {
    private(set) var offers: [Expected] = []

    func add(_ expectation: Expected) {
        if !offers.contains(expectation) { offers.append(expectation) }
    }
}

extension Parser {
    /// What may come at the end of `text`: after `general L3 traitor lies 0 `,
    /// `to`, `in`, `about` and `and`; after `run `, each algorithm's call.
    public static func expectations(after text: String) -> [Expected] {
        let log = ExpectationLog()
        var parser = Parser(SourceFile(name: "", text: text))
        parser.expectationLog = log
        _ = parser.parseScript()
        return log.offers
    }

    /// Keeps `expectation` as an offer when the input ends here.
    func offer(_ expectation: Expected) {
        guard token.kind == .endOfInput, let log = expectationLog else { return }
        log.add(expectation)
    }

    func offer(_ keywords: [Keyword]) {
        for keyword in keywords { offer(.keyword(keyword)) }
    }
}
