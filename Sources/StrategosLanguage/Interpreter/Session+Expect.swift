/// `expect ...`: checks of the last run, or for `holds` and `counterexample` of
/// the last verify. A failed check is reported and the script goes on; a check
/// that cannot mean anything is an error.
extension Session {
    /// nil when the expectation holds, else what was expected against what happened.
    func check(_ expectation: Expectation, at span: SourceSpan) throws(Halt) -> String? {
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
        switch expectation {
        case .agreement:
            return run.agreement ? nil : "expected agreement (IC1), but the loyal lieutenants decided differently: \(decisionList(run))"
        case .validity:
            return run.validity ? nil : "expected validity (IC2), but \(validityBreach(run))"
        case .consensus:
            switch (run.agreement, run.validity) {
            case (true, true): return nil
            case (false, true): return "expected consensus, but IC1 (agreement) failed: \(decisionList(run))"
            case (true, false): return "expected consensus, but IC2 (validity) failed: \(validityBreach(run))"
            case (false, false): return "expected consensus, but IC1 and IC2 both failed: \(decisionList(run))"
            }
        case .violation:
            return run.agreement && run.validity ? "expected IC1 or IC2 to fail, but both held" : nil
        case .decides(let names, let value):
            var wrong: [String] = []
            for name in names {
                guard run.generals.contains(name.text) else { throw .error(.unknownGeneral(name, army: run.generals)) }
                guard name.text != run.commander else { throw .error(.commanderDoesNotDecide(name)) }
                // Which lieutenants are faulty is a fact of the run, like a decision,
                // so a faulty one fails the check rather than stopping the script.
                guard let decision = run.decision(of: name.text) else {
                    wrong.append("\(name.text) is faulty in the last run and decides nothing")
                    continue
                }
                if decision != value.text { wrong.append("\(name.text) decided \(decision)") }
            }
            guard !wrong.isEmpty else { return nil }
            let who = names.map(\.text).joined(separator: ", ")
            return "expected \(who) to decide \(value.text), but \(wrong.joined(separator: " and "))"
        case .messages(let count):
            return run.messages == count.value ? nil : "expected \(count.value) messages, but the run sent \(run.messages)"
        case .holds: return try checkLastVerification(holds: true, at: span)
        case .counterexample: return try checkLastVerification(holds: false, at: span)
        }
    }

    /// `expect holds` (`holds` true): the last verify of om or sm proved IC1 and
    /// IC2 for every strategy; `expect counterexample`: it found a violation.
    private func checkLastVerification(holds: Bool, at span: SourceSpan) throws(Halt) -> String? {
        let check = holds ? "holds" : "counterexample"
        guard let report = lastVerification else { throw .error(.noVerifyYet(check, at: span)) }
        if let found = report.counterexample {
            guard holds else { return nil }
            let broken = switch (found.breaksAgreement, found.breaksValidity) {
            case (true, true): "IC1 (agreement) and IC2 (validity) both fail"
            case (true, false): "IC1 (agreement) fails"
            case (false, _): "IC2 (validity) fails"
            }
            return "expected IC1 and IC2 to hold, but the last verify found a counterexample: \(broken)"
        }
        // An interrupted verify stops the script, so a report without a verdict is not expected here.
        guard report.holds else {
            return "expected \(holds ? "IC1 and IC2 to hold" : "a counterexample"), but the last verify did not finish"
        }
        switch (holds, report.exhaustive) {
        case (true, true): return nil
        case (true, false):
            return "expected IC1 and IC2 to hold, but the last verify was a sample, not a proof: it found no violation among the strategies it tried"
        case (false, true): return "expected a counterexample, but the last verify proved that IC1 and IC2 hold for every strategy"
        case (false, false):
            return "expected a counterexample, but the last verify sampled the strategies and found no violation (a sample, not a proof)"
        }
    }

    private func decisionList(_ run: RunReport) -> String {
        run.decisions.map { "\($0.lieutenant) \($0.decision)" }.joined(separator: ", ")
    }

    private func validityBreach(_ run: RunReport) -> String {
        let disobeying = run.decisions.filter { $0.decision != run.order }.map { "\($0.lieutenant) decided \($0.decision)" }
        return "the loyal commander ordered \(run.order) and \(disobeying.joined(separator: ", "))"
    }
}
