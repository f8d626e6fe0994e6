import Testing
@testable import ByzantineEngine

@Suite struct MessageCountTests {
    @Test(arguments: [(4, 1, 9), (7, 2, 156), (10, 3, 3_609), (13, 4, 108_384), (16, 5, 3_999_675)])
    func closedFormMatchesThePaper(generals: Int, m: Int, expected: Int) throws {
        #expect(OralMessages.messageCount(generals: generals, m: m) == expected)
        let outcome = try OralMessages.run(GeneralsProblem(generalCount: generals), m: m)
        #expect(outcome.messages == expected)
        #expect(outcome.rounds == m + 1)
    }

    @Test func overflowIsReportedNotWrapped() {
        #expect(OralMessages.messageCount(generals: 100, m: 60) == nil)
    }
}
