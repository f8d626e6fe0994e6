import Testing
@testable import ByzantineEngine

@Suite struct TwoGeneralsVerificationTests {
    /// The impossibility for k = 1...8 (and 12, the limit), both messagings:
    /// every pair of rules never attacks, or leaves a general alone under the
    /// loss pattern it names.
    @Test(arguments: Array(1...8) + [12])
    func noPairOfThresholdRulesSolvesTheProblem(k: Int) throws {
        for messaging in TwoGenerals.Messaging.allCases {
            let verification = try #require(TwoGeneralsVerification(messengers: k, messaging: messaging))
            #expect(!verification.isSolved)
            #expect(verification.patterns == 1 << k)
            let shape = TwoGenerals(messengers: k, messaging: messaging)
            #expect(verification.pairs.count == (shape.messengers(to: .a) + 2) * (shape.messengers(to: .b) + 1))
            for pair in verification.pairs {
                let problem = TwoGenerals(messengers: k, messaging: messaging, rules: [.a: pair.a, .b: pair.b])
                switch pair.finding {
                case .attacksAlone(let general, let lost):
                    #expect(problem.outcome(losing: Set(lost)).verdict == .armyDefeated(alone: general))
                case .neverAttacks:
                    #expect(problem.outcome(losing: []).verdict == .nothingHappens)
                case .solves:
                    Issue.record("\(pair) solves the Two Generals Problem")
                }
            }
        }
    }

    @Test func theTwoMessengerFindings() throws {
        let verification = try #require(TwoGeneralsVerification(messengers: 2))
        #expect(
            verification.pairs.map(\.finding) == [
                .attacksAlone(.a, lost: [1]), .attacksAlone(.a, lost: []), .attacksAlone(.b, lost: [2]),
                .attacksAlone(.a, lost: []), .attacksAlone(.b, lost: []), .neverAttacks,
            ])
        #expect(verification.pairs.map(\.a) == [.always, .always, .ifReceived(1), .ifReceived(1), .never, .never])
    }

    @Test func aRuleThatCoordinatesByLuckWouldBeFound() {
        // Not a threshold pair verify tries (B attacks on nothing), but the
        // check itself must recognise a pair that never splits.
        let problem = TwoGenerals(messengers: 2, rules: [.a: .always, .b: .always])
        #expect(TwoGeneralsLossPatterns.all(messengers: 2).allSatisfy { problem.outcome(losing: Set($0)).isCoordinated })
    }

    @Test func verifyHasALimit() {
        #expect(TwoGeneralsVerification(messengers: 0) == nil)
        #expect(TwoGeneralsVerification(messengers: TwoGeneralsVerification.messengerLimit + 1) == nil)
    }
}
