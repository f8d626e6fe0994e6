import StrategosLanguage

/// One statement of the language, explained for `:help`: a line on what it does
/// and examples that parse (a test runs every one through the parser). Public
/// for the language server, whose hover shows the same help.
public struct StatementHelp: Sendable {
    public var keyword: Keyword
    public var summary: String
    public var examples: [String]

    /// What `:help` shows of this statement: its summary and these of its examples.
    func section(showing shown: [String]) -> String {
        "\(keyword.rawValue): \(summary)\n" + shown.map { "  \($0)\n" }.joined()
    }

    /// Every statement, in the order of `Keyword.statements`; a statement with
    /// no entry here still appears in `:help`, marked as undocumented (and a
    /// test fails until it gets one).
    public static let all: [StatementHelp] = Keyword.statements.map { keyword in
        let entry = known[keyword.rawValue]
        return StatementHelp(keyword: keyword, summary: entry?.summary ?? "(no help yet)", examples: entry?.examples ?? [])
    } + [attacks]

    /// `A attacks always` starts with a general's name, not a keyword, so it
    /// is listed under the word that makes it a statement.
    static let attacks = StatementHelp(
        keyword: .attacks, summary: "two generals: when A or B attacks (default: when every messenger to it arrived)",
        examples: ["A attacks always", "B attacks never", "A attacks if received 1", "B attacks if received all"])

    /// Keyed by spelling rather than by `Keyword`, so an entry can be written
    /// for a statement before (or after) the language has it.
    private static let known: [String: (summary: String, examples: [String])] = Dictionary(
        uniqueKeysWithValues: [
            ("generals", summary: "declare the army; the first general is the commander",
                examples: ["generals 4", "generals A, B, C, D"]),
            ("commander", summary: "make a general the commander", examples: ["commander L1"]),
            ("order", summary: "what a loyal commander orders (default attack)", examples: ["order attack"]),
            ("default", summary: "the value for a missing message or no majority (default retreat)",
                examples: ["default retreat"]),
            ("general", summary: "make a general faulty (rules tried in order) or loyal again",
                examples: [
                    "general L3 traitor", "general L3 traitor lies 0 to L1, L2",
                    "general C traitor lies attack to L1 and retreat to L2, L3",
                    "general L2 traitor silent to L1 in round 2", "general L1 crashes after round 1",
                    "general L3 traitor lies retreat to L2 about L1", "general L3 traitor lies retreat to L1 about C, L2",
                    "general L3 traitor random", "general L4 traitor flips and relays about C, L1", "general L3 loyal",
                ]),
            ("seed", summary: "the seed of `random` traitors: same seed, same run", examples: ["seed 7"]),
            ("signatures", summary: "how SM signs: real Ed25519 keys per general, or the fast model (the default)",
                examples: ["signatures ed25519", "signatures modelled"]),
            ("links", summary: "the graph of who can message whom: every pair (the default), a ring in army order, or none",
                examples: ["links complete", "links ring", "links none"]),
            ("cut", summary: "remove links: a missing link is a silent line, and SM relays only along links",
                examples: ["cut L1 - L2", "cut L1 - L2, C - L3"]),
            ("link", summary: "add links, e.g. after `links none`", examples: ["link C - L1", "link C - L1, L1 - L2"]),
            ("channel", summary: "how a line carries messages: point to point and every one arrives (the default), each lost with a seeded chance, or one value per path to every receiver",
                examples: ["channel reliable", "channel lossy 20%", "channel broadcast"]),
            ("partition", summary: "split the army into groups no message crosses between, in some rounds; each partition adds one, `none` clears them",
                examples: ["partition C, L1 | L2, L3", "partition C, L1 | L2, L3 from round 2 until round 3", "partition none"]),
            ("timing", summary: "synchronous rounds (the default: a missing message is noticed), or asynchronous: messages may be late",
                examples: ["timing asynchronous", "timing synchronous"]),
            ("delay", summary: "asynchronous: messages that arrive rounds late (picked like a fault rule's), or the most any can be late",
                examples: ["delay C to L1 by 2", "delay L2 by 1 in round 2 about C", "delay at most 2"]),
            ("timeout", summary: "asynchronous: how many rounds a receiver waits (default 1); a message that late or later is missing",
                examples: ["timeout 3"]),
            ("sweep", summary: "the same verify (or run) on every army size and m in two ranges: a table of proofs and counterexamples, the bound n > 3m as a picture",
                examples: ["sweep verify om for generals 3 to 10, m 1 to 3", "sweep run om for generals 4 to 7, m 0 to 2"]),
            ("run", summary: "run an algorithm; bare `om` or `sm` takes m = the number of faulty generals; `om(m, p)` is OM(m, p) on a p-regular graph; `twogenerals(k)`: the Two Generals Problem with k messengers",
                examples: ["run om(1)", "run om", "run sm(1)", "run om(1, 3)", "run twogenerals(2)"]),
            ("verify", summary: "decide, for every placement, order and traitor strategy, whether IC1 or IC2 can break: a proof, or the cheapest counterexample as a script; twogenerals: every threshold rule pair",
                examples: [
                    "verify om(1)", "verify om(1) with 2 traitors", "verify om(1) for order attack", "verify sm(1) save \"attack.strat\"",
                    "verify twogenerals(3)",
                ]),
            ("expect", summary: "check the last run (holds, counterexample: the last verify); a failure is reported and the session goes on",
                examples: [
                    "expect consensus", "expect agreement", "expect validity", "expect violation",
                    "expect L1 decides attack", "expect L1, L2 decide attack", "expect messages 9",
                    "expect holds", "expect counterexample",
                ]),
            ("reset", summary: "clear the scenario", examples: ["reset"]),
            ("print", summary: "print text", examples: ["print \"hello\""]),
            ("load", summary: "run a script in this session", examples: ["load \"examples/tour.strat\""]),
            ("show", summary: "look at the last run: its messages, a decision's tree, its counts; or the army, the links, the two-generals truth table",
                examples: ["show trace", "show trace to L1 round 2", "show tree L1", "show stats", "show army", "show links", "show table"]),
            ("export", summary: "write the last run's trace, a decision's tree or the graph of links to a file",
                examples: [
                    "export trace \"trace.json\"", "export trace \"run.svg\"", "export tree L1 \"tree.dot\"", "export links \"links.dot\"",
                    "export report \"run.html\"", "export sweep \"bound.svg\"",
                ]),
            ("lose", summary: "two generals: the messengers the city captures in the next run",
                examples: ["lose 2", "lose 1, 3", "lose none"]),
            ("messengers", summary: "two generals: messengers alternate A→B, B→A (default), or A floods them all at once",
                examples: ["messengers alternate", "messengers flood"]),
            ("loss", summary: "two generals: the chance the city captures each messenger, for estimate",
                examples: ["loss 30%"]),
            ("trials", summary: "two generals: how many seeded random runs estimate makes (default 10,000)",
                examples: ["trials 10000"]),
            ("estimate", summary: "two generals: how often each strategy coordinates at the loss rate, next to the exact odds",
                examples: ["estimate twogenerals(3)"]),
            ("shop", summary: "the online shop: every loss pattern of payment, parcel and refund, consistent or not",
                examples: ["shop with rollback", "shop without rollback"]),
        ].map { ($0.0, (summary: $0.summary, examples: $0.examples)) })
}
