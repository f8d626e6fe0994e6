import Testing
@testable import ByzantineEngine

@Suite struct EngineErrorTests {
    @Test(arguments: [-1, 0, 1, 2])
    func armyTooSmall(n: Int) {
        #expect(throws: EngineError.armyTooSmall(generals: n)) { try OralMessages.run(GeneralsProblem(generalCount: n), m: 0) }
    }

    @Test(arguments: [(4, -1), (4, 3), (4, 4), (3, 2), (10, 9), (10, -5)])
    func invalidRounds(n: Int, m: Int) {
        #expect(throws: EngineError.invalidRounds(m: m, generals: n)) { try OralMessages.run(problem(generals: n), m: m) }
    }

    @Test func largestValidRounds() throws {
        #expect(try OralMessages.run(problem(generals: 4), m: 2).rounds == 3)
        #expect(try OralMessages.run(problem(generals: 3), m: 1).rounds == 2)
    }

    @Test func tooManyMessages() throws {
        #expect(throws: EngineError.tooManyMessages(needed: 9, limit: 8)) {
            try OralMessages.run(problem(generals: 4), m: 1, messageLimit: 8)
        }
        #expect(try OralMessages.run(problem(generals: 4), m: 1, messageLimit: 9).messages == 9)
        #expect(throws: EngineError.tooManyMessages(needed: 156, limit: 0)) {
            try OralMessages.run(problem(generals: 7), m: 2, messageLimit: 0)
        }
    }

    @Test func tooManyMessagesOnOverflow() {
        #expect(throws: EngineError.tooManyMessages(needed: nil, limit: 1_000_000_000)) {
            try OralMessages.run(problem(generals: 200), m: 50)
        }
        #expect(throws: EngineError.tooManyMessages(needed: nil, limit: Int.max)) {
            // shouldStop guards against a run that would never end if the count wrapped.
            try OralMessages.run(problem(generals: 200), m: 50, messageLimit: Int.max, shouldStop: { true })
        }
    }

    @Test func unknownValue() {
        let cases: [(GeneralsProblem, Int)] = [
            (problem(generals: 4, order: 3), 3),
            (GeneralsProblem(generalCount: 4, valueCount: 3, order: 0, defaultValue: 3), 3),
            (GeneralsProblem(generalCount: 4, valueCount: 2, order: hold, defaultValue: retreat), hold),
            (problem(generals: 4, order: -1), -1),
            (problem(generals: 4, deviations: [2: [Deviation(.lie(3))]]), 3),
            (problem(generals: 4, deviations: [2: [Deviation(.flip), Deviation(.lie(-2), receivers: [1])]]), -2),
        ]
        for (p, value) in cases {
            #expect(throws: EngineError.unknownValue(value)) { try OralMessages.run(p, m: 1) }
        }
    }

    @Test func unknownGeneral() {
        let cases: [(GeneralsProblem, Int)] = [
            (GeneralsProblem(generalCount: 4, commander: 4), 4),
            (GeneralsProblem(generalCount: 4, commander: -1), -1),
            (problem(generals: 4, deviations: [1: [Deviation(.lie(hold), receivers: [2, 9])]]), 9),
            (problem(generals: 4, deviations: [1: [Deviation(.silent, about: [4])]]), 4),
            (problem(generals: 4, deviations: [1: [Deviation(.silent, about: [0, 2, 7])]]), 7),
            (problem(generals: 4, deviations: [0: [Deviation(.silent, receivers: [-1])]]), -1),
        ]
        for (p, general) in cases {
            #expect(throws: EngineError.unknownGeneral(general)) { try OralMessages.run(p, m: 1) }
        }
    }

    /// n = 16, OM(5) sends about four million messages, so the engine asks `shouldStop`.
    @Test func cancelledWhenAsked() {
        var asked = 0
        #expect(throws: EngineError.cancelled) {
            try OralMessages.run(problem(generals: 16), m: 5) {
                asked += 1
                return true
            }
        }
        #expect(asked == 1)
    }

    @Test func cancelledPartWayThrough() {
        var asked = 0
        #expect(throws: EngineError.cancelled) {
            try OralMessages.run(problem(generals: 16, deviations: [3: [Deviation(.lie(hold))]]), m: 5) {
                asked += 1
                return asked == 3
            }
        }
        #expect(asked == 3)
    }

    /// A run never asked to stop is not cancelled, and a small run may not ask at all.
    @Test func notCancelled() throws {
        var asked = 0
        let outcome = try OralMessages.run(problem(generals: 16), m: 5) {
            asked += 1
            return false
        }
        #expect(outcome.messages == 3_999_675)
        #expect(asked > 1)
        #expect(try OralMessages.run(problem(generals: 4), m: 1, shouldStop: { true }).messages == 9)
    }
}
