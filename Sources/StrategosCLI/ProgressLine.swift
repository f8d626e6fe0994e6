import Foundation

/// A one-line progress report on a terminal for a `verify` that takes more
/// than a second; cleared before anything else is written, so results never
/// share a line with it.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let isTerminal: Bool
    private var started: Date?
    private var isShown = false

    init(isTerminal: Bool) {
        self.isTerminal = isTerminal
    }

    func update(checked: Int, planned: Int) {
        guard isTerminal else { return }
        lock.withLock {
            let now = Date()
            let start = started ?? now
            started = start
            guard now.timeIntervalSince(start) > 1 else { return }
            let share = planned > 0 ? 100 * Double(checked) / Double(planned) : 0
            let text = "\rverify: \(checked) of \(planned) strategies (\(Int(share))%)… Ctrl-C stops"
            FileHandle.standardError.write(Data((text + "\u{1B}[K").utf8))
            isShown = true
        }
    }

    func clear() {
        lock.withLock {
            started = nil
            guard isShown else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            isShown = false
        }
    }
}
