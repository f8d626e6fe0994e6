import Testing
@testable import StrategosLanguage

/// A request to stop is honoured between statements, not only inside long runs.
@Suite struct InterruptionTests {
    @Test func aScriptStopsAtTheNextStatement() {
        var settings = Session.Settings()
        let stop = VerifyTests.StopAfter(2)
        settings.shouldStop = { stop.ask() }
        let result = ScriptHarness.run("generals 4\nprint \"ran\"\nprint \"never\"", settings: settings)
        #expect(result.outcome == .interrupted)
        #expect(result.printed == ["ran"])
        #expect(result.errors.map(\.message) == ["interrupted"])
        #expect(result.errors.first?.span.start == "generals 4\nprint \"ran\"\n".utf8.count)
    }
}
