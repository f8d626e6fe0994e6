import Foundation
import StrategosLanguage

/// A one-line progress report on a terminal for a `verify` that takes more
/// than a second; cleared when the search is over, so results never share a
/// line with it.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let isTerminal: Bool
    private var started: Date?
    private var drawn: Date?
    private var isShown = false

    init(isTerminal: Bool) {
        self.isTerminal = isTerminal
    }

    func update(_ progress: VerifyProgress) {
        guard isTerminal else { return }
        guard case .checked(let checked, let planned) = progress else {
            clear()
            return
        }
        lock.withLock {
            let now = Date()
            let start = started ?? now
            started = start
            // Wait a second before showing anything, then redraw a few times a second.
            guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(drawn ?? .distantPast) > 0.2 else { return }
            drawn = now
            let share = planned > 0 ? 100 * Double(checked) / Double(planned) : 0
            let text = "\rverify: \(checked) of \(planned) done (\(Int(share))%)… Ctrl-C stops"
            FileHandle.standardError.write(Data((text + "\u{1B}[K").utf8))
            isShown = true
        }
    }

    private func clear() {
        lock.withLock {
            started = nil
            drawn = nil
            guard isShown else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            isShown = false
        }
    }
}
