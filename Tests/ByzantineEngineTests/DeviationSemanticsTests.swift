import Testing
@testable import ByzantineEngine

/// What each deviation does to a run. With OM(0) a lieutenant decides exactly the
/// value it received; with n = 3 and OM(1), loyal L2 decides v only when both the
/// commander's order and L1's relay are v (else retreat), which makes a single relay visible.
@Suite struct DeviationSemanticsTests {
    // MARK: lie

    @Test func lieToSomeReceiversOnly() throws {
        let p = problem(generals: 5, deviations: [0: [Deviation(.lie(hold), receivers: [2, 4])]])
        let outcome = try OralMessages.run(p, m: 0)
        #expect(outcome.decisions == [nil, attack, hold, attack, hold])
        #expect(outcome.messages == 4)
        #expect(outcome.validity == true)  // vacuous: the commander is faulty
    }

    @Test func lieInARelay() throws {
        let toL2 = problem(generals: 3, deviations: [1: [Deviation(.lie(hold), receivers: [2])]])
        #expect(try OralMessages.run(toL2, m: 1).decisions == [nil, nil, retreat])
        // A receiver set that excludes every receiver of the general leaves it loyal in effect.
        let toNobody = problem(generals: 3, deviations: [1: [Deviation(.lie(hold), receivers: [0, 1])]])
        #expect(try OralMessages.run(toNobody, m: 1).decisions == [nil, nil, attack])
    }

    /// Rules are tried in order and the first that matches decides; silent makes it countable.
    @Test func firstMatchWins() throws {
        let liesToL2ThenSilent = problem(generals: 4, deviations: [1: [Deviation(.lie(hold), receivers: [2]), Deviation(.silent)]])
        let silentFirst = problem(generals: 4, deviations: [1: [Deviation(.silent), Deviation(.lie(hold), receivers: [2])]])
        #expect(try OralMessages.run(liesToL2ThenSilent, m: 1).messagesPerRound == [3, 5])
        #expect(try OralMessages.run(silentFirst, m: 1).messagesPerRound == [3, 4])
        #expect(liesToL2ThenSilent.message(path: [0, 1], to: 2, loyalValue: attack) == hold)
        #expect(liesToL2ThenSilent.message(path: [0, 1], to: 3, loyalValue: attack) == nil)
    }

    // MARK: flip

    @Test func flipTurnsTheOrderIntoTheDefault() throws {
        let commander = problem(generals: 4, deviations: [0: [Deviation(.flip)]])
        #expect(try OralMessages.run(commander, m: 0).decisions == [nil, retreat, retreat, retreat])
        // A flipping L1 relays retreat where it got attack: L2 holds {attack, retreat}.
        let relay = problem(generals: 3, deviations: [1: [Deviation(.flip)]])
        #expect(try OralMessages.run(relay, m: 1).decisions == [nil, nil, retreat])
    }

    /// Anything but the order (the default or a third value) flips to the order.
    @Test(arguments: [retreat, hold])
    func flipTurnsAnythingElseIntoTheOrder(toL1: Int) throws {
        let commanderLiesToL1 = [0: [Deviation(.lie(toL1), receivers: [1])]]
        let withoutFlip = problem(generals: 3, deviations: commanderLiesToL1)
        #expect(try OralMessages.run(withoutFlip, m: 1).decisions == [nil, retreat, retreat])
        let flipping = problem(generals: 3, deviations: commanderLiesToL1.merging([1: [Deviation(.flip)]]) { $1 })
        // L1 got toL1 ≠ order and relays attack: L2 holds {attack, attack}.
        #expect(try OralMessages.run(flipping, m: 1).decisions == [nil, nil, attack])
    }

    /// When the order is the default, flipping changes nothing (order → default = order).
    @Test func flipWhenOrderIsTheDefault() throws {
        let p = problem(generals: 4, order: retreat, deviations: [0: [Deviation(.flip)]])
        #expect(try OralMessages.run(p, m: 0).decisions == [nil, retreat, retreat, retreat])
    }

