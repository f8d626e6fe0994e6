import Testing
@testable import ByzantineEngine

/// SM(m), the signed-messages algorithm of Section 4 of Lamport, Shostak and Pease
/// (1982), on the scenarios the paper and issue 3 walk through.
/// Commander 0, lieutenants L1 = 1, L2 = 2, …; order attack, default retreat (see Support.swift).
@Suite struct SignedMessagesTests {
    // MARK: Fig. 5: a two-faced commander signs two orders.

    /// The paper's Fig. 5: the commander signs attack for L1 and retreat for L2. Each
    /// relays what it got, so both hold both signed orders (proof that the commander
    /// lied) and obey choice({attack, retreat}) = default. A value enters V_i in the
    /// order it arrives: L1 got attack in round 1, retreat in round 2; L2 the reverse.
    @Test func fig5TwoFacedCommander() throws {
        let fig5 = problem(generals: 3, deviations: [
            0: [Deviation(.lie(attack), receivers: [1]), Deviation(.lie(retreat), receivers: [2])],
        ])
        let outcome = try SignedMessages.run(fig5, m: 1)
        #expect(outcome.sets == [1: [attack, retreat], 2: [retreat, attack]])
        #expect(Set(outcome.sets[1]!) == Set(outcome.sets[2]!), "V1 = V2 as sets")
        #expect(outcome.decisions == [nil, retreat, retreat])
        #expect(outcome.agreement)
        #expect(outcome.validity, "vacuous: the commander is faulty")
        #expect(outcome.messagesPerRound == [2, 2])
        #expect(outcome.messages == 4)
        #expect(outcome.discarded == 0, "the commander's own signatures are genuine")
    }

    /// Every split of two of the three values: a commander that signs two different
    /// orders is caught (V holds both, the lieutenants obey the default); one that signs
    /// the same order twice is obeyed.
    @Test(arguments: [attack, retreat, hold], [attack, retreat, hold])
    func twoFacedCommanderWithThreeGenerals(toL1: Int, toL2: Int) throws {
        let twoFaced = problem(generals: 3, deviations: [
            0: [Deviation(.lie(toL1), receivers: [1]), Deviation(.lie(toL2), receivers: [2])],
        ])
        let outcome = try SignedMessages.run(twoFaced, m: 1)
        if toL1 == toL2 {
            #expect(outcome.sets == [1: [toL1], 2: [toL1]])
            #expect(outcome.decisions == [nil, toL1, toL1])
        } else {
            #expect(outcome.sets == [1: [toL1, toL2], 2: [toL2, toL1]])
            #expect(outcome.decisions == [nil, retreat, retreat])
        }
        #expect(outcome.agreement)
        #expect(outcome.discarded == 0)
    }

    /// SM(0) is only the commander's orders: no relays, so the two-faced commander splits them.
    @Test func smZeroCannotCatchATwoFacedCommander() throws {
        let fig5 = problem(generals: 3, deviations: [
            0: [Deviation(.lie(attack), receivers: [1]), Deviation(.lie(retreat), receivers: [2])],
        ])
        let outcome = try SignedMessages.run(fig5, m: 0)
        #expect(outcome.sets == [1: [attack], 2: [retreat]])
        #expect(outcome.decisions == [nil, attack, retreat])
        #expect(!outcome.agreement)
        #expect(outcome.messagesPerRound == [2])
    }

    // MARK: A lying lieutenant: a forgery, caught.

    /// Three generals, a loyal commander and a lying L2 (the paper's Fig. 1): under
    /// SM(1) L2's relay carries the commander's signature on a value the commander
    /// never signed, so L1 discards it and obeys. The discarded message was still sent.
    @Test(arguments: [[Deviation(.lie(retreat))], [Deviation(.lie(hold))], [Deviation(.flip)]])
    func lyingLieutenantIsCaught(lie: [Deviation]) throws {
        let fig1 = problem(generals: 3, deviations: [2: lie])
        let outcome = try SignedMessages.run(fig1, m: 1)
        #expect(outcome.discarded == 1)
        #expect(outcome.sets == [1: [attack]])
        #expect(outcome.decisions == [nil, attack, nil])
        #expect(outcome.agreement)
        #expect(outcome.validity)
        #expect(outcome.messagesPerRound == [2, 2], "the forgery counts as sent")
        #expect(outcome.messages == 4)

        // The same army under oral messages: L1 cannot tell the liar from the commander.
        let oral = try OralMessages.run(fig1, m: 1)
        #expect(oral.decisions == [nil, retreat, nil])
        #expect(!oral.validity, "OM(1) with three generals breaks IC2")
        #expect(oral.discarded == 0 && oral.sets.isEmpty, "OM has no signatures")
    }

