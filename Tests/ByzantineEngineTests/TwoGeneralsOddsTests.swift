import Testing
@testable import ByzantineEngine

@Suite struct TwoGeneralsOddsTests {
    static let losses = [0.0, 0.1, 0.3, 0.5, 0.9, 1.0]

    @Test(arguments: 1...8)
    func closedFormsOfTheDefaultRules(k: Int) {
        for p in Self.losses {
            let alternating = TwoGeneralsOdds(TwoGenerals(messengers: k), loss: p)
            #expect(close(alternating.coordinated, 1 - p * TwoGeneralsOdds.power(1 - p, k - 1)))
            #expect(close(alternating.cityCaptured, TwoGeneralsOdds.power(1 - p, k)))
            let flooding = TwoGeneralsOdds(TwoGenerals(messengers: k, messaging: .flooding), loss: p)
            #expect(close(flooding.coordinated, 1 - TwoGeneralsOdds.power(p, k)))
            #expect(close(flooding.armyDefeated, TwoGeneralsOdds.power(p, k)))
        }
    }

    /// The odds agree with summing over every loss pattern, each messenger
    /// captured independently (an unsent messenger's fate does not matter).
    @Test(arguments: 1...6)
    func oddsMatchEveryLossPatternWeighted(k: Int) {
        let rules: [TwoGeneralsRule] = [.always, .never, .ifReceived(1), .ifReceived(2), .ifReceivedAll]
        for messaging in TwoGenerals.Messaging.allCases {
            for a in rules {
                for b in rules {
                    let problem = TwoGenerals(messengers: k, messaging: messaging, rules: [.a: a, .b: b])
                    let p = 0.3
                    var captured = 0.0
                    var coordinated = 0.0
                    for lost in TwoGeneralsLossPatterns.all(messengers: k) {
                        let weight = TwoGeneralsOdds.power(p, lost.count) * TwoGeneralsOdds.power(1 - p, k - lost.count)
                        let outcome = problem.outcome(losing: Set(lost))
                        if outcome.verdict == .cityCaptured { captured += weight }
                        if outcome.isCoordinated { coordinated += weight }
                    }
                    let odds = TwoGeneralsOdds(problem, loss: p)
                    #expect(close(odds.cityCaptured, captured))
                    #expect(close(odds.coordinated, coordinated))
                    #expect(close(odds.cityCaptured + odds.armyDefeated + odds.nothingHappens, 1))
                }
            }
        }
    }

    private func close(_ x: Double, _ y: Double) -> Bool {
        abs(x - y) < 1e-12
    }
}

@Suite struct TwoGeneralsSimulationTests {
    @Test func theSameSeedGivesTheSameTally() throws {
        let problem = TwoGenerals(messengers: 3)
        let first = try TwoGeneralsTally(simulating: problem, loss: 0.3, trials: 5_000, seed: 7)
        let second = try TwoGeneralsTally(simulating: problem, loss: 0.3, trials: 5_000, seed: 7)
        #expect(first == second)
        #expect(first.trials == 5_000)
        #expect(first.cityCaptured + first.armyDefeated + first.nothingHappens == 5_000)
        let other = try TwoGeneralsTally(simulating: problem, loss: 0.3, trials: 5_000, seed: 8)
        #expect(other != first)
    }

    /// Within four standard deviations of the exact value: a failure is a bug,
    /// not bad luck (and the seed is fixed anyway).
    @Test(arguments: TwoGenerals.Messaging.allCases)
    func estimatesApproachTheExactOdds(messaging: TwoGenerals.Messaging) throws {
        for k in [1, 2, 3, 5, 8] {
            let problem = TwoGenerals(messengers: k, messaging: messaging)
            let trials = 20_000
            let tally = try TwoGeneralsTally(simulating: problem, loss: 0.3, trials: trials, seed: 42)
            let exact = TwoGeneralsOdds(problem, loss: 0.3).coordinated
            let sigma = (exact * (1 - exact) / Double(trials)).squareRoot()
            #expect(abs(Double(tally.coordinated) / Double(trials) - exact) <= 4 * sigma + 1e-9)
        }
    }

    @Test func noLossAndCertainLoss() throws {
        let problem = TwoGenerals(messengers: 4)
        let certain = try TwoGeneralsTally(simulating: problem, loss: 0, trials: 100, seed: 1)
        let hopeless = try TwoGeneralsTally(simulating: problem, loss: 1, trials: 100, seed: 1)
        #expect(certain.cityCaptured == 100)
        #expect(hopeless.nothingHappens == 100)
    }

    @Test func aSimulationCanBeStopped() {
        #expect(throws: EngineError.cancelled) {
            try TwoGeneralsTally(simulating: TwoGenerals(messengers: 2), loss: 0.5, trials: 10, seed: 0, shouldStop: { true })
        }
    }
}