    // MARK: silent

    /// A silent commander sends nothing in round 1: the lieutenants use (and relay) retreat.
    @Test func silentCommander() throws {
        let p = problem(generals: 4, deviations: [0: [Deviation(.silent)]])
        let om1 = try OralMessages.run(p, m: 1)
        #expect(om1.messagesPerRound == [0, 6])
        #expect(om1.messages == 6)
        #expect(om1.decisions == [nil, retreat, retreat, retreat])
        #expect(om1.agreement)
        #expect(om1.validity)
        let om0 = try OralMessages.run(p, m: 0)
        #expect(om0.messagesPerRound == [0])
        #expect(om0.decisions == [nil, retreat, retreat, retreat])
    }

    @Test func silentLieutenant() throws {
        let p = problem(generals: 4, deviations: [1: [Deviation(.silent)]])
        let outcome = try OralMessages.run(p, m: 1)
        #expect(outcome.messagesPerRound == [3, 4])
        #expect(outcome.decisions == [nil, nil, attack, attack])
        // With n = 3 the missing relay counts as retreat: {attack, retreat} → retreat.
        let three = problem(generals: 3, deviations: [1: [Deviation(.silent)]])
        #expect(try OralMessages.run(three, m: 1).decisions == [nil, nil, retreat])
    }

    @Test func silentToOneReceiver() throws {
        let p = problem(generals: 4, deviations: [0: [Deviation(.silent, receivers: [2])]])
        let om0 = try OralMessages.run(p, m: 0)
        #expect(om0.decisions == [nil, attack, retreat, attack])
        #expect(om0.messages == 2)
        // OM(1) repairs it: L2 relays retreat but hears attack from L1 and L3.
        let om1 = try OralMessages.run(p, m: 1)
        #expect(om1.messagesPerRound == [2, 6])
        #expect(om1.decisions == [nil, attack, attack, attack])
    }

    // MARK: rounds

    /// n = 5, OM(2): rounds of 4, 12 and 24 messages; L1 sends 3 in round 2 and 6 in round 3.
    @Test(arguments: [
        (1...1, [4, 12, 24]),  // lieutenants never send in round 1
        (2...2, [4, 9, 24]),
        (3...3, [4, 12, 18]),
        (2...3, [4, 9, 18]),
        (2...Int.max, [4, 9, 18]),  // crash after round 1
        (3...Int.max, [4, 12, 18]),  // crash after round 2
        (4...Int.max, [4, 12, 24]),  // beyond the last round
    ])
    func silentLieutenantInSomeRounds(rounds: ClosedRange<Int>, perRound: [Int]) throws {
        let p = problem(generals: 5, deviations: [1: [Deviation(.silent, rounds: rounds)]])
        #expect(try OralMessages.run(p, m: 2).messagesPerRound == perRound)
    }

    @Test func lieLimitedToRoundTwo() throws {
        let round2 = problem(generals: 3, deviations: [1: [Deviation(.lie(hold), rounds: 2...2)]])
        #expect(try OralMessages.run(round2, m: 1).decisions == [nil, nil, retreat])
        let round3 = problem(generals: 3, deviations: [1: [Deviation(.lie(hold), rounds: 3...3)]])
        #expect(try OralMessages.run(round3, m: 1).decisions == [nil, nil, attack])
    }

    /// The commander only sends in round 1: a rule for later rounds never fires, so
    /// "crash after round 1" is a commander that behaves loyally.
    @Test func commanderRulesAfterRoundOneAreInert() throws {
        let loyal = try OralMessages.run(problem(generals: 7), m: 2)
        for deviation in [Deviation(.silent, rounds: 2...Int.max), Deviation(.lie(hold), rounds: 2...2), Deviation(.flip, rounds: 3...3)] {
            let outcome = try OralMessages.run(problem(generals: 7, deviations: [0: [deviation]]), m: 2)
            #expect(outcome.decisions == loyal.decisions)
            #expect(outcome.messagesPerRound == loyal.messagesPerRound)
        }
    }

