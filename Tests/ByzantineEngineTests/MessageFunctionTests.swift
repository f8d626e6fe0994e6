import Testing
@testable import ByzantineEngine

/// `GeneralsProblem.message(path:to:loyalValue:)` and `Deviation.matches` against the rules:
/// the round is the path's length, `about` is a suffix of the path before the sender, first match wins.
@Suite struct MessageFunctionTests {
    @Test(arguments: [[0], [0, 1], [0, 2, 1], [0, 3, 2, 1]])
    func loyalSendersSendTheLoyalValue(path: [Int]) {
        let p = problem(generals: 5, deviations: [4: [Deviation(.silent)]])
        for receiver in 1...3 where !path.contains(receiver) {
            for value in [attack, retreat, hold] {
                #expect(p.message(path: path, to: receiver, loyalValue: value) == value)
            }
        }
    }

    @Test func eachAction() {
        let p = problem(generals: 5, deviations: [
            1: [Deviation(.lie(hold))], 2: [Deviation(.flip)], 3: [Deviation(.silent)],
        ])
        #expect(p.message(path: [0, 1], to: 2, loyalValue: attack) == hold)
        #expect(p.message(path: [0, 2], to: 1, loyalValue: attack) == retreat)  // order → default
        #expect(p.message(path: [0, 2], to: 1, loyalValue: retreat) == attack)  // else → order
        #expect(p.message(path: [0, 2], to: 1, loyalValue: hold) == attack)
        #expect(p.message(path: [0, 3], to: 1, loyalValue: attack) == nil)
    }

    @Test func roundIsThePathLength() {
        let p = problem(generals: 5, deviations: [1: [Deviation(.lie(hold), rounds: 3...3)]])
        #expect(p.message(path: [0, 1], to: 2, loyalValue: attack) == attack)
        #expect(p.message(path: [0, 2, 1], to: 3, loyalValue: attack) == hold)
        #expect(p.message(path: [0, 2, 3, 1], to: 4, loyalValue: attack) == attack)
        let commander = problem(generals: 5, deviations: [0: [Deviation(.lie(hold), rounds: 1...1)]])
        #expect(commander.message(path: [0], to: 2, loyalValue: attack) == hold)
    }

    @Test func aboutIsThePreviousSender() {
        let p = problem(generals: 5, deviations: [1: [Deviation(.lie(hold), about: [2])]])
        #expect(p.message(path: [0, 2, 1], to: 3, loyalValue: attack) == hold)
        #expect(p.message(path: [0, 3, 2, 1], to: 4, loyalValue: attack) == hold)
        #expect(p.message(path: [0, 2, 3, 1], to: 4, loyalValue: attack) == attack)  // 2 is not the previous sender
        #expect(p.message(path: [0, 1], to: 3, loyalValue: attack) == attack)
    }

    @Test func receiversAndFirstMatch() {
        let p = problem(generals: 5, deviations: [1: [
            Deviation(.lie(hold), receivers: [2]), Deviation(.silent, receivers: [3]), Deviation(.flip),
        ]])
        #expect(p.message(path: [0, 1], to: 2, loyalValue: attack) == hold)
        #expect(p.message(path: [0, 1], to: 3, loyalValue: attack) == nil)
        #expect(p.message(path: [0, 1], to: 4, loyalValue: attack) == retreat)
    }

    @Test func deviationMatches() {
        let d = Deviation(.silent, receivers: [1, 2], rounds: 2...3, about: [0])
        #expect(d.matches(receiver: 1, round: 2, pathBeforeSender: [0]))
        #expect(d.matches(receiver: 2, round: 3, pathBeforeSender: [3, 0]))
        #expect(!d.matches(receiver: 3, round: 2, pathBeforeSender: [0]))
        #expect(!d.matches(receiver: 1, round: 1, pathBeforeSender: [0]))
        #expect(!d.matches(receiver: 1, round: 4, pathBeforeSender: [0]))
        #expect(!d.matches(receiver: 1, round: 2, pathBeforeSender: [3]))
        #expect(!d.matches(receiver: 1, round: 2, pathBeforeSender: []))
        let any = Deviation(.silent)
        #expect(any.matches(receiver: 5, round: 1, pathBeforeSender: []))
        #expect(any.matches(receiver: 5, round: 1_000, pathBeforeSender: [7]))
    }

    /// `about` is a suffix of the path before the sender, in order.
    @Test(arguments: [
        ([0, 2], [0, 2], true),
        ([0, 2], [3, 0, 2], true),
        ([2], [0, 3, 2], true),
        ([3, 2], [0, 3, 2], true),
        ([0, 3, 2], [0, 3, 2], true),
        ([0, 2], [2, 0], false),  // the order counts
        ([0, 2], [0, 3, 2], false),  // a suffix, not a subsequence
        ([0, 2], [2], false),  // longer than the path
        ([4, 0, 2], [0, 2], false),
        ([0], [], false),  // round 1 has no path before the sender
        ([0, 2], [], false),
    ] as [([Int], ArraySlice<Int>, Bool)])
    func aboutIsASuffixOfThePath(about: [Int], path: ArraySlice<Int>, matches: Bool) {
        let d = Deviation(.silent, about: about)
        #expect(d.matches(receiver: 1, round: path.count + 1, pathBeforeSender: path) == matches)
    }

    /// A list that starts with the commander names one whole path: L3's relay
    /// of what L2 said the commander said, and no other message.
    @Test func aboutAWholePath() {
        let p = problem(generals: 5, deviations: [3: [Deviation(.lie(hold), receivers: [1], about: [0, 2])]])
        #expect(p.message(path: [0, 2, 3], to: 1, loyalValue: attack) == hold)
        #expect(p.message(path: [0, 2, 3], to: 4, loyalValue: attack) == attack)
        #expect(p.message(path: [0, 4, 2, 3], to: 1, loyalValue: attack) == attack)
        #expect(p.message(path: [0, 3], to: 1, loyalValue: attack) == attack)
        #expect(p.message(path: [0, 1, 3], to: 2, loyalValue: attack) == attack)
        // Without the commander the list is a suffix: every path ending 4, 2, 3.
        let suffix = problem(generals: 6, deviations: [3: [Deviation(.silent, about: [4, 2])]])
        #expect(suffix.message(path: [0, 4, 2, 3], to: 1, loyalValue: attack) == nil)
        #expect(suffix.message(path: [0, 5, 4, 2, 3], to: 1, loyalValue: attack) == nil)
        #expect(suffix.message(path: [0, 4, 5, 2, 3], to: 1, loyalValue: attack) == attack)
        #expect(suffix.message(path: [0, 2, 3], to: 1, loyalValue: attack) == attack)
    }

    @Test func faultyIsHavingADeviation() {
        let p = problem(generals: 5, deviations: [1: [Deviation(.silent)], 3: []])
        #expect(p.faulty == [1])
        #expect(p.isFaulty(1) && !p.isFaulty(3) && !p.isFaulty(9))
        #expect(p.lieutenants == [1, 2, 3, 4])
        #expect(GeneralsProblem(generalCount: 4, commander: 2).lieutenants == [0, 1, 3])
    }
}
