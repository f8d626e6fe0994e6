import ByzantineEngine

/// The Two Generals Problem: the statements that set it up, `run` and
/// `verify twogenerals(k)`, `estimate`, the shop and `show table`.
extension Session {
    mutating func execute(_ statement: TwoGeneralsStatement, at span: SourceSpan, into sink: inout some EventSink) throws(Halt) {
        switch statement {
        case .lose(let lost):
            scenario.twoGenerals.lost = try lossPattern(lost)
        case .attacks(let name, let rule):
            let general = try twoGeneral(name)
            scenario.twoGenerals.rules[general] = try engineRule(rule)
        case .messengers(let messaging):
            scenario.twoGenerals.messaging = messaging == .alternate ? .alternating : .flooding
        case .loss(let percent):
            guard (0...100).contains(percent.value) else { throw .error(.lossOutOfRange(percent)) }
            scenario.twoGenerals.lossPercent = percent.value
        case .trials(let count):
            guard (1...TwoGeneralsTally.trialLimit).contains(count.value) else {
                throw .error(.trialsOutOfRange(count, limit: TwoGeneralsTally.trialLimit))
            }
            scenario.twoGenerals.trials = count.value
        case .estimate(let call):
            sink.receive(.twoGenerals(.estimate(try twoGeneralsEstimate(call, at: span))))
        case .shop(let rollback):
            let shop = Shop(rollback: rollback)
            sink.receive(.twoGenerals(.shop(shop, outcomes: shop.everyOutcome)))
        }
    }

    /// `run twogenerals(k)`: the scenario's losses and rules with k messengers.
    func twoGeneralsRun(_ call: AlgorithmCall) throws(Halt) -> TwoGeneralsReport {
        let (k, span) = try messengers(of: call, in: "run", limit: TwoGenerals.messengerLimit, reason: nil)
        let setup = scenario.twoGenerals
        if let outside = setup.lost.first(where: { $0 > k }) {
            throw .error(.lostMessengerOutsideRun(outside, messengers: k, at: span))
        }
        let problem = try problem(messengers: k, messaging: setup.messaging, at: span)
        return TwoGeneralsReport(
            problem: problem, lost: setup.lost, outcome: problem.outcome(losing: Set(setup.lost)),
            rulesSet: Set(setup.rules.keys))
    }

    /// `verify twogenerals(k)`: every pair of threshold rules against every
    /// loss pattern, with the scenario's messaging.
    func twoGeneralsVerification(_ verify: VerifyCall) throws(Halt) -> TwoGeneralsEvent {
        if let traitors = verify.traitors {
            let word = traitors.value == 1 ? "traitor" : "traitors"
            throw .error(.notForTwoGenerals("'with \(traitors.value) \(word)'", at: traitors.span))
        }
        if let order = verify.order { throw .error(.orderNotForTwoGenerals(order)) }
        if let path = verify.save { throw .error(.notForTwoGenerals("'save'", at: path.span)) }
        let limit = TwoGeneralsVerification.messengerLimit
        let (k, span) = try messengers(
            of: verify.call, in: "verify", limit: limit,
            reason: "every pair of rules meets 2^k loss patterns, \(Diagnostic.grouped(1 << limit)) at \(limit)")
        guard let verification = TwoGeneralsVerification(messengers: k, messaging: scenario.twoGenerals.messaging) else {
            throw .error(.internalError("no verification of \(k) messengers", at: span))
        }
        return .verification(verification)
    }

    /// `estimate twogenerals(k)`: seeded trials of both messagings at the
    /// scenario's loss rate, each next to its exact odds.
    func twoGeneralsEstimate(_ call: AlgorithmCall, at span: SourceSpan) throws(Halt) -> TwoGeneralsEstimate {
        guard call.algorithm == .twogenerals else { throw .error(.estimateNeedsTwoGenerals(call.algorithm.rawValue, at: call.span)) }
        let (k, kSpan) = try messengers(of: call, in: "estimate", limit: TwoGenerals.messengerLimit, reason: nil)
        let setup = scenario.twoGenerals
        guard let percent = setup.lossPercent else { throw .error(.estimateNeedsLoss(at: span)) }
        let loss = Double(percent) / 100
        var strategies: [TwoGeneralsEstimate.Strategy] = []
        for messaging in TwoGenerals.Messaging.allCases {
            let problem = try problem(messengers: k, messaging: messaging, at: kSpan)
            let tally: TwoGeneralsTally
            do {
                tally = try TwoGeneralsTally(
                    simulating: problem, loss: loss, trials: setup.trials, seed: scenario.seed, shouldStop: settings.shouldStop)
            } catch {
                throw Halt(.interrupted, .interrupted(at: span))
            }
            let defaults = TwoGenerals(messengers: k, messaging: messaging)
            strategies.append(
                TwoGeneralsEstimate.Strategy(
                    problem: problem, tally: tally, odds: TwoGeneralsOdds(problem, loss: loss),
                    usesDefaultRules: sameDecisions(problem, defaults)))
        }
        return TwoGeneralsEstimate(messengers: k, lossPercent: percent, trials: setup.trials, seed: scenario.seed, strategies: strategies)
    }