    /// A lieutenant that crashes after round 1 is the same as a silent one.
    @Test func crashedLieutenantIsSilent() throws {
        let crashed = problem(generals: 7, deviations: [0: [Deviation(.lie(retreat), receivers: [2, 3])], 4: [Deviation(.silent, rounds: 2...Int.max)]])
        let silent = problem(generals: 7, deviations: [0: [Deviation(.lie(retreat), receivers: [2, 3])], 4: [Deviation(.silent)]])
        #expect(try OralMessages.run(crashed, m: 2) == (try OralMessages.run(silent, m: 2)))
    }

    // MARK: about

    /// L1 silent `about: [2]` drops only its relays of what L2 told it (round-3 paths
    /// [0, 2, 1], to L3 and L4); `about: [0]` drops its relays of the commander's order (round 2).
    @Test(arguments: [(0, [4, 9, 24]), (2, [4, 12, 22]), (1, [4, 12, 24])])
    func silentAbout(about: Int, perRound: [Int]) throws {
        let p = problem(generals: 5, deviations: [1: [Deviation(.silent, about: [about])]])
        #expect(try OralMessages.run(p, m: 2).messagesPerRound == perRound)
    }

    /// `about` never matches the commander's orders (no previous sender).
    @Test func aboutNeverMatchesRoundOne() throws {
        let p = problem(generals: 4, deviations: [0: [Deviation(.lie(hold), about: [0]), Deviation(.silent, about: [1])]])
        #expect(try OralMessages.run(p, m: 0).decisions == [nil, attack, attack, attack])
        #expect(p.message(path: [0], to: 1, loyalValue: attack) == attack)
    }

    @Test func lieAboutOneGeneral() throws {
        // n = 3, OM(1): L1 lies only about the commander, that is in all its relays.
        let aboutCommander = problem(generals: 3, deviations: [1: [Deviation(.lie(hold), about: [0])]])
        #expect(try OralMessages.run(aboutCommander, m: 1).decisions == [nil, nil, retreat])
        let aboutL2 = problem(generals: 3, deviations: [1: [Deviation(.lie(hold), about: [2])]])
        #expect(try OralMessages.run(aboutL2, m: 1).decisions == [nil, nil, attack])
        // The engine's relays of L2's value in OM(2) use exactly the paths message(path:) sees.
        let deep = problem(generals: 5, deviations: [1: [Deviation(.lie(hold), about: [2])]])
        #expect(deep.message(path: [0, 2, 1], to: 3, loyalValue: attack) == hold)
        #expect(deep.message(path: [0, 3, 1], to: 2, loyalValue: attack) == attack)
        #expect(deep.message(path: [0, 1], to: 2, loyalValue: attack) == attack)
        let engine = try OralMessagesRecursion(problem: deep, m: 2, recorder: NoRecorder()).run(shouldStop: { false })
        #expect(engine == ReferenceOM.run(deep, m: 2).decisions)
    }

    // MARK: about a path

    /// Every path a message of OM(m) or SM(m) can take before `sender` (commander
    /// first, no general twice, at most m generals), and every suffix of each:
    /// all the `about` lists that match some message of `sender`.
    static func aboutLists(generals n: Int, m: Int, sender: Int) -> [[Int]] {
        var lists: [[Int]] = []
        func walk(_ path: [Int]) {
            for start in path.indices where !lists.contains(Array(path[start...])) { lists.append(Array(path[start...])) }
            guard path.count < m else { return }
            for next in 1..<n where next != sender && !path.contains(next) { walk(path + [next]) }
        }
        walk([0])
        return lists
    }

