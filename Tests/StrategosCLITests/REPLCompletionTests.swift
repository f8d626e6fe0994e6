import StrategosLanguage
import StrategosREPL
import Testing

/// Tab completion: the words the grammar allows where the cursor is.
@Suite struct REPLCompletionTests {
    static let context = CompletionContext(generals: ["C", "L1", "L2", "L3"], values: ["attack", "retreat", "0"])

    static func texts(_ line: String, context: CompletionContext = context) -> [String] {
        let completer = Completer(context: context) { directory in
            switch directory {
            case "": [.init("examples", isDirectory: true), .init("a.strat", isDirectory: false), .init("notes.txt", isDirectory: false), .init(".hidden.strat", isDirectory: false)]
            case "examples/": [.init("tour.strat", isDirectory: false), .init("06-three-generals-fig1-fig2.strat", isDirectory: false), .init("07-fig3-lying-lieutenant.strat", isDirectory: false)]
            default: []
            }
        }
        return completer.completions(beforeCursor: line).map(\.text)
    }

    @Test(arguments: [
        ("", Keyword.statements.map(\.rawValue) + ["A", "B"]),
        ("gen", ["generals", "general"]),
        ("  r", ["run", "reset"]),
        ("general ", ["C", "L1", "L2", "L3"]),
        ("general L", ["L1", "L2", "L3"]),
        ("general L3 ", ["loyal", "traitor", "lies", "flips", "silent", "random", "relays", "crashes"]),
        ("general L3 traitor ", ["lies", "flips", "silent", "random", "relays", "crashes"]),
        ("general L3 traitor lies ", ["attack", "retreat", "0"]),
        ("general L3 traitor lies 0 ", ["to", "in", "about", "and"]),
        ("general L3 traitor lies 0 to ", ["C", "L1", "L2", "L3"]),
        ("general L3 traitor lies 0 to L1,", ["C", "L1", "L2", "L3"]),
        ("general L3 traitor lies 0 to L1, L", ["L1", "L2", "L3"]),
        ("general L3 traitor lies 0 to L1 ", ["in", "about", "and"]),
        ("general L3 traitor lies 0 to L1 in ", ["round"]),
        ("general L3 traitor lies 0 to L1 about ", ["C", "L1", "L2", "L3"]),
        ("general L3 traitor lies 0 to L1 about C,", ["C", "L1", "L2", "L3"]),
        ("general L3 traitor lies 0 to L1 about C, ", ["C", "L1", "L2", "L3"]),
        ("general L3 traitor lies 0 to L1 about C, L", ["L1", "L2", "L3"]),
        ("general L3 traitor lies 0 to L1 about C, L2 ", ["in", "and"]),
        ("general L3 traitor silent about C, L2, L1 in round 4 ", ["and"]),
        ("general L3 traitor silent about C, L2 and lies 0 ", ["to", "in", "about", "and"]),
        ("general L3 traitor lies 0 to L1 and ", ["lies", "flips", "silent", "random", "relays", "crashes", "attack", "retreat", "0"]),
        ("general L3 traitor flips and ", ["lies", "flips", "silent", "random", "relays", "crashes"]),
        ("general L3 traitor silent in round 2 ", ["about", "and"]),
        ("general L3 traitor silent to L1 about L2 ", ["in", "and"]),
        ("general L3 traitor silent to L1 about L2 and lies 0 ", ["to", "in", "about", "and"]),
        ("general L3 crashes ", ["after"]),
        ("general L3 crashes after ", ["round"]),
        ("general L3 crashes after round 1 ", ["and"]),
        ("general L3 loyal ", []),
        ("general L3 lies 0 ", ["to", "in", "about", "and"]),
        ("channel ", ["reliable", "lossy", "broadcast"]),
        ("timing ", ["synchronous", "asynchronous"]),
        ("partition ", ["none", "C", "L1", "L2", "L3"]),
        ("delay ", ["at", "C", "L1", "L2", "L3"]),
        ("show trace to L1 round 2 ", ["from"]),
        ("verify om(1) with 1 ", ["traitor"]),
        ("commander ", ["C", "L1", "L2", "L3"]),
        ("order r", ["retreat"]),
        ("default ", ["attack", "retreat", "0"]),
        ("run o", ["om("]),
        ("run om(", []),
        ("expect ", ["agreement", "validity", "consensus", "violation", "holds", "counterexample", "messages", "L1", "L2", "L3"]),
        ("expect h", ["holds"]),
        ("expect holds ", []),
        ("expect v", ["validity", "violation"]),
        ("expect L1 ", ["decides"]),
        ("expect L1, L2 ", ["decide"]),
        ("expect L1 decides ", ["attack", "retreat", "0"]),
        ("seed ", []),
        ("A ", ["attacks"]),
        ("B attacks ", ["always", "never", "if"]),
        ("A attacks if ", ["received"]),
        ("A attacks if received ", ["all"]),
        ("lose ", ["none"]),
        ("signatures ", ["modelled", "ed25519"]),
        ("messengers ", ["alternate", "flood"]),
        ("shop ", ["with", "without"]),
        ("shop without ", ["rollback"]),
        ("estimate ", ["twogenerals("]),
        ("verify ", AlgorithmCall.Algorithm.allCases.map { $0.rawValue + "(" }),
        ("verify om(1) ", ["with", "for", "save"]),
        ("verify om(1) with 2 ", ["traitors"]),
        ("verify om(1) with 2 traitors ", ["for", "save"]),
        ("verify om(1) f", ["for"]),
        ("verify om(1) for ", ["order"]),
        ("verify om(1) for order ", ["attack", "retreat", "0"]),
        ("verify om(1) for order r", ["retreat"]),
        ("verify om(1) with 2 traitors for order attack ", ["save"]),
        ("verify om(1) save \"x.strat\" ", []),
        ("show ", Keyword.views.map(\.rawValue)),
        ("show tree ", ["L1", "L2", "L3"]),
        ("show trace ", ["to", "from", "round"]),
        ("show trace to ", ["C", "L1", "L2", "L3"]),
        ("show trace to L1 ", ["from", "round"]),
        ("show stats ", []),
        ("export ", ["trace", "tree", "links", "sweep", "report"]),
        ("sweep ", ["run", "verify"]),
        ("sweep verify ", ["om", "sm"]),
        ("sweep verify om for generals 3 ", ["to"]),
        ("sweep verify om for generals 3 to 9, ", ["m"]),
        ("export l", ["links"]),
        ("links ", ["complete", "ring", "none"]),
        ("links r", ["ring"]),
        ("links ring ", []),
        ("cut ", ["C", "L1", "L2", "L3"]),
        ("cut L1 ", []),
        ("cut L1 - ", ["C", "L1", "L2", "L3"]),
        ("cut L1-L", ["L1", "L2", "L3"]),
        ("link C - L1, ", ["C", "L1", "L2", "L3"]),
        ("link C - L1, L", ["L1", "L2", "L3"]),
        ("link C - L1 ", []),
        ("run om(1, ", []),
        ("export tree ", ["L1", "L2", "L3"]),
        ("generals 4; gen", ["generals", "general"]),
        ("run om(1) # gen", []),
        ("print \"gen", []),
        ("load \"", ["a.strat", "examples/"]),
        ("load \"examples/t", ["examples/tour.strat"]),
        ("load \"examples/0", ["examples/06-three-generals-fig1-fig2.strat", "examples/07-fig3-lying-lieutenant.strat"]),
        ("load \"n", ["notes.txt"]),
        ("load \".", [".hidden.strat"]),
        (":", [":help", ":load", ":save", ":reset", ":army", ":quit"]),
        (":s", [":save"]),
        (":load ", ["a.strat", "examples/"]),
        (":help gen", ["generals", "general"]),
        (":army ", []),
    ] as [(String, [String])])
    func completes(_ line: String, _ expected: [String]) {
        #expect(Self.texts(line) == expected, "after \"\(line)\"")
    }