    /// `show table`: the truth table of the last two-generals run.
    func twoGeneralsTable(at span: SourceSpan) throws(Halt) -> (TwoGeneralsTable, rulesSet: Set<TwoGenerals.General>) {
        let run: TwoGeneralsReport
        switch latestRun {
        case .twoGenerals(let twoGenerals): run = twoGenerals
        case .byzantine(let byzantine):
            throw .error(.tableNeedsTwoGeneralsRun(lastRun: "\(byzantine.algorithm.rawValue)(\(byzantine.m))", at: span))
        case nil: throw .error(.tableNeedsTwoGeneralsRun(lastRun: nil, at: span))
        }
        guard let table = TwoGeneralsTable(run.problem) else {
            throw .error(.tableTooLarge(messengers: run.problem.messengers, limit: TwoGeneralsTable.messengerLimit, at: span))
        }
        return (table, run.rulesSet)
    }

    // MARK: - Checking what the script says

    /// k from `twogenerals(k)`, and where to point about it.
    private func messengers(of call: AlgorithmCall, in statement: String, limit: Int, reason: String?) throws(Halt) -> (Int, SourceSpan) {
        guard let literal = call.m else { throw .error(.messengersMissing(statement, at: call.span)) }
        guard literal.value >= 1 else { throw .error(.tooFewMessengers(literal)) }
        guard literal.value <= limit else { throw .error(.tooManyMessengers(literal, statement: statement, limit: limit, reason: reason)) }
        return (literal.value, literal.span)
    }

    /// The scenario's rules on k messengers; a threshold no general can reach
    /// is an error rather than a silent `never`.
    private func problem(messengers k: Int, messaging: TwoGenerals.Messaging, at span: SourceSpan) throws(Halt) -> TwoGenerals {
        let problem = TwoGenerals(messengers: k, messaging: messaging, rules: scenario.twoGenerals.rules)
        for general in TwoGenerals.General.allCases {
            if case .ifReceived(let count) = problem.rules[general], count > problem.messengers(to: general) {
                throw .error(
                    .thresholdUnreachable(
                        general.rawValue, count: count, most: problem.messengers(to: general), messengers: k,
                        flooding: messaging == .flooding, at: span))
            }
        }
        return problem
    }

    /// Whether two problems decide alike for every number of messengers received.
    private func sameDecisions(_ left: TwoGenerals, _ right: TwoGenerals) -> Bool {
        TwoGenerals.General.allCases.allSatisfy { general in
            (0...left.messengers(to: general)).allSatisfy {
                left.attacks(general, received: $0) == right.attacks(general, received: $0)
            }
        }
    }

    private func lossPattern(_ lost: [IntegerLiteral]) throws(Halt) -> [Int] {
        var seen: Set<Int> = []
        for number in lost {
            guard number.value >= 1 else { throw .error(.messengerNumberTooSmall(number)) }
            guard seen.insert(number.value).inserted else { throw .error(.messengerLostTwice(number)) }
        }
        return seen.sorted()
    }

    func twoGeneral(_ name: Name) throws(Halt) -> TwoGenerals.General {
        guard let general = TwoGenerals.General(rawValue: name.text) else { throw .error(.notATwoGeneral(name)) }
        return general
    }

    private func engineRule(_ rule: AttackRule) throws(Halt) -> TwoGeneralsRule {
        switch rule {
        case .always: return .always
        case .never: return .never
        case .ifReceivedAll: return .ifReceivedAll
        case .ifReceived(let count):
            guard count.value >= 0 else { throw .error(.negativeReceived(count)) }
            return .ifReceived(count.value)
        }
    }
}