    /// The messages a rule about `list` changes: those of `sender` whose path
    /// before it ends with `list`, each once, by path and receiver.
    static func changed(_ trace: Trace?, by sender: Int) -> Set<[Int]> {
        Set((trace?.messages ?? []).filter { $0.sender == sender && $0.value != $0.loyalValue }.map { $0.path + [$0.receiver] })
    }

    /// A rule about a path changes exactly the messages whose path before the
    /// sender ends with it, and the engine agrees with the reference on every
    /// decision and message count; lists that start with the commander name one
    /// path, the others every path they end.
    @Test(arguments: [(5, 2), (6, 3)])
    func aboutAPathChangesExactlyItsMessages(generals n: Int, m: Int) throws {
        let sender = 2
        let lists = Self.aboutLists(generals: n, m: m, sender: sender)
        #expect(lists.contains { $0.count == m && $0.first == 0 })
        for list in lists {
            for action in [Deviation.Action.lie(hold), .silent] {
                let p = problem(generals: n, deviations: [sender: [Deviation(action, about: list)]])
                let expected = ReferenceOM.run(p, m: m)
                let recursion = OralMessagesRecursion(problem: p, m: m, recorder: NoRecorder())
                #expect(try recursion.run(shouldStop: { false }) == expected.decisions, "about \(list)")
                #expect(recursion.messagesPerRound == expected.messagesPerRound, "about \(list)")
                let traced = try OralMessages.run(p, m: m, recordTrace: true)
                let changed = Self.changed(traced.trace, by: sender)
                let matching = Set((traced.trace?.messages ?? []).filter {
                    $0.sender == sender && $0.path.dropLast().suffix(list.count).elementsEqual(list)
                }.map { $0.path + [$0.receiver] })
                #expect(!matching.isEmpty && changed == matching, "about \(list)")
                #expect(traced.lies + traced.drops == matching.count, "about \(list)")
            }
        }
    }

    /// OM(2), five generals: `about [0, 3]` is the one path [C, L3, L2], so L2
    /// lies in its two round-3 relays of what L3 said C said, and nowhere else;
    /// in OM(3) `about [3]` also covers [C, L1, L3, L2], and `about [0, 3]` does not.
    @Test func aWholePathAgainstItsLastGeneral() throws {
        let whole = problem(generals: 5, deviations: [2: [Deviation(.lie(hold), about: [0, 3])]])
        let outcome = try OralMessages.run(whole, m: 2, recordTrace: true)
        #expect(Self.changed(outcome.trace, by: 2) == [[0, 3, 2, 1], [0, 3, 2, 4]])
        let last = problem(generals: 6, deviations: [2: [Deviation(.lie(hold), about: [3])]])
        let wholeInOMThree = problem(generals: 6, deviations: [2: [Deviation(.lie(hold), about: [0, 3])]])
        let byLast = Self.changed(try OralMessages.run(last, m: 3, recordTrace: true).trace, by: 2)
        let byWhole = Self.changed(try OralMessages.run(wholeInOMThree, m: 3, recordTrace: true).trace, by: 2)
        #expect(byWhole.isStrictSubset(of: byLast))
        #expect(byLast.contains([0, 1, 3, 2, 4]) && !byWhole.contains([0, 1, 3, 2, 4]))
        #expect(byWhole.allSatisfy { $0.prefix(3) == [0, 3, 2] })
    }

    /// Lists no message's path ends with change nothing: out of order, the
    /// commander after the first place, the sender itself, longer than m.
    @Test(arguments: [[3, 0], [1, 0, 3], [2], [0, 2], [3, 1, 4], [0, 1, 3, 4]])
    func aboutAPathNoMessageTakes(list: [Int]) throws {
        let p = problem(generals: 5, deviations: [2: [Deviation(.silent, about: list)]])
        let outcome = try OralMessages.run(p, m: 2)
        #expect(outcome.drops == 0)
        #expect(outcome.messagesPerRound == [4, 12, 24])
        #expect(outcome.decisions == [nil, attack, nil, attack, attack])
    }
}
