import Testing
@testable import ByzantineEngine

@Suite struct DeterminismTests {
    static let problems: [(GeneralsProblem, Int)] = [
        (problem(generals: 4), 1),
        (problem(generals: 4, deviations: [3: [Deviation(.lie(hold))]]), 1),
        (problem(generals: 7, deviations: [0: [Deviation(.lie(hold), receivers: [1, 2]), Deviation(.flip)], 4: [Deviation(.silent, rounds: 2...2)]]), 2),
        (problem(generals: 7, deviations: [0: [Deviation(.random)], 5: [Deviation(.random, about: [0])]], seed: 12_345), 2),
        (problem(generals: 10, order: retreat, deviations: [2: [Deviation(.random)], 6: [Deviation(.flip)], 9: [Deviation(.silent, receivers: [1])]], seed: 3), 3),
    ]

    @Test(arguments: problems.indices)
    func sameProblemTwiceGivesTheSameOutcome(index: Int) throws {
        let (p, m) = Self.problems[index]
        let first = try OralMessages.run(p, m: m)
        let second = try OralMessages.run(p, m: m)
        #expect(first == second)
        // A problem built again from the same description runs the same, too.
        let copy = GeneralsProblem(
            generalCount: p.generalCount, commander: p.commander, valueCount: p.valueCount, order: p.order,
            defaultValue: p.defaultValue, deviations: Dictionary(uniqueKeysWithValues: p.deviations.enumerated().map { ($0.offset, $0.element) }),
            seed: p.seed)
        #expect(copy == p)
        #expect(try OralMessages.run(copy, m: m) == first)
    }
}
