import ByzantineEngine
import Ed25519Signatures

/// `run om(m)`, `run sm(m)`: turn the scenario into the engine's integers, run,
/// and turn the outcome back into the script's names and values.
extension Session {
    mutating func run(
        _ algorithm: ByzantineAlgorithm, _ call: AlgorithmCall, at span: SourceSpan, in file: SourceFile, into sink: inout some EventSink
    ) throws(Halt) -> RunReport {
        let faulty = scenario.faultyNames
        let (m, mSpan, names) = try battlefield(for: algorithm, call)
        let n = names.count

        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let commander = scenario.commander ?? names[0]
        let values = valuesInPlay()
        let valueIndex = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, $0) })
        var deviations: [Int: [Deviation]] = [:]
        for (general, rules) in scenario.rules where !rules.isEmpty {
            guard let generalIndex = index[general] else { continue }
            deviations[generalIndex] = rules.map { deviation(for: $0, generals: index, values: valueIndex) }
        }
        let problem = GeneralsProblem(
            generalCount: n, commander: index[commander] ?? 0, valueCount: values.count,
            order: valueIndex[scenario.order] ?? 0, defaultValue: valueIndex[scenario.defaultValue] ?? 0,
            deviations: deviations, seed: scenario.seed)

        let bound = algorithm.messageBound(problem, m: m)
        do {
            try algorithm.validate(problem, m: m, messageLimit: settings.messageLimit)
        } catch {
            throw halt(for: error, algorithm, m: m, generals: n, at: mSpan)
        }
        if algorithm == .om, n <= 3 * m {
            sink.receive(.diagnostic(.boundBroken(generals: n, m: m, at: span), file))
        }
        if faulty.count > m {
            sink.receive(.diagnostic(.moreFaultyThanM(algorithm, faulty: faulty.count, m: m, at: span), file))
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
        let outcome: Outcome
        do {
            switch (algorithm, scenario.signatures) {
            case (.sm, .ed25519):
                outcome = try algorithm.run(
                    problem, m: m, messageLimit: settings.messageLimit, recordTrace: recordTrace,
                    signatures: Ed25519Signatures(generals: n, seed: scenario.seed), shouldStop: settings.shouldStop)
            default:
                outcome = try algorithm.run(
                    problem, m: m, messageLimit: settings.messageLimit, recordTrace: recordTrace, shouldStop: settings.shouldStop)
            }
        } catch {
            throw halt(for: error, algorithm, m: m, generals: n, at: mSpan)
        }
        return RunReport(
            algorithm: algorithm, m: m, generals: names, commander: commander,
            order: scenario.order, defaultValue: scenario.defaultValue,
            faulty: names.filter(faulty.contains), rules: scenario.rules.filter { !$0.value.isEmpty },
            rows: problem.lieutenants.map { general in
                RunReport.Row(
                    lieutenant: names[general], decision: outcome.decisions[general].map { values[$0] },
                    set: algorithm == .sm ? outcome.sets[general]?.map { values[$0] } : nil)
            },
            agreement: outcome.agreement, validity: outcome.validity,
            messages: outcome.messages, messagesPerRound: outcome.messagesPerRound, discarded: outcome.discarded,
            lies: outcome.lies, drops: outcome.drops, values: values, trace: outcome.trace, traceAbsence: traceAbsence,
            signatures: algorithm == .sm ? scenario.signatures : nil)
    }

    /// The m of a call (`run om` and `verify om`: the number of faulty
    /// generals), where to point about it, and the army it runs on.
    func battlefield(for algorithm: ByzantineAlgorithm, _ call: AlgorithmCall) throws(Halt) -> (m: Int, span: SourceSpan, names: [String]) {
        if let literal = call.m, literal.value < 0 { throw .error(.mNegative(literal)) }
        let m = call.m?.value ?? scenario.faultyNames.count
        let span = call.m?.span ?? call.span
        let names = try armyNames(for: algorithm, m: m, at: span)
        guard m < names.count - 1 else { throw .error(.mTooLarge(algorithm, m: m, generals: names.count, at: span)) }
        return (m, span, names)
    }

    /// The declared army, or the on-demand one: `C` plus `L1`..`Lk`, with k the
    /// largest lieutenant named anywhere and at least the lieutenants the
    /// algorithm is designed for, 3m for OM(m) and m + 1 for SM(m) (and never
    /// fewer than two).
    private func armyNames(for algorithm: ByzantineAlgorithm, m: Int, at span: SourceSpan) throws(Halt) -> [String] {
        if case .declared(let names) = scenario.army { return names }
        let (designed, overflow) = switch algorithm {
        case .om: m.multipliedReportingOverflow(by: 3)
        case .sm: m.addingReportingOverflow(1)
        }
        guard !overflow, designed < Army.maximumSize else {
            throw .error(.onDemandArmyTooLarge(algorithm, m: m, lieutenants: overflow ? nil : designed, at: span))
        }
        return Army.numbered(max(scenario.largestLieutenantNamed, designed, 2) + 1)
    }

    /// The order, the default, then every value a rule lies with, each once:
    /// the values `random` chooses among.
    private func valuesInPlay() -> [String] {
        var values = [scenario.order, scenario.defaultValue]
        for rules in scenario.rules.sorted(by: { $0.key < $1.key }).map(\.value) {
            for rule in rules {
                if case .lies(let value) = rule.behaviour { values.append(value.text) }
            }
        }
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    private func deviation(for rule: FaultRule, generals: [String: Int], values: [String: Int]) -> Deviation {
        let action: Deviation.Action = switch rule.behaviour {
        case .lies(let value): .lie(values[value.text] ?? 0)
        case .flips: .flip
        case .silent: .silent
        case .random: .random
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

    private func halt(for error: EngineError, _ algorithm: ByzantineAlgorithm, m: Int, generals: Int, at span: SourceSpan) -> Halt {
        switch error {
        case .armyTooSmall(let size): .error(.armyTooSmall(size, at: span))
        case .invalidRounds: .error(.mTooLarge(algorithm, m: m, generals: generals, at: span))
        case .tooManyMessages(let needed, let limit):
            .error(.tooManyMessages(algorithm, m: m, generals: generals, needed: needed, limit: limit, at: span))
        case .cancelled: Halt(.interrupted, .interrupted(at: span))
        case .unknownGeneral, .unknownValue, .inconsistentVerification: Halt(.internalError, .internalError("\(error)", at: span))
        }
    }
}