    /// Several liars with a loyal commander: every one of their relays is a forgery.
    @Test func everyForgeryOfSeveralLiarsIsDiscarded() throws {
        // n = 5, L1 lies hold, L3 lies retreat, under SM(2). Each liar gets attack in
        // round 1 and relays it (changed) to the other three lieutenants: 6 forgeries.
        // L2 and L4 relay genuine attack; nobody gets a new value afterwards.
        let liars = problem(generals: 5, deviations: [1: [Deviation(.lie(hold))], 3: [Deviation(.lie(retreat))]])
        let outcome = try SignedMessages.run(liars, m: 2)
        #expect(outcome.discarded == 6)
        #expect(outcome.sets == [2: [attack], 4: [attack]])
        #expect(outcome.decisions == [nil, nil, attack, nil, attack])
        #expect(outcome.messagesPerRound == [4, 12, 0])
        #expect(outcome.agreement && outcome.validity)
    }

    // MARK: Two colluding traitors.

    /// The commander and L1 collude (n = 4): the commander signs attack for L2 and
    /// retreat for L1, nothing for L3; L1 relays retreat to L3 only. SM(1) relays each
    /// order once, so L2 never learns of retreat: IC1 breaks.
    static let twoTraitors = problem(generals: 4, deviations: [
        0: [Deviation(.lie(attack), receivers: [2]), Deviation(.lie(retreat), receivers: [1]), Deviation(.silent, receivers: [3])],
        1: [Deviation(.silent, receivers: [2])],
    ])

    @Test func twoTraitorsBreakSMOne() throws {
        let outcome = try SignedMessages.run(Self.twoTraitors, m: 1)
        #expect(outcome.sets == [2: [attack], 3: [retreat, attack]], "chain 0:1 comes before chain 0:2")
        #expect(outcome.decisions == [nil, nil, attack, retreat])
        #expect(!outcome.agreement)
        #expect(outcome.validity, "vacuous: the commander is faulty")
        #expect(outcome.messagesPerRound == [2, 3])
        #expect(outcome.discarded == 0, "colluding traitors sign for each other; nothing was changed anyway")
    }

    /// SM(2) against the same two traitors: L3 relays retreat:0:1:3 to L2 in round 3.
    @Test func twoTraitorsAreHandledBySMTwo() throws {
        let outcome = try SignedMessages.run(Self.twoTraitors, m: 2)
        #expect(outcome.sets == [2: [attack, retreat], 3: [retreat, attack]])
        #expect(outcome.decisions == [nil, nil, retreat, retreat])
        #expect(outcome.agreement)
        #expect(outcome.validity)
        // Round 3: L3 relays retreat:0:1:3 to L2 and attack:0:2:3 to L1; L1 relays attack:0:2:1 to L3.
        #expect(outcome.messagesPerRound == [2, 3, 3])
        #expect(outcome.discarded == 0)
    }

    // MARK: Commanders that send less.

    /// A silent commander: no lieutenant gets anything, every V_i is empty, and
    /// choice(∅) is the default. Nothing is sent in any round.
    @Test(arguments: 3...6)
    func silentCommander(n: Int) throws {
        for m in 0...(n - 2) {
            let silent = problem(generals: n, deviations: [0: [Deviation(.silent)]])
            let outcome = try SignedMessages.run(silent, m: m)
            #expect(outcome.sets == Dictionary(uniqueKeysWithValues: (1..<n).map { ($0, [Int]()) }), "n = \(n), m = \(m)")
            #expect(loyalDecisions(outcome) == Array(repeating: retreat, count: n - 1))
            #expect(outcome.messages == 0)
            #expect(outcome.messagesPerRound == Array(repeating: 0, count: m + 1))
            #expect(outcome.rounds == m + 1)
            #expect(outcome.agreement && outcome.validity)
        }
    }

