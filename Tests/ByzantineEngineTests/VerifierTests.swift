import Testing
@testable import ByzantineEngine

/// The strategy space and the search behind `verify`.
@Suite struct VerifierTests {
    static func request(_ algorithm: ByzantineAlgorithm = .om, generals: Int, m: Int, traitors: Int? = nil, budget: Int = 1_000_000)
        -> VerificationRequest
    {
        VerificationRequest(
            algorithm: algorithm, m: m, generalCount: generals, commander: 0, order: attack, defaultValue: retreat,
            valueCount: 3, traitors: traitors ?? m, budget: budget)
    }

    @Test func variablesAreTheMessagesFaultyGeneralsSendLoyalOnes() {
        let values: [StrategySpace.Choice] = [.value(0), .value(1), .value(2)]
        // n = 4, OM(1): the commander sends 3 orders; a lieutenant relays to 2 loyal lieutenants.
        #expect(StrategySpace(generalCount: 4, commander: 0, rounds: 2, faulty: [0], choices: values).variables.count == 3)
        #expect(StrategySpace(generalCount: 4, commander: 0, rounds: 2, faulty: [3], choices: values).variables.count == 2)
        // Messages to a faulty general are left out.
        let two = StrategySpace(generalCount: 4, commander: 0, rounds: 2, faulty: [2, 3], choices: values)
        #expect(two.variables.count == 2)
        #expect(two.variables.allSatisfy { $0.receiver == 1 })
        // OM(2) on 4 generals, L3 faulty: round 2 to L1, L2; round 3 relays of L1's and L2's values.
        let deep = StrategySpace(generalCount: 4, commander: 0, rounds: 3, faulty: [3], choices: values)
        #expect(deep.variables.count == 4)
        #expect(Set(deep.variables.map(\.round)) == [2, 3])
        #expect(deep.size == 81)
    }

    @Test func placementsAreFewestFirstAndCanonical() {
        let placements = Verifier.canonicalPlacements(Self.request(generals: 5, m: 1, traitors: 2))
        #expect(placements == [[4], [0], [3, 4], [0, 4]])
        #expect(Verifier.equivalentPlacements(of: [3, 4], Self.request(generals: 5, m: 1)) == 6)
        #expect(Verifier.equivalentPlacements(of: [0, 4], Self.request(generals: 5, m: 1)) == 4)
    }

    @Test func sizesCountEveryPlacementAndTheReducedOnes() throws {
        let result = try Verifier.verify(Self.request(generals: 4, m: 1))
        #expect(result.verdict == .holds)
        #expect(result.fullSize == 54)
        #expect(result.reducedSize == 36)
        #expect(result.checked == 36)
        #expect(result.exhaustive)
    }

    @Test func theFirstCounterexampleIsMinimal() throws {
        let result = try Verifier.verify(Self.request(generals: 3, m: 1))
        guard case .counterexample(let found) = result.verdict else {
            Issue.record("expected a counterexample")
            return
        }
        #expect(found.deviations.keys.sorted() == [2], "one lying lieutenant is enough")
        #expect(found.deviations[2]?.count == 1, "one lie is enough")
        #expect(!found.outcome.validity)
    }

    @Test func beyondTheBudgetItSamples() throws {
        let result = try Verifier.verify(Self.request(generals: 7, m: 2, budget: 4_000))
        #expect(!result.exhaustive)
        #expect(result.verdict == .holds)
        #expect(result.checked >= 4_000)
    }

    @Test func theAnswerDoesNotDependOnHowTheWorkIsSplit() throws {
        // The same search twice, and the exhaustive answer equals the first
        // violation found by a plain sequential scan.
        let request = Self.request(generals: 5, m: 1, traitors: 2)
        let first = try Verifier.verify(request)
        #expect(try Verifier.verify(request) == first)
        guard case .counterexample = first.verdict else {
            Issue.record("expected a counterexample")
            return
        }
        var sequentialChecked = 0
        for placement in Verifier.canonicalPlacements(request) {
            let space = StrategySpace(generalCount: 5, commander: 0, rounds: 2, faulty: placement, choices: [.value(0), .value(1), .value(2)])
            let evaluator = Evaluator(request: request, space: space)
            let check = evaluator.checker()
            var found = false
            for index in 0..<(space.size ?? 0) {
                sequentialChecked += 1
                if check(Search.digits(of: index, base: 3, count: space.variables.count)) {
                    found = true
                    break
                }
            }
            if found { break }
        }
        #expect(first.checked == sequentialChecked)
    }

    @Test func theFastCheckerAgreesWithFullRuns() throws {
        let request = Self.request(generals: 5, m: 1, traitors: 2)
        let space = StrategySpace(generalCount: 5, commander: 0, rounds: 2, faulty: [0, 4], choices: [.value(0), .value(1), .value(2)])
        let evaluator = Evaluator(request: request, space: space)
        let fast = evaluator.checker()
        for index in stride(from: 0, to: space.size ?? 0, by: 97) {
            let assignment = Search.digits(of: index, base: 3, count: space.variables.count)
            let slow = evaluator.outcome(assignment).map(Evaluator.violates) ?? false
            #expect(fast(assignment) == slow)
        }
    }

    @Test func stoppingReportsWhatWasChecked() throws {
        let result = try Verifier.verify(Self.request(generals: 4, m: 1), shouldStop: { true })
        #expect(result.verdict == .interrupted)
        #expect(result.checked == 0)
    }
}
