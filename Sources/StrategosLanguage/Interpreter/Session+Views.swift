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
            return .report(try tracedRun(at: span), script: file?.text ?? "")
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
        guard let run = lastRun else {
            if let twoGenerals = lastTwoGeneralsRun { throw .error(.viewNeedsByzantineRun(lastRun: twoGenerals.call, at: span)) }
            throw .error(.noRunToShow(at: span))
        }
        return run
    }

    private func tracedRun(at span: SourceSpan) throws(Halt) -> RunReport {
        let run = try lastRunReport(at: span)
        guard run.trace == nil, let absence = run.traceAbsence else { return run }
        throw .error(.noTrace(absence, at: span))
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
