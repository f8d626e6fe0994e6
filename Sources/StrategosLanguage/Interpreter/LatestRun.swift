/// The last `run` of a script, of the Byzantine problem or of the Two Generals:
/// one at a time, so `expect` and `show` look at whichever came last.
public enum LatestRun: Sendable, Equatable {
    case byzantine(RunReport)
    case twoGenerals(TwoGeneralsReport)
}

/// What `export report` pictures.
public enum ReportSubject: Sendable, Equatable {
    case run(RunReport)
    case twoGenerals(TwoGeneralsReport)
    /// The last `verify`'s counterexample, replayed: the run, and the script
    /// verify printed, which made it.
    case counterexample(RunReport, script: String)
}

extension Session {
    /// The last run, when it was `run om(m)` or `run sm(m)`.
    public var lastRun: RunReport? {
        guard case .byzantine(let run) = latestRun else { return nil }
        return run
    }

    /// The last run, when it was `run twogenerals(k)`.
    public var lastTwoGeneralsRun: TwoGeneralsReport? {
        guard case .twoGenerals(let run) = latestRun else { return nil }
        return run
    }
}