    @Test func suffixes() {
        let completer = Completer(context: Self.context) { _ in
            [.init("dir", isDirectory: true), .init("x.strat", isDirectory: false)]
        }
        #expect(completer.completions(beforeCursor: "run o") == [Completion("om(", suffix: nil)])
        #expect(completer.completions(beforeCursor: "load \"d") == [Completion("dir/", suffix: nil)])
        #expect(completer.completions(beforeCursor: "load \"x") == [Completion("x.strat", suffix: "\"")])
        #expect(completer.completions(beforeCursor: "general L3 tr") == [Completion("traitor")])
    }

    @Test func theEntrySoFarIsContext() {
        var context = Self.context
        context.pendingEntry = "general L3 traitor lies 0 to L1,"
        #expect(Self.texts("", context: context) == ["C", "L1", "L2", "L3"])
        // Meta commands start a fresh entry only.
        #expect(Self.texts(":", context: context) == [])
        context.pendingEntry = "generals 4"
        #expect(Self.texts("gen", context: context) == ["generals", "general"])
    }

    @Test func wordBoundaries() {
        #expect(Completer.word(beforeCursor: "load \"my fi") == ("my fi", true))
        #expect(Completer.word(beforeCursor: "general L3 traitor lies 0 to L1,L") == ("L", false))
        #expect(Completer.word(beforeCursor: "run om(") == ("", false))
        #expect(Completer.word(beforeCursor: "cut L1-L") == ("L", false))
        #expect(Completer.word(beforeCursor: "print \"a\"; load \"x") == ("x", true))
    }

