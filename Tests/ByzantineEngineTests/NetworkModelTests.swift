import Testing
@testable import ByzantineEngine

/// What each system model does to a run, pinned: a lossy channel's seeded
/// losses, broadcast's one value per path, a partition's blocked rounds, and
/// asynchronous delays against the receiver's timeout.
@Suite struct NetworkModelTests {
    static func delivery(
        _ generals: Int, channel: Channel = .reliable, partitions: [Partition] = [], timing: Timing = .synchronous
    ) -> Delivery {
        Delivery(links: .complete(generals), channel: channel, partitions: partitions, timing: timing)
    }

    // MARK: - Lossy channels

    /// The same seed loses the same messages, and another seed others; 0%
    /// loses none and 100% every one; about the rate is lost on a large run.
    @Test func lossesAreSeededAndAtTheRate() throws {
        func run(_ percent: Int, seed: UInt64) throws -> Outcome {
            try OralMessages.run(problem(generals: 12, seed: seed, delivery: Self.delivery(12, channel: .lossy(percent: percent))), m: 2)
        }
        let first = try run(20, seed: 7)
        #expect(try run(20, seed: 7) == first)
        #expect(try run(20, seed: 8).network.lost != first.network.lost)
        #expect(try run(0, seed: 7).network.lost == 0)
        let all = try run(100, seed: 7)
        #expect(all.network.lost == all.messages, "every message sent is lost")
        #expect(loyalDecisions(all).allSatisfy { $0 == retreat }, "nothing arrives, so every lieutenant uses the default")
        let share = Double(first.network.lost) / Double(first.messages)
        #expect(share > 0.18 && share < 0.22, "\(share) of \(first.messages) messages lost at 20%")
        // A lost message was sent: it counts among the messages.
        #expect(first.messages == OralMessages.messageCount(generals: 12, m: 2))
    }

    /// In synchronous rounds a lost message is a detected absence: OM's
    /// receiver uses the default, exactly as for a silent sender.
    @Test func omTakesALostMessageAsTheDefault() throws {
        let p = problem(generals: 4, seed: 3, delivery: Self.delivery(4, channel: .lossy(percent: 30)))
        let outcome = try OralMessages.run(p, m: 1, recordTrace: true)
        let lost = outcome.trace?.messages.filter { $0.disposition == .lost } ?? []
        #expect(lost.count == outcome.network.lost && !lost.isEmpty)
        for message in lost {
            #expect(p.message(path: message.path, to: message.receiver, loyalValue: message.loyalValue) == nil)
            #expect(p.delivery.fate(path: message.path, to: message.receiver, seed: p.seed) == .lost)
        }
        #expect(outcome == (try OralMessages.run(p, m: 1, recordTrace: true)))
    }

    /// SM: a lost message never enters V, but another chain can carry the value.
    @Test func smIsInsensitiveToALostLineWhileOthersCarryTheOrder() throws {
        for seed in UInt64(0)..<20 {
            let p = problem(generals: 6, seed: seed, delivery: Self.delivery(6, channel: .lossy(percent: 20)))
            let sm = try SignedMessages.run(p, m: 2, recordTrace: true)
            let lost = sm.trace?.messages.filter { $0.disposition == .lost } ?? []
            #expect(lost.count == sm.network.lost)
            // A lieutenant whose own order was lost still hears it from another unless all its chains were lost too.
            for lieutenant in 1..<6 where sm.decisions[lieutenant] != attack {
                let heard = sm.trace?.messages.contains { $0.receiver == lieutenant && $0.disposition == .accepted } ?? false
                #expect(!heard, "seed \(seed): L\(lieutenant) accepted a value yet decided \(String(describing: sm.decisions[lieutenant]))")
            }
        }
    }

    // MARK: - Broadcast

    /// Under broadcast a rule for some receivers only is refused, and
    /// `random` draws one value per path for every receiver alike.
    @Test func broadcastRefusesTwoFacedRulesAndDrawsOncePerPath() throws {
        let twoFaced = problem(
            generals: 4, deviations: [0: [Deviation(.lie(retreat), receivers: [1])]], delivery: Self.delivery(4, channel: .broadcast))
        #expect(throws: EngineError.twoFacedUnderBroadcast(general: 0)) { try OralMessages.run(twoFaced, m: 1) }
        #expect(throws: EngineError.twoFacedUnderBroadcast(general: 0)) { try SignedMessages.run(twoFaced, m: 1) }
        for seed in UInt64(0)..<16 {
            let p = problem(generals: 5, deviations: [0: [Deviation(.random)], 2: [Deviation(.random)]], seed: seed,
                            delivery: Self.delivery(5, channel: .broadcast))
            let outcome = try OralMessages.run(p, m: 1, recordTrace: true)
            let byPath = Dictionary(grouping: outcome.trace?.messages ?? [], by: \.path)
            for (path, messages) in byPath {
                #expect(Set(messages.map(\.value)).count == 1, "seed \(seed): path \(path) told its receivers different things")
            }
            // OM(0) with a faulty commander already agrees: everyone hears the one value.
            #expect(try OralMessages.run(p, m: 0).agreement)
        }
    }

    // MARK: - Partitions

