import Testing
@testable import ByzantineEngine

@Suite struct TwoGeneralsTests {
    /// Alternating messengers: an order and an acknowledgement.
    static let seed = TwoGenerals(messengers: 2)

    @Test func theSeedsFourLossPatterns() {
        #expect(Self.seed.outcome(losing: []).verdict == .cityCaptured)
        #expect(Self.seed.outcome(losing: [2]).verdict == .armyDefeated(alone: .b))
        #expect(Self.seed.outcome(losing: [1]).verdict == .nothingHappens)
        // The ack is never sent when the order is captured, so losing it too changes nothing.
        #expect(Self.seed.outcome(losing: [1, 2]) == Self.seed.outcome(losing: [1]))
    }

    @Test func messengersAlternateAndStopAtTheFirstCapture() {
        let problem = TwoGenerals(messengers: 5)
        #expect((1...5).map(problem.sender) == [.a, .b, .a, .b, .a])
        #expect(problem.messengers(to: .a) == 2)
        #expect(problem.messengers(to: .b) == 3)
        #expect(problem.deliveries(losing: [3, 5]) == [.arrived, .arrived, .captured, .notSent, .notSent])
        let outcome = problem.outcome(losing: [3])
        #expect(outcome.received == TwoGenerals.PerGeneral(a: 1, b: 1))
        #expect(outcome.sent == 3)
        #expect(outcome.messengers(.arrived) == [1, 2])
        #expect(outcome.messengers(.notSent) == [4, 5])
    }

    @Test func floodingSendsEveryMessengerToB() {
        let problem = TwoGenerals(messengers: 3, messaging: .flooding)
        #expect((1...3).map(problem.sender) == [.a, .a, .a])
        #expect(problem.messengers(to: .a) == 0)
        #expect(problem.deliveries(losing: [1, 3]) == [.captured, .arrived, .captured])
        // Flooding: A attacks regardless, B on the first copy to arrive.
        #expect(problem.outcome(losing: [1, 2]).verdict == .cityCaptured)
        #expect(problem.outcome(losing: [1, 2, 3]).verdict == .armyDefeated(alone: .a))
    }

    @Test func rulesAreThresholds() {
        #expect(TwoGeneralsRule.always.threshold(addressed: 3) == 0)
        #expect(TwoGeneralsRule.never.threshold(addressed: 3) == nil)
        #expect(TwoGeneralsRule.ifReceived(2).threshold(addressed: 3) == 2)
        #expect(TwoGeneralsRule.ifReceived(4).threshold(addressed: 3) == nil)
        #expect(TwoGeneralsRule.ifReceivedAll.threshold(addressed: 3) == 3)
        #expect(TwoGeneralsRule.ifReceivedAll.attacks(received: 0, addressed: 0))
        #expect(!TwoGeneralsRule.ifReceived(1).attacks(received: 0, addressed: 2))
        let problem = TwoGenerals(messengers: 2, rules: [.a: .always, .b: .never])
        #expect(problem.outcome(losing: []).verdict == .armyDefeated(alone: .a))
        #expect(problem.rules.b == .never)
    }

    @Test func oneMessengerLeavesAWithNothingToWaitFor() {
        // A is addressed no messenger, so "every messenger to A arrived" holds at once.
        let problem = TwoGenerals(messengers: 1)
        #expect(problem.outcome(losing: []).verdict == .cityCaptured)
        #expect(problem.outcome(losing: [1]).verdict == .armyDefeated(alone: .a))
    }

    @Test func lossPatternsComeFewestFirstThenInDictionaryOrder() {
        #expect(TwoGeneralsLossPatterns.all(messengers: 3) == [[], [1], [2], [3], [1, 2], [1, 3], [2, 3], [1, 2, 3]])
        #expect(TwoGeneralsLossPatterns.all(messengers: 10).count == 1024)
    }

    @Test func verdictsAndCoordination() {
        for a in [false, true] {
            for b in [false, true] {
                let verdict = TwoGeneralsOutcome.Verdict(attacks: TwoGenerals.PerGeneral(a: a, b: b))
                #expect(verdict.isCoordinated == (a == b))
            }
        }
    }
}

@Suite struct TwoGeneralsTableTests {
    @Test func theSeedsTableMarksTheImpossibleRow() throws {
        let table = try #require(TwoGeneralsTable(TwoGenerals(messengers: 2)))
        #expect(table.rows.map(\.arrived) == [[true, true], [true, false], [false, true], [false, false]])
        #expect(table.rows[2].entry == .impossible(messenger: 2, missing: 1))
        guard case .possible(let lost, let outcome) = table.rows[1].entry else {
            Issue.record("row 2 should be possible")
            return
        }
        #expect(lost == [2])
        #expect(outcome.verdict == .armyDefeated(alone: .b))
        #expect(table.possibleRows == 3)
    }

    @Test(arguments: 1...6)
    func alternatingHasOnePossibleRowPerPrefix(k: Int) throws {
        let table = try #require(TwoGeneralsTable(TwoGenerals(messengers: k)))
        #expect(table.rows.count == 1 << k)
        #expect(table.possibleRows == k + 1)
        let flooding = try #require(TwoGeneralsTable(TwoGenerals(messengers: k, messaging: .flooding)))
        #expect(flooding.possibleRows == 1 << k)
    }

    @Test func tablesHaveALimit() {
        #expect(TwoGeneralsTable(TwoGenerals(messengers: 0)) == nil)
        #expect(TwoGeneralsTable(TwoGenerals(messengers: TwoGeneralsTable.messengerLimit + 1)) == nil)
    }
}
