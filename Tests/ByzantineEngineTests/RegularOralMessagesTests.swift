import Testing
@testable import ByzantineEngine

/// OM(m, p) of the paper's Section 5: on a complete graph it is OM(m); on a
/// p-regular graph with p ≥ 3m it keeps IC1 and IC2 against m traitors
/// (Theorem 3); a graph that is not p-regular is refused, naming a general.
@Suite struct RegularOralMessagesTests {
    /// The cube: eight generals, each linked to the three that differ from it
    /// in one bit; 3-connected, so 3-regular in the sense of Definition 1.
    static let cube: Links = {
        var links = Links.none(8)
        for a in 0..<8 {
            for bit in [1, 2, 4] where a < a ^ bit { links.link(a, a ^ bit) }
        }
        return links
    }()

    @Test(arguments: 0..<4)
    func onACompleteGraphItIsOM(batch: UInt64) throws {
        var rng = TestRNG(seed: 0x0A9E_0000 + batch)
        for _ in 0..<40 {
            let (p, m) = ReferenceModelTests.randomProblem(using: &rng)
            guard m >= 1, p.delivery.isEverywhere else { continue }
            let regular = try RegularOralMessages.run(p, m: m, p: p.generalCount - 1)
            let plain = try OralMessages.run(p, m: m)
            #expect(regular.decisions == plain.decisions, "\(p) m=\(m)")
            #expect(regular.messages == plain.messages)
        }
    }

    @Test(arguments: 1..<8)
    func theCubeKeepsConsensusAgainstOneTraitor(traitor: Int) throws {
        for action in [Deviation.Action.flip, .lie(retreat), .silent, .lie(hold)] {
            let p = problem(generals: 8, deviations: [traitor: [Deviation(action)]], delivery: Delivery(links: Self.cube))
            let outcome = try RegularOralMessages.run(p, m: 1, p: 3)
            #expect(outcome.agreement && outcome.validity, "L\(traitor) \(action)")
        }
        // A two-faced commander too.
        let twoFaced = problem(
            generals: 8, deviations: [0: [Deviation(.lie(retreat), receivers: [1]), Deviation(.lie(attack))]],
            delivery: Delivery(links: Self.cube))
        #expect(try RegularOralMessages.run(twoFaced, m: 1, p: 3).agreement)
    }

    @Test func relaysCountEveryLinkAndTravelAlongLinks() throws {
        let p = problem(generals: 8, delivery: Delivery(links: Self.cube))
        let outcome = try RegularOralMessages.run(p, m: 1, p: 3, recordTrace: true)
        let messages = try #require(outcome.trace?.messages)
        #expect(messages.allSatisfy { Self.cube.areLinked($0.sender, $0.receiver) })
        #expect(outcome.messages == messages.count)
        #expect(outcome.messages > 3 + 3 * 6, "paths of more than one link count each link")
        #expect(outcome.decisions.compactMap { $0 }.allSatisfy { $0 == attack })
    }

    @Test func aGraphThatIsNotRegularEnoughIsRefused() {
        let ring = problem(generals: 6, delivery: Delivery(links: .ring([0, 1, 2, 3, 4, 5])))
        #expect(throws: EngineError.notRegular(general: 0, p: 3)) { try RegularOralMessages.run(ring, m: 1, p: 3) }
        #expect(throws: EngineError.invalidRegularity(p: 0)) { try RegularOralMessages.run(ring, m: 1, p: 0) }
        #expect(throws: EngineError.invalidRegularity(p: 1)) { try RegularOralMessages.run(ring, m: 2, p: 1) }
        #expect((try? RegularOralMessages.run(ring, m: 1, p: 2)) != nil, "a ring is 2-regular")
    }
}
