import ByzantineEngine

/// The one catalogue of messages. One tone throughout: lowercase, no trailing
/// period, concrete ("expected a value after 'lies', found end of line").
/// Fixed tokens are quoted (`','`, `'round'`); token classes are described
/// (`name 'L3'`, `integer 7`, `string "x"`, `end of line`, `end of input`).
/// Keep the factories in alphabetical order within each section.
extension Diagnostic {
    // MARK: - Syntax

    /// "expected a value after 'lies', found end of line", with a
    /// did-you-mean when the word found is close to one that fits.
    static func expected(
        _ expectation: String, after context: String, found: Token, suggestion: String? = nil,
        isIncompleteInput: Bool = false
    ) -> Diagnostic {
        Diagnostic(
            .error,
            "expected \(expectation) after \(quoted(context)), found \(describe(found))" + didYouMean(suggestion),
            at: found.span, isIncompleteInput: isIncompleteInput
        )
    }

    /// "expected ')' to close '(' at 1:7, found end of line": names the opener,
    /// as Lua's check_match does, because the two may be far apart.
    static func expectedClosingParenthesis(
        openedAt opener: (line: Int, column: Int), found: Token, isIncompleteInput: Bool
    ) -> Diagnostic {
        Diagnostic(
            .error, "expected ')' to close '(' at \(opener.line):\(opener.column), found \(describe(found))",
            at: found.span, isIncompleteInput: isIncompleteInput
        )
    }

    /// A statement that goes on after it is complete. When the extra word starts
    /// a statement, the likely cause is two statements on one line.
    static func expectedEndOfStatement(after context: String, found: Token, suggestion: String?) -> Diagnostic {
        var message = "expected end of statement after \(quoted(context)), found \(describe(found))"
        if case .name(let word) = found.kind, let keyword = Keyword(rawValue: word),
            Keyword.statements.contains(keyword)
        {
            message += "; separate statements on one line with ';'"
        } else {
            message += didYouMean(suggestion)
        }
        return Diagnostic(.error, message, at: found.span)
    }

    /// Something that cannot start a statement, such as `,` or `42`.
    static func expectedStatement(found: Token) -> Diagnostic {
        Diagnostic(.error, "expected a statement, found \(describe(found))", at: found.span)
    }

    /// `channel lossy 0.3`: a chance written as a fraction gets its percentage.
    static func fractionalNumber(_ spelling: String, at span: SourceSpan) -> Diagnostic {
        // Up to two decimal places make a whole percentage: 0.3 is 30%, 0.05 is 5%.
        let hundredths = spelling.hasPrefix("0.") && spelling.count <= 4
            ? Int(spelling.dropFirst(2).padding(toLength: 2, withPad: "0", startingAt: 0))
            : nil
        let hint = hundredths.map { "write the chance \(spelling) as \($0)%" } ?? "numbers are whole, and a chance is a percentage such as 30%"
        return Diagnostic(.error, "\(quoted(spelling)) is not a whole number; \(hint)", at: span)
    }