    /// A commander that sends its order to one lieutenant only: that lieutenant relays
    /// the signed order to all the others in round 2, and everybody obeys. For m ≥ 2
    /// the others first heard it on a chain of one lieutenant, so each relays it once
    /// more in round 3, to the n − 3 lieutenants not on its chain.
    @Test(arguments: 4...7)
    func commanderSendingToOneLieutenantOnly(n: Int) throws {
        for target in 1..<n {
            for m in 1...(n - 2) {
                let others = Set((1..<n).filter { $0 != target })
                let p = problem(generals: n, deviations: [0: [Deviation(.silent, receivers: others)]])
                let outcome = try SignedMessages.run(p, m: m)
                #expect(outcome.sets == Dictionary(uniqueKeysWithValues: (1..<n).map { ($0, [attack]) }), "n \(n) target \(target) m \(m)")
                #expect(loyalDecisions(outcome) == Array(repeating: attack, count: n - 1))
                let shape = m == 1 ? [1, n - 2] : [1, n - 2, (n - 2) * (n - 3)] + Array(repeating: 0, count: m - 2)
                #expect(outcome.messagesPerRound == shape)
                #expect(outcome.agreement)
            }
        }
    }

    // MARK: Message counts and rounds.

    /// No faults: the commander's n − 1 orders and, for m ≥ 1, each lieutenant relaying
    /// the order once to the n − 2 others; after round 2 nothing is new to anyone.
    @Test(arguments: 3...10)
    func messageCountsWithoutFaults(n: Int) throws {
        for m in 0...(n - 2) {
            for order in [attack, retreat] {
                let outcome = try SignedMessages.run(problem(generals: n, order: order), m: m)
                let expected = m == 0 ? n - 1 : (n - 1) + (n - 1) * (n - 2)
                #expect(outcome.messages == expected, "n = \(n), m = \(m)")
                #expect(SignedMessages.messageCount(generals: n, m: m) == expected)
                #expect(outcome.rounds == m + 1)
                let shape = m == 0 ? [n - 1] : [n - 1, (n - 1) * (n - 2)] + Array(repeating: 0, count: m - 1)
                #expect(outcome.messagesPerRound == shape)
                #expect(outcome.discarded == 0)
                #expect(outcome.sets == Dictionary(uniqueKeysWithValues: (1..<n).map { ($0, [order]) }))
                #expect(loyalDecisions(outcome) == Array(repeating: order, count: n - 1))
                #expect(outcome.agreement && outcome.validity)
                if let bound = SignedMessages.messageBound(generals: n, m: m, values: 3) {
                    #expect(outcome.messages <= bound)
                }
            }
        }
    }

    @Test func messageCountOfTinyArmies() {
        #expect(SignedMessages.messageCount(generals: 1, m: 0) == 0)
        #expect(SignedMessages.messageCount(generals: 2, m: 0) == 1)
        #expect(SignedMessages.messageCount(generals: 4, m: 1) == 9)
        #expect(SignedMessages.messageCount(generals: 5, m: 2) == 16)
    }

    /// A value first heard in round k travels on a chain of k − 1 lieutenants, and is
    /// relayed only while that is fewer than m: a lieutenant that first hears the order
    /// in round m + 1 keeps it to itself.
    @Test(arguments: 1...4)
    func valuesHeardInTheLastRoundAreNotRelayed(m: Int) throws {
        // A line: the commander tells L1 only; each Lk (k ≤ m) is faulty and tells
        // only L(k+1) — all-faulty chains, so every message is genuine for the collusion.
        // L(m+1) first hears attack in round m + 1, and sends nothing; L(m+2) never hears it.
        let n = m + 3
        var deviations: [Int: [Deviation]] = [0: [Deviation(.silent, receivers: Set(2..<n))]]
        for k in 1...m {
            deviations[k] = [Deviation(.silent, receivers: Set((1..<n).filter { $0 != k + 1 }))]
        }
        let p = problem(generals: n, deviations: deviations)
        let outcome = try SignedMessages.run(p, m: m)
        #expect(outcome.messagesPerRound == Array(repeating: 1, count: m + 1))
        #expect(outcome.sets == [m + 1: [attack], m + 2: []])
        #expect(outcome.decisions[m + 1] == attack)
        #expect(outcome.decisions[m + 2] == retreat)
        #expect(!outcome.agreement, "m + 1 traitors are more than SM(m) tolerates")
    }

    // MARK: The order messages are handled in.

