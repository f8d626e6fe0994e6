import Foundation
import Testing

/// The real binary in a pseudo-terminal, made by util-linux `script`, which
/// also makes it the terminal's foreground process so a typed Ctrl-C becomes
/// SIGINT as it does for a person at the keyboard.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs util-linux script"))
struct REPLTerminalTests {
    @Test(.timeLimit(.minutes(1)))
    func promptCompletionCtrlCAndHistoryAcrossRestarts() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let history = directory.path + "/history"

        let first = try TerminalSession(history: history)
        defer { first.stop() }
        #expect(first.waitFor("strategos> "), "no prompt: \(first.screen)")
        first.type("general L3 tr\t")
        #expect(first.waitFor("general L3 traitor "), "Tab did not complete 'traitor': \(first.screen)")
        first.type("lies 0 to L1, L2\r")
        #expect(first.waitFor("strategos> ", count: 2))
        // About 8e8 messages: seconds even in a release build.
        first.type("generals 34; general L1 traitor; general L2 traitor; run om(5)\r")
        Thread.sleep(forTimeInterval: 0.7)
        first.type("\u{03}")
        #expect(first.waitFor("interrupted: the session is as it was before this entry"), "\(first.screen)")
        first.type(":army\r")
        #expect(first.waitFor("faulty     L3: lies 0 to L1, L2"), "\(first.screen)")
        first.type("\u{04}")
        #expect(first.waitForExit() == 0, "\(first.screen)")

        let saved = try String(contentsOfFile: history, encoding: .utf8)
        #expect(saved.contains("\ngeneral L3 traitor lies 0 to L1, L2\n"))
        #expect(saved.contains("\n:army\n"))

        // A new process finds the entry with Ctrl-R and runs it again.
        let second = try TerminalSession(history: history)
        defer { second.stop() }
        #expect(second.waitFor("strategos> "))
        second.type("\u{12}lies 0")
        #expect(second.waitFor("general L3 traitor lies 0 to L1, L2"), "Ctrl-R found nothing: \(second.screen)")
        second.type("\r")
        second.type("order hold")
        second.type("\u{03}")
        second.type(":army\r")
        #expect(second.waitFor("faulty     L3: lies 0 to L1, L2"), "\(second.screen)")
        #expect(second.screen.contains("order      attack"), "Ctrl-C did not discard the line: \(second.screen)")
        second.type(":quit\r")
        #expect(second.waitForExit() == 0)
    }
}

extension REPLTerminalTests {
    /// The history file keeps the newest 1,000 entries, multi-line ones whole.
    @Test(.timeLimit(.minutes(1)))
    func historyIsTrimmedToTheNewestEntries() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let entries = (0..<1_005).map { $0 % 100 == 0 ? "generals 4,\n# entry \($0)" : "print \"\($0)\"" }
        let history = try directory.write(entries.map { "#1700000000\n\($0)\n" }.joined(), to: "history")

        let session = try TerminalSession(history: history)
        defer { session.stop() }
        #expect(session.waitFor("strategos> "), "no prompt: \(session.screen)")
        session.type(":quit\r")
        #expect(session.waitForExit() == 0)

        let lines = try String(contentsOfFile: history, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { $0.hasPrefix("#1") }.count == 1_001, "1,000 kept and :quit")
        #expect(!lines.contains("print \"4\""))
        #expect(lines.contains("print \"5\""))
        #expect(lines.contains("# entry 100"), "a multi-line entry survives whole")
        #expect(lines.suffix(2) == [":quit", ""])
    }
}

/// `strategos` with no arguments, in a pseudo-terminal; what it shows
/// accumulates in `screen`.
private final class TerminalSession: @unchecked Sendable {
    // @unchecked: `process` and the pipes are used from the test's thread;
    // only `received`, shared with the reading handler, is locked.
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let received = ScreenText()

    init(history: String) throws {
        let executable = try #require(StrategosBinary.executable, "the strategos binary was not found")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        // -q: no "Script started" lines; -f: flush at once; -e: exit with the child's status.
        // `script` hands the command to $SHELL; `exec` makes strategos replace it,
        // because a shell left waiting (dash does not exec a lone command) is in
        // the terminal's foreground group too, dies of the Ctrl-C, and its 130
        // becomes the status.
        let quotedPath = "'" + executable.path.replacingOccurrences(of: "'", with: "'\\''") + "'"
        process.arguments = ["-qfec", "exec " + quotedPath, "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        environment["STRATEGOS_HISTORY"] = history
        environment["NO_COLOR"] = "1"
        // A terminal with no escape sequences to speak of, so the screen is plain text.
        environment["TERM"] = "dumb"
        process.environment = environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        output.fileHandleForReading.readabilityHandler = { [received] handle in
            let data = handle.availableData
            received.append(String(decoding: data, as: UTF8.self))
        }
        try process.run()
    }

    var screen: String {
        received.text
    }

    /// Sends keys (Enter is "\r", as a terminal sends it), then waits a little: the terminal throws away input it has
    /// not delivered when Ctrl-C arrives (the tty driver flushes its input queue on an interrupt).
    func type(_ keys: String) {
        input.fileHandleForWriting.write(Data(keys.utf8))
        Thread.sleep(forTimeInterval: 0.25)
    }

    /// Whether `text` has appeared `count` times within `timeout` seconds.
    func waitFor(_ text: String, count: Int = 1, timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if screen.components(separatedBy: text).count - 1 >= count { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// The exit status, or nil if it did not exit within `timeout` seconds.
    func waitForExit(timeout: TimeInterval = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        return process.isRunning ? nil : process.terminationStatus
    }

    func stop() {
        if process.isRunning { process.terminate() }
        output.fileHandleForReading.readabilityHandler = nil
        try? input.fileHandleForWriting.close()
    }
}

/// Text appended by the pipe's reading thread and read by the test.
private final class ScreenText: @unchecked Sendable {
    // @unchecked: the lock guards `storage`.
    private let lock = NSLock()
    private var storage = ""

    var text: String { lock.withLock { storage } }

    func append(_ more: String) {
        lock.withLock { storage += more }
    }
}