    /// No message crosses between groups in the partition's rounds; it is
    /// sent, blocked and counted, and the receiver uses the default.
    @Test func aPartitionBlocksItsRoundsOnly() throws {
        let split = Partition(groups: [0, 0, 0, 1, 1], rounds: 2...2)
        let p = problem(generals: 5, delivery: Self.delivery(5, partitions: [split]))
        let outcome = try OralMessages.run(p, m: 1, recordTrace: true)
        let blocked = outcome.trace?.messages.filter { $0.disposition == .blocked } ?? []
        // Round 2: L1, L2 relay to L3, L4 and back: 2 · 2 · 2 messages cross.
        #expect(blocked.count == 8 && outcome.network.blocked == 8)
        #expect(blocked.allSatisfy { $0.round == 2 && split.groups[$0.sender] != split.groups[$0.receiver] })
        #expect(outcome.messages == OralMessages.messageCount(generals: 5, m: 1))
        // Each lieutenant heard C and its own group: attack twice in four, no majority.
        #expect(outcome.decisions == [nil, retreat, retreat, retreat, retreat])
        #expect(!outcome.validity, "a partition breaks OM without a traitor")
        let sm = try SignedMessages.run(p, m: 1)
        #expect(sm.validity && sm.agreement, "SM's own orders came in round 1, before the partition")
    }

    // MARK: - Asynchronous rounds

    /// A delay shorter than the timeout arrives late but in time; one as long
    /// as the timeout or longer is taken as missing.
    @Test func aDelayAgainstTheTimeout() throws {
        let late = NetworkDelay(sender: 0, selector: MessageSelector(receivers: [1]), rounds: 2)
        func run(timeout: Int) throws -> Outcome {
            try OralMessages.run(
                problem(generals: 4, delivery: Self.delivery(4, timing: .asynchronous(Asynchrony(timeout: timeout, delays: [late])))),
                m: 1, recordTrace: true)
        }
        let inTime = try run(timeout: 3)
        #expect(inTime.network.late == 1 && inTime.network.timedOut == 0)
        #expect(inTime.trace?.messages.first { $0.path == [0] && $0.receiver == 1 }.map { ($0.disposition, $0.delay) }
            .map { $0 == .received && $1 == 2 } == true)
        let missed = try run(timeout: 2)
        #expect(missed.network.late == 0 && missed.network.timedOut == 1)
        #expect(missed.trace?.messages.first { $0.path == [0] && $0.receiver == 1 }?.disposition == .timedOut)
        // One missing order to L1 is outvoted by L2 and L3; a late order to L1 and L2 is not.
        #expect(missed.validity)
        let twoLate = NetworkDelay(sender: 0, selector: MessageSelector(receivers: [1, 2]), rounds: 1)
        let broken = try OralMessages.run(
            problem(generals: 4, delivery: Self.delivery(4, timing: .asynchronous(Asynchrony(delays: [twoLate])))), m: 1)
        #expect(!broken.validity, "with no traitor, two late orders break IC2")
    }

    /// `verify` takes the network's delays as the adversary's: unbounded,
    /// OM(1) on four generals breaks with no traitor; bounded below the
    /// timeout, it holds.
    @Test func verifyLetsTheNetworkWithholdUnlessDelaysAreBounded() throws {
        func verify(_ asynchrony: Asynchrony) throws -> VerificationResult {
            try Verifier.verify(VerificationRequest(
                algorithm: .om, m: 1, generalCount: 4, commander: 0, orders: [attack], defaultValue: retreat, valueCount: 3,
                traitors: 1, delivery: Self.delivery(4, timing: .asynchronous(asynchrony))))
        }
        let unbounded = try verify(Asynchrony())
        guard case .counterexample(let found) = unbounded.verdict else {
            Issue.record("an unbounded network must break OM(1)")
            return
        }
        #expect(unbounded.exhaustive && !unbounded.plan.scope.symmetric)
        #expect(found.faulty.isEmpty && found.deviatingMessages == 2 && found.delays.count == 2)
        #expect(found.outcome.network.timedOut == 2)
        let bounded = try verify(Asynchrony(timeout: 2, bound: 1))
        #expect(bounded.verdict == .holds && bounded.exhaustive)
        // The scenario's own delays are not assumed: the request drops them.
        let request = VerificationRequest(
            algorithm: .om, m: 1, generalCount: 4, commander: 0, orders: [attack], defaultValue: retreat, valueCount: 3, traitors: 1,
            delivery: Self.delivery(4, timing: .asynchronous(Asynchrony(delays: [NetworkDelay(sender: 0, rounds: 5)]))))
        #expect(request.delivery.timing == .asynchronous(Asynchrony()))
    }

    /// Only the default model lets the verifier treat loyal lieutenants as interchangeable.
    @Test(arguments: [
        Delivery(links: .complete(4), channel: .lossy(percent: 10)), Delivery(links: .complete(4), channel: .broadcast),
        Delivery(links: .complete(4), partitions: [Partition(groups: [0, 0, 1, 1], rounds: 1...1)]),
        Delivery(links: .complete(4), timing: .asynchronous(Asynchrony())),
    ])
    func everyOtherModelGivesUpTheSymmetry(_ delivery: Delivery) {
        #expect(delivery.symmetry == .none)
        #expect(Delivery(links: .complete(4), timing: .asynchronous(Asynchrony(timeout: 3, bound: 2))).symmetry == .loyalLieutenantsInterchangeable)
    }

    @Test func impossibleModelsAreRefused() {
        let bad: [Delivery] = [
            Self.delivery(4, channel: .lossy(percent: 101)),
            Self.delivery(4, partitions: [Partition(groups: [0, 1], rounds: 1...2)]),
            Self.delivery(4, timing: .asynchronous(Asynchrony(timeout: 0))),
            Self.delivery(4, timing: .asynchronous(Asynchrony(delays: [NetworkDelay(sender: 0, rounds: -1)]))),
            Self.delivery(4, timing: .asynchronous(Asynchrony(delays: [NetworkDelay(sender: 0, rounds: 3)], bound: 2))),
        ]
        for delivery in bad {
            #expect(throws: EngineError.self) { try OralMessages.run(problem(generals: 4, delivery: delivery), m: 1) }
        }
    }
}
