/// `expect ...`: checks of the last run, or for `holds` and `counterexample` of
/// the last verify. A failed check is reported and the script goes on; a check
/// that cannot mean anything is an error.
extension Session {
    /// What the expectation claims against what happened, and why it failed if it did.
    func check(_ expectation: Expectation, at span: SourceSpan) throws(Halt) -> ExpectationResult {
        switch expectation {
        case .holds: return try checkLastVerification(holds: true, at: span)
        case .counterexample: return try checkLastVerification(holds: false, at: span)
        case .agreement, .validity, .consensus, .violation, .decides, .messages: break
        }
        let run: RunReport
        switch latestRun {
        case .byzantine(let byzantine): run = byzantine
        case .twoGenerals(let twoGenerals): return try check(expectation, twoGenerals, at: span)
        case nil: throw .error(.noRunYet(at: span))
        }
        let conditions = "IC1 \(Self.holdsOrFails(run.agreement)), IC2 \(Self.holdsOrFails(run.validity))"
        let result = { (expected: String, actual: String, failure: String?) in
            ExpectationResult(expected: expected, actual: actual, failure: failure, at: span)
        }
        switch expectation {
        case .agreement:
            return result(
                "IC1 holds", "IC1 \(Self.holdsOrFails(run.agreement))",
                run.agreement ? nil : "expected agreement (IC1), but the loyal lieutenants decided differently: \(decisionList(run))")
        case .validity:
            return result(
                "IC2 holds", "IC2 \(Self.holdsOrFails(run.validity))",
                run.validity ? nil : "expected validity (IC2), but \(validityBreach(run))")
        case .consensus:
            let failure: String? = switch (run.agreement, run.validity) {
            case (true, true): nil
            case (false, true): "expected consensus, but IC1 (agreement) failed: \(decisionList(run))"
            case (true, false): "expected consensus, but IC2 (validity) failed: \(validityBreach(run))"
            case (false, false): "expected consensus, but IC1 and IC2 both failed: \(decisionList(run))"
            }
            return result("IC1 holds, IC2 holds", conditions, failure)
        case .violation:
            return result("IC1 or IC2 fails", conditions, run.agreement && run.validity ? "expected IC1 or IC2 to fail, but both held" : nil)
        case .decides(let names, let value):
            var wrong: [String] = []
            var decided: [String] = []
            for name in names {
                guard run.generals.contains(name.text) else { throw .error(.unknownGeneral(name, army: run.generals)) }
                guard name.text != run.commander else { throw .error(.commanderDoesNotDecide(name)) }
                // Which lieutenants are faulty is a fact of the run, like a decision,
                // so a faulty one fails the check rather than stopping the script.
                guard let decision = run.decision(of: name.text) else {
                    wrong.append("\(name.text) is faulty in the last run and decides nothing")
                    decided.append("\(name.text) faulty")
                    continue
                }
                decided.append("\(name.text) \(decision)")
                if decision != value.text { wrong.append("\(name.text) decided \(decision)") }
            }
            return result(Self.claim(names, decide: value), decided.joined(separator: ", "), Self.failure(names, decide: value, wrong))
        case .messages(let count):
            return result(
                Self.messages(count.value), Self.messages(run.messages),
                run.messages == count.value ? nil : "expected \(count.value) messages, but the run sent \(run.messages)")
        case .holds: return try checkLastVerification(holds: true, at: span)
        case .counterexample: return try checkLastVerification(holds: false, at: span)
        }
    }

    /// `expect holds` (`holds` true): the last verify of om or sm proved IC1 and
    /// IC2 for every strategy; `expect counterexample`: it found a violation.
    private func checkLastVerification(holds: Bool, at span: SourceSpan) throws(Halt) -> ExpectationResult {
        let check = holds ? "holds" : "counterexample"
        guard let report = lastVerification else { throw .error(.noVerifyYet(check, at: span)) }
        let result = { (actual: String, failure: String?) in
            ExpectationResult(expected: holds ? "proof" : "counterexample", actual: actual, failure: failure, at: span)
        }
        if let found = report.counterexample {
            guard holds else { return result("counterexample", nil) }
            let broken = switch (found.breaksAgreement, found.breaksValidity) {
            case (true, true): "IC1 (agreement) and IC2 (validity) both fail"
            case (true, false): "IC1 (agreement) fails"
            case (false, _): "IC2 (validity) fails"
            }
            return result("counterexample", "expected IC1 and IC2 to hold, but the last verify found a counterexample: \(broken)")
        }
        // An interrupted verify stops the script, so a report without a verdict is not expected here.
        guard report.holds else {
            return result("unfinished", "expected \(holds ? "IC1 and IC2 to hold" : "a counterexample"), but the last verify did not finish")
        }
        switch (holds, report.exhaustive) {
        case (true, true): return result("proof", nil)
        case (true, false):
            return result(
                "sample",
                "expected IC1 and IC2 to hold, but the last verify was a sample, not a proof: it found no violation among the strategies it tried")
        case (false, true):
            return result("proof", "expected a counterexample, but the last verify proved that IC1 and IC2 hold for every strategy")
        case (false, false):
            return result("sample", "expected a counterexample, but the last verify sampled the strategies and found no violation (a sample, not a proof)")
        }
    }

    /// `L1 decides attack`, `L1, L2 decide attack`: the claim as a sentence.
    static func claim(_ names: [Name], decide value: Value) -> String {
        "\(names.map(\.text).joined(separator: ", ")) \(names.count == 1 ? "decides" : "decide") \(value.text)"
    }

    /// nil when nothing went wrong, else what was expected against each general that decided otherwise.
    static func failure(_ names: [Name], decide value: Value, _ wrong: [String]) -> String? {
        guard !wrong.isEmpty else { return nil }
        let who = names.map(\.text).joined(separator: ", ")
        return "expected \(who) to decide \(value.text), but \(wrong.joined(separator: " and "))"
    }

    static func messages(_ count: Int) -> String {
        counted(count, "message")
    }

    private static func holdsOrFails(_ holds: Bool) -> String {
        holds ? "holds" : "fails"
    }

    private func decisionList(_ run: RunReport) -> String {
        run.decisions.map { "\($0.lieutenant) \($0.decision)" }.joined(separator: ", ")
    }

    private func validityBreach(_ run: RunReport) -> String {
        let disobeying = run.decisions.filter { $0.decision != run.order }.map { "\($0.lieutenant) decided \($0.decision)" }
        return "the loyal commander ordered \(run.order) and \(disobeying.joined(separator: ", "))"
    }
}