    static func receiversBeforeValue(at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "'lies' takes its value first, then 'to': write 'lies retreat to L1', not 'lies to L1 retreat'", at: span)
    }

    static func commaBeforeAnd(at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .error, "a ',' before 'and': 'and' starts the next rule, so drop the ',' (as in 'to L1 and hold to L2')", at: span)
    }

    static func integerTooLarge(_ spelling: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "integer literal \(quoted(spelling)) is too large", at: span)
    }

    static func invalidUTF8(at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "invalid UTF-8 (decoded as U+FFFD)", at: span)
    }

    /// `partition … until round 3 from round 2`.
    static func untilBeforeFrom(at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "'from' must come before 'until' in a partition, as in 'partition C, L1 | L2, L3 from round 2 until round 3'", at: span)
    }

    /// `sweep … for generals 10 to 3`.
    static func emptyRange(low: Int, high: Int, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "the range \(low) to \(high) is empty; write the smaller number first, as in '\(high) to \(low)'", at: span)
    }

    /// `delay C by 2 to L1`.
    static func receiversAfterDelay(at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "'to' must come before 'by' in a delay, as in 'delay C to L1 by 2'", at: span)
    }

    static func misplacedReceivers(at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "'to' must come before 'in round' and 'about'", at: span)
    }

    static func nameTooLong(length: Int, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .error, "a name is at most \(Lexer.maximumNameLength) characters long, and this one has \(grouped(length))",
            at: span)
    }

    /// A second `to`, `in round` or `about` in one clause: a rule has one of each.
    static func repeatedQualifier(_ qualifier: String, firstAt first: (line: Int, column: Int), at span: SourceSpan)
        -> Diagnostic
    {
        Diagnostic(.error, "repeated '\(qualifier)' in one clause; the first is at \(first.line):\(first.column)", at: span)
    }

    static func repeatedFilter(_ word: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "repeated '\(word)' in one 'show trace'", at: span)
    }

    /// `sm(1, 2)`, `twogenerals(3, 1)`: only OM has the paper's second parameter.
    static func secondParameterNotForAlgorithm(_ algorithm: AlgorithmCall.Algorithm, at span: SourceSpan) -> Diagnostic {
        let one = switch algorithm {
        case .om, .sm: "m"
        case .twogenerals: "the number of messengers"
        }
        return Diagnostic(
            .error,
            "'\(algorithm.rawValue)' takes one number, \(one); only 'om' takes a second, p, for the paper's OM(m, p) on a p-regular graph, e.g. 'om(1, 3)'",
            at: span)
    }

    static func notAScript(at span: SourceSpan) -> Diagnostic {
        Diagnostic(.note, "this does not look like a Strategos script: none of its lines up to here is a statement, so it is read no further", at: span)
    }

    static func tooManyErrors(notShown count: Int, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "too many errors; \(count) more not shown", at: span)
    }

    static func unexpectedByte(_ byte: UInt8, at span: SourceSpan) -> Diagnostic {
        let hex = String(byte, radix: 16, uppercase: true)
        return Diagnostic(.error, "unexpected byte 0x\(hex.count < 2 ? "0" + hex : hex)", at: span)
    }

    /// Non-ASCII characters also get their code point, so an invisible one
    /// (a no-break space pasted from a web page) can be identified.
    static func unexpectedCharacter(_ character: Unicode.Scalar, at span: SourceSpan) -> Diagnostic {
        var message = "unexpected character '\(character)'"
        if !character.isASCII { message += " (\(codePoint(character)))" }
        return Diagnostic(.error, message, at: span)
    }

    static func unknownAlgorithm(_ name: String, suggestion: String?, at span: SourceSpan) -> Diagnostic {
        let algorithms = AlgorithmCall.Algorithm.allCases.map(\.rawValue).joined(separator: ", ")
        return Diagnostic(
            .error, "unknown algorithm \(quoted(name)); the algorithms are \(algorithms)" + didYouMean(suggestion),
            at: span
        )
    }

    /// `expect agrement`: a single word where a check was meant.
    static func unknownCheck(_ word: String, suggestion: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "unknown check \(quoted(word))" + didYouMean(suggestion), at: span)
    }

    static func unknownEscape(_ escape: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "unknown escape \(quoted(escape)) in string; the escapes are \\\" \\\\ \\n \\t", at: span)
    }

    static func unknownStatement(_ word: String, suggestion: String?, at span: SourceSpan) -> Diagnostic {
        let message: String
        if let suggestion {
            message = "unknown statement \(quoted(word))" + didYouMean(suggestion)
        } else {
            let words = Keyword.statements.map(\.rawValue)
            let list = words.dropLast().joined(separator: ", ") + " or " + (words.last ?? "")
            message = "unknown statement \(quoted(word)); a statement starts with \(list)"
        }
        return Diagnostic(.error, message, at: span)
    }

    static func unterminatedString(at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "unterminated string; a string ends with '\"' on the same line", at: span)
    }

    // MARK: - Semantics

    /// `about L1, C`: the commander only ever stands first on a path.
    static func aboutCommanderNotFirst(_ name: Name) -> Diagnostic {
        Diagnostic(
            .error,
            "\(shown(name.text)) is the commander, who only ever stands first on a path; 'about' names the end of a path in order, so the commander can only come first in it",
            at: name.span)
    }

    /// `about L1, L1`: a path passes through each general once.
    static func aboutNamesGeneralTwice(_ name: Name) -> Diagnostic {
        Diagnostic(.error, "general \(shown(name.text)) is named twice in one 'about'; a path passes through each general once", at: name.span)
    }

    /// `general L3 traitor silent about L3`: a general is never on the path before its own messages.
    static func aboutNamesSender(_ name: Name) -> Diagnostic {
        Diagnostic(
            .error,
            "a rule of \(shown(name.text)) cannot be about \(shown(name.text)): no path passes through a general before it sends",
            at: name.span)
    }

    static func armyTooLarge(_ size: Int, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "an army has at most \(Army.maximumSize) generals, this one would have \(size)", at: span)
    }

    static func armyTooSmall(_ size: Int, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "an army needs at least 3 generals (a commander and two lieutenants), got \(size)", at: span)
    }

    static func valueNamesAGeneral(_ value: Value, inRule: Bool) -> Diagnostic {
        let meaning = inRule
            ? "this sends the value \(value.text); to send to \(value.text) as well, list it after 'to' (as in 'lies retreat to L1, \(value.text)')"
            : "it is taken as a value, not as the general"
        return Diagnostic(.warning, "'\(value.text)' is the name of a general, but here it is a value: \(meaning)", at: value.span)
    }

    static func verifiedOrderIsTheDefault(_ order: Value) -> Diagnostic {
        Diagnostic(
            .warning,
            "the order checked, \(order.text), is also the default: a lieutenant that hears nothing decides it anyway, and the paper's impossibility for three generals needs an order that differs from the default",
            at: order.span)
    }

    static func ruleNeverApplies(_ rule: FaultRule, general: String, run: String, reason: String, loyalInEffect: Bool) -> Diagnostic {
        let consequence = loyalInEffect ? "; no rule of \(general) can apply, so \(general) acts loyally and is not counted as faulty" : ""
        return Diagnostic(.warning, "this rule of \(general) never applies in \(run): \(reason)\(consequence)", at: rule.span)
    }

    static func boundBroken(generals: Int, m: Int, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .warning,
            "n = \(generals) is not more than 3m = \(3 * m): the paper's bound n > 3m is broken, so OM(\(m)) does not guarantee IC1 and IC2",
            at: span)
    }

    static func cannotRead(_ path: String, _ failure: LoadFailure, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, failure.message(readingFile: path), at: span, limit: failure.limit(readingFile: path))
    }

    static func cannotExport(_ view: View, as format: ExportFormat, at span: SourceSpan) -> Diagnostic {
        let formats = ExportFormat.allCases.filter { Exporter.supports(view, as: $0) }.map { ".\($0.fileExtension)" }
        let choices = formats.count < 3 ? formats.joined(separator: " or ") : formats.dropLast().joined(separator: ", ") + " or " + (formats.last ?? "")
        // A page is the report's: say so to whoever asks for one of something else.
        let page = format == .html && Exporter.supports(.report, as: .html) && view != .report ? "; 'export report' writes a page" : ""
        return Diagnostic(.error, "\(view.noun) cannot be exported as \(format.name); use \(choices)\(page)", at: span)
    }

    static func cannotWrite(_ path: String, reason: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "cannot write '\(path)': \(reason)", at: span)
    }

    static func commanderDoesNotDecide(_ name: Name) -> Diagnostic {
        Diagnostic(.error, "\(shown(name.text)) is the commander; only lieutenants decide", at: name.span)
    }

    static func duplicateGeneral(_ name: Name) -> Diagnostic {
        Diagnostic(.error, "general \(shown(name.text)) is named twice", at: name.span)
    }

    static func expectationFailed(_ message: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "expectation failed: \(message)", at: span)
    }

    /// `export links` of a graph with more links than a view shows.
    static func graphTooLargeToExport(_ links: Int, limit: Int, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            passing: .traceLength, .raisedWith,
            "the graph has \(grouped(links)) links, more than the \(grouped(limit)) an export draws; 'show links' summarises it (raise the limit", ")",
            at: span)
    }

    static func internalError(_ detail: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "internal error: \(detail); please report it", at: span)
    }

    static func interrupted(at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "interrupted", at: span)
    }

    /// `om(1, 0)`: the commander of OM(m, p) sends to p neighbours; `om(2, 1)`:
    /// each level of the recursion needs one neighbour fewer.
    static func invalidRegularity(_ p: Int, m: Int, at span: SourceSpan) -> Diagnostic {
        guard p >= 1 else {
            return Diagnostic(
                .error, "p must be 1 or more, got \(p): in OM(m, p) the commander sends its order to a regular set of p neighbours",
                at: span)
        }
        return Diagnostic(
            .error,
            "OM(\(m), \(p)) needs p ≥ m: each level of its recursion has a regular set one smaller, so p = \(p) runs out before m = \(m) does",
            at: span)
    }

    static func invalidRound(_ round: IntegerLiteral) -> Diagnostic {
        Diagnostic(.error, "there is no round \(round.value): rounds start at 1, which carries the commander's orders", at: round.span)
    }

    static func lieutenantTooLarge(_ name: Name) -> Diagnostic {
        Diagnostic(
            .error, "no general named \(quoted(name.text)) can exist: an army has at most \(Army.maximumSize) generals, so lieutenants go up to L\(Army.maximumSize - 1)",
            at: name.span)
    }

    /// A new army without a general that a `cut` or `link` names.
    static func linkOutsideArmy(_ general: String, army: [String], at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .error,
            "a 'cut' or 'link' names \(shown(general)), which is not in the army \(list(army)); set the whole graph again with 'links complete' (or 'links ring', 'links none') or 'reset'",
            at: span)
    }

    /// `link L1 - L1`, `cut L1 - L1`.
    static func graphTooLarge(generals: Int, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .error,
            "a graph with links missing takes at most \(Army.largestGraph) generals (its regular sets and connectivity are searched by flows through it), and this army has \(grouped(generals)); 'links complete' lifts the limit",
            at: span)
    }

    static func linkToItself(_ pair: LinkPair, _ kind: LinksDeclaration.Edit.Kind) -> Diagnostic {
        let verb = switch kind {
        case .cut: "cut \(shown(pair.first.text)) from itself"
        case .link: "link \(shown(pair.first.text)) to itself"
        }
        return Diagnostic(.error, "cannot \(verb): a link joins two different generals", at: pair.span)
    }

    static func loadCycle(_ chain: [String], at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "load cycle: \(chain.joined(separator: " loads ")); a script cannot load itself", at: span)
    }

    static func loadTooDeep(_ limit: Int, at span: SourceSpan) -> Diagnostic {
        Diagnostic(passing: .loadDepth, .raisedWith, "loads nest more than \(limit) deep; raise the limit", at: span)
    }

    static func mNegative(_ m: IntegerLiteral) -> Diagnostic {
        Diagnostic(.error, "m must be 0 or more, got \(m.value)", at: m.span)
    }

    static func moreFaultyThanM(_ algorithm: ByzantineAlgorithm, faulty: Int, m: Int, p: Int? = nil, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .warning,
            "\(faulty == 1 ? "1 general is" : "\(faulty) generals are") faulty, more than the m = \(m) that \(algorithm.rawValue.uppercased())(\(m)\(p.map { ", \($0)" } ?? "")) is designed to tolerate",
            at: span)
    }

    static func mTooLarge(_ algorithm: ByzantineAlgorithm, m: Int, generals: Int, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .error,
            "\(algorithm.rawValue)(\(m)) needs m < n − 1, but the army has \(generals) generals (n − 1 = \(generals - 1))",
            at: span)
    }

    /// A run on a graph without a single link.
    static func noLinks(at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .error,
            "no general can message any other: the graph has no links; add some with 'link C - L1', or set them all with 'links complete' or 'links ring'",
            at: span)
    }

    /// Why a general has no regular set of p neighbours, for `notRegular`.
    enum Irregularity {
        /// In the whole graph, where OM(m, p) starts.
        case topLevel(neighbours: Int, largestP: Int, m: Int)
        /// In the graph without the `commanders` above it, where OM(m, p) runs
        /// the OM(m', p') of that level.
        case nested(m: Int, commanders: Int)
    }

    /// `run om(1, 3)` on a graph that is not 3-regular (or whose subgraphs,
    /// without the commanders above, are not regular enough).
    static func notRegular(_ general: String, p: Int, _ reason: Irregularity, at span: SourceSpan) -> Diagnostic {
        let missing = "\(shown(general)) has no regular set of \(counted(p, "neighbour")) (the paper's Definition 1)"
        switch reason {
        case .topLevel(let neighbours, let largestP, let m):
            let paths = "reach every other general by paths that avoid \(shown(general)) and meet only where they end"
            let why = if neighbours < p {
                "it has only \(counted(neighbours, "neighbour"))"
            } else if neighbours == p {
                "its \(neighbours) neighbours do not \(paths)"
            } else {
                "no \(p) of its \(neighbours) neighbours \(paths)"
            }
            return Diagnostic(
                .error,
                "\(missing): \(why); OM(\(m), \(p)) needs a \(p)-regular graph, and this one is only \(largestP)-regular ('show links' shows it)",
                at: span)
        case .nested(let m, let commanders):
            let above = commanders == 1 ? "the commander" : "the \(commanders) commanders"
            return Diagnostic(
                .error,
                "\(missing) in the graph without \(above) above it, where OM(m, p) runs OM(\(m), \(p)); it needs one at every level of its recursion",
                at: span)
        }
    }

    static func nothingToVerify(at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "with no faulty generals there is nothing to verify; give m, e.g. 'verify om(1)', or 'with 1 traitor'", at: span)
    }

    static func noTrace(_ absence: RunReport.TraceAbsence, at span: SourceSpan) -> Diagnostic {
        switch absence {
        case .notRequested:
            Diagnostic(.error, "the last run kept no trace; run it again after this statement is in the script", at: span)
        case .tooLarge(let messages, let limit):
            Diagnostic(
                passing: .traceLength, .raisedWith,
                "the last run could send \(messages.map(grouped) ?? "too many") messages, more than the trace limit of \(grouped(limit)), so it kept no trace; 'show stats' summarises it, a smaller army traces, or raise the limit",
                at: span)
        }
    }

    static func onDemandArmyTooLarge(_ algorithm: ByzantineAlgorithm, m: Int, lieutenants: Int?, at span: SourceSpan) -> Diagnostic {
        let size = lieutenants.map { "\($0 + 1) generals" } ?? "more generals than can be counted"
        return Diagnostic(
            .error,
            "\(algorithm.rawValue)(\(m)) on an army made on demand needs \(size), but an army has at most \(Army.maximumSize)",
            at: span)
    }

    static func noRunToShow(at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "there is no run to show yet; 'show' and 'export' look at the last 'run'", at: span)
    }

    static func noCounterexampleToReport(at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .error,
            "the last 'verify' found no counterexample, so there is no run to report; after a verify, 'export report' pictures its counterexample, after a 'run', the run",
            at: span)
    }

    static func noRunYet(at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "there is no run to check yet; 'expect' checks the last 'run'", at: span)
    }

    /// `expect holds` or `expect counterexample` before any `verify om` or `verify sm`.
    static func noVerifyYet(_ check: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "'expect \(check)' checks the last 'verify' of om or sm, and there is none yet", at: span)
    }

    /// OM(m, p) with p < 3m: the run goes ahead, as with n ≤ 3m for OM(m).
    static func regularityBelowBound(p: Int, m: Int, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .warning,
            "p = \(p) is less than 3m = \(3 * m): the paper's Theorem 3 needs p ≥ 3m, so OM(\(m), \(p)) does not guarantee IC1 and IC2",
            at: span)
    }

    /// OM(m, p) counts its messages as it sends them (along paths of the
    /// graph), so it stops when it passes the limit.
    static func regularTooManyMessages(m: Int, p: Int, generals: Int, limit: Int, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            passing: .messages, .raisedWith,
            "om(\(m), \(p)) with \(generals) generals sends more than the limit of \(grouped(limit)) messages; raise it",
            at: span)
    }

    /// `om(0, 3)`: OM(m, p) starts by relaying.
    static func regularNeedsRounds(_ m: Int, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "OM(m, p) needs m ≥ 1, got \(m); 'run om(0)' runs OM(0), in which the commander's order is all there is", at: span)
    }

    static func roundOutsideRun(_ round: IntegerLiteral, rounds: Int) -> Diagnostic {
        Diagnostic(.error, "the last run has rounds 1 to \(rounds), not \(round.value)", at: round.span)
    }

    static func runTooLargeToVerify(
        _ algorithm: ByzantineAlgorithm, m: Int, generals: Int, needed: Int?, limit: Int, sampling: Bool, at span: SourceSpan
    ) -> Diagnostic {
        let run = "with \(generals) generals a run of \(algorithm.rawValue)(\(m)) could send \(needed.map(grouped) ?? "too many") messages"
        return sampling
            ? Diagnostic(
                passing: .verifyBudget, .aside,
                "the exact method needs more than the budget here",
                ", and sampling runs \(algorithm.rawValue)(\(m)) once per strategy: \(run), and verify samples only armies whose runs send at most \(grouped(limit))",
                at: span)
            : Diagnostic(
                passing: .messages, .raisedWith,
                "verify found a counterexample and replays it as a run, but \(run), over the limit of \(grouped(limit)); raise it", at: span)
    }

    /// A new commander that a rule's `about` has after its first place, where no path has it.
    static func ruleAboutCommander(_ general: String, commander: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .error,
            "a rule of \(shown(general)) has \(shown(commander)) after the first place of its 'about', but \(shown(commander)) would be the commander, who only ever stands first on a path; clear \(shown(general))'s rules with 'general \(shown(general)) loyal' or 'reset'",
            at: span)
    }

    static func ruleNamesOutsideArmy(_ general: String, names outside: String, army: [String], at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .error,
            "a rule of \(shown(general)) names \(shown(outside)), which is not in the army \(list(army)); clear \(shown(general))'s rules with 'general \(shown(general)) loyal' or 'reset'",
            at: span)
    }

    static func ruleOutsideArmy(_ general: String, army: [String], at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .error,
            "\(shown(general)) has fault rules but is not in the army \(list(army)); clear them with 'general \(shown(general)) loyal' or 'reset'",
            at: span)
    }

    static func traitorsOutOfRange(_ traitors: IntegerLiteral, generals: Int) -> Diagnostic {
        Diagnostic(.error, "an army of \(generals) generals can have 1 to \(generals - 1) traitors, not \(traitors.value)", at: traitors.span)
    }

    static func tooManyMessages(
        _ algorithm: ByzantineAlgorithm, m: Int, generals: Int, needed: Int?, limit: Int, at span: SourceSpan
    ) -> Diagnostic {
        let count = needed.map { "\(grouped($0)) messages" } ?? "more than 9,223,372,036,854,775,807 messages"
        let verb = algorithm == .om ? "would send" : "may send up to"
        return Diagnostic(
            passing: .messages, .raisedWith,
            "\(algorithm.rawValue)(\(m)) with \(generals) generals \(verb) \(count), over the limit of \(grouped(limit)); raise it",
            at: span)
    }

    static func traceTooLongToShow(_ shown: Int, of total: Int, isFiltered: Bool, limit: Int, at span: SourceSpan) -> Diagnostic {
        let what = isFiltered
            ? "this filter leaves \(grouped(shown)) of the last run's \(grouped(total)) messages"
            : "the last run's trace holds \(grouped(total)) messages"
        return Diagnostic(
            passing: .traceLength, .raisedWith,
            "\(what), more than the \(grouped(limit)) a view shows; 'show stats' summarises the run, or a filter narrows the trace, e.g. 'show trace to L1 round 2' (raise the limit", ")",
            at: span)
    }

    static func traceRequiredButTooLarge(messages: Int?, limit: Int, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            passing: .traceLength, .raisedWith,
            "--trace-format needs this run's trace, but it could send \(messages.map(grouped) ?? "too many") messages, more than the trace limit of \(grouped(limit)); raise it",
            at: span)
    }

    static func verifyInterrupted(checked: Int, of planned: Int, exact: Bool, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .error,
            exact
                ? "interrupted after solving \(grouped(checked)) of \(grouped(planned)) sub-problems, before any verdict"
                : "interrupted after checking \(grouped(checked)) strategies, with no violation among them",
            at: span)
    }

    /// `verify om(1, 3)`: verify searches OM(m) and SM(m) only.
    static func verifyTakesNoRegularity(_ p: IntegerLiteral) -> Diagnostic {
        Diagnostic(
            .error,
            "verify checks OM(m) and SM(m) on the current graph, not OM(m, p); 'run om(m, p)' runs it, and 'verify om(m)' checks OM(m) on the same links",
            at: p.span)
    }

    static func unknownExportFormat(_ path: StringLiteral) -> Diagnostic {
        let formats = ExportFormat.allCases.map { ".\($0.fileExtension)" }.joined(separator: ", ")
        return Diagnostic(.error, "cannot tell the format of '\(path.text)' from its extension; use \(formats)", at: path.span)
    }

    static func unknownGeneral(_ name: Name, army: [String]) -> Diagnostic {
        var message = "no general named \(shown(name.text)); the army is \(list(army))"
        if let suggestion = Suggestion.closest(to: name.text, among: army) {
            message += "; did you mean \(suggestion)?"
        }
        return Diagnostic(.error, message, at: name.span)
    }

    static func unknownGeneralOnDemand(_ name: Name) -> Diagnostic {
        Diagnostic(
            .error,
            "no general named \(shown(name.text)); without a 'generals' statement the army is C, L1, L2, ...; declare named generals first, e.g. 'generals Alice, Bob, Carol'",
            at: name.span)
    }

    // MARK: - System models

    static func delayPastBound(_ rounds: Int, bound: Int, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .error, "a delay of \(counted(rounds, "round")) is past the network's bound, 'delay at most \(bound)': no message is ever later than that",
            at: span)
    }

    static func lossRateOutOfRange(_ percent: IntegerLiteral) -> Diagnostic {
        Diagnostic(.error, "a loss rate is a percentage from 0% to 100%, not \(percent.value)%", at: percent.span)
    }

    static func needsAsynchronousTiming(_ statement: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .error,
            "'\(statement)' needs 'timing asynchronous' first: in synchronous rounds every message arrives within its round, so none is late and nobody waits",
            at: span)
    }

    static func negativeDelay(_ rounds: IntegerLiteral) -> Diagnostic {
        Diagnostic(.error, "a delay is 0 or more rounds, not \(rounds.value): a message cannot arrive before it is sent", at: rounds.span)
    }

    static func boundBelowDelay(_ bound: IntegerLiteral, delay: Int, delayAt: (line: Int, column: Int)) -> Diagnostic {
        Diagnostic(
            .error,
            "the 'delay' at \(delayAt.line):\(delayAt.column) is \(counted(delay, "round")) late, past a bound of \(bound.value): no message may be later than the bound; raise it, or set the delays again with 'timing asynchronous'",
            at: bound.span)
    }

    static func networkOutsideArmy(
        _ general: String, statement: String, at location: (line: Int, column: Int), army: [String], span: SourceSpan
    ) -> Diagnostic {
        let clear = statement == "partition" ? "'partition none'" : "'timing asynchronous' (or 'timing synchronous')"
        return Diagnostic(
            .error,
            "the '\(statement)' at \(location.line):\(location.column) names \(shown(general)), which is not in the army \(list(army)); clear it with \(clear) or 'reset' first",
            at: span)
    }

    /// A declared army larger than a partition written before it.
    static func partitionLeavesOutNewArmy(_ generals: [String], partitionAt: (line: Int, column: Int), at span: SourceSpan) -> Diagnostic {
        let who = generals.count == 1 ? "general \(shown(generals[0])) is" : "generals \(list(generals)) are"
        return Diagnostic(
            .error,
            "in this army \(who) in no group of the partition at \(partitionAt.line):\(partitionAt.column), and every general must be in one; clear it with 'partition none' and partition again",
            at: span)
    }

    /// An army made on demand (by a run or a verify) that a partition does not cover.
    static func partitionLeavesOutOnDemandArmy(
        _ generals: [String], army: [String], partitionAt: (line: Int, column: Int), at span: SourceSpan
    ) -> Diagnostic {
        let who = generals.count == 1 ? "general \(shown(generals[0])) is" : "generals \(list(generals)) are"
        return Diagnostic(
            .error,
            "this makes the army \(list(army)), and \(who) in no group of the partition at \(partitionAt.line):\(partitionAt.column); every general must be in one: name it there, or declare the army with 'generals'",
            at: span)
    }

    static func partitionEndsBeforeItStarts(until: IntegerLiteral, from: Int) -> Diagnostic {
        Diagnostic(.error, "the partition would end in round \(until.value), before it starts in round \(from)", at: until.span)
    }

    static func partitionLeavesOut(_ generals: [String], at span: SourceSpan) -> Diagnostic {
        let who = generals.count == 1 ? "general \(shown(generals[0])) is" : "generals \(list(generals)) are"
        return Diagnostic(.error, "\(who) in no group of the partition: every general of the army must be in one", at: span)
    }

    static func partitionNamesTwice(_ name: Name, first: Name) -> Diagnostic {
        Diagnostic(.error, "general \(shown(name.text)) is named twice in the partition: a general stands in one group", at: name.span)
    }

    static func timeoutTooShort(_ rounds: IntegerLiteral) -> Diagnostic {
        Diagnostic(.error, "a timeout is at least 1 round, not \(rounds.value): a receiver waits at least the round a message is sent in", at: rounds.span)
    }

    /// `channel broadcast` after a rule for some receivers only.
    static func twoFacedRuleBeforeBroadcast(
        _ general: String, rule: FaultRule, ruleAt: (line: Int, column: Int), at span: SourceSpan
    ) -> Diagnostic {
        let receivers = rule.receivers.map(\.text).joined(separator: ", ")
        return Diagnostic(
            .error,
            "under 'channel broadcast' everything \(shown(general)) sends on one path reaches all its receivers with one value, but its rule at \(ruleAt.line):\(ruleAt.column) ('\(ScriptPrinter.text(of: rule))') is for \(receivers) only and would tell them different things; make \(shown(general)) loyal first ('general \(shown(general)) loyal') and give it rules without 'to', or keep point-to-point messages",
            at: span)
    }

    static func twoFacedUnderBroadcast(_ general: String, rule: FaultRule, at span: SourceSpan) -> Diagnostic {
        let receivers = rule.receivers.map(\.text).joined(separator: ", ")
        return Diagnostic(
            .error,
            "under 'channel broadcast' everything \(shown(general)) sends on one path reaches all its receivers with one value, so a rule for some of them ('to \(receivers)' in '\(ScriptPrinter.text(of: rule))') would tell them different things; drop 'to', or use 'channel reliable' for point-to-point messages",
            at: span)
    }

    // MARK: - Sweep

    static func noSweepToShow(at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "there is no sweep to show yet; run one first, e.g. 'sweep verify om for generals 3 to 10, m 1 to 3'", at: span)
    }

    static func sweepArmyOutOfRange(_ range: ClosedRange<Int>, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .error, "a sweep takes armies of 3 to \(Army.maximumSize) generals and m of 0 or more, not \(range.lowerBound) to \(range.upperBound)",
            at: span)
    }

    static func sweepTooLarge(cells: Int, limit: Int, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "this sweep has \(grouped(cells)) cells, more than the \(grouped(limit)) one sweep computes; narrow a range", at: span)
    }

    // MARK: - Two Generals

    /// `expect validity` or `expect consensus` after `run twogenerals(k)`.
    static func checkNeedsByzantineRun(_ check: String, lastRun: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .error,
            "'expect \(check)' checks a run of om or sm, but the last run was \(lastRun); check it with 'expect agreement', 'expect violation', 'expect A decides attack' or 'expect messages N'",
            at: span)
    }

    static func estimateNeedsLoss(at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "estimate needs a loss rate; set one first, e.g. 'loss 30%'", at: span)
    }

    static func estimateNeedsTwoGenerals(_ algorithm: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "estimate works on twogenerals, not \(algorithm), e.g. 'estimate twogenerals(3)'", at: span)
    }

    static func lossOutOfRange(_ percent: IntegerLiteral) -> Diagnostic {
        Diagnostic(.error, "a loss rate is 0% to 100%, not \(percent.value)%", at: percent.span)
    }

    static func lostMessengerOutsideRun(_ number: Int, messengers: Int, at span: SourceSpan) -> Diagnostic {
        let range = messengers == 1 ? "only messenger 1" : "messengers 1 to \(messengers)"
        return Diagnostic(
            .error, "'lose' captures messenger \(number), but twogenerals(\(messengers)) has \(range); change the 'lose' or send more messengers",
            at: span)
    }

    static func messengerLostTwice(_ number: IntegerLiteral) -> Diagnostic {
        Diagnostic(.error, "messenger \(number.value) is named twice in one 'lose'", at: number.span)
    }

    static func messengerNumberTooSmall(_ number: IntegerLiteral) -> Diagnostic {
        Diagnostic(.error, "messengers are numbered from 1, not \(number.value)", at: number.span)
    }

    /// `run twogenerals` without its k: unlike `om`, there is nothing to infer it from.
    static func messengersMissing(_ statement: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "'\(statement) twogenerals' needs the number of messengers, e.g. '\(statement) twogenerals(2)'", at: span)
    }

    static func negativeReceived(_ count: IntegerLiteral) -> Diagnostic {
        Diagnostic(.error, "a general receives 0 messengers or more, not \(count.value)", at: count.span)
    }

    static func notATwoGeneral(_ name: Name) -> Diagnostic {
        Diagnostic(.error, "no general named \(quoted(name.text)) in the Two Generals Problem; the generals are A and B", at: name.span)
    }

    static func notATwoGeneralsDecision(_ value: Value) -> Diagnostic {
        Diagnostic(.error, "A and B decide attack or retreat, not \(quoted(value.text))", at: value.span)
    }

    /// `verify twogenerals(2) with 1 traitor`, `... save "x.strat"`.
    static func notForTwoGenerals(_ clause: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .error,
            "\(clause) is for verify om and sm; in the Two Generals Problem nobody is a traitor, and verify prints every pair of rules with the loss pattern that defeats it",
            at: span)
    }

    /// `verify twogenerals(2) for order attack`.
    static func orderNotForTwoGenerals(_ order: Value) -> Diagnostic {
        Diagnostic(
            .error,
            "'for order \(truncated(order.text))' is for verify om and sm; in the Two Generals Problem nobody gives an order, and verify tries every pair of rules against every loss pattern",
            at: order.span)
    }

    static func tableNeedsTwoGeneralsRun(lastRun: String?, at span: SourceSpan) -> Diagnostic {
        let message = lastRun.map { "'show table' looks at a 'run twogenerals(k)', but the last run was \($0)" }
            ?? "there is no two-generals run to tabulate yet; 'show table' looks at the last 'run twogenerals(k)'"
        return Diagnostic(.error, message, at: span)
    }

    static func tableTooLarge(messengers: Int, limit: Int, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .error,
            "the truth table of twogenerals(\(messengers)) would have \(grouped(1 << min(messengers, 62))) rows; 'show table' draws up to \(limit) messengers (\(1 << limit) rows)",
            at: span)
    }

    static func thresholdUnreachable(
        _ general: String, count: Int, most: Int, messengers: Int, flooding: Bool, at span: SourceSpan
    ) -> Diagnostic {
        let how = flooding ? " when A floods" : ""
        return Diagnostic(
            .error,
            "\(general) can receive at most \(counted(most, "messenger")) in twogenerals(\(messengers))\(how), so '\(general) attacks if received \(count)' could never attack; write '\(general) attacks never', or send more messengers",
            at: span)
    }

    static func tooFewMessengers(_ count: IntegerLiteral) -> Diagnostic {
        Diagnostic(.error, "twogenerals needs at least 1 messenger, not \(count.value)", at: count.span)
    }

    static func tooManyMessengers(_ count: IntegerLiteral, statement: String, limit: Int, reason: String?) -> Diagnostic {
        Diagnostic(
            .error, "'\(statement) twogenerals' takes up to \(limit) messengers\(reason.map { " (\($0))" } ?? ""), not \(grouped(count.value))",
            at: count.span)
    }

    static func trialsOutOfRange(_ count: IntegerLiteral, limit: Int) -> Diagnostic {
        Diagnostic(.error, "trials must be 1 to \(grouped(limit)), not \(grouped(count.value))", at: count.span)
    }

    /// `show trace`, `show tree`, `show stats` or `export` after `run twogenerals(k)`.
    static func viewNeedsByzantineRun(lastRun: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .error, "the last run was \(lastRun), which has no trace, tree or stats; 'show table' tabulates it", at: span)
    }

    // MARK: - Formatting numbers and lists

    /// A list of names for a message, cut short when an army is large.
    private static func list(_ names: [String]) -> String {
        let visible = names.count <= 12 ? names : names.prefix(10) + ["…", names.last ?? ""]
        return visible.map(shown).joined(separator: ", ")
    }

    /// A general's name in a message, cut short so a huge name cannot make a huge message.
    private static func shown(_ name: String) -> String {
        truncated(name)
    }

    /// 1234567 as "1,234,567".
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return number < 0 ? "-" + result : result
    }

    // MARK: - Describing tokens

    /// A token as messages name it: fixed tokens quoted, classes described.
    static func describe(_ token: Token) -> String {
        switch token.kind {
        case .name(let text): "name \(quoted(text))"
        case .integer(_, let spelling): "integer \(truncated(spelling))"
        case .string(let text): "string \"\(truncated(ScriptPrinter.escaped(text)))\""
        case .comma: "','"
        case .semicolon: "';'"
        case .newline: "end of line"
        case .leftParen: "'('"
        case .rightParen: "')'"
        case .percent: "'%'"
        case .bar: "'|'"
        case .minus: "'-'"
        case .endOfInput: "end of input"
        case .invalid: "an invalid token"
        }
    }

    /// Script text quoted for a message, cut short so a 10 MB name cannot
    /// make a 10 MB message.
    static func quoted(_ text: String) -> String {
        "'\(truncated(text))'"
    }

    private static func truncated(_ text: String) -> String {
        let limit = 40
        guard text.utf8.count > limit, text.count > limit else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }

    private static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
