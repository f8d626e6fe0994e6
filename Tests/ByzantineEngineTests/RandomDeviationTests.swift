import Testing
@testable import ByzantineEngine

@Suite struct RandomDeviationTests {
    private func randomArmy(seed: UInt64, valueCount: Int = 3) -> GeneralsProblem {
        GeneralsProblem(
            generalCount: 10, commander: 0, valueCount: valueCount, order: attack, defaultValue: retreat,
            deviations: [0: [Deviation(.random)]], seed: seed)
    }

    @Test(arguments: [0, 1, 42, UInt64.max])
    func sameSeedSameOutcome(seed: UInt64) throws {
        let p = problem(generals: 7, deviations: [0: [Deviation(.random)], 3: [Deviation(.random, rounds: 2...2)]], seed: seed)
        let first = try OralMessages.run(p, m: 2)
        let second = try OralMessages.run(p, m: 2)
        #expect(first == second)
        #expect(try OralMessages.run(randomArmy(seed: seed), m: 0) == (try OralMessages.run(randomArmy(seed: seed), m: 0)))
    }

    @Test func differentSeedsEventuallyDiffer() throws {
        var seen = Set<[Int?]>()
        for seed in UInt64(0)..<32 {
            seen.insert(try OralMessages.run(randomArmy(seed: seed), m: 0).decisions)
        }
        #expect(seen.count > 1)
        var relayed = Set<[Int?]>()
        for seed in UInt64(0)..<32 {
            let p = problem(generals: 4, deviations: [0: [Deviation(.random)], 1: [Deviation(.random)]], seed: seed)
            relayed.insert(try OralMessages.run(p, m: 1).decisions)
        }
        #expect(relayed.count > 1)
    }

    /// Values stay in 0..<valueCount, and over many seeds every value in play shows up.
    @Test(arguments: [2, 3, 5])
    func valuesAreInPlay(valueCount: Int) throws {
        var seen = Set<Int>()
        for seed in UInt64(0)..<40 {
            let outcome = try OralMessages.run(randomArmy(seed: seed, valueCount: valueCount), m: 0)
            for decision in loyalDecisions(outcome) {
                #expect((0..<valueCount).contains(decision))
                seen.insert(decision)
            }
            #expect(outcome.messages == 9)  // random never drops a message
        }
        #expect(seen == Set(0..<valueCount))
        // And through message(path:) for longer paths.
        let p = randomArmy(seed: 7, valueCount: valueCount)
        for receiver in 1..<10 {
            let value = try #require(p.message(path: [0], to: receiver, loyalValue: attack))
            #expect((0..<valueCount).contains(value))
        }
    }

    /// A random value depends on the seed, the path and the receiver, not on the loyal value.
    @Test func randomValueIsAFunctionOfSeedPathAndReceiver() {
        let p = problem(generals: 6, deviations: [2: [Deviation(.random)]], seed: 99)
        for path in [[0, 2], [0, 1, 2], [0, 3, 2], [0, 1, 3, 2]] {
            for receiver in [1, 4, 5] {
                let a = p.message(path: path, to: receiver, loyalValue: attack)
                #expect(a == p.message(path: path, to: receiver, loyalValue: hold))
                #expect(a == RandomValue.pick(seed: 99, pathHash: PathHash.of(path), receiver: receiver, valueCount: 3))
            }
        }
    }
}
