import Glibc
import Synchronization

/// Whether the user asked to stop what is running. The REPL clears it before
/// each evaluation (a Ctrl-C typed at the prompt must not cancel the next
/// run), and the session's `shouldStop` reads it at the engine's safe points.
public protocol Interruption: Sendable {
    var isRequested: Bool { get }
    /// Reads and clears the request in one step.
    func consume() -> Bool
    /// Brackets an evaluation, the only time a repeated Ctrl-C may end the process.
    func beginEvaluation()
    func endEvaluation()
}

extension Interruption {
    public func beginEvaluation() {}
    public func endEvaluation() {}
}

/// Set by SIGINT. The signal handler only stores into an atomic, the one thing
/// that is safe there: no I/O, no session state, no readline calls. A plain
/// global `sig_atomic_t` is not enough in Swift: the optimiser may hoist its load
/// out of a polling loop and never see the store.
private let sigintReceived = Atomic<Bool>(false)
/// True while an entry runs: a second Ctrl-C then means "stop at any cost".
/// At the prompt a quick double Ctrl-C must only discard the line.
private let isEvaluating = Atomic<Bool>(false)

public struct SignalInterruption: Interruption {
    public init() {}

    public var isRequested: Bool {
        sigintReceived.load(ordering: .relaxed)
    }

    public func consume() -> Bool {
        sigintReceived.exchange(false, ordering: .acquiringAndReleasing)
    }

    public func beginEvaluation() {
        isEvaluating.store(true, ordering: .releasing)
    }

    public func endEvaluation() {
        isEvaluating.store(false, ordering: .releasing)
    }

    /// Installs the SIGINT handler; for the interactive REPL only, so that a
    /// piped script keeps the default action and stays killable by Ctrl-C.
    ///
    /// A second Ctrl-C during an evaluation, while the first is still
    /// unanswered (a run that never reaches a safe point), falls back to the
    /// default action and ends the process, as Lua's REPL does.
    public static func installHandler() {
        // Initialise the global before a signal can touch it: a lazy global's
        // first access takes a lock, which a signal handler must never do.
        sigintReceived.store(false, ordering: .relaxed)
        isEvaluating.store(false, ordering: .relaxed)
        // A blocked SIGINT survives exec, so a parent that blocked it (some
        // test runners and process launchers do) would make Ctrl-C do nothing.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        signal(SIGINT) { _ in
            let wasPending = sigintReceived.exchange(true, ordering: .acquiringAndReleasing)
            if wasPending, isEvaluating.load(ordering: .acquiring) {
                signal(SIGINT, SIG_DFL)
                raise(SIGINT)
            }
        }
    }
}

/// An interruption a test controls: requested once, after `afterChecks`
/// questions, so a test can cancel a run part-way through.
public final class ScriptedInterruption: Interruption, Sendable {
    private struct State {
        /// Answers of false left before the one request; nil: none left.
        var remainingChecks: Int?
        var isPending = false
    }

    private let state: Mutex<State>

    /// nil never interrupts.
    public init(afterChecks: Int? = nil) {
        state = Mutex(State(remainingChecks: afterChecks))
    }

    public var isRequested: Bool {
        state.withLock { state in
            if let remaining = state.remainingChecks {
                if remaining == 0 {
                    state.remainingChecks = nil
                    state.isPending = true
                } else {
                    state.remainingChecks = remaining - 1
                }
            }
            return state.isPending
        }
    }

    public func consume() -> Bool {
        state.withLock { state in
            defer { state.isPending = false }
            return state.isPending
        }
    }
}
