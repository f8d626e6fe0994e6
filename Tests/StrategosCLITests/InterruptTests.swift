import Foundation
import Testing

/// Ctrl-C while a script runs: the search or run stops at a safe point, says
/// how far it got, and the program exits with 130.
@Suite struct InterruptTests {
    @Test func ctrlCStopsAVerifyAndReportsHowFarItGot() throws {
        let executable = try #require(StrategosBinary.executable)
        let process = Process()
        process.executableURL = executable
        // Forty generals and thirteen traitors take the exact method seconds.
        process.arguments = ["--verify-budget", "100000000", "-e", "generals 40; verify om(3) with 13 traitors"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        process.interrupt()
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 130)
        #expect(text.contains("error: interrupted after solving"))
        #expect(text.contains("sub-problems, before any verdict"))
    }
}
