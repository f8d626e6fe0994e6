import ByzantineEngine

/// `verify om(m)`, `verify sm(m)`: search every strategy of up to t faulty
/// generals on the current army, order and default, and hand back a violation
/// as a script that replays it.
extension Session {
    /// Says what the search will cover before it starts (a search can take a
    /// while), then returns what it found.
    mutating func verifyByzantine(
        _ verify: VerifyCall, at span: SourceSpan, in file: SourceFile, into sink: inout some EventSink
    ) throws(Halt) -> VerificationReport? {
        guard let algorithm = verify.call.algorithm.byzantine else {
            throw Halt(.internalError, .internalError("verify of \(verify.call.algorithm.rawValue)", at: verify.call.span))
        }
        let (m, mSpan, names) = try battlefield(for: algorithm, verify.call)
        // `verify om(0)` asks what OM(0) survives: any number of faulty generals
        // (with a broadcast channel it is all of them; under asynchrony none).
        let everyoneButOne = verify.call.m?.value == 0 ? names.count - 1 : nil
        let traitors = verify.traitors?.value ?? everyoneButOne ?? m
        if let literal = verify.traitors, !(1..<names.count).contains(literal.value) {
            throw .error(.traitorsOutOfRange(literal, generals: names.count))
        }
        guard traitors >= 1 else { throw .error(.nothingToVerify(at: mSpan)) }
        let commander = scenario.commander ?? names[0]
        let values = [scenario.order, scenario.defaultValue, verify.order?.text ?? scenario.order, otherValue()].uniqued()
        let orders = verify.order.map { [$0.text] } ?? values
        let request = VerificationRequest(
            algorithm: algorithm, m: m, generalCount: names.count, commander: names.firstIndex(of: commander) ?? 0,
            orders: orders.compactMap { values.firstIndex(of: $0) }, defaultValue: values.firstIndex(of: scenario.defaultValue) ?? 0,
            valueCount: values.count, traitors: traitors, budget: settings.verifyBudget, seed: scenario.seed,
            messageLimit: settings.messageLimit, delivery: try delivery(of: names, commander: commander, at: span, in: file))
        let plan: VerificationPlan
        do {
            plan = try Verifier.plan(request)
        } catch {
            // Planning refuses a run only for sampling (or one too big to count).
            let sampling = if case .tooManyMessages(_, let limit) = error { limit == Verifier.largestRun } else { false }
            throw halt(for: error, algorithm, m: m, generals: names.count, sampling: sampling, at: mSpan, statement: span)
        }
        var report = VerificationReport(
            algorithm: algorithm, m: m, generals: names, commander: commander, orders: orders,
            defaultValue: scenario.defaultValue, traitors: traitors, values: values, linksComplete: request.delivery.links.isComplete,
            network: searchedNetwork, scope: plan.scope, checked: 0, holds: false, interrupted: false, counterexample: nil, savePath: verify.save?.text)
        if settings.checkOnly { return nil }
        sink.receive(.verifying(report))
        let result: VerificationResult
        do {
            let progress = settings.verifyProgress
            defer { progress(.finished) }
            result = try settings.verifySearch(plan, settings.shouldStop) { progress(.checked($0.checked, of: $0.planned)) }
        } catch {
            throw halt(for: error, algorithm, m: m, generals: names.count, sampling: false, at: mSpan, statement: span)
        }
        report.holds = result.verdict == .holds
        report.interrupted = result.verdict == .interrupted
        report.checked = result.checked
        if case .counterexample(let found) = result.verdict {
            let order = values.indices.contains(found.order) ? values[found.order] : scenario.order
            let script = script(for: found, algorithm: algorithm, m: m, names: names, commander: commander, order: order, values: values)
            report.counterexample = VerificationReport.Found(
                script: script, order: order, faulty: found.faulty.map { names.indices.contains($0) ? names[$0] : "?" },
                deviatingMessages: found.deviatingMessages, breaksAgreement: !found.outcome.agreement,
                breaksValidity: !found.outcome.validity)
            if let path = verify.save {
                do {
                    try settings.writer.write(script, to: path.text, relativeTo: file.name)
                } catch {
                    throw Halt(.unwritableOutput, .cannotWrite(path.text, reason: error.reason, at: path.span))
                }
            }
        }
        if report.interrupted {
            throw Halt(.interrupted, .verifyInterrupted(checked: result.checked, of: plan.scope.planned, exact: plan.exhaustive, at: span))
        }
        return report
    }