    /// A lieutenant that hears nothing in round 1 and two orders in round 2 enters them
    /// by chain (the relaying lieutenant's place in the army), not by value, and the
    /// commander need not be general 0.
    @Test(arguments: [
        // (commander, the lieutenant kept in the dark, earlier lieutenant, later lieutenant)
        (0, 3, 1, 2), (1, 3, 0, 2), (3, 2, 0, 1), (2, 0, 1, 3),
    ])
    func setsFillInChainOrder(generals: (commander: Int, dark: Int, first: Int, second: Int)) throws {
        let (commander, dark, first, second) = generals
        for (early, late) in [(hold, attack), (attack, hold), (retreat, attack)] {
            let p = GeneralsProblem(
                generalCount: 4, commander: commander, valueCount: 3, order: attack, defaultValue: retreat,
                deviations: [commander: [
                    Deviation(.silent, receivers: [dark]),
                    Deviation(.lie(early), receivers: [first]),
                    Deviation(.lie(late), receivers: [second]),
                ]])
            let outcome = try SignedMessages.run(p, m: 1)
            #expect(outcome.sets[dark] == [early, late], "commander \(commander)")
            #expect(outcome.sets[first] == [early, late])
            #expect(outcome.sets[second] == [late, early])
            #expect(outcome.sets[commander] == nil, "the commander keeps no V")
        }
    }

    /// In round 3 chains of the same length compare general by general.
    @Test func roundThreeChainsCompareGeneralByGeneral() throws {
        // n = 5, SM(2). The commander (faulty) tells hold to L2 and attack to L3, nothing
        // to L1 and L4; L2 and L3 are faulty and do not tell L4 anything. L1 (loyal) gets
        // hold:0:2 and attack:0:3 in round 2 and relays both to L4 in round 3, along
        // chains 0:2:1 and 0:3:1 (L2's and L3's round-3 relays skip L4). L4 enters them in
        // chain order, 0:2:1 before 0:3:1, although attack comes before hold as a value.
        let p = problem(generals: 5, deviations: [
            0: [Deviation(.silent, receivers: [1, 4]), Deviation(.lie(hold), receivers: [2]), Deviation(.lie(attack), receivers: [3])],
            2: [Deviation(.silent, receivers: [4])],
            3: [Deviation(.silent, receivers: [4])],
        ])
        let outcome = try SignedMessages.run(p, m: 2)
        #expect(outcome.sets == [1: [hold, attack], 4: [hold, attack]])
        #expect(outcome.decisions == [nil, retreat, nil, nil, retreat])
        #expect(outcome.messagesPerRound == [2, 4, 6])
        #expect(outcome.agreement)
    }

    /// The sets hold only loyal lieutenants.
    @Test func setsLeaveOutTheCommanderAndFaultyLieutenants() throws {
        let p = problem(generals: 6, deviations: [2: [Deviation(.flip)], 5: [Deviation(.silent)]])
        let outcome = try SignedMessages.run(p, m: 2)
        #expect(outcome.sets.keys.sorted() == [1, 3, 4])
    }

    // MARK: Collusion.

    /// Every signer of the chain is faulty (the commander and L2): L2's changed value
    /// carries signatures the traitors can make for each other, so it is valid.
    @Test(arguments: [retreat, hold])
    func aChangeOnAnAllFaultyChainIsNotDiscarded(lie: Int) throws {
        let p = problem(generals: 4, deviations: [
            0: [Deviation(.lie(attack))],  // faulty, but sends what a loyal commander would
            2: [Deviation(.lie(lie))],
        ])
        let outcome = try SignedMessages.run(p, m: 1)
        #expect(outcome.discarded == 0)
        #expect(outcome.sets == [1: [attack, lie], 3: [attack, lie]])
        #expect(outcome.decisions == [nil, retreat, nil, retreat])
        #expect(outcome.messagesPerRound == [3, 6])

        // The same lie with a loyal commander is a forgery: both of L2's relays are discarded.
        let forged = try SignedMessages.run(problem(generals: 4, deviations: [2: [Deviation(.lie(lie))]]), m: 1)
        #expect(forged.discarded == 2)
        #expect(forged.sets == [1: [attack], 3: [attack]])
        #expect(forged.messagesPerRound == [3, 6])
    }

