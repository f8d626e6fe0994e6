import Testing
@testable import ByzantineEngine

/// A `relay` rule under SM: a faulty general also extends the chains the rule
/// selects, whatever order the army is listed in, and the rule changes no message.
/// Commander 0, lieutenants L1 = 1, L2 = 2, …; order attack, default retreat (see Support.swift).
@Suite struct SignedMessagesRelayRuleTests {
    /// grammar.md's army: C flips to L4, L1 and L4 are faulty, L4 flips what it
    /// relays. Listed C, L1, …, L5, or C, L4, L5, L2, L1, L3 (the engine's army
    /// order is its numbering); `loyal` gives L2, L3 and L5's numbers.
    private func army(listedL5First: Bool, relayingAbout: [Int]? = nil) -> (problem: GeneralsProblem, loyal: [Int]) {
        let (l1, l3, l4) = listedL5First ? (4, 5, 1) : (1, 3, 4)
        let relay = relayingAbout.map { about in [Deviation(.relay, about: about.map { $0 == 1 ? l1 : $0 })] } ?? []
        let army = problem(generals: 6, deviations: [
            0: [Deviation(.flip, receivers: [l4])],
            l1: [Deviation(.lie(attack), receivers: [l3])],
            l4: [Deviation(.flip)] + relay,
        ])
        return (army, listedL5First ? [3, 5, 2] : [2, 3, 5])
    }

    /// Without the rule L4 extends C, L1 only when L1 stands before L5; with
    /// `about C, L1` it extends C, L1 even after C, L5 brought the same value,
    /// and its flipped retreat, signed by faulty generals only, is accepted.
    @Test func theRuleExtendsTheChosenChainAfterItsValueIsInV() throws {
        let (plain, loyal) = army(listedL5First: true)
        let without = try SignedMessages.run(plain, m: 3)
        #expect(loyal.map { without.decisions[$0] } == [attack, attack, attack])
        for listedL5First in [false, true] {
            let (choosing, loyal) = army(listedL5First: listedL5First, relayingAbout: [0, 1])
            let with = try SignedMessages.run(choosing, m: 3)
            #expect(loyal.map { with.decisions[$0] } == [retreat, retreat, retreat])
            #expect(with.sets[loyal[2]].map(Set.init) == [attack, retreat])
        }
    }

    /// A rule that selects no chain sends nothing more than no rule at all.
    @Test func aRuleSelectingNoChainChangesNothing() throws {
        let plain = try SignedMessages.run(army(listedL5First: true).problem, m: 3)
        var afterTheLastRound = army(listedL5First: true).problem
        afterTheLastRound.deviations[1].append(Deviation(.relay, rounds: 9...9))
        let unused = try SignedMessages.run(afterTheLastRound, m: 3)
        #expect(unused.messages == plain.messages)
        #expect(unused.decisions == plain.decisions)
    }

    /// The bound counts the extra chains a general with a rule may extend, and is never below what a run sends.
    @Test func theBoundCoversEveryChosenChain() throws {
        let everything = problem(generals: 6, deviations: [4: [Deviation(.relay)]])
        let outcome = try SignedMessages.run(everything, m: 3)
        let bound = try #require(SignedMessages.messageBound(everything, m: 3))
        #expect(outcome.messages <= bound)
        #expect(bound > SignedMessages.messageBound(generals: 6, m: 3, values: everything.valueCount)!)
        #expect(outcome.messages > SignedMessages.messageCount(generals: 6, m: 3), "L4 extends every chain it receives")
    }

    /// Under OM the rule does nothing: the general sends as a loyal one would.
    @Test func underOMTheRuleChangesNoMessage() throws {
        let relaying = problem(generals: 4, deviations: [3: [Deviation(.relay)]])
        let outcome = try OralMessages.run(relaying, m: 1)
        #expect(outcome.decisions[1] == attack && outcome.decisions[2] == attack)
        #expect(outcome.trace == nil || outcome.trace?.messages.allSatisfy { $0.value == $0.loyalValue } == true)
    }
}
