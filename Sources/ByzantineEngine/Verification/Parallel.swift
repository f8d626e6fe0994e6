import Dispatch
import Foundation

/// Fork–join with structured concurrency, called from synchronous code: a task
/// group whose child tasks run on threads of their own while the caller waits.
///
/// The interpreter is synchronous, and its caller may itself be a thread of
/// the cooperative pool (a test runner's). Children on that pool could wait
/// for threads that are all blocked waiting for them, so the group runs on an
/// executor backed by Dispatch's global queue instead.
enum Parallel {
    /// As many tasks as there are cores are worth running at once.
    static var width: Int { max(ProcessInfo.processInfo.activeProcessorCount, 1) }

    /// `body(i)` for every i in `0..<count`, run concurrently; the results in the order of i.
    static func map<Result: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> Result) -> [Result] {
        let outcome = Handoff<[Result]>()
        Task(executorPreference: DispatchTaskExecutor.shared) {
            let results = await withTaskGroup(of: (Int, Result).self) { group in
                for index in 0..<count {
                    group.addTask { (index, body(index)) }
                }
                var results: [(Int, Result)] = []
                results.reserveCapacity(count)
                for await result in group { results.append(result) }
                return results.sorted { $0.0 < $1.0 }.map(\.1)
            }
            outcome.give(results)
        }
        return outcome.take()
    }

    /// `map` for a body that can fail: every task runs, then the first
    /// error in the order of i, if any, is thrown.
    static func map<Value: Sendable>(
        _ count: Int, _ body: @escaping @Sendable (Int) throws(EngineError) -> Value
    ) throws(EngineError) -> [Value] {
        let results = map(count) { index -> Result<Value, EngineError> in
            do throws(EngineError) {
                return .success(try body(index))
            } catch {
                return .failure(error)
            }
        }
        return try results.map { result throws(EngineError) in try result.get() }
    }
}

/// One value passed from a task to the thread that waits for it.
private final class Handoff<Value>: @unchecked Sendable {
    // @unchecked: `value` is written once before `signal` and read after `wait`,
    // which orders the two.
    private var value: Value?
    private let ready = DispatchSemaphore(value: 0)

    func give(_ value: Value) {
        self.value = value
        ready.signal()
    }

    func take() -> Value {
        ready.wait()
        guard let value else { preconditionFailure("a Handoff signalled without a value") }
        return value
    }
}

/// Runs jobs on Dispatch's global concurrent queue, which sizes itself to the cores.
private final class DispatchTaskExecutor: TaskExecutor {
    static let shared = DispatchTaskExecutor()

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        DispatchQueue.global().async {
            job.runSynchronously(on: executor)
        }
    }
}