    /// A loyal signer in the middle of the chain: the commander and L2 are faulty, but
    /// L1 is loyal and signed attack on 0:1, so L2 changing it on 0:1:2 is caught.
    @Test(arguments: [retreat, hold])
    func aChangeOnAChainWithALoyalSignerIsDiscarded(lie: Int) throws {
        // The commander tells only L1; L1 relays attack:0:1 to L2 and L3 in round 2;
        // in round 3 L2 relays it (changed) to L3 — discarded — and L3 relays it to L2.
        let p = problem(generals: 4, deviations: [
            0: [Deviation(.silent, receivers: [2, 3])],
            2: [Deviation(.lie(lie))],
        ])
        let outcome = try SignedMessages.run(p, m: 2)
        #expect(outcome.discarded == 1)
        #expect(outcome.sets == [1: [attack], 3: [attack]])
        #expect(outcome.decisions == [nil, attack, nil, attack])
        #expect(outcome.messagesPerRound == [1, 2, 2])
    }

    /// A faulty lieutenant that lies only in round 3: on the traitors' own chain
    /// (0:2:3) its change is valid, on the chain through loyal L1 (0:1:3) it is not.
    @Test func roundRulesSplitValidAndForgedRelays() throws {
        // n = 5, SM(2). The commander and L2 are faulty but send what loyal generals
        // would; L3 lies hold in round 3 only.
        let p = problem(generals: 5, deviations: [
            0: [Deviation(.lie(attack))],
            2: [Deviation(.lie(attack))],
            3: [Deviation(.lie(hold), rounds: 3...3)],
        ])
        let outcome = try SignedMessages.run(p, m: 2)
        // Every lieutenant had attack from round 1, so nobody relays in round 3 at all.
        #expect(outcome.messagesPerRound == [4, 12, 0])
        #expect(outcome.discarded == 0)

        // Now the commander tells only L2 (faulty): L2 relays attack:0:2 in round 2 to
        // L1, L3, L4; in round 3 L3 relays hold on 0:2:3 (all faulty: valid) to L1 and L4,
        // while L1 and L4 relay attack on 0:2:1 and 0:2:4.
        let q = problem(generals: 5, deviations: [
            0: [Deviation(.silent, receivers: [1, 3, 4])],
            2: [Deviation(.lie(attack))],
            3: [Deviation(.lie(hold), rounds: 3...3)],
        ])
        let colluded = try SignedMessages.run(q, m: 2)
        #expect(colluded.discarded == 0)
        #expect(colluded.sets == [1: [attack, hold], 4: [attack, hold]])
        #expect(colluded.decisions == [nil, retreat, nil, nil, retreat])

        // And the same with L1 as the general the commander tells: the chain is 0:1:3,
        // L1 is loyal, so L3's hold is forged twice over (to L2 and L4).
        let r = problem(generals: 5, deviations: [
            0: [Deviation(.silent, receivers: [2, 3, 4])],
            2: [Deviation(.lie(attack))],
            3: [Deviation(.lie(hold), rounds: 3...3)],
        ])
        let caught = try SignedMessages.run(r, m: 2)
        #expect(caught.discarded == 2)
        #expect(caught.sets == [1: [attack], 4: [attack]])
        #expect(caught.decisions == [nil, attack, nil, nil, attack])
    }

    // MARK: Refusals.

    @Test func messageBound() {
        #expect(SignedMessages.messageBound(generals: 4, m: 1, values: 3) == 3 + 3 * 2 * 3)
        #expect(SignedMessages.messageBound(generals: 4, m: 1, values: 2) == 3 + 3 * 2 * 2)
        #expect(SignedMessages.messageBound(generals: 4, m: 0, values: 3) == 3)
        #expect(SignedMessages.messageBound(generals: 4, m: 2, values: 1) == 3 + 6)
        #expect(SignedMessages.messageBound(generals: 4, m: 1, values: 0) == 3 + 6, "at least one value")
        #expect(SignedMessages.messageBound(generals: 1, m: 0, values: 2) == 0)
        #expect(SignedMessages.messageBound(generals: 10, m: 8, values: 2) == 9 + 9 * 8 * 2)
        #expect(SignedMessages.messageBound(generals: 4, m: 1, values: Int.max) == nil)
        #expect(SignedMessages.messageBound(generals: Int.max, m: 1, values: 2) == nil)
    }

