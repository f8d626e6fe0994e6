import Testing
@testable import ByzantineEngine

/// The figures of Lamport, Shostak and Pease, "The Byzantine Generals Problem" (1982).
/// Commander 0, lieutenants L1 = 1, L2 = 2, L3 = 3; order attack, default retreat.
@Suite struct PaperScenarioTests {
    // MARK: Fig. 1 and 2: three generals cannot cope with one traitor.

    /// Fig. 1: a loyal commander orders attack, the traitor L2 tells L1 "he said retreat".
    /// L1 holds {attack, retreat}: no strict majority, so it decides default (retreat)
    /// against its loyal commander: IC2 is broken.
    @Test(arguments: [retreat, hold])
    func fig1LyingLieutenantBreaksValidity(lie: Int) throws {
        let fig1 = problem(generals: 3, deviations: [2: [Deviation(.lie(lie))]])
        let outcome = try OralMessages.run(fig1, m: 1)
        #expect(outcome.decisions == [nil, retreat, nil])
        #expect(outcome.validity == false)
        #expect(outcome.agreement)  // only one loyal lieutenant
        #expect(outcome.messagesPerRound == [2, 2])
    }

    /// Fig. 2: a two-faced commander orders attack to L1 and retreat to L2; loyal L2
    /// relays retreat. L1 sees exactly what it saw in Fig. 1 and must decide the same,
    /// so no algorithm can make L1 obey in Fig. 1 without splitting L1 and L2 here.
    @Test func fig2TwoFacedCommanderIsIndistinguishableFromFig1() throws {
        let fig1 = problem(generals: 3, deviations: [2: [Deviation(.lie(retreat))]])
        let fig2 = problem(generals: 3, deviations: [0: [Deviation(.lie(retreat), receivers: [2])]])
        // What L1 is told, in both figures.
        #expect(fig1.message(path: [0], to: 1, loyalValue: attack) == attack)
        #expect(fig2.message(path: [0], to: 1, loyalValue: attack) == attack)
        #expect(fig1.message(path: [0, 2], to: 1, loyalValue: attack) == retreat)
        #expect(fig2.message(path: [0], to: 2, loyalValue: attack) == retreat)
        #expect(fig2.message(path: [0, 2], to: 1, loyalValue: retreat) == retreat)

        let outcome1 = try OralMessages.run(fig1, m: 1)
        let outcome2 = try OralMessages.run(fig2, m: 1)
        #expect(outcome2.decisions[1] == outcome1.decisions[1])
        // OM(1) breaks the tie towards the default: both lieutenants retreat here,
        // which is exactly why L1 disobeys in Fig. 1.
        #expect(outcome2.decisions == [nil, retreat, retreat])
        #expect(outcome2.agreement)
        #expect(outcome2.validity)  // vacuous: the commander is a traitor
    }

    /// A two-faced commander alone with two loyal lieutenants, every split of two values.
    @Test(arguments: [attack, retreat, hold], [attack, retreat, hold])
    func twoFacedCommanderWithThreeGenerals(toL1: Int, toL2: Int) throws {
        let twoFaced = problem(generals: 3, deviations: [
            0: [Deviation(.lie(toL1), receivers: [1]), Deviation(.lie(toL2), receivers: [2])],
        ])
        let outcome = try OralMessages.run(twoFaced, m: 1)
        let expected = toL1 == toL2 ? toL1 : retreat
        #expect(outcome.decisions == [nil, expected, expected])
        #expect(outcome.agreement)
    }

    // MARK: Fig. 3: OM(1) with four generals, a lying lieutenant.

    /// L1 and L2 each hold {attack, attack, x}: the majority is attack.
    @Test(arguments: [
        [Deviation(.lie(retreat))], [Deviation(.lie(hold))], [Deviation(.flip)], [Deviation(.silent)],
        [Deviation(.lie(retreat), receivers: [1]), Deviation(.lie(hold), receivers: [2])],
    ])
    func fig3LoyalCommanderLyingL3(l3: [Deviation]) throws {
        let fig3 = problem(generals: 4, deviations: [3: l3])
        let outcome = try OralMessages.run(fig3, m: 1)
        #expect(outcome.decisions == [nil, attack, attack, nil])
        #expect(outcome.agreement)
        #expect(outcome.validity)
        #expect(outcome == (try OralMessages.run(fig3, m: 1)))
    }

    @Test func fig3MessageCount() throws {
        let outcome = try OralMessages.run(problem(generals: 4, deviations: [3: [Deviation(.lie(retreat))]]), m: 1)
        // (n − 1) + (n − 1)(n − 2) = 3 + 6.
        #expect(outcome.messagesPerRound == [3, 6])
        #expect(outcome.messages == 9)
    }

    // MARK: Fig. 4: OM(1) with four generals, a traitor commander.

    /// The commander sends attack, retreat and hold to L1, L2 and L3: each lieutenant
    /// then holds {attack, retreat, hold}, no strict majority, so all three retreat.
    @Test func fig4CommanderSendsThreeDifferentValues() throws {
        let fig4 = problem(generals: 4, deviations: [0: [
            Deviation(.lie(attack), receivers: [1]), Deviation(.lie(retreat), receivers: [2]),
            Deviation(.lie(hold), receivers: [3]),
        ]])
        let outcome = try OralMessages.run(fig4, m: 1)
        #expect(outcome.decisions == [nil, retreat, retreat, retreat])
        #expect(outcome.agreement)
        #expect(outcome.validity)
        #expect(outcome.messages == 9)
    }

    /// Fig. 4 for every x, y, z the commander may send: L1..L3 hold the same multiset,
    /// so they agree (on its strict majority, else retreat).
    @Test(arguments: [attack, retreat, hold], [attack, retreat, hold])
    func fig4AnyValuesTheLieutenantsAgree(x: Int, y: Int) throws {
        for z in [attack, retreat, hold] {
            let fig4 = problem(generals: 4, deviations: [0: [
                Deviation(.lie(x), receivers: [1]), Deviation(.lie(y), receivers: [2]), Deviation(.lie(z), receivers: [3]),
            ]])
            let outcome = try OralMessages.run(fig4, m: 1)
            let expected = ReferenceOM.strictMajority([x, y, z], default: retreat)
            #expect(outcome.decisions == [nil, expected, expected, expected], "x=\(x) y=\(y) z=\(z)")
            #expect(outcome.agreement)
        }
    }
}
