/// `show` and `export`: views of the last run (and of the scenario).
extension Session {
    func shown(_ view: View, at span: SourceSpan, in file: SourceFile? = nil) throws(Halt) -> Shown {
        switch view {
        case .army:
            return .army(scenario)
        case .links:
            return .links(try linksReport(at: span))
        case .table:
            let (table, rulesSet) = try twoGeneralsTable(at: span)
            return .table(table, rulesSet: rulesSet)
        case .stats:
            return .stats(try lastRunReport(at: span))
        case .report:
            return .report(try reportSubject(at: span), script: file?.text ?? "")
        case .sweep:
            guard let lastSweep else { throw .error(.noSweepToShow(at: span)) }
            return .sweep(lastSweep)
        case .trace(let to, let from, let round):
            let run = try tracedRun(at: span)
            for name in [to, from].compactMap({ $0 }) where !run.generals.contains(name.text) {
                throw .error(.unknownGeneral(name, army: run.generals))
            }
            if let round, !(1...run.rounds).contains(round.value) {
                throw .error(.roundOutsideRun(round, rounds: run.rounds))
            }
            let filter = TraceFilter(to: to?.text, from: from?.text, round: round?.value)
            let messages = run.trace?.messages ?? []
            let shown = messages.count(where: { filter.matches($0, generals: run.generals) })
            guard shown <= settings.traceLimit else {
                throw .error(.traceTooLongToShow(shown, of: messages.count, isFiltered: filter != TraceFilter(), limit: settings.traceLimit, at: span))
            }
            return .trace(run, filter)
        case .tree(let name):
            let run = try tracedRun(at: span)
            guard run.generals.contains(name.text) else { throw .error(.unknownGeneral(name, army: run.generals)) }
            guard name.text != run.commander else { throw .error(.commanderDoesNotDecide(name)) }
            return .tree(run, lieutenant: name.text)
        }
    }

    /// Writes a view to a file in the format its extension names, and says so.
    func export(_ view: View, to path: StringLiteral, at span: SourceSpan, in file: SourceFile) throws(Halt) -> String {
        let script = file.name
        let shown = try shown(view, at: span, in: file)
        guard let format = ExportFormat(path: path.text) else { throw .error(.unknownExportFormat(path)) }
        if case .trace(let run, _) = shown, let count = run.trace?.messages.count, count > settings.traceLimit {
            throw .error(.traceTooLongToShow(count, of: count, isFiltered: false, limit: settings.traceLimit, at: span))
        }
        if case .links(let report) = shown, report.linkCount > settings.traceLimit {
            throw .error(.graphTooLargeToExport(report.linkCount, limit: settings.traceLimit, at: span))
        }
        guard let text = Exporter.text(of: shown, as: format) else { throw .error(.cannotExport(view, as: format, at: path.span)) }
        do {
            try settings.writer.write(text, to: path.text, relativeTo: script)
        } catch {
            throw Halt(.unwritableOutput, .cannotWrite(path.text, reason: error.reason, at: path.span))
        }
        return "exported \(view.noun) to \(path.text) (\(format.name))"
    }

    private func lastRunReport(at span: SourceSpan) throws(Halt) -> RunReport {
        switch latestRun {
        case .byzantine(let run): return run
        case .twoGenerals(let twoGenerals): throw .error(.viewNeedsByzantineRun(lastRun: twoGenerals.call, at: span))
        case nil: throw .error(.noRunToShow(at: span))
        }
    }

    private func tracedRun(at span: SourceSpan) throws(Halt) -> RunReport {
        try traced(lastRunReport(at: span), at: span)
    }

    private func traced(_ run: RunReport, at span: SourceSpan) throws(Halt) -> RunReport {
        guard run.trace == nil, let absence = run.traceAbsence else { return run }
        throw .error(.noTrace(absence, at: span))
    }

    /// What a report pictures: the last run, or, when a `verify` came after
    /// it, that verify's counterexample replayed with its trace.
    private func reportSubject(at span: SourceSpan) throws(Halt) -> ReportSubject {
        guard verifiedSinceRun, let verification = lastVerification else {
            switch latestRun {
            case .byzantine(let run): return .run(try traced(run, at: span))
            case .twoGenerals(let run): return .twoGenerals(run)
            case nil: throw .error(.noRunToShow(at: span))
            }
        }
        guard let found = verification.counterexample else { throw .error(.noCounterexampleToReport(at: span)) }
        var replay = Session(settings: settings)
        replay.settings.recordTraces = true
        var events = EventLog()
        let outcome = replay.run(SourceFile(name: "counterexample", text: found.script), into: &events)
        switch outcome {
        case .success: break
        case .interrupted: throw Halt(.interrupted, .interrupted(at: span))
        case .expectationFailed, .scriptError, .unreadableInput, .unwritableOutput, .internalError:
            // verify runs its counterexample's army and messages within the
            // same limits, so a replay that fails is a bug, never a verdict.
            let reason = events.events.lazy.compactMap { event -> String? in
                guard case .diagnostic(let diagnostic, _) = event, diagnostic.severity == .error else { return nil }
                return diagnostic.message
            }.first
            throw Halt(.internalError, .internalError("verify's counterexample did not replay: \(reason ?? "it broke neither IC1 nor IC2")", at: span))
        }
        guard let run = replay.lastRun else {
            throw Halt(.internalError, .internalError("verify's counterexample ran no OM or SM", at: span))
        }
        return .counterexample(try traced(run, at: span), script: found.script)
    }
}

extension View {
    var noun: String {
        switch self {
        case .trace: "the trace"
        case .tree(let name): "the decision tree of \(name.text)"
        case .stats: "the statistics"
        case .army: "the army"
        case .links: "the links"
        case .table: "the truth table"
        case .sweep: "the sweep"
        case .report: "the report"
        }
    }
}

extension Program {
    /// Whether a statement looks at a trace, so runs must keep one.
    var looksAtTraces: Bool {
        statements.contains { statement in
            switch statement.kind {
            case .show(.trace), .show(.tree), .export(.trace, _), .export(.tree, _), .export(.report, _): true
            default: false
            }
        }
    }
}
