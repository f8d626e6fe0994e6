import ByzantineEngine

/// The state a script (or a REPL) works on, and the statements that change it.
/// A value type: a caller that wants an entry to leave no trace on error keeps
/// a copy from before it.
public struct Session: Sendable {
    public struct Settings: Sendable {
        /// A run that would send more messages is refused before it starts.
        public var messageLimit = 1_000_000_000
        public var loader: any SourceLoader = FileSystemLoader()
        /// Asked during long runs; true stops the run at a safe point.
        public var shouldStop: @Sendable () -> Bool = { false }
        public var maximumLoadDepth = Self.defaultMaximumLoadDepth
        public static let defaultMaximumLoadDepth = 64
        /// Keep every run's trace even when no statement asks for one (a REPL,
        /// `--trace-format`); scripts otherwise keep one only when they look at it.
        public var recordTraces = false
        /// A view or export shows at most this many messages; `show stats` or a
        /// filter (`show trace to L1 round 2`) looks at a larger trace.
        public var traceLimit = 100_000
        /// A run that could send more messages than this keeps no trace at all:
        /// what memory allows (about 100 bytes a message), whatever `traceLimit` is.
        public var traceRecordingLimit: Int { max(traceLimit, 1_000_000) }
        /// A run that cannot keep its trace is an error (`--trace-format`).
        public var tracesRequired = false
        /// `verify` decides exactly within this many strategies' worth of work, and samples beyond.
        public var verifyBudget = 10_000_000
        /// Told how far a long `verify` has got, and when it is over (a terminal shows it).
        public var verifyProgress: @Sendable (VerifyProgress) -> Void = { _ in }
        /// The search `verify` runs once it has its plan: the engine's. A
        /// test puts a failing one here, since an engine error must come out
        /// as an internal error, never as a verdict.
        public var verifySearch: VerifySearch = { plan, shouldStop, progress throws(EngineError) in
            try Verifier.search(plan, shouldStop: shouldStop, progress: progress)
        }
        public var writer: any FileWriter = FileSystemWriter()
        /// `strategos check`: declarations run and every action is checked up
        /// to where it would compute (its army, its m, its rules), but nothing
        /// runs, nothing is written, and `expect`, `show` and `export` are skipped.
        public var checkOnly = false

        public init() {}
    }

    public var scenario = Scenario()
    /// The last `run`, of either problem, which `expect` checks and `show` looks at.
    public private(set) var latestRun: LatestRun?
    /// Whether a `verify om(m)` or `verify sm(m)` came after the last run:
    /// `export report` then pictures its counterexample.
    private(set) var verifiedSinceRun = false
    /// The last `verify om(m)` or `verify sm(m)`, which `expect holds` and
    /// `expect counterexample` check; a `verify twogenerals(k)` clears it.
    public private(set) var lastVerification: VerificationReport?
    /// The last `sweep`, which `show sweep` and `export sweep` draw.
    public private(set) var lastSweep: SweepReport?
    public var settings: Settings
    /// The scripts being loaded, outermost first, to refuse a cycle of loads.
    private var loadChain: [(key: String, name: String)] = []
    /// Whether the scripts being run look at traces, so runs keep them.
    var tracesWanted = false

    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// Parses a whole script and, if it has no syntax error, runs it. Every
    /// syntax error is reported and nothing runs; a semantic error stops the
    /// script at its statement; a failed `expect` is reported and the script goes on.
    /// `key` identifies the file for finding load cycles (see `SourceLoader`).
    public mutating func run(_ file: SourceFile, key: String? = nil, into sink: inout some EventSink) -> ScriptOutcome {
        let parsed = Parser.parse(file)
        guard parsed.diagnostics.isEmpty else {
            for diagnostic in parsed.diagnostics {
                sink.receive(.diagnostic(diagnostic, file))
            }
            return .scriptError
        }
        if let key { loadChain.append((key, file.name)) }
        let outerTracesWanted = tracesWanted
        tracesWanted = tracesWanted || parsed.program.looksAtTraces
        defer {
            if key != nil { loadChain.removeLast() }
            tracesWanted = outerTracesWanted
        }
        return execute(parsed.program, in: file, into: &sink)
    }

    /// Runs statements already parsed from `file`.
    public mutating func execute(_ program: Program, in file: SourceFile, into sink: inout some EventSink) -> ScriptOutcome {
        var outcome = ScriptOutcome.success
        for statement in program.statements {
            // Between statements is a safe point too: a script of many small
            // runs stops as promptly as one long run.
            if settings.shouldStop() {
                sink.receive(.diagnostic(.interrupted(at: statement.span), file))
                return max(outcome, .interrupted)
            }
            do {
                outcome = max(outcome, try execute(statement, in: file, into: &sink))
            } catch {
                if let diagnostic = error.diagnostic {
                    sink.receive(.diagnostic(diagnostic, file))
                }
                return max(outcome, error.outcome)
            }
        }
        return outcome
    }

