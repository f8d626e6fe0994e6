import ByzantineEngine

/// `sweep`: the same run or verify on every army size and m in the ranges.
extension Session {
    /// The most cells one sweep computes.
    static let largestSweep = 400

    /// Each cell is a session of its own, on `Scenario.forArmy(of:keepingRules:)`.
    /// nil under `checkOnly`, once the ranges are checked.
    mutating func sweep(_ call: SweepCall, at span: SourceSpan, in file: SourceFile) throws(Halt) -> SweepReport? {
        guard let algorithm = call.algorithm.byzantine else {
            throw Halt(.internalError, .internalError("sweep of \(call.algorithm.rawValue)", at: span))
        }
        guard call.generals.lowerBound >= 3, call.generals.upperBound <= Army.maximumSize else {
            throw .error(.sweepArmyOutOfRange(call.generals, at: call.generalsSpan))
        }
        guard call.m.lowerBound >= 0 else { throw .error(.sweepArmyOutOfRange(call.m, at: call.mSpan)) }
        let cellCount = call.generals.count * call.m.count
        guard cellCount <= Self.largestSweep else { throw .error(.sweepTooLarge(cells: cellCount, limit: Self.largestSweep, at: span)) }
        if settings.checkOnly { return nil }
        var cells: [[SweepReport.Cell]] = []
        for m in call.m {
            var row: [SweepReport.Cell] = []
            for n in call.generals {
                if settings.shouldStop() { throw Halt(.interrupted, .interrupted(at: span)) }
                row.append(try cell(call, algorithm, generals: n, m: m, at: span, in: file))
            }
            cells.append(row)
        }
        return SweepReport(
            action: call.action, algorithm: algorithm, generals: call.generals, m: call.m, order: scenario.order,
            defaultValue: scenario.defaultValue, cells: cells)
    }

    private func cell(
        _ call: SweepCall, _ algorithm: ByzantineAlgorithm, generals n: Int, m: Int, at span: SourceSpan, in file: SourceFile
    ) throws(Halt) -> SweepReport.Cell {
        guard m < n - 1, call.action == .run || m >= 1 else { return .notApplicable }
        var cellSession = Session(settings: settings)
        cellSession.scenario = scenario.forArmy(of: n, keepingRules: call.action == .run)
        let names = Set(Army.numbered(n))
        let literal = IntegerLiteral(m, span: span)
        let algorithmCall = AlgorithmCall(call.algorithm, m: literal, span: span)
        var quiet = EventLog()
        do throws(Halt) {
            switch call.action {
            case .verify:
                let report = try cellSession.verifyByzantine(VerifyCall(algorithmCall, traitors: literal), at: span, in: file, into: &quiet)
                guard let report else { throw Halt(.internalError, .internalError("a sweep cell only checked", at: span)) }
                return report.holds ? .holds(proof: report.exhaustive) : .fails
            case .run:
                for (general, rules) in scenario.rules where !rules.isEmpty {
                    let named = [general] + rules.flatMap { ($0.receivers + $0.about).map(\.text) }
                    if let outside = named.first(where: { !names.contains($0) }) { return .refused("no \(outside) among \(n) generals") }
                }
                let report = try cellSession.run(algorithm, algorithmCall, at: span, in: file, into: &quiet)
                guard let report else { throw Halt(.internalError, .internalError("a sweep cell only checked", at: span)) }
                return report.agreement && report.validity ? .holds(proof: false) : .fails
            }
        } catch {
            // A cell the engine refuses (too many messages, say) is said so; a stop or a bug stops the sweep.
            guard error.outcome == .scriptError, let diagnostic = error.diagnostic else { throw error }
            return .refused(diagnostic.message)
        }
    }
}
