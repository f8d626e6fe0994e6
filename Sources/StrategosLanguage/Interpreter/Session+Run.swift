import ByzantineEngine
import Ed25519Signatures

/// `run om(m)`, `run sm(m)`: turn the scenario into the engine's integers, run,
/// and turn the outcome back into the script's names and values.
extension Session {
    /// nil under `checkOnly`, once everything but the run itself is checked.
    mutating func run(
        _ algorithm: ByzantineAlgorithm, _ call: AlgorithmCall, at span: SourceSpan, in file: SourceFile, into sink: inout some EventSink
    ) throws(Halt) -> RunReport? {
        let (m, mSpan, names) = try battlefield(for: algorithm, call)
        let n = names.count

        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let commander = scenario.commander ?? names[0]
        let (warnings, loyalInEffect) = inertRules(algorithm, m: m, p: call.p?.value, names: names, commander: commander)
        for warning in warnings { sink.receive(.diagnostic(warning, file)) }
        let faulty = scenario.faultyNames.subtracting(loyalInEffect)
        let values = scenario.valuesInPlay
        let valueIndex = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, $0) })
        var deviations: [Int: [Deviation]] = [:]
        for (general, rules) in scenario.rules where faulty.contains(general) {
            guard let generalIndex = index[general] else { continue }
            deviations[generalIndex] = rules.map { deviation(for: $0, generals: index, values: valueIndex) }
        }
        let delivery = try delivery(of: names, commander: commander, at: span, in: file)
        let links = delivery.links
        guard hasLink(links) else { throw .error(.noLinks(at: span)) }
        let problem = GeneralsProblem(
            generalCount: n, commander: index[commander] ?? 0, valueCount: values.count,
            order: valueIndex[scenario.order] ?? 0, defaultValue: valueIndex[scenario.defaultValue] ?? 0,
            deviations: deviations, seed: scenario.seed, delivery: delivery)
        let failure = RunFailure(algorithm: algorithm, call: call, m: m, mSpan: mSpan, names: names, links: links)

        let p = call.p?.value
        var bound = algorithm.messageBound(problem, m: m)
        if p != nil, let omBound = bound {
            // OM(m, p) sends at most what OM(m) does, each message relayed along at most n − 1 links.
            let (relayed, overflow) = omBound.multipliedReportingOverflow(by: n - 1)
            bound = overflow ? nil : relayed
        }
        do {
            if let p {
                try RegularOralMessages.validate(problem, m: m, p: p, messageLimit: settings.messageLimit)
            } else {
                try algorithm.validate(problem, m: m, messageLimit: settings.messageLimit)
            }
        } catch {
            throw halt(for: error, failure)
        }
        if let p, let literal = call.p, p < 3 * m {
            sink.receive(.diagnostic(.regularityBelowBound(p: p, m: m, at: literal.span), file))
        } else if algorithm == .om, p == nil, n <= 3 * m {
            sink.receive(.diagnostic(.boundBroken(generals: n, m: m, at: span), file))
        }
        // Under broadcast OM(0) tolerates any number of traitors: nobody can be two-faced.
        if faulty.count > m, !(algorithm == .om && m == 0 && p == nil && scenario.network.channel == .broadcast) {
            sink.receive(.diagnostic(.moreFaultyThanM(algorithm, faulty: faulty.count, m: m, p: p, at: span), file))
        }

        var traceAbsence: RunReport.TraceAbsence?
        if !(settings.recordTraces || tracesWanted) {
            traceAbsence = .notRequested
        } else if (bound ?? Int.max) > settings.traceRecordingLimit {
            traceAbsence = .tooLarge(messages: bound, limit: settings.traceRecordingLimit)
        }
        if settings.tracesRequired, (bound ?? Int.max) > settings.traceLimit {
            throw .error(.traceRequiredButTooLarge(messages: bound, limit: settings.traceLimit, at: span))
        }
        let recordTrace = traceAbsence == nil
        if settings.checkOnly { return nil }
        let outcome: Outcome
        do {
            switch (algorithm, scenario.signatures, p) {
            case (.om, _, let p?):
                outcome = try RegularOralMessages.run(
                    problem, m: m, p: p, messageLimit: settings.messageLimit, recordTrace: recordTrace,
                    shouldStop: settings.shouldStop)
            case (.sm, .ed25519, _):
                outcome = try algorithm.run(
                    problem, m: m, messageLimit: settings.messageLimit, recordTrace: recordTrace,
                    signatures: Ed25519Signatures(generals: n, seed: scenario.seed), shouldStop: settings.shouldStop)
            default:
                outcome = try algorithm.run(
                    problem, m: m, messageLimit: settings.messageLimit, recordTrace: recordTrace, shouldStop: settings.shouldStop)
            }
        } catch {
            throw halt(for: error, failure)
        }
        return RunReport(
            algorithm: algorithm, m: m, p: p, generals: names, commander: commander,
            order: scenario.order, defaultValue: scenario.defaultValue,
            faulty: names.filter(faulty.contains), rules: scenario.rules.filter { faulty.contains($0.key) },
            rows: problem.lieutenants.map { general in
                RunReport.Row(
                    lieutenant: names[general], decision: outcome.decisions[general].map { values[$0] },
                    set: algorithm == .sm ? outcome.sets[general]?.map { values[$0] } : nil)
            },
            agreement: outcome.agreement, validity: outcome.validity,
            messages: outcome.messages, messagesPerRound: outcome.messagesPerRound, discarded: outcome.discarded,
            lies: outcome.lies, drops: outcome.drops, values: values, trace: outcome.trace, traceAbsence: traceAbsence,
            signatures: algorithm == .sm ? scenario.signatures : nil,
            links: linksSummary(links, for: algorithm, names: names, faulty: faulty),
            network: scenario.network.isDefault ? nil : RunReport.NetworkSummary(declaration: scenario.network, counts: outcome.network))
    }

    /// The m of a call (`run om` and `verify om`: the number of faulty
    /// generals), where to point about it, and the army it runs on.
    func battlefield(for algorithm: ByzantineAlgorithm, _ call: AlgorithmCall) throws(Halt) -> (m: Int, span: SourceSpan, names: [String]) {
        if let literal = call.m, literal.value < 0 { throw .error(.mNegative(literal)) }
        let m = call.m?.value ?? scenario.faultyNames.count
        let span = call.m?.span ?? call.span
        let names = try armyNames(for: algorithm, m: m, p: call.p?.value, at: span)
        guard m < names.count - 1 else { throw .error(.mTooLarge(algorithm, m: m, generals: names.count, at: span)) }
        return (m, span, names)
    }

    /// The declared army, or the on-demand one: `C` plus `L1`..`Lk`, with k the
    /// largest lieutenant named anywhere and at least the lieutenants the
    /// algorithm is designed for, 3m for OM(m) (or p for OM(m, p), when more)
    /// and m + 1 for SM(m) (and never fewer than two).
    func armyNames(for algorithm: ByzantineAlgorithm, m: Int, p: Int? = nil, at span: SourceSpan) throws(Halt) -> [String] {
        if case .declared(let names) = scenario.army { return names }
        var (designed, overflow) = switch algorithm {
        case .om: m.multipliedReportingOverflow(by: 3)
        case .sm: m.addingReportingOverflow(1)
        }
        // A p no army can have is left to OM(m, p)'s own error.
        if let p, (1..<Army.maximumSize).contains(p), !overflow { designed = max(designed, p) }
        guard !overflow, designed < Army.maximumSize else {
            throw .error(.onDemandArmyTooLarge(algorithm, m: m, lieutenants: overflow ? nil : designed, at: span))
        }
        return Army.numbered(max(scenario.largestLieutenantNamed, designed, 2) + 1)
    }

    private func deviation(for rule: FaultRule, generals: [String: Int], values: [String: Int]) -> Deviation {
        let action: Deviation.Action = switch rule.behaviour {
        case .lies(let value): .lie(values[value.text] ?? 0)
        case .flips: .flip
        case .silent: .silent
        case .random: .random
        case .relays: .relay
        }
        let rounds: ClosedRange<Int> = switch rule.rounds {
        case .only(let round)?: round.value...round.value
        case .after(let round)?: (min(round.value, Int.max - 1) + 1)...Int.max
        case nil: 1...Int.max
        }
        return Deviation(
            action,
            receivers: rule.receivers.isEmpty ? nil : Set(rule.receivers.compactMap { generals[$0.text] }),
            rounds: rounds,
            // A name outside the army (never, after checkGeneral) must not shorten the path.
            about: rule.about.map { generals[$0.text] ?? -1 })
    }

    /// What an engine error needs to become a diagnostic: the run it stopped.
    private struct RunFailure {
        var algorithm: ByzantineAlgorithm
        var call: AlgorithmCall
        var m: Int
        var mSpan: SourceSpan
        var names: [String]
        var links: Links
    }

    private func halt(for error: EngineError, _ run: RunFailure) -> Halt {
        let (algorithm, m, generals, span) = (run.algorithm, run.m, run.names.count, run.mSpan)
        let pSpan = run.call.p?.span ?? run.call.span
        switch error {
        case .armyTooSmall(let size): return .error(.armyTooSmall(size, at: span))
        case .invalidRounds where run.call.p != nil && m < 1: return .error(.regularNeedsRounds(m, at: span))
        case .invalidRounds: return .error(.mTooLarge(algorithm, m: m, generals: generals, at: span))
        case .tooManyMessages(_, let limit) where run.call.p != nil:
            return .error(.regularTooManyMessages(m: m, p: run.call.p?.value ?? 0, generals: generals, limit: limit, at: span))
        case .tooManyMessages(let needed, let limit):
            return .error(.tooManyMessages(algorithm, m: m, generals: generals, needed: needed, limit: limit, at: span))
        case .cancelled: return Halt(.interrupted, .interrupted(at: span))
        case .invalidRegularity(let p): return .error(.invalidRegularity(p, m: m, at: pSpan))
        case .notRegular(let general, let p):
            guard run.names.indices.contains(general), let calledP = run.call.p?.value else { break }
            let everyone = Array(run.names.indices)
            let reason: Diagnostic.Irregularity = p == calledP
                ? .topLevel(
                    neighbours: run.links.neighbours(of: general).count,
                    largestP: run.links.regularity(within: everyone).p, m: m)
                : .nested(m: m - (calledP - p), commanders: calledP - p)
            return .error(.notRegular(run.names[general], p: p, reason, at: pSpan))
        case .unknownGeneral, .unknownValue, .inconsistentVerification, .twoFacedUnderBroadcast, .invalidNetwork, .signingKeyUnavailable: break
        }
        return Halt(.internalError, .internalError("\(error)", at: span))
    }
}

extension AlgorithmCall.Algorithm {
    /// The engine's algorithm; nil for the Two Generals, which is a problem of its own.
    var byzantine: ByzantineAlgorithm? {
        switch self {
        case .om: .om
        case .sm: .sm
        case .twogenerals: nil
        }
    }
}