    private mutating func execute(_ statement: Statement, in file: SourceFile, into sink: inout some EventSink) throws(Halt) -> ScriptOutcome {
        if settings.checkOnly {
            switch statement.kind.role {
            case .check, .view: return .success
            case .declaration, .action, .control: break
            }
        }
        for warning in valueWarnings(statement.kind) {
            sink.receive(.diagnostic(warning, file))
        }
        switch statement.kind {
        case .generalsCount(let count):
            try declareArmy(count: count, in: file)
        case .generalsNamed(let names):
            try declareArmy(names: names, at: statement.span, in: file)
        case .commander(let name):
            try noteGeneral(name)
            try checkPathEnds(commander: name.text, at: name.span)
            scenario.commander = name.text
        case .order(let value):
            scenario.order = value.text
        case .defaultValue(let value):
            scenario.defaultValue = value.text
        case .loyal(let name):
            try noteGeneral(name)
            scenario.rules[name.text] = nil
        case .faults(let name, let rules):
            try addRules(rules, to: name)
        case .signatures(let signatures):
            scenario.signatures = signatures
        case .links(let topology):
            scenario.links = LinksDeclaration()
            scenario.links.base = topology
        case .cut(let pairs):
            try edit(pairs, .cut)
        case .link(let pairs):
            try edit(pairs, .link)
        case .channel(let choice):
            try setChannel(choice, at: statement.span, in: file)
        case .partition(let spec):
            try addPartition(spec)
        case .timing(let choice):
            setTiming(choice)
        case .delay(let spec):
            try addDelay(spec, at: statement.span, in: file)
        case .timeout(let rounds):
            try setTimeout(rounds, at: statement.span)
        case .seed(let seed):
            scenario.seed = UInt64(bitPattern: Int64(seed.value))
        case .run(let call):
            if let algorithm = call.algorithm.byzantine {
                guard let report = try run(algorithm, call, at: statement.span, in: file, into: &sink) else { break }
                (latestRun, verifiedSinceRun) = (.byzantine(report), false)
                sink.receive(.run(report))
            } else {
                let report = try twoGeneralsRun(call)
                (latestRun, verifiedSinceRun) = (.twoGenerals(report), false)
                sink.receive(.twoGenerals(.run(report)))
            }
        case .verify(let verify):
            switch verify.call.algorithm {
            case .twogenerals:
                let event = try twoGeneralsVerification(verify)
                lastVerification = nil
                sink.receive(.twoGenerals(event))
            case .om, .sm:
                if let p = verify.call.p { throw .error(.verifyTakesNoRegularity(p)) }
                guard let report = try verifyByzantine(verify, at: statement.span, in: file, into: &sink) else { break }
                (lastVerification, verifiedSinceRun) = (report, true)
                sink.receive(.verification(report))
            }
        case .sweep(let call):
            guard let report = try sweep(call, at: statement.span, in: file) else { break }
            lastSweep = report
            sink.receive(.sweep(report))
        case .expect(let expectation):
            let result = try check(expectation, at: statement.span)
            sink.receive(.expectation(result, file))
            if let failure = result.failure {
                sink.receive(.diagnostic(.expectationFailed(failure, at: statement.span), file))
                return .expectationFailed
            }
        case .reset:
            scenario = Scenario()
            (latestRun, lastVerification, lastSweep, verifiedSinceRun) = (nil, nil, nil, false)
        case .print(let text):
            sink.receive(.printed(text.text))
        case .load(let path):
            return try load(path, from: file, into: &sink)
        case .show(let view):
            sink.receive(.shown(try shown(view, at: statement.span)))
        case .export(let view, let path):
            let note = try export(view, to: path, at: statement.span, in: file)
            sink.receive(.printed(note))
        case .twoGenerals(let twoGenerals):
            try execute(twoGenerals, at: statement.span, into: &sink)
        }
        return .success
    }

    private mutating func load(_ path: StringLiteral, from file: SourceFile, into sink: inout some EventSink) throws(Halt) -> ScriptOutcome {
        guard loadChain.count < settings.maximumLoadDepth else {
            throw Halt(.scriptError, .loadTooDeep(settings.maximumLoadDepth, at: path.span))
        }
        let loaded: (file: SourceFile, key: String)
        do {
            loaded = try settings.loader.load(path.text, relativeTo: file.name)
        } catch {
            throw Halt(.unreadableInput, .cannotRead(path.text, error, at: path.span))
        }
        if loadChain.contains(where: { $0.key == loaded.key }) {
            let chain = loadChain.drop { $0.key != loaded.key }.map(\.name) + [loaded.file.name]
            throw Halt(.scriptError, .loadCycle(chain, at: path.span))
        }
        let outcome = run(loaded.file, key: loaded.key, into: &sink)
        if outcome >= .scriptError { throw Halt(outcome, nil) }
        return outcome
    }
}

/// Searches a verification's plan: asked whether to stop, told how far it got.
public typealias VerifySearch = @Sendable (
    VerificationPlan, _ shouldStop: () -> Bool, _ progress: @escaping (VerificationProgress) -> Void
) throws(EngineError) -> VerificationResult

/// How far a `verify` has got.
public enum VerifyProgress: Sendable, Equatable {
    case checked(Int, of: Int)
    /// The search is over (answered, interrupted or refused).
    case finished
}

/// Stops a script: the outcome, and the diagnostic to report (nil when a
/// loaded script has reported its own).
struct Halt: Error {
    var outcome: ScriptOutcome
    var diagnostic: Diagnostic?

    init(_ outcome: ScriptOutcome, _ diagnostic: Diagnostic?) {
        self.outcome = outcome
        self.diagnostic = diagnostic
    }

    static func error(_ diagnostic: Diagnostic) -> Halt {
        Halt(.scriptError, diagnostic)
    }
}
