import Testing
@testable import ByzantineEngine

/// The engine against `ReferenceOM`, a literal OM(m) over explicit paths that asks
/// `GeneralsProblem.transmit(path:to:loyalValue:)` for every message: every general's
/// decision and every round's message count must match, on generated scenarios that
/// mix all actions, receiver sets, round ranges, `about`, missing links, lossy and
/// broadcast channels, partitions and delays.
@Suite struct ReferenceModelTests {
    /// Mostly no `about`, else one general, a suffix of a path or a whole
    /// path (commander first), or now and then generals no path has in that order.
    static func randomAbout(generals n: Int, commander: Int, sender: Int, rounds: Int, using rng: inout TestRNG) -> [Int] {
        guard Int.random(in: 0..<3, using: &rng) == 0 else { return [] }
        let others = (0..<n).filter { $0 != commander && $0 != sender }.shuffled(using: &rng)
        let length = Int.random(in: 1...max(1, min(rounds - 1, 3)), using: &rng)
        var about = Array(others.prefix(length))
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: about[0] = commander
        case 1: about = about.shuffled(using: &rng) + [commander]
        default: break
        }
        return about
    }

    static func randomDeviation(
        generals n: Int, rounds: Int, valueCount: Int, about: [Int] = [], using rng: inout TestRNG
    ) -> Deviation {
        let action: Deviation.Action = switch Int.random(in: 0..<4, using: &rng) {
        case 0: .lie(Int.random(in: 0..<valueCount, using: &rng))
        case 1: .flip
        case 2: .silent
        default: .random
        }
        let receivers: Set<Int>? = Bool.random(using: &rng) ? nil : Set((0..<n).filter { _ in Bool.random(using: &rng) })
        let first = Int.random(in: 1...rounds, using: &rng)
        let range: ClosedRange<Int> = switch Int.random(in: 0..<3, using: &rng) {
        case 0: 1...Int.max
        case 1: first...Int.random(in: first...rounds, using: &rng)
        default: first...Int.max
        }
        return Deviation(action, receivers: receivers, rounds: range, about: about)
    }

    static func randomProblem(using rng: inout TestRNG) -> (GeneralsProblem, Int) {
        let n = Int.random(in: 3...7, using: &rng)
        let m = Int.random(in: 0...min(n - 2, 3), using: &rng)
        let valueCount = Int.random(in: 2...4, using: &rng)
        let commander = Int.random(in: 0..<n, using: &rng)
        var deviations: [Int: [Deviation]] = [:]
        for general in 0..<n where Int.random(in: 0..<3, using: &rng) == 0 {
            deviations[general] = (0..<Int.random(in: 1...3, using: &rng)).map { _ in
                let about = randomAbout(generals: n, commander: commander, sender: general, rounds: m + 1, using: &rng)
                return randomDeviation(generals: n, rounds: m + 1, valueCount: valueCount, about: about, using: &rng)
            }
        }
        // Now and then some links are missing.
        var links = Links.complete(n)
        if Int.random(in: 0..<3, using: &rng) == 0 {
            for a in 0..<n {
                for b in (a + 1)..<n where Int.random(in: 0..<4, using: &rng) == 0 { links.cut(a, b) }
            }
        }
        let delivery = randomNetwork(on: links, generals: n, rounds: m + 1, using: &rng)
        if delivery.channel == .broadcast {
            // Under broadcast a rule for some receivers only is refused.
            deviations = deviations.mapValues { $0.map { Deviation($0.action, rounds: $0.rounds, about: $0.about) } }
        }
        let p = GeneralsProblem(
            generalCount: n, commander: commander, valueCount: valueCount,
            order: Int.random(in: 0..<valueCount, using: &rng), defaultValue: Int.random(in: 0..<valueCount, using: &rng),
            deviations: deviations, seed: rng.next(), delivery: delivery)
        return (p, m)
    }

    /// Now and then a channel, partitions or asynchrony other than the defaults.
    static func randomNetwork(on links: Links, generals n: Int, rounds: Int, using rng: inout TestRNG) -> Delivery {
        var delivery = Delivery(links: links)
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: delivery.channel = .lossy(percent: Int.random(in: 0...100, using: &rng))
        case 1: delivery.channel = .broadcast
        default: break
        }
        if Int.random(in: 0..<4, using: &rng) == 0 {
            let from = Int.random(in: 1...rounds, using: &rng)
            delivery.partitions = [Partition(
                groups: (0..<n).map { _ in Int.random(in: 0..<2, using: &rng) }, rounds: from...Int.random(in: from...rounds + 1, using: &rng))]
        }
        if Int.random(in: 0..<4, using: &rng) == 0 {
            let delays = (0..<Int.random(in: 1...3, using: &rng)).map { _ in
                NetworkDelay(
                    sender: Int.random(in: 0..<n, using: &rng),
                    selector: MessageSelector(
                        receivers: Int.random(in: 0..<2, using: &rng) == 0 ? nil : [Int.random(in: 0..<n, using: &rng)],
                        rounds: Int.random(in: 0..<2, using: &rng) == 0 ? 1...Int.max : 2...2),
                    rounds: Int.random(in: 0...3, using: &rng))
            }
            delivery.timing = .asynchronous(Asynchrony(timeout: Int.random(in: 1...3, using: &rng), delays: delays))
        }
        return delivery
    }

    @Test(arguments: 0..<8)
    func engineMatchesTheReference(batch: UInt64) throws {
        var rng = TestRNG(seed: 0xB12A_0000 + batch)
        var mismatches: [String] = []
        for _ in 0..<250 {
            let (p, m) = Self.randomProblem(using: &rng)
            let expected = ReferenceOM.run(p, m: m)
            let recursion = OralMessagesRecursion(problem: p, m: m, recorder: NoRecorder())
            let decisions = try recursion.run(shouldStop: { false })
            if decisions != expected.decisions || recursion.messagesPerRound != expected.messagesPerRound {
                mismatches.append("\(p) m=\(m): engine \(decisions) \(recursion.messagesPerRound), reference \(expected)")
            }
            let loyal = p.lieutenants.filter { !p.isFaulty($0) }
            // With and without a trace: the recording path has no fast paths.
            for recordTrace in [false, true] {
                let outcome = try OralMessages.run(p, m: m, recordTrace: recordTrace)
                #expect(outcome.decisions == (0..<p.generalCount).map { loyal.contains($0) ? expected.decisions[$0] : nil })
                #expect(outcome.messagesPerRound == expected.messagesPerRound)
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.first ?? "")")
    }

    /// The commander need not be general 0.
    @Test func anotherCommander() throws {
        let p = GeneralsProblem(
            generalCount: 5, commander: 3, valueCount: 3, order: attack, defaultValue: retreat,
            deviations: [0: [Deviation(.lie(hold))], 3: [Deviation(.lie(retreat), receivers: [4])]])
        let outcome = try OralMessages.run(p, m: 1)
        #expect(outcome.decisions[3] == nil && outcome.decisions[0] == nil)
        #expect(outcome.messagesPerRound == [4, 12])
        let expected = ReferenceOM.run(p, m: 1).decisions
        #expect(outcome.decisions == [nil, expected[1], expected[2], nil, expected[4]])
        #expect(outcome.agreement)
    }
}
