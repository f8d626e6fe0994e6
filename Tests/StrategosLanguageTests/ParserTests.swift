import Testing

@testable import StrategosLanguage

/// A compact, span-free rendering of statements, so tables of cases stay readable.
private func sketch(_ statement: Statement) -> String {
    func names(_ names: [Name]) -> String { names.map(\.text).joined(separator: ",") }
    switch statement.kind {
    case .generalsCount(let count): return "generals \(count.value)"
    case .generalsNamed(let list): return "generals \(names(list))"
    case .commander(let name): return "commander \(name.text)"
    case .order(let value): return "order \(value.text)"
    case .defaultValue(let value): return "default \(value.text)"
    case .loyal(let name): return "general \(name.text) loyal"
    case .faults(let name, let rules): return "general \(name.text): " + rules.map(sketch).joined(separator: " | ")
    case .seed(let seed): return "seed \(seed.value)"
    case .signatures(let signatures): return "signatures \(signatures.rawValue)"
    case .links(let topology): return "links \(topology.rawValue)"
    case .cut(let pairs): return "cut " + pairs.map(sketch).joined(separator: ",")
    case .link(let pairs): return "link " + pairs.map(sketch).joined(separator: ",")
    case .channel(.reliable): return "channel reliable"
    case .channel(.broadcast): return "channel broadcast"
    case .channel(.lossy(let percent)): return "channel lossy \(percent.value)%"
    case .partition(nil): return "partition none"
    case .partition(let spec?):
        return "partition " + spec.groups.map(names).joined(separator: "|") + (spec.from.map { " from \($0.value)" } ?? "")
            + (spec.until.map { " until \($0.value)" } ?? "")
    case .timing(let timing): return "timing \(timing.rawValue)"
    case .delay(.bound(let bound)): return "delay at most \(bound.value)"
    case .delay(.messages(let sender, let receivers, let by, let round, let about)):
        return "delay \(sender.text)" + (receivers.isEmpty ? "" : " to \(names(receivers))") + " by \(by.value)"
            + (round.map { " in \($0.value)" } ?? "") + (about.isEmpty ? "" : " about \(names(about))")
    case .timeout(let rounds): return "timeout \(rounds.value)"
    case .run(let call): return "run " + sketch(call)
    case .sweep(let sweep):
        return "sweep \(sweep.action.rawValue) \(sweep.algorithm.rawValue) n \(sweep.generals.lowerBound)-\(sweep.generals.upperBound)"
            + " m \(sweep.m.lowerBound)-\(sweep.m.upperBound)"
    case .verify(let verify):
        return "verify " + sketch(verify.call) + (verify.traitors.map { " with \($0.value)" } ?? "")
            + (verify.order.map { " for order \($0.text)" } ?? "") + (verify.save.map { " save [\($0.text)]" } ?? "")
    case .expect(let expectation):
        switch expectation {
        case .agreement: return "expect agreement"
        case .validity: return "expect validity"
        case .consensus: return "expect consensus"
        case .violation: return "expect violation"
        case .holds: return "expect holds"
        case .counterexample: return "expect counterexample"
        case .messages(let count): return "expect messages \(count.value)"
        case .decides(let list, let value): return "expect \(names(list)) decide \(value.text)"
        }
    case .reset: return "reset"
    case .print(let text): return "print [\(text.text)]"
    case .load(let path): return "load [\(path.text)]"
    case .show(let view): return "show " + sketch(view)
    case .export(let view, let path): return "export " + sketch(view) + " [\(path.text)]"
    case .twoGenerals(let twoGenerals): return sketch(twoGenerals)
    }
}

private func sketch(_ statement: TwoGeneralsStatement) -> String {
    switch statement {
    case .lose(let lost): return "lose " + (lost.isEmpty ? "none" : lost.map { String($0.value) }.joined(separator: ","))
    case .attacks(let name, let rule):
        let ruleText = switch rule {
        case .always: "always"
        case .never: "never"
        case .ifReceived(let count): "if received \(count.value)"
        case .ifReceivedAll: "if received all"
        }
        return "\(name.text) attacks \(ruleText)"
    case .messengers(let messaging): return messaging == .alternate ? "messengers alternate" : "messengers flood"
    case .loss(let percent): return "loss \(percent.value)%"
    case .trials(let count): return "trials \(count.value)"
    case .estimate(let call): return "estimate " + sketch(call)
    case .shop(let rollback): return rollback ? "shop with rollback" : "shop without rollback"
    }
}

private func sketch(_ call: AlgorithmCall) -> String {
    call.algorithm.rawValue + (call.m.map { "(\($0.value)" + (call.p.map { ",\($0.value)" } ?? "") + ")" } ?? "")
}

private func sketch(_ pair: LinkPair) -> String {
    "\(pair.first.text)-\(pair.second.text)"
}

private func sketch(_ view: View) -> String {
    switch view {
    case .trace(let to, let from, let round):
        return (["trace"] + [to.map { "to \($0.text)" }, from.map { "from \($0.text)" }, round.map { "round \($0.value)" }].compactMap { $0 })
            .joined(separator: " ")
    case .tree(let name): return "tree \(name.text)"
    case .stats: return "stats"
    case .army: return "army"
    case .links: return "links"
    case .table: return "table"
    case .sweep: return "sweep"
    case .report: return "report"
    }
}

private func sketch(_ rule: FaultRule) -> String {
    var parts: [String]
    switch rule.behaviour {
    case .lies(let value): parts = ["lies \(value.text)"]
    case .flips: parts = ["flips"]
    case .silent: parts = ["silent"]
    case .random: parts = ["random"]
    case .relays: parts = ["relays"]
    }
    if !rule.receivers.isEmpty { parts.append("to " + rule.receivers.map(\.text).joined(separator: ",")) }
    switch rule.rounds {
    case .only(let round)?: parts.append("in round \(round.value)")
    case .after(let round)?: parts.append("after round \(round.value)")
    case nil: break
    }
    if !rule.about.isEmpty { parts.append("about " + rule.about.map(\.text).joined(separator: ",")) }
    return parts.joined(separator: " ")
}