    @Test func contextComesFromTheScenario() {
        var session = Session()
        var log = EventLog()
        _ = session.run(SourceFile(name: "t", text: "order hold; general L5 traitor lies 7 to L1 about L2"), into: &log)
        let context = CompletionContext(scenario: session.scenario)
        #expect(context.generals == ["C", "L1", "L2", "L3", "L4", "L5"])
        #expect(context.values == ["hold", "retreat", "7"])
        _ = session.run(SourceFile(name: "t", text: "reset; generals A, B, C"), into: &log)
        #expect(CompletionContext(scenario: session.scenario).generals == ["A", "B", "C"])
        // The interpreter's own army: a loyal L5 makes an on-demand army of L1 to L5,
        // and the commander comes first, so `show tree ` offers the others.
        _ = session.run(SourceFile(name: "t", text: "reset; general L5 loyal"), into: &log)
        #expect(CompletionContext(scenario: session.scenario).generals == ["C", "L1", "L2", "L3", "L4", "L5"])
        _ = session.run(SourceFile(name: "t", text: "reset; generals A, B, C; commander B"), into: &log)
        let context2 = CompletionContext(scenario: session.scenario)
        #expect(context2.generals == ["B", "A", "C"])
        #expect(Completer(context: context2).completions(beforeCursor: "show tree ").map(\.text) == ["A", "C"])
    }

    /// New algorithms appear in completion by themselves.
    @Test func algorithmsComeFromTheAST() {
        let expected = AlgorithmCall.Algorithm.allCases.map { $0.rawValue + "(" }
        #expect(Self.texts("run ") == expected)
    }

    @Test(arguments: [
        ([:], nil),
        (["HOME": "/home/ada"], "/home/ada/.strategos_history"),
        (["HOME": "/home/ada", "STRATEGOS_HISTORY": "/tmp/h"], "/tmp/h"),
        (["HOME": "/home/ada", "STRATEGOS_HISTORY": ""], "/home/ada/.strategos_history"),
    ] as [([String: String], String?)])
    func historyPath(_ environment: [String: String], _ expected: String?) {
        #expect(HistoryFile(environment: environment).path == expected)
    }
}