    @Test func tooManyMessagesIsRefusedBeforeRunning() throws {
        let p = problem(generals: 4)  // three values in play: the bound is 3 + 3·2·3 = 21
        #expect(throws: EngineError.tooManyMessages(needed: 21, limit: 20)) {
            try SignedMessages.run(p, m: 1, messageLimit: 20)
        }
        #expect(throws: EngineError.tooManyMessages(needed: 21, limit: 20)) {
            try SignedMessages.validate(p, m: 1, messageLimit: 20)
        }
        // The limit is on the bound, not on what this run would send (9).
        #expect(try SignedMessages.run(p, m: 1, messageLimit: 21).messages == 9)
        #expect(try SignedMessages.run(p, m: 0, messageLimit: 3).messages == 3)

        var huge = problem(generals: 4)
        huge.valueCount = Int.max
        #expect(throws: EngineError.tooManyMessages(needed: nil, limit: 1_000_000_000)) {
            try SignedMessages.run(huge, m: 1)
        }
    }

    @Test(arguments: [(3, -1), (3, 2), (3, 3), (4, 3), (7, 6), (7, -5), (5, Int.max)])
    func invalidRounds(n: Int, m: Int) {
        #expect(throws: EngineError.invalidRounds(m: m, generals: n)) {
            try SignedMessages.run(problem(generals: n), m: m)
        }
    }

    @Test func otherRefusals() {
        #expect(throws: EngineError.armyTooSmall(generals: 2)) {
            try SignedMessages.run(problem(generals: 2), m: 0)
        }
        #expect(throws: EngineError.unknownValue(7)) {
            try SignedMessages.run(problem(generals: 4, deviations: [1: [Deviation(.lie(7))]]), m: 1)
        }
        #expect(throws: EngineError.cancelled) {
            try SignedMessages.run(problem(generals: 4), m: 1, shouldStop: { true })
        }
    }

    // MARK: Determinism.

    static let problems: [(GeneralsProblem, Int)] = [
        (problem(generals: 4), 1),
        (problem(generals: 4, deviations: [3: [Deviation(.lie(hold))]]), 2),
        (problem(generals: 7, deviations: [0: [Deviation(.lie(hold), receivers: [1, 2]), Deviation(.flip)], 4: [Deviation(.silent, rounds: 2...2)]]), 3),
        (problem(generals: 7, deviations: [0: [Deviation(.random)], 5: [Deviation(.random, about: [0])]], seed: 12_345), 4),
        (problem(generals: 10, order: retreat, deviations: [0: [Deviation(.random)], 2: [Deviation(.random)], 6: [Deviation(.flip)], 9: [Deviation(.silent, receivers: [1])]], seed: 3), 5),
    ]

    @Test(arguments: problems.indices)
    func sameProblemTwiceGivesTheSameOutcome(index: Int) throws {
        let (p, m) = Self.problems[index]
        let first = try SignedMessages.run(p, m: m)
        let second = try SignedMessages.run(p, m: m)
        #expect(first == second)
        #expect(first.sets == second.sets && first.discarded == second.discarded)
    }

    /// Random traitors: the same seed gives the same run; different seeds give different runs.
    @Test func randomDeviationsFollowTheSeed() throws {
        var outcomes: [Outcome] = []
        for seed in UInt64(0)..<16 {
            let p = problem(generals: 6, deviations: [0: [Deviation(.random)], 3: [Deviation(.random)]], seed: seed)
            let first = try SignedMessages.run(p, m: 2)
            #expect(try SignedMessages.run(p, m: 2) == first, "seed \(seed)")
            // Two traitors against SM(2): random is one more way to lie, and IC1 holds.
            #expect(first.agreement, "seed \(seed)")
            outcomes.append(first)
        }
        #expect(Set(outcomes.map { "\($0.sets)" }).count > 1, "the seed changes what the traitors send")
    }

    /// A random lieutenant under a loyal commander: whatever it sends that is not the
    /// order is a forgery, so the loyal lieutenants keep V = {order}.
    @Test func randomLiarsUnderALoyalCommanderAreAllCaught() throws {
        for seed in UInt64(0)..<16 {
            let p = problem(generals: 5, deviations: [2: [Deviation(.random)], 4: [Deviation(.random)]], seed: seed)
            let outcome = try SignedMessages.run(p, m: 2)
            #expect(outcome.sets == [1: [attack], 3: [attack]], "seed \(seed)")
            #expect(outcome.validity && outcome.agreement)
        }
    }
}
