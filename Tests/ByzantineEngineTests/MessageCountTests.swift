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
        #expect(OralMessages.messageCount(generals: 200, m: 50) == nil)
    }

    /// OM(0): the commander's n − 1 orders.
    @Test(arguments: 3...12)
    func om0SendsOneOrderPerLieutenant(n: Int) throws {
        #expect(OralMessages.messageCount(generals: n, m: 0) == n - 1)
        let outcome = try OralMessages.run(problem(generals: n), m: 0)
        #expect(outcome.messagesPerRound == [n - 1])
    }

    /// OM(1): (n − 1) + (n − 1)(n − 2).
    @Test(arguments: 3...12)
    func om1(n: Int) throws {
        #expect(OralMessages.messageCount(generals: n, m: 1) == (n - 1) + (n - 1) * (n - 2))
        let outcome = try OralMessages.run(problem(generals: n), m: 1)
        #expect(outcome.messagesPerRound == [n - 1, (n - 1) * (n - 2)])
        #expect(outcome.messages == (n - 1) + (n - 1) * (n - 2))
    }

    /// OM(2): (n − 1) + (n − 1)(n − 2) + (n − 1)(n − 2)(n − 3).
    @Test(arguments: 4...12)
    func om2(n: Int) throws {
        let perRound = [n - 1, (n - 1) * (n - 2), (n - 1) * (n - 2) * (n - 3)]
        #expect(OralMessages.messageCount(generals: n, m: 2) == perRound.reduce(0, +))
        let outcome = try OralMessages.run(problem(generals: n), m: 2)
        #expect(outcome.messagesPerRound == perRound)
        #expect(outcome.rounds == 3)
    }

    /// Faults change values but not where a faulty general sends: only `silent` changes the count.
    @Test func lyingDoesNotChangeTheCount() throws {
        let liars = problem(generals: 7, deviations: [0: [Deviation(.lie(hold))], 3: [Deviation(.flip)], 5: [Deviation(.random)]])
        #expect(try OralMessages.run(liars, m: 2).messages == 156)
    }
}
