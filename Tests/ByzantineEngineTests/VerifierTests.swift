import Testing
@testable import ByzantineEngine

/// `verify`: the paper's theorems at the sizes people teach, decided exactly;
/// minimal counterexamples; sampling beyond the budget; errors never verdicts.
@Suite struct VerifierTests {
    static func request(
        _ algorithm: ByzantineAlgorithm = .om, generals: Int, m: Int, traitors: Int? = nil, orders: [Int] = [attack, retreat, hold],
        budget: Int = 10_000_000
    ) -> VerificationRequest {
        VerificationRequest(
            algorithm: algorithm, m: m, generalCount: generals, commander: 0, orders: orders, defaultValue: retreat,
            valueCount: 3, traitors: traitors ?? m, budget: budget)
    }

    static func counterexample(_ result: VerificationResult) -> Counterexample? {
        guard case .counterexample(let found) = result.verdict else { return nil }
        return found
    }

    // MARK: - The paper's theorems

    @Test(arguments: [(4, 1), (7, 2), (10, 3), (5, 1), (8, 2)])
    func omHoldsWhenThereAreMoreThanThreeTimesMGenerals(generals: Int, m: Int) throws {
        let result = try Verifier.verify(Self.request(generals: generals, m: m))
        #expect(result.verdict == .holds)
        #expect(result.exhaustive)
    }

    @Test(arguments: [(3, 1), (6, 2), (9, 3), (5, 2)])
    func omFailsAtThreeTimesMGeneralsOrFewer(generals: Int, m: Int) throws {
        let result = try Verifier.verify(Self.request(generals: generals, m: m))
        let found = try #require(Self.counterexample(result))
        #expect(result.exhaustive)
        #expect(found.faulty.count == m, "m traitors suffice at n ≤ 3m; fewer never do")
        #expect(!found.outcome.agreement || !found.outcome.validity)
    }

    @Test func smHoldsForAnyArmyWithAtMostMTraitors() throws {
        for (generals, m) in [(3, 1), (4, 1), (5, 2), (6, 2), (6, 3)] {
            let result = try Verifier.verify(Self.request(.sm, generals: generals, m: m))
            #expect(result.verdict == .holds, "SM(\(m)) on \(generals)")
            #expect(result.exhaustive)
        }
    }

    @Test func smFailsWithMorePlusOneTraitorsAndTwoLoyalLieutenants() throws {
        for (generals, m) in [(4, 1), (5, 2), (6, 3), (7, 2), (4, 0)] {
            let result = try Verifier.verify(Self.request(.sm, generals: generals, m: m, traitors: m + 1))
            let found = try #require(Self.counterexample(result), "SM(\(m)) on \(generals) with \(m + 1) traitors")
            #expect(found.faulty.contains(0), "only a faulty commander can split SM")
            #expect(found.faulty.count == m + 1)
            #expect(!found.outcome.agreement)
        }
        // Three traitors of four leave one loyal lieutenant: nobody to disagree with.
        #expect(try Verifier.verify(Self.request(.sm, generals: 4, m: 2, traitors: 3)).verdict == .holds)
    }

    // MARK: - Every order

    @Test func everyOrderInPlayIsChecked() throws {
        // With the order equal to the default, one traitor of three cannot break
        // IC2; with any other order it can, so checking every order finds it.
        let fixed = try Verifier.verify(Self.request(generals: 3, m: 1, orders: [retreat]))
        #expect(fixed.verdict == .holds)
        let found = try #require(Self.counterexample(try Verifier.verify(Self.request(generals: 3, m: 1))))
        #expect(found.order != retreat)
    }

    // MARK: - Counterexamples

    @Test func counterexamplesAreMinimal() throws {
        // One lie by one lieutenant breaks OM(1) on three generals.
        let three = try #require(Self.counterexample(try Verifier.verify(Self.request(generals: 3, m: 1))))
        #expect(three.faulty == [2])
        #expect(three.deviatingMessages == 1)
        // OM(2) on six generals: two traitors and six lies, the fewest (the
        // random search of the earlier verify found six too, by chance).
        let six = try #require(Self.counterexample(try Verifier.verify(Self.request(generals: 6, m: 2))))
        #expect(six.faulty.count == 2)
        #expect(six.deviatingMessages == 6)
        #expect(six.messages.count == six.deviatingMessages)
    }