private func parse(_ text: String) -> ParseResult {
    Parser.parse(SourceFile(name: "t.strat", text: text))
}

/// Each diagnostic as "line:column message".
private func errors(_ text: String) -> [String] {
    let file = SourceFile(name: "t.strat", text: text)
    return Parser.parse(file).diagnostics.map {
        let location = file.location(of: $0.span.start)
        return "\(location.line):\(location.column) \($0.message)"
    }
}

@Suite struct ParserTests {
    // MARK: - Accepted forms

    @Test(arguments: [
        ("generals 4", ["generals 4"]),
        ("generals A, B, C, D", ["generals A,B,C,D"]),
        ("generals A,B", ["generals A,B"]),
        ("commander B", ["commander B"]),
        ("order attack", ["order attack"]),
        ("order 007", ["order 007"]),
        ("default retreat", ["default retreat"]),
        ("default 0", ["default 0"]),
        ("seed 7", ["seed 7"]),
        ("seed -3", ["seed -3"]),
        ("run om(1)", ["run om(1)"]),
        ("run om", ["run om"]),
        ("run om(-1)", ["run om(-1)"]),
        ("run om ( 2 )", ["run om(2)"]),
        ("expect agreement", ["expect agreement"]),
        ("expect validity", ["expect validity"]),
        ("expect consensus", ["expect consensus"]),
        ("expect violation", ["expect violation"]),
        ("expect messages 9", ["expect messages 9"]),
        ("expect L1 decides attack", ["expect L1 decide attack"]),
        ("expect L1, L2 decide attack", ["expect L1,L2 decide attack"]),
        ("expect messages decides 0", ["expect messages decide 0"]),
        ("expect messages, L1 decide 0", ["expect messages,L1 decide 0"]),
        ("reset", ["reset"]),
        (#"print "hello, world""#, ["print [hello, world]"]),
        (#"load "other.strat""#, ["load [other.strat]"]),
        ("run sm(2)", ["run sm(2)"]),
        ("run sm", ["run sm"]),
        ("signatures ed25519", ["signatures ed25519"]),
        ("signatures modelled", ["signatures modelled"]),
        ("run twogenerals(2)", ["run twogenerals(2)"]),
        ("verify om(1)", ["verify om(1)"]),
        ("verify sm", ["verify sm"]),
        ("verify om(1) with 2 traitors", ["verify om(1) with 2"]),
        (#"verify om(2) with 1 traitor save "attack.strat""#, ["verify om(2) with 1 save [attack.strat]"]),
        ("show trace", ["show trace"]),
        ("show trace to L1", ["show trace to L1"]),
        ("show trace round 2 from L3 to L1", ["show trace to L1 from L3 round 2"]),
        ("show tree L1", ["show tree L1"]),
        ("show stats", ["show stats"]),
        ("show army", ["show army"]),
        ("show links", ["show links"]),
        (#"export links "graph.dot""#, ["export links [graph.dot]"]),
        (#"export links "graph.mmd""#, ["export links [graph.mmd]"]),
        // Links
        ("links complete", ["links complete"]),
        ("links ring", ["links ring"]),
        ("links none", ["links none"]),
        ("cut L1 - L2", ["cut L1-L2"]),
        ("cut L1-L2", ["cut L1-L2"]),
        ("cut L1 -L2, C- L3", ["cut L1-L2,C-L3"]),
        ("link C - L1, L1 - L2, L2 - L3", ["link C-L1,L1-L2,L2-L3"]),
        ("link A - B,\n  B - C", ["link A-B,B-C"]),
        // Keywords are contextual: these are generals' names.
        ("link ring - none", ["link ring-none"]),
        ("run om(1, 3)", ["run om(1,3)"]),
        ("run om(1,3)", ["run om(1,3)"]),
        // Sweeps
        ("sweep verify om for generals 3 to 10, m 1 to 3", ["sweep verify om n 3-10 m 1-3"]),
        ("sweep run sm for generals 4 to 4, m 0 to 2", ["sweep run sm n 4-4 m 0-2"]),
        ("show sweep", ["show sweep"]),
        (#"export sweep "bound.svg""#, ["export sweep [bound.svg]"]),
        (#"export report "run.html""#, ["export report [run.html]"]),
        // System models
        ("channel reliable", ["channel reliable"]),
        ("channel lossy 20%", ["channel lossy 20%"]),
        ("channel broadcast", ["channel broadcast"]),
        ("partition L1, L2 | L3, L4 from round 2", ["partition L1,L2|L3,L4 from 2"]),
        ("partition C|L1|L2,L3 until round 3", ["partition C|L1|L2,L3 until 3"]),
        ("partition C, L1 |\n L2 from round 1 until round 2", ["partition C,L1|L2 from 1 until 2"]),
        ("partition none", ["partition none"]),
        ("timing synchronous", ["timing synchronous"]),
        ("timing asynchronous", ["timing asynchronous"]),
        ("delay C to L1 by 2", ["delay C to L1 by 2"]),
        ("delay L2 by 1", ["delay L2 by 1"]),
        ("delay L2 to L1 by 2 in round 2 about C", ["delay L2 to L1 by 2 in 2 about C"]),
        ("delay at most 2", ["delay at most 2"]),
        ("delay C to L1 by -1", ["delay C to L1 by -1"]),
        ("timeout 3", ["timeout 3"]),
        ("run om(2,\n 6)", ["run om(2,6)"]),
        ("run om(1, 0)", ["run om(1,0)"]),
        ("verify om(1, 3)", ["verify om(1,3)"]),
        (#"export trace "run.dot""#, ["export trace [run.dot]"]),
        (#"export tree L1 "tree.dot""#, ["export tree L1 [tree.dot]"]),
        // Two Generals
        ("verify twogenerals(3)", ["verify twogenerals(3)"]),
        ("lose 2", ["lose 2"]),
        ("lose 1, 3", ["lose 1,3"]),
        ("lose 1,\n 3", ["lose 1,3"]),
        ("lose none", ["lose none"]),
        ("A attacks always", ["A attacks always"]),
        ("B attacks never", ["B attacks never"]),
        ("A attacks if received 1", ["A attacks if received 1"]),
        ("B attacks if received all", ["B attacks if received all"]),
        ("C attacks always", ["C attacks always"]),
        ("messengers alternate", ["messengers alternate"]),
        ("messengers flood", ["messengers flood"]),
        ("loss 30%", ["loss 30%"]),
        ("loss 30 %", ["loss 30%"]),
        ("trials 10000", ["trials 10000"]),
        ("estimate twogenerals(3)", ["estimate twogenerals(3)"]),
        ("shop with rollback", ["shop with rollback"]),
        ("shop without rollback", ["shop without rollback"]),
        ("show table", ["show table"]),
        ("verify om(1) for order attack", ["verify om(1) for order attack"]),
        ("verify om(2) with 2 traitors for order 0 save \"x.strat\"", ["verify om(2) with 2 for order 0 save [x.strat]"]),
        ("verify sm for order for", ["verify sm for order for"]),
        ("expect holds", ["expect holds"]),
        ("expect counterexample", ["expect counterexample"]),
        // `attacks` after a name starts the statement; elsewhere names are still names.
        ("general attacks traitor", ["general attacks: flips"]),
    ])
    func statements(text: String, expected: [String]) {
        let result = parse(text)
        #expect(result.diagnostics == [])
        #expect(result.program.statements.map(sketch) == expected)
    }

    @Test(arguments: [
        ("general L3 loyal", "general L3 loyal"),
        ("general L3 traitor", "general L3: flips"),
        ("general L3 traitor lies 0 to L1, L2", "general L3: lies 0 to L1,L2"),
        ("general L3 traitor lies retreat", "general L3: lies retreat"),
        ("general C traitor lies attack to L1 and retreat to L2, L3", "general C: lies attack to L1 | lies retreat to L2,L3"),
        ("general L3 traitor flips", "general L3: flips"),
        ("general L3 traitor silent", "general L3: silent"),
        ("general L3 traitor silent to L1", "general L3: silent to L1"),
        ("general L3 crashes after round 1", "general L3: silent after round 1"),
        ("general L3 traitor lies 0 to L1 in round 2", "general L3: lies 0 to L1 in round 2"),
        ("general L3 traitor lies retreat to L2 about L1", "general L3: lies retreat to L2 about L1"),
        ("general L3 traitor lies 0 about L1 in round 2", "general L3: lies 0 in round 2 about L1"),
        ("general L3 traitor random", "general L3: random"),
        ("general L3 random in round 1", "general L3: random in round 1"),
        ("general L3 lies 0", "general L3: lies 0"),
        // Keywords are contextual: `to` is a value here, then a keyword.
        ("general L3 traitor lies to to L1", "general L3: lies to to L1"),
        ("general to traitor lies and to and", "general to: lies and to and"),
        // Scope qualifiers belong to the clause they follow.
        (
            "general L3 traitor lies attack to L1 and retreat to L2 in round 2",
            "general L3: lies attack to L1 | lies retreat to L2 in round 2"
        ),
        // After `and`, a behaviour word starts a new behaviour.
        ("general L3 traitor lies 0 to L1 and silent to L2", "general L3: lies 0 to L1 | silent to L2"),
        ("general L3 traitor lies 0 and 1 and flips", "general L3: lies 0 | lies 1 | flips"),
        ("general L3 silent in round 2 and crashes after round 2", "general L3: silent in round 2 | silent after round 2"),
        ("general L3 traitor flips and random about C", "general L3: flips | random about C"),
        ("general L4 traitor flips and relays about C, L1", "general L4: flips | relays about C,L1"),
        // `about` takes the end of a path, in order.
        ("general L3 traitor lies retreat to L1 about C, L2", "general L3: lies retreat to L1 about C,L2"),
        ("general L3 traitor lies 0 to L1 about C, L2", "general L3: lies 0 to L1 about C,L2"),
        ("general L4 silent about L2,L1 in round 4", "general L4: silent in round 4 about L2,L1"),
        ("general L4 silent in round 4 about C, L2, L1", "general L4: silent in round 4 about C,L2,L1"),
        ("general L3 silent about C, L1 and lies 0 about L2", "general L3: silent about C,L1 | lies 0 about L2"),
        ("general L3 lies 0 about C, L1 and 1 to L2", "general L3: lies 0 about C,L1 | lies 1 to L2"),
        // A repeated name is the interpreter's to refuse, not the parser's.
        ("general L3 silent about L1, L1", "general L3: silent about L1,L1"),
    ])
    func generalStatements(text: String, expected: String) {
        let result = parse(text)
        #expect(result.diagnostics == [])
        #expect(result.program.statements.map(sketch) == [expected])
    }

    @Test(arguments: [
        ("generals A,\n B", ["generals A,B"]),
        ("generals A,  # the rest:\n\n  B", ["generals A,B"]),
        ("general C traitor lies attack to L1 and\n  retreat to L2", ["general C: lies attack to L1 | lies retreat to L2"]),
        ("general C traitor flips and\n silent", ["general C: flips | silent"]),
        ("general C traitor lies 0 and\n silent", ["general C: lies 0 | silent"]),
        ("run om(\n1\n)", ["run om(1)"]),
        ("run om(1\n)\nreset", ["run om(1)", "reset"]),
        ("general L3 traitor silent about C,\n  L2", ["general L3: silent about C,L2"]),
        ("general L3 traitor silent about C,  # the path\n\n L2 in round 3", ["general L3: silent in round 3 about C,L2"]),
        ("expect L1,\r\nL2 decide 0", ["expect L1,L2 decide 0"]),
    ])
    func aNewlineAfterACommaAndOrParenthesisContinuesTheStatement(text: String, expected: [String]) {
        let result = parse(text)
        #expect(result.diagnostics == [])
        #expect(result.program.statements.map(sketch) == expected)
    }

    @Test func statementsAreSeparatedByNewlinesOrSemicolons() {
        let text = """
            # a whole program
            generals 4; commander C
            ;;
            general L3 traitor lies 0 to L1,L2   # a comment after a statement

            run om(1); expect agreement;
            """
        #expect(parse(text).diagnostics == [])
        #expect(
            parse(text).program.statements.map(sketch) == [
                "generals 4", "commander C", "general L3: lies 0 to L1,L2", "run om(1)", "expect agreement",
            ])
        #expect(parse("").program.statements == [])
        #expect(parse("\n\n;\n").program.statements == [])
    }

    // MARK: - Spans

    @Test func statementsSpanTheirFirstToLastToken() {
        let file = SourceFile(name: "t.strat", text: "  run om(1)  # why\nexpect L1, L2 decide attack;reset")
        let statements = Parser.parse(file).program.statements
        #expect(statements.map { file.text(of: $0.span) } == ["run om(1)", "expect L1, L2 decide attack", "reset"])
        guard case .run(let call) = statements.first?.kind else {
            Issue.record("expected a run")
            return
        }
        #expect(file.text(of: call.span) == "om(1)")
        #expect(call.m == IntegerLiteral(1, span: SourceSpan(start: 9, end: 10)))
    }

    @Test func faultRulesSpanTheirClauses() {
        let text = "general C traitor lies attack to L1, L2 and retreat about L3 in round 2 and crashes after round 3"
        let file = SourceFile(name: "t.strat", text: text)
        guard case .faults(let name, let rules)? = Parser.parse(file).program.statements.first?.kind else {
            Issue.record("expected fault rules")
            return
        }
        #expect(name == Name("C", span: SourceSpan(start: 8, end: 9)))
        #expect(
            rules.map { file.text(of: $0.span) } == [
                "lies attack to L1, L2", "retreat about L3 in round 2", "crashes after round 3",
            ])
        #expect(rules.first?.behaviour == .lies(Value("attack", span: SourceSpan(start: 23, end: 29))))
        #expect(rules.first?.receivers.map { file.text(of: $0.span) } == ["L1", "L2"])
        #expect(rules.dropFirst().first?.rounds == .only(IntegerLiteral(2, span: SourceSpan(start: 70, end: 71))))
        #expect(rules.dropFirst().first?.about.map { file.text(of: $0.span) } == ["L3"])
    }

    @Test func aBareTraitorIsFlipsSpanningTheWord() {
        let file = SourceFile(name: "t.strat", text: "general L3 traitor")
        #expect(
            Parser.parse(file).program.statements == [
                Statement(
                    .faults(Name("L3", span: SourceSpan(start: 8, end: 10)), [FaultRule(.flips, span: SourceSpan(start: 11, end: 18))]),
                    span: SourceSpan(start: 0, end: 18))
            ])
    }

    @Test func stringsKeepTheirSpans() {
        let file = SourceFile(name: "t.strat", text: #"print "a\"b""#)
        #expect(
            Parser.parse(file).program.statements.first?.kind
                == .print(StringLiteral("a\"b", span: SourceSpan(start: 6, end: 12))))
    }

    // MARK: - Syntax errors

    @Test(arguments: [
        // System models
        ("channel lossy 20", ["1:17 expected '%' after '20', found end of input"]),
        ("channel lossy", ["1:14 expected a loss rate such as '20%' after 'lossy', found end of input"]),
        ("channel lossless", ["1:9 expected 'reliable', 'lossy' or 'broadcast' after 'channel', found name 'lossless'"]),
        ("partition L1, L2", ["1:17 expected '|' and the generals of another group after 'L2', found end of input"]),
        ("partition L1 | 3", ["1:16 expected the generals of a group after '|', found integer 3"]),
        ("partition L1 | L2 from 2", ["1:24 expected 'round' after 'from', found integer 2"]),
        ("timing eventually", ["1:8 expected 'synchronous' or 'asynchronous' after 'timing', found name 'eventually'"]),
        ("delay C to L1", ["1:14 expected 'by' and the rounds the messages are late after 'L1', found end of input"]),
        ("delay C to L1 by 2 to L2", ["1:23 repeated 'to' in one clause; the first is at 1:9"]),
        ("delay at 2", ["1:10 expected 'most' after 'at', found integer 2"]),
        // The paper's names and shortened keywords get their suggestion.
        ("expect IC1", ["1:8 unknown check 'IC1'; did you mean 'agreement'?"]),
        ("expect ic2", ["1:8 unknown check 'ic2'; did you mean 'validity'?"]),
        ("general L3 crash after round 1", ["1:12 expected 'traitor', 'loyal' or a behaviour ('lies', 'flips', 'silent', 'random', 'relays' or 'crashes') after 'general L3', found name 'crash'; did you mean 'crashes'?"]),
        ("delay L2 by 3 to L1", ["1:18 'to' must come before 'by' in a delay, as in 'delay C to L1 by 2'"]),
        ("timeout", ["1:8 expected an integer after 'timeout', found end of input"]),
        // Statements
        (",", ["1:1 expected a statement, found ','"]),
        ("42", ["1:1 expected a statement, found integer 42"]),
        (#""text""#, [#"1:1 expected a statement, found string "text""#]),
        ("(", ["1:1 expected a statement, found '('"]),
        ("rn om(1)", ["1:1 unknown statement 'rn'; did you mean 'run'?"]),
        ("Run om(1)", ["1:1 unknown statement 'Run'; did you mean 'run'?"]),
        ("genrals 4", ["1:1 unknown statement 'genrals'; did you mean 'generals'?"]),
        (
            "L3 traitor",
            [
                "1:1 unknown statement 'L3'; a statement starts with generals, commander, order, default, general, seed, signatures, links, cut, link, channel, partition, timing, delay, timeout, run, verify, sweep, expect, reset, print, load, show, export, lose, messengers, loss, trials, estimate or shop"
            ]
        ),
        ("run om(1) run om(1)", ["1:11 expected end of statement after ')', found name 'run'; separate statements on one line with ';'"]),
        ("reset reset", ["1:7 expected end of statement after 'reset', found name 'reset'; separate statements on one line with ';'"]),
        ("commander B C", ["1:13 expected end of statement after 'B', found name 'C'"]),
        // generals
        ("generals", ["1:9 expected an integer or a name after 'generals', found end of input"]),
        ("generals\n", ["1:9 expected an integer or a name after 'generals', found end of line"]),
        ("generals A, 4", ["1:13 expected a name after ',', found integer 4"]),
        ("generals A B", ["1:12 expected end of statement after 'A', found name 'B'"]),
        ("generals 4, 5", ["1:11 expected end of statement after '4', found ','"]),
        ("generals A,;", ["1:12 expected a name after ',', found ';'"]),
        // commander, order, default, seed
        ("commander", ["1:10 expected a name after 'commander', found end of input"]),
        ("commander 1", ["1:11 expected a name after 'commander', found integer 1"]),
        (#"order "attack""#, [#"1:7 expected a value after 'order', found string "attack""#]),
        ("default ;", ["1:9 expected a value after 'default', found ';'"]),
        ("seed x", ["1:6 expected an integer after 'seed', found name 'x'"]),
        ("seed 99999999999999999999", ["1:6 integer literal '99999999999999999999' is too large"]),
        // run
        ("run", ["1:4 expected an algorithm after 'run', found end of input"]),
        ("run (1)", ["1:5 expected an algorithm after 'run', found '('"]),
        ("run mo(1)", ["1:5 unknown algorithm 'mo'; the algorithms are om, sm, twogenerals; did you mean 'om'?"]),
        ("run paxos(1)", ["1:5 unknown algorithm 'paxos'; the algorithms are om, sm, twogenerals"]),
        ("run om(x)", ["1:8 expected an integer after '(', found name 'x'"]),
        ("run om()", ["1:8 expected an integer after '(', found ')'"]),
        ("run om(1 x)", ["1:10 expected ')' to close '(' at 1:7, found name 'x'"]),
        ("run om(1\nreset", ["1:9 expected ')' to close '(' at 1:7, found end of line"]),
        ("run om 1", ["1:8 expected end of statement after 'om', found integer 1"]),
        ("run om(1))", ["1:10 expected end of statement after ')', found ')'"]),
        // expect
        ("expect", ["1:7 expected 'agreement', 'validity', 'consensus', 'violation', 'holds', 'counterexample', 'messages' or a name after 'expect', found end of input"]),
        ("expect 9", ["1:8 expected 'agreement', 'validity', 'consensus', 'violation', 'holds', 'counterexample', 'messages' or a name after 'expect', found integer 9"]),
        ("expect agrement", ["1:8 unknown check 'agrement'; did you mean 'agreement'?"]),
        ("expect Consensus", ["1:8 unknown check 'Consensus'; did you mean 'consensus'?"]),
        ("expect messages", ["1:16 expected an integer after 'messages', found end of input"]),
        ("expect messages x", ["1:17 expected 'decides' or 'decide' after 'messages', found name 'x'"]),
        ("expect L1", ["1:10 expected 'decides' or 'decide' after 'L1', found end of input"]),
        ("expect L1 decids attack", ["1:11 expected 'decides' or 'decide' after 'L1', found name 'decids'; did you mean 'decides'?"]),
        ("expect L1 decides", ["1:18 expected a value after 'decides', found end of input"]),
        ("expect agreement now", ["1:18 expected end of statement after 'agreement', found name 'now'"]),
        // print, load
        ("print hello", ["1:7 expected a string after 'print', found name 'hello'"]),
        ("load", ["1:5 expected a string after 'load', found end of input"]),
        // general
        ("general", ["1:8 expected a name after 'general', found end of input"]),
        ("general 3 traitor", ["1:9 expected a name after 'general', found integer 3"]),
        ("general L3", ["1:11 expected 'traitor', 'loyal' or a behaviour ('lies', 'flips', 'silent', 'random', 'relays' or 'crashes') after 'general L3', found end of input"]),
        (
            "general L3 traiter",
            ["1:12 expected 'traitor', 'loyal' or a behaviour ('lies', 'flips', 'silent', 'random', 'relays' or 'crashes') after 'general L3', found name 'traiter'; did you mean 'traitor'?"]
        ),
        ("general L3 loyal traitor", ["1:18 expected end of statement after 'loyal', found name 'traitor'"]),
        ("general L3 traitor lie 0", ["1:20 expected a behaviour ('lies', 'flips', 'silent', 'random', 'relays' or 'crashes') or end of statement after 'traitor', found name 'lie'; did you mean 'lies'?"]),
        ("general L3 traitor to L1", ["1:20 expected a behaviour ('lies', 'flips', 'silent', 'random', 'relays' or 'crashes') or end of statement after 'traitor', found name 'to'"]),
        ("general L3 traitor lies", ["1:24 expected a value after 'lies', found end of input"]),
        ("general L3 traitor lies\nrun om(1)", ["1:24 expected a value after 'lies', found end of line"]),
        ("general L3 traitor lies 0 to", ["1:29 expected a name after 'to', found end of input"]),
        ("general L3 traitor lies 0 to 1", ["1:30 expected a name after 'to', found integer 1"]),
        ("general L3 traitor lies 0 too L1", ["1:27 expected end of statement after '0', found name 'too'; did you mean 'to'?"]),
        ("general L3 traitor lies 0 adn 1", ["1:27 expected end of statement after '0', found name 'adn'; did you mean 'and'?"]),
        ("general L3 traitor lies 0 and ,", ["1:31 expected a value or a behaviour after 'and', found ','"]),
        ("general L3 traitor flips and lie 0", ["1:30 expected a behaviour after 'and', found name 'lie'; did you mean 'lies'?"]),
        ("general L3 traitor flips and 0", ["1:30 expected a behaviour after 'and', found integer 0"]),
        ("general L3 traitor flips 0", ["1:26 expected end of statement after 'flips', found integer 0"]),
        ("general L3 crashes", ["1:19 expected 'after' after 'crashes', found end of input"]),
        ("general L3 crashes afer round 1", ["1:20 expected 'after' after 'crashes', found name 'afer'; did you mean 'after'?"]),
        ("general L3 crashes after 1", ["1:26 expected 'round' after 'after', found integer 1"]),
        ("general L3 crashes after round", ["1:31 expected an integer after 'round', found end of input"]),
        ("general L3 crashes after round 1 to L1", ["1:34 expected end of statement after '1', found name 'to'"]),
        ("general L3 silent in rund 2", ["1:22 expected 'round' after 'in', found name 'rund'; did you mean 'round'?"]),
        ("general L3 silent in round two", ["1:28 expected an integer after 'round', found name 'two'"]),
        ("general L3 silent about", ["1:24 expected a name after 'about', found end of input"]),
        ("general L3 silent about C,;", ["1:27 expected a name after ',', found ';'"]),
        ("general L3 silent about C, 2", ["1:28 expected a name after ',', found integer 2"]),
        ("general L3 silent about C L1", ["1:27 expected end of statement after 'C', found name 'L1'"]),
        ("general L3 silent about C, L1 about L2", ["1:31 repeated 'about' in one clause; the first is at 1:19"]),
        ("general L3 silent about C, L1 to L2", ["1:31 'to' must come before 'in round' and 'about'"]),
        ("general L3 silent about C, L1 abut L2", ["1:31 expected end of statement after 'L1', found name 'abut'; did you mean 'about'?"]),
        ("general L3 silent in round 1 in round 2", ["1:30 repeated 'in round' in one clause; the first is at 1:19"]),
        ("general L3 silent about L1 in round 1 about L2", ["1:39 repeated 'about' in one clause; the first is at 1:19"]),
        ("general L3 silent to L1 to L2", ["1:25 repeated 'to' in one clause; the first is at 1:19"]),
        ("general L3 silent in round 1 to L1", ["1:30 'to' must come before 'in round' and 'about'"]),
        // Lexical errors are reported once, not again by the parser.
        ("general L3 traitor lies @", ["1:25 unexpected character '@'"]),
        ("run om(1) @ reset", ["1:11 unexpected character '@'"]),
        ("@ @", ["1:1 unexpected character '@'", "1:3 unexpected character '@'"]),
        (#"print "unterminated"#, [#"1:7 unterminated string; a string ends with '"' on the same line"#]),
        ("run om(99999999999999999999)", ["1:8 integer literal '99999999999999999999' is too large"]),
        ("expect messages @", ["1:17 unexpected character '@'"]),
        ("generals A,\n  @", ["2:3 unexpected character '@'"]),
        ("run om(1\n@", ["1:9 expected ')' to close '(' at 1:7, found end of line", "2:1 unexpected character '@'"]),
        (#"load "a\qb" "c""#, [#"1:8 unknown escape '\q' in string; the escapes are \" \\ \n \t"#]),
        // Signatures
        ("signatures", ["1:11 expected 'modelled' or 'ed25519' after 'signatures', found end of input"]),
        ("signatures ed2551", ["1:12 expected 'modelled' or 'ed25519' after 'signatures', found name 'ed2551'; did you mean 'ed25519'?"]),
        // Verify
        ("verify", ["1:7 expected an algorithm after 'verify', found end of input"]),
        ("verify om(1) with 2", ["1:20 expected 'traitors' after '2', found end of input"]),
        ("verify om(1) with two traitors", ["1:19 expected an integer after 'with', found name 'two'"]),
        ("verify om(1) save", ["1:18 expected a string after 'save', found end of input"]),
        ("verify om(1) for", ["1:17 expected 'order' after 'for', found end of input"]),
        ("verify om(1) for attack", ["1:18 expected 'order' after 'for', found name 'attack'"]),
        ("verify om(1) for ordr attack", ["1:18 expected 'order' after 'for', found name 'ordr'; did you mean 'order'?"]),
        ("verify om(1) for order", ["1:23 expected a value after 'order', found end of input"]),
        ("verify om(1) for order ;", ["1:24 expected a value after 'order', found ';'"]),
        (#"verify om(1) for order "attack""#, [#"1:24 expected a value after 'order', found string "attack""#]),
        ("verify om(1) for order attack retreat", ["1:31 expected end of statement after 'attack', found name 'retreat'"]),
        ("verify om(1) fro order attack", ["1:14 expected end of statement after ')', found name 'fro'; did you mean 'for'?"]),
        (#"verify om(1) save "x" for order attack"#, [#"1:23 expected end of statement after '"x"', found name 'for'"#]),
        ("verify om(1) for order attack with 2 traitors", ["1:31 expected end of statement after 'attack', found name 'with'"]),
        ("expect hold", ["1:8 unknown check 'hold'; did you mean 'holds'?"]),
        ("expect counterexampel", ["1:8 unknown check 'counterexampel'; did you mean 'counterexample'?"]),
        ("expect holds now", ["1:14 expected end of statement after 'holds', found name 'now'"]),
        // Views
        ("show", ["1:5 expected 'trace', 'tree', 'stats', 'army', 'links', 'table' or 'sweep' after 'show', found end of input"]),
        ("show trac", ["1:6 expected 'trace', 'tree', 'stats', 'army', 'links', 'table' or 'sweep' after 'show', found name 'trac'; did you mean 'trace'?"]),
        ("show link", ["1:6 expected 'trace', 'tree', 'stats', 'army', 'links', 'table' or 'sweep' after 'show', found name 'link'; did you mean 'links'?"]),
        ("show tree", ["1:10 expected a name after 'tree', found end of input"]),
        ("show trace to L1 to L2", ["1:18 repeated 'to' in one 'show trace'"]),
        ("show trace round", ["1:17 expected an integer after 'round', found end of input"]),
        ("show trace at L1", ["1:12 expected 'to', 'from', 'round' or end of statement after 'trace', found name 'at'"]),
        ("show trace form L3", ["1:12 expected 'to', 'from', 'round' or end of statement after 'trace', found name 'form'; did you mean 'from'?"]),
        ("export stats \"x.json\"", ["1:8 expected 'trace', 'tree', 'links', 'sweep' or 'report' after 'export', found name 'stats'"]),
        ("export trace", ["1:13 expected a string after 'trace', found end of input"]),
        // Links
        ("links", ["1:6 expected 'complete', 'ring' or 'none' after 'links', found end of input"]),
        ("links rng", ["1:7 expected 'complete', 'ring' or 'none' after 'links', found name 'rng'; did you mean 'ring'?"]),
        ("links star", ["1:7 expected 'complete', 'ring' or 'none' after 'links', found name 'star'"]),
        ("links ring none", ["1:12 expected end of statement after 'ring', found name 'none'"]),
        ("cut", ["1:4 expected a general's name after 'cut', found end of input"]),
        ("cut 1 - 2", ["1:5 expected a general's name after 'cut', found integer 1"]),
        ("cut L1", ["1:7 expected '-' between two generals after 'L1', found end of input"]),
        ("cut L1 L2", ["1:8 expected '-' between two generals after 'L1', found name 'L2'"]),
        ("cut L1 -", ["1:9 expected a general's name after '-', found end of input"]),
        ("cut L1 - - L2", ["1:10 expected a general's name after '-', found '-'"]),
        ("cut L1 -1", ["1:8 expected '-' between two generals after 'L1', found integer -1"]),
        ("link L1 - L2 - L3", ["1:14 expected end of statement after 'L2', found '-'"]),
        ("link L1 - L2 L3 - L4", ["1:14 expected end of statement after 'L2', found name 'L3'"]),
        ("- L1", ["1:1 expected a statement, found '-'"]),
        // A second number is p, for om alone.
        ("run sm(1, 2)", ["1:11 'sm' takes one number, m; only 'om' takes a second, p, for the paper's OM(m, p) on a p-regular graph, e.g. 'om(1, 3)'"]),
        ("verify sm(1, 2)", ["1:14 'sm' takes one number, m; only 'om' takes a second, p, for the paper's OM(m, p) on a p-regular graph, e.g. 'om(1, 3)'"]),
        ("run twogenerals(3, 1)", ["1:20 'twogenerals' takes one number, the number of messengers; only 'om' takes a second, p, for the paper's OM(m, p) on a p-regular graph, e.g. 'om(1, 3)'"]),
        ("estimate twogenerals(3, 1)", ["1:25 'twogenerals' takes one number, the number of messengers; only 'om' takes a second, p, for the paper's OM(m, p) on a p-regular graph, e.g. 'om(1, 3)'"]),
        ("run om(1,)", ["1:10 expected an integer after ',', found ')'"]),
        ("run om(1, x)", ["1:11 expected an integer after ',', found name 'x'"]),
        ("run om(1, 3, 4)", ["1:12 expected ')' to close '(' at 1:7, found ','"]),
        ("run om(1 3)", ["1:10 expected ')' to close '(' at 1:7, found integer 3"]),
        // Two Generals
        ("lose", ["1:5 expected a messenger number or 'none' after 'lose', found end of input"]),
        ("lose non", ["1:6 expected a messenger number or 'none' after 'lose', found name 'non'; did you mean 'none'?"]),
        ("lose 1, x", ["1:9 expected an integer after ',', found name 'x'"]),
        ("lose 1 2", ["1:8 expected end of statement after '1', found integer 2"]),
        ("lose none, 1", ["1:10 expected end of statement after 'none', found ','"]),
        ("A attacks", ["1:10 expected 'always', 'never' or 'if received' after 'attacks', found end of input"]),
        ("A attacks alway", ["1:11 expected 'always', 'never' or 'if received' after 'attacks', found name 'alway'; did you mean 'always'?"]),
        ("A attacks if 1", ["1:14 expected 'received' after 'if', found integer 1"]),
        ("A attacks if received", ["1:22 expected an integer or 'all' after 'received', found end of input"]),
        ("A attacks if received some", ["1:23 expected an integer or 'all' after 'received', found name 'some'"]),
        ("A attacks always now", ["1:18 expected end of statement after 'always', found name 'now'"]),
        ("messengers", ["1:11 expected 'alternate' or 'flood' after 'messengers', found end of input"]),
        ("messengers floods", ["1:12 expected 'alternate' or 'flood' after 'messengers', found name 'floods'; did you mean 'flood'?"]),
        ("loss 30", ["1:8 expected '%' after '30', found end of input"]),
        ("loss thirty%", ["1:6 expected an integer after 'loss', found name 'thirty'"]),
        ("loss 30%%", ["1:9 expected end of statement after '%', found '%'"]),
        ("trials", ["1:7 expected an integer after 'trials', found end of input"]),
        ("estimate", ["1:9 expected an algorithm after 'estimate', found end of input"]),
        ("shop rollback", ["1:6 expected 'with' or 'without' after 'shop', found name 'rollback'"]),
        ("shop with", ["1:10 expected 'rollback' after 'with', found end of input"]),
        ("shop withot rollback", ["1:6 expected 'with' or 'without' after 'shop', found name 'withot'; did you mean 'without'?"]),
        ("% 3", ["1:1 expected a statement, found '%'"]),
    ])
    func syntaxErrors(text: String, expected: [String]) {
        let result = parse(text)
        #expect(errors(text) == expected)
        #expect(!result.program.statements.contains { $0.span.start == 0 })
        #expect(!result.isIncomplete)
    }

    @Test func everyBadLineIsReportedAndTheGoodOnesKept() {
        let text = """
            generals 4
            general L3 traitor lies
            run om(1) run om(1)
            rn om(1)
            general L2 traitor
            expect agrement; expect agreement
            """
        #expect(
            errors(text) == [
                "2:24 expected a value after 'lies', found end of line",
                "3:11 expected end of statement after ')', found name 'run'; separate statements on one line with ';'",
                "4:1 unknown statement 'rn'; did you mean 'run'?",
                "6:8 unknown check 'agrement'; did you mean 'agreement'?",
            ])
        #expect(parse(text).program.statements.map(sketch) == ["generals 4", "general L2: flips", "expect agreement"])
    }

    @Test func diagnosticsStopAtFiftyAndSayHowManyMore() {
        let text = String(repeating: "rn\n", count: 60)
        let diagnostics = parse(text).diagnostics
        #expect(diagnostics.count == 51)
        #expect(diagnostics.last?.message == "too many errors; 10 more not shown")
        #expect(diagnostics.last?.span == SourceSpan(start: 150, end: 152))
        #expect(diagnostics.dropLast().allSatisfy { $0.message == "unknown statement 'rn'; did you mean 'run'?" })
    }

    // MARK: - Incomplete input

    @Test(arguments: [
        ("generals A,", true),
        ("generals A,\n", true),
        ("generals A,  # more to come\n\n", true),
        ("run om(", true),
        ("run om(1", true),
        ("run om(1\n", true),
        ("run om(\n\n", true),
        ("general L3 traitor lies 0 to L1,", true),
        ("general L3 traitor lies 0 about C,", true),
        ("general L3 traitor lies 0 about C,\n", true),
        ("verify om(1) for", false),
        ("verify om(1) for order", false),
        ("general L3 traitor lies 0 and", true),
        ("general L3 traitor lies 0 and\n", true),
        ("general L3 traitor flips and", true),
        ("expect L1,", true),
        ("lose 1,", true),
        ("run om(1,", true),
        ("run om(1,\n", true),
        ("cut L1 - L2,", true),
        ("partition L1, L2 |", true),
        ("partition L1, L2 |\n", true),
        ("link C - L1,\n", true),
        ("cut L1 -", false),
        ("links", false),
        ("estimate twogenerals(", true),
        ("generals 4\ngeneral L3 traitor silent and", true),
        ("general L3 traitor lies", false),
        ("general L3 traitor lies\n", false),
        ("general", false),
        ("run", false),
        ("run om(1\nreset", false),
        ("generals A,\nreset", false),
        ("rn\ngenerals A,", false),
        (#"print "abc"#, false),
        ("generals 4", false),
        ("", false),
    ])
    func incompleteInput(text: String, isIncomplete: Bool) {
        let result = parse(text)
        #expect(result.isIncomplete == isIncomplete)
        if isIncomplete {
            #expect(result.diagnostics.count == 1)
            #expect(result.diagnostics.allSatisfy { $0.isIncompleteInput })
        }
    }

    @Test func incompleteInputSaysWhatIsMissing() {
        #expect(errors("generals A,") == ["1:12 expected a name after ',', found end of input"])
        #expect(errors("run om(1") == ["1:9 expected ')' to close '(' at 1:7, found end of input"])
        #expect(errors("general L3 lies 0 and") == ["1:22 expected a value or a behaviour after 'and', found end of input"])
    }

    // MARK: - Scale

    @Test func aLongLineParsesInLinearTime() {
        let names = (1...1_000_000).map { "L\($0)" }.joined(separator: ",")
        let result = parse("generals " + names)
        #expect(result.diagnostics == [])
        guard case .generalsNamed(let parsed)? = result.program.statements.first?.kind else {
            Issue.record("expected generals")
            return
        }
        #expect(parsed.count == 1_000_000)
        #expect(parsed.last?.text == "L1000000")
    }

    @Test func manyStatementsAndManyErrorsParse() {
        #expect(parse(String(repeating: "reset\n", count: 500_000)).program.statements.count == 500_000)
        let broken = parse(String(repeating: "general L3 traitor lies\n", count: 100_000))
        #expect(broken.diagnostics.count == 51)
        #expect(broken.diagnostics.last?.message == "too many errors; 99950 more not shown")
    }

    @Test func aLongRunOfNewlinesAfterAndIsLinear() {
        let text = "general L3 traitor lies 0 and" + String(repeating: "\n", count: 200_000) + "1"
        let result = parse(text)
        #expect(result.diagnostics == [])
        #expect(result.program.statements.map(sketch) == ["general L3: lies 0 | lies 1"])
    }
}
