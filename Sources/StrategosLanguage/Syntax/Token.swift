/// One lexical unit of a script. Shared data (the span) lives in the struct and
/// variant data in `Kind`, so "where is this token?" never needs a switch.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A name, including every keyword: keywords are contextual, so the
        /// parser decides whether `to` is a keyword or a value.
        case name(String)
        /// An integer and its spelling, because values keep their spelling
        /// (`007` is the value "007", not "7").
        case integer(Int, spelling: String)
        /// A string with its escapes decoded.
        case string(String)
        case comma
        case semicolon
        case newline
        case leftParen
        case rightParen
        /// The `%` of `loss 30%`.
        case percent
        /// The `|` between the groups of a partition.
        case bar
        /// The `-` of `link L1 - L2`. A `-` directly followed by a digit
        /// starts an integer instead (`-1`).
        case minus
        case endOfInput
        /// Text the lexer could not turn into a token. It carries its
        /// diagnostic so the parser reports it once, in source order, and
        /// stays silent about the statement it spoils.
        case invalid(Diagnostic)
    }

    public var kind: Kind
    public var span: SourceSpan

    public init(_ kind: Kind, span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
}

/// The single spelling table of the language's contextual keywords. The lexer
/// never produces keywords; the parser asks whether a name spells one where the
/// grammar allows it. The REPL uses `allCases` for tab completion.
public enum Keyword: String, CaseIterable, Sendable {
    // Statements
    case generals, general, commander, order
    case `default`
    case seed, signatures, links, cut, link, run, verify, expect, reset, print, load, show, export
    // Faults
    case traitor, loyal, lies, flips, silent, random, relays, crashes
    case after, round, `in`, to, and, about
    // Checks
    case agreement, validity, consensus, violation, decides, decide, messages, holds, counterexample
    // Algorithms
    case om, sm, twogenerals
    // Verify
    case with, traitors, `for`, save
    // Sweep
    case sweep, m, report
    // Signatures
    case modelled, ed25519
    // Links (`none` is listed under Two Generals)
    case complete, ring
    // System models
    case channel, reliable, lossy, broadcast, partition, until, timing, synchronous, asynchronous, delay, by, at, most, timeout
    // Views
    case trace, tree, stats, army, from, table
    // Two Generals
    case lose, none, attacks, always, never, `if`, received, all
    case messengers, alternate, flood, loss, trials, estimate, shop, without, rollback

    /// The words that begin a statement, in the order grammar.md lists them.
    public static let statements: [Keyword] = [
        .generals, .commander, .order, .default, .general, .seed, .signatures, .links, .cut, .link,
        .channel, .partition, .timing, .delay, .timeout, .run, .verify, .sweep, .expect, .reset, .print,
        .load, .show, .export,
        .lose, .messengers, .loss, .trials, .estimate, .shop,
    ]

    /// The words that name a view after `show`.
    public static let views: [Keyword] = [.trace, .tree, .stats, .army, .links, .table, .sweep]

    /// The words that begin a behaviour of a faulty general.
    public static let behaviours: [Keyword] = [.lies, .flips, .silent, .random, .relays, .crashes]
}