    @Test func deviatingMessagesBecomeRulesThatNameTheirPaths() {
        let messages = [
            DeviatingMessage(path: [0, 1, 3], receiver: 2, value: retreat),
            DeviatingMessage(path: [0, 1, 3], receiver: 4, value: retreat),
            DeviatingMessage(path: [0], receiver: 1, value: hold),
            DeviatingMessage(path: [0, 3], receiver: 1, value: nil),
        ]
        let rules = DeviatingMessage.deviations(messages)
        #expect(rules[3] == [
            Deviation(.silent, receivers: [1], about: [0]),
            Deviation(.lie(retreat), receivers: [2, 4], about: [0, 1]),
        ])
        #expect(rules[0] == [Deviation(.lie(hold), receivers: [1], rounds: 1...1)])
    }

    // MARK: - Sampling, progress, stopping, errors

    @Test func beyondTheBudgetItSamplesAndSaysSo() throws {
        let request = Self.request(generals: 7, m: 2, budget: 50)
        let plan = try Verifier.plan(request)
        #expect(plan.method == .sample)
        #expect(plan.scope.exactWork > plan.scope.exactWorkLimit)
        let result = try Verifier.search(plan)
        #expect(!result.exhaustive)
        #expect(result.verdict == .holds)
    }

    @Test func theAnswerDoesNotDependOnHowTheWorkIsSplit() throws {
        let request = Self.request(generals: 6, m: 2)
        let first = try Verifier.verify(request)
        #expect(try Verifier.verify(request) == first)
    }

    @Test func stoppingReportsWhatWasChecked() throws {
        let result = try Verifier.verify(Self.request(generals: 7, m: 2), shouldStop: { true })
        #expect(result.verdict == .interrupted)
        #expect(result.checked == 0)
        let signed = try Verifier.verify(Self.request(.sm, generals: 5, m: 2), shouldStop: { true })
        #expect(signed.verdict == .interrupted)
    }

    @Test func progressCountsSubProblems() throws {
        let counter = Counter()
        let plan = try Verifier.plan(Self.request(generals: 7, m: 2))
        _ = try Verifier.search(plan, progress: { counter.last = $0.checked })
        #expect(counter.last == plan.scope.subproblems)
    }

    /// An engine error during a search is an error, never "holds": here the
    /// request is spoilt after planning, so the engine refuses the runs.
    @Test(arguments: [ByzantineAlgorithm.om, .sm])
    func anEngineErrorIsNeverAVerdict(algorithm: ByzantineAlgorithm) throws {
        // Exactly: the counterexample's replay is refused.
        var plan = try Verifier.plan(Self.request(algorithm, generals: algorithm == .om ? 3 : 4, m: 1, traitors: algorithm == .sm ? 2 : 1))
        plan.request.commander = 7
        #expect(throws: EngineError.self) { try Verifier.search(plan) }
        // Sampling (OM only: SM's exact method costs a step per placement and
        // order, always within the budget): every strategy's run is refused.
        guard algorithm == .om else { return }
        var sampled = try Verifier.plan(Self.request(algorithm, generals: 5, m: 1, budget: 1))
        #expect(sampled.method == .sample)
        sampled.request.defaultValue = 7
        #expect(throws: EngineError.unknownValue(7)) { try Verifier.search(sampled) }
    }

    @Test func theStrategyCountIsEveryMessageOfEveryPlacementAndOrder() throws {
        // n = 3, OM(1), up to one faulty: none (1), C (2 messages), L1 or L2 (1 each);
        // four choices per message (three values or nothing), three orders.
        let plan = try Verifier.plan(Self.request(generals: 3, m: 1))
        #expect(plan.scope.strategies.value == Double(3 * (1 + 16 + 4 + 4)))
        #expect(plan.scope.placements == 4)
        let big = try Verifier.plan(Self.request(generals: 10, m: 3))
        #expect(big.scope.strategies.value == nil)
        #expect(big.scope.strategies.log10 > 700)
    }
}

private final class Counter: @unchecked Sendable {
    var last = 0
}
