// MARK: - Semantics

extension Diagnostic {
    static func armyTooLarge(_ size: Int, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "an army has at most \(Army.maximumSize) generals, this one would have \(size)", at: span)
    }

    static func armyTooSmall(_ size: Int, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "an army needs at least 3 generals (a commander and two lieutenants), got \(size)", at: span)
    }

    static func boundBroken(generals: Int, m: Int, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .warning,
            "n = \(generals) is not more than 3m = \(3 * m): the paper's bound n > 3m is broken, so OM(\(m)) does not guarantee IC1 and IC2",
            at: span)
    }

    static func cannotRead(_ path: String, reason: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "cannot read '\(path)': \(reason)", at: span)
    }

    static func commanderDoesNotDecide(_ name: Name) -> Diagnostic {
        Diagnostic(.error, "\(name.text) is the commander; only lieutenants decide", at: name.span)
    }

    static func duplicateGeneral(_ name: Name) -> Diagnostic {
        Diagnostic(.error, "general \(name.text) is named twice", at: name.span)
    }

    static func expectationFailed(_ message: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "expectation failed: \(message)", at: span)
    }

    static func faultyDoesNotDecide(_ name: Name) -> Diagnostic {
        Diagnostic(.error, "\(name.text) is faulty in the last run; only loyal lieutenants decide", at: name.span)
    }

    static func internalError(_ detail: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "internal error: \(detail); please report it", at: span)
    }

    static func interrupted(at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "interrupted", at: span)
    }

    static func loadCycle(_ chain: [String], at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "load cycle: \(chain.joined(separator: " loads ")); a script cannot load itself", at: span)
    }

    static func loadTooDeep(_ limit: Int, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "loads nest more than \(limit) deep", at: span)
    }

    static func moreFaultyThanM(faulty: Int, m: Int, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .warning, "\(faulty) generals are faulty, more than the m = \(m) that OM(\(m)) is designed to tolerate", at: span)
    }

    static func mNegative(_ m: IntegerLiteral) -> Diagnostic {
        Diagnostic(.error, "m must be 0 or more, got \(m.value)", at: m.span)
    }

    static func mTooLarge(m: Int, generals: Int, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .error, "om(\(m)) needs m < n − 1, but the army has \(generals) generals (n − 1 = \(generals - 1))", at: span)
    }

    static func noRunYet(at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, "there is no run to check yet; 'expect' checks the last 'run'", at: span)
    }

    static func ruleOutsideArmy(_ general: String, army: [String], at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .error,
            "\(general) has fault rules but is not in the army \(list(army)); clear them with 'general \(general) loyal' or 'reset'",
            at: span)
    }

    static func invalidRound(_ round: IntegerLiteral) -> Diagnostic {
        Diagnostic(.error, "there is no round \(round.value): rounds start at 1, which carries the commander's orders", at: round.span)
    }

    static func tooManyMessages(m: Int, generals: Int, needed: Int?, limit: Int, at span: SourceSpan) -> Diagnostic {
        let count = needed.map { "\(grouped($0)) messages" } ?? "more than 9,223,372,036,854,775,807 messages"
        return Diagnostic(
            .error,
            "om(\(m)) with \(generals) generals would send \(count), over the limit of \(grouped(limit)); raise it with --max-messages",
            at: span)
    }

    static func unknownGeneral(_ name: Name, army: [String]) -> Diagnostic {
        var message = "no general named \(name.text); the army is \(list(army))"
        if let suggestion = Suggestion.closest(to: name.text, among: army) {
            message += "; did you mean \(suggestion)?"
        }
        return Diagnostic(.error, message, at: name.span)
    }

    static func unknownGeneralOnDemand(_ name: Name) -> Diagnostic {
        Diagnostic(
            .error,
            "no general named \(name.text); without a 'generals' statement the army is C, L1, L2, ...; declare named generals first, e.g. 'generals Alice, Bob, Carol'",
            at: name.span)
    }

    /// A list of names for a message, cut short when an army is large.
    private static func list(_ names: [String]) -> String {
        names.count <= 12 ? names.joined(separator: ", ") : (names.prefix(10) + ["…", names.last ?? ""]).joined(separator: ", ")
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
}
