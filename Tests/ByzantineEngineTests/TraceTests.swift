import Testing
@testable import ByzantineEngine

/// Recording a trace must not change a run, and must hold every message and
/// (for OM) every majority, consistent with the counts of the run.
@Suite struct TraceTests {
    static let scenarios: [(GeneralsProblem, Int)] = [
        (problem(generals: 4, deviations: [3: [Deviation(.lie(retreat), receivers: [1]), Deviation(.lie(hold), receivers: [2])]]), 1),
        (problem(generals: 4, deviations: [0: [Deviation(.lie(attack), receivers: [1]), Deviation(.lie(retreat), receivers: [2, 3])]]), 1),
        (problem(generals: 7, deviations: [2: [Deviation(.silent, receivers: [1])], 5: [Deviation(.random)]], seed: 3), 2),
        (problem(generals: 5, deviations: [1: [Deviation(.flip, rounds: 2...2)]]), 0),
        (problem(generals: 8, deviations: [4: [Deviation(.lie(hold), about: [0])], 6: [Deviation(.silent, rounds: 2...Int.max)]]), 2),
    ]

    @Test(arguments: 0..<scenarios.count)
    func recordingChangesNothing(_ index: Int) throws {
        let (problem, m) = Self.scenarios[index]
        let plain = try OralMessages.run(problem, m: m)
        var traced = try OralMessages.run(problem, m: m, recordTrace: true)
        #expect(plain.trace == nil)
        let trace = try #require(traced.trace)
        traced.trace = nil
        #expect(traced == plain)
        #expect(trace.messages.count == plain.messages + plain.drops)
        #expect(trace.messages.filter { $0.disposition == .dropped }.count == plain.drops)
        #expect(trace.messages.filter(\.isLie).count == plain.lies)
        for round in 1...(m + 1) {
            let sent = trace.messages.filter { $0.round == round && $0.value != nil }.count
            #expect(sent == plain.messagesPerRound[round - 1])
        }
    }

    @Test(arguments: 0..<scenarios.count)
    func everyMajorityIsTheStrictMajorityOfItsInputs(_ index: Int) throws {
        let (problem, m) = Self.scenarios[index]
        let trace = try #require(try OralMessages.run(problem, m: m, recordTrace: true).trace)
        // One majority per lieutenant per OM(k ≥ 1) run of the recursion.
        var runs = 0
        var lieutenants = problem.generalCount - 1
        var width = 1
        for _ in 0..<m {
            runs += width * lieutenants
            width *= lieutenants
            lieutenants -= 1
        }
        #expect(trace.majorities.count == runs)
        for majority in trace.majorities {
            #expect(majority.inputs.first?.from == majority.path.last)
            let values = majority.inputs.map(\.value)
            let strict = (0..<problem.valueCount).first { value in values.filter { $0 == value }.count * 2 > values.count }
            #expect(majority.result == strict ?? problem.defaultValue)
        }
    }

    @Test func topMajoritiesAreTheDecisions() throws {
        let (problem, m) = Self.scenarios[2]
        let outcome = try OralMessages.run(problem, m: m, recordTrace: true)
        let top = try #require(outcome.trace).majorities.filter { $0.path == [problem.commander] }
        #expect(top.count == problem.generalCount - 1)
        for majority in top where !problem.isFaulty(majority.lieutenant) {
            #expect(outcome.decisions[majority.lieutenant] == majority.result)
        }
    }

    @Test func messagesCarryTheirPathAndWhatALoyalSenderSends() throws {
        let (problem, m) = Self.scenarios[0]
        let trace = try #require(try OralMessages.run(problem, m: m, recordTrace: true).trace)
        let lie = try #require(trace.messages.first { $0.path == [0, 3] && $0.receiver == 1 })
        #expect(lie.round == 2)
        #expect(lie.sender == 3)
        #expect(lie.loyalValue == attack)
        #expect(lie.value == retreat)
        #expect(lie.isLie)
        #expect(trace.messages.filter(\.isLie).count == 2)
    }

    @Test func signedMessagesRecordEveryDisposition() throws {
        let liar = problem(generals: 3, deviations: [2: [Deviation(.lie(retreat))]])
        let outcome = try SignedMessages.run(liar, m: 1, recordTrace: true)
        let trace = try #require(outcome.trace)
        #expect(trace.majorities.isEmpty)
        #expect(trace.messages.count == outcome.messages)
        #expect(trace.messages.filter { $0.disposition == .discarded }.count == outcome.discarded)
        let forged = try #require(trace.messages.first { $0.disposition == .discarded })
        #expect(forged.path == [0, 2])
        #expect(forged.value == retreat)
        #expect(forged.loyalValue == attack)

        let duplicate = problem(generals: 5)
        let quiet = try #require(try SignedMessages.run(duplicate, m: 2, recordTrace: true).trace)
        let accepted = quiet.messages.filter { $0.disposition == .accepted }.count
        let duplicates = quiet.messages.filter { $0.disposition == .duplicate }.count
        #expect(accepted == 4, "each lieutenant accepts attack once, from the commander")
        #expect(duplicates == 12, "the relays of round 2 bring a value already in V")
    }
}