    private func halt(
        for error: EngineError, _ algorithm: ByzantineAlgorithm, m: Int, generals: Int, sampling: Bool, at span: SourceSpan,
        statement: SourceSpan
    ) -> Halt {
        guard case .tooManyMessages(let needed, let limit) = error else {
            return Halt(.internalError, .internalError("\(error)", at: statement))
        }
        return .error(.runTooLargeToVerify(
            algorithm, m: m, generals: generals, needed: needed, limit: limit, sampling: sampling, at: span))
    }

    /// A value other than the order and the default, so a traitor has a third
    /// thing to say: `hold`, or the smallest unused number when the values are numbers.
    private func otherValue() -> String {
        let used = [scenario.order, scenario.defaultValue]
        if used.allSatisfy({ Int($0) != nil }) {
            return String((0...).first { !used.contains(String($0)) } ?? 2)
        }
        return ["hold", "wait", "other"].first { !used.contains($0) } ?? "hold"
    }

    /// A script that declares the same army and the counterexample's rules and
    /// runs the algorithm; running it shows the violation.
    private func script(
        for found: Counterexample, algorithm: ByzantineAlgorithm, m: Int, names: [String], commander: String, order: String,
        values: [String]
    ) -> String {
        var lines: [String] = []
        if names == Army.numbered(names.count) {
            lines.append("generals \(names.count)")
        } else {
            lines.append("generals " + names.joined(separator: ", "))
        }
        if commander != names.first { lines.append("commander \(commander)") }
        lines.append("order \(order)")
        lines.append("default \(scenario.defaultValue)")
        // The graph and the network too: with links missing or messages
        // late, a violation may need no traitor.
        if scenario.links != LinksDeclaration() {
            lines += scenario.links.script.components(separatedBy: "; ")
        }
        if case .lossy = scenario.network.channel { lines.append("seed \(scenario.seed)") }
        if !searchedNetwork.isDefault { lines += searchedNetwork.script.components(separatedBy: "; ") }
        lines += found.delays.map { NetworkDeclaration.script(of: declaration(for: $0, names: names)) }
        for general in found.deviations.keys.sorted() {
            let rules = (found.deviations[general] ?? []).map { rule(for: $0, names: names, values: values) }
            let name = names.indices.contains(general) ? names[general] : "?"
            let keepsItsOrder = (found.deviations[general] ?? []).allSatisfy { $0.action == .lie(found.order) && $0.rounds == 1...1 }
            // Under SM a traitor that sends what a loyal general would still
            // matters: the others sign in its name.
            let note = algorithm == .sm && keepsItsOrder ? "  # sends its order, but signs for the other traitors" : ""
            lines.append("general \(name) traitor " + ScriptPrinter.text(of: rules) + note)
        }
        lines.append("run \(algorithm.rawValue)(\(m))")
        lines.append("expect violation")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The network `verify` searches: the scenario's, without its own delays.
    private var searchedNetwork: NetworkDeclaration {
        var network = scenario.network
        network.delays = []
        return network
    }

    /// A network delay as the statement a script writes.
    private func declaration(for delay: NetworkDelay, names: [String]) -> NetworkDeclaration.DelayDeclaration {
        let name = { (index: Int) in names.indices.contains(index) ? names[index] : "?" }
        let rounds = delay.selector.rounds
        return NetworkDeclaration.DelayDeclaration(
            sender: name(delay.sender), receivers: (delay.selector.receivers ?? []).sorted().map(name),
            round: rounds.lowerBound == rounds.upperBound ? rounds.lowerBound : nil, about: delay.selector.about.map(name),
            rounds: delay.rounds, span: SourceSpan(start: 0, end: 0))
    }

    /// An engine deviation as the rule a script writes.
    private func rule(for deviation: Deviation, names: [String], values: [String]) -> FaultRule {
        let none = SourceSpan(start: 0, end: 0)
        let name = { (index: Int) in Name(names.indices.contains(index) ? names[index] : "?", span: none) }
        let behaviour: FaultRule.Behaviour = switch deviation.action {
        case .lie(let value): .lies(Value(values.indices.contains(value) ? values[value] : "?", span: none))
        case .flip: .flips
        case .silent: .silent
        case .random: .random
        case .relay: .relays
        }
        let rounds: FaultRule.Rounds? = deviation.rounds.lowerBound == deviation.rounds.upperBound
            ? .only(IntegerLiteral(deviation.rounds.lowerBound, span: none)) : nil
        return FaultRule(
            behaviour, receivers: (deviation.receivers ?? []).sorted().map(name), rounds: rounds,
            about: deviation.about.map(name), span: none)
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
