import Testing
@testable import ByzantineEngine

/// `Links` and `Delivery`: which messages reach their receivers, asked in one
/// place by OM, SM, the reference model and the verifier.
@Suite struct DeliveryTests {
    @Test func linksStartCompleteAndRememberCutsAndLinks() {
        var links = Links.complete(4)
        #expect(links.isComplete)
        #expect(links.areLinked(0, 3) && !links.areLinked(2, 2))
        links.cut(1, 2)
        #expect(!links.isComplete)
        #expect(!links.areLinked(1, 2) && !links.areLinked(2, 1))
        #expect(links.missingLinks.map { [$0.0, $0.1] } == [[1, 2]])
        #expect(links.neighbours(of: 1) == [0, 3])
        links.link(2, 1)
        #expect(links.isComplete, "linking every pair again is the complete graph")
        #expect(links == .complete(4))
    }

    @Test func aRingLinksEachGeneralToTheNextAndThePrevious() {
        let ring = Links.ring([0, 1, 2, 3, 4])
        #expect(ring.neighbours(of: 0) == [1, 4])
        #expect(ring.neighbours(of: 2) == [1, 3])
        #expect(ring.missingLinks.count == 10 - 5)
        #expect(Links.none(3).neighbours(of: 1).isEmpty)
        #expect(Delivery(links: ring).symmetry == .none)
        #expect(Delivery.everywhere(5).symmetry == .loyalLieutenantsInterchangeable)
    }

    /// A missing link is a silent line: the receiver uses the default, and no
    /// message is counted.
    @Test func omTakesAMissingLinkAsNothingReceived() throws {
        var links = Links.complete(4)
        links.cut(0, 1)
        let p = problem(generals: 4, delivery: Delivery(links: links))
        let outcome = try OralMessages.run(p, m: 1)
        // L1 hears retreat (nothing) from C and attack from L2, L3: a majority of attack.
        #expect(outcome.decisions == [nil, attack, attack, attack])
        #expect(outcome.messagesPerRound == [2, 6])
        #expect(outcome.drops == 0 && outcome.lies == 0)
        // With both L1 and L2 cut off from C, each hears attack once in three.
        links.cut(0, 2)
        let thin = try OralMessages.run(problem(generals: 4, delivery: Delivery(links: links)), m: 1)
        #expect(!thin.validity, "too thin a graph breaks OM without any traitor")
    }

    /// SM on a ring: orders travel around it along links, so with m ≥ d − 1
    /// every loyal lieutenant gets the order.
    @Test func smRelaysAlongLinksOnly() throws {
        let ring = Delivery(links: .ring([0, 1, 2, 3, 4]))
        let direct = try SignedMessages.run(problem(generals: 5, delivery: ring), m: 0)
        #expect(direct.decisions == [nil, attack, retreat, retreat, attack], "SM(0): only C's neighbours hear it")
        #expect(direct.messagesPerRound == [2])
        let relayed = try SignedMessages.run(problem(generals: 5, delivery: ring), m: 1, recordTrace: true)
        #expect(relayed.decisions == [nil, attack, attack, attack, attack])
        #expect(relayed.trace?.messages.allSatisfy { ring.reaches(from: $0.sender, to: $0.receiver) } == true)
    }

    /// Without the symmetry OM is still decided exactly, general by general;
    /// SM enumerates within the budget, samples beyond, and only messages
    /// the links carry are variables.
    @Test func verifyOnAGraphIsExactForOMAndEnumeratesOrSamplesForSM() throws {
        var links = Links.complete(5)
        links.cut(0, 4)
        func plan(_ algorithm: ByzantineAlgorithm) throws -> VerificationPlan {
            try Verifier.plan(VerificationRequest(
                algorithm: algorithm, m: 1, generalCount: 5, commander: 0, orders: [attack], defaultValue: retreat, valueCount: 3,
                traitors: 1, budget: 10_000, delivery: Delivery(links: links)))
        }
        let om = try plan(.om)
        #expect(om.method == .exact)
        #expect(!om.scope.symmetric)
        #expect(try plan(.sm).method == .enumerate, "SM's 321 strategies fit a budget of 10,000")
        let sm = try Verifier.plan(VerificationRequest(
            algorithm: .sm, m: 1, generalCount: 5, commander: 0, orders: [attack], defaultValue: retreat, valueCount: 3,
            traitors: 1, budget: 100, delivery: Delivery(links: links)))
        #expect(sm.method == .sample)
        #expect(sm.spaces.allSatisfy { entry in entry.space.variables.allSatisfy { links.areLinked($0.sender, $0.receiver) } })
    }

    @Test func aProblemWhoseLinksAreForAnotherArmyIsRefused() {
        let p = problem(generals: 4, delivery: .everywhere(5))
        #expect(throws: EngineError.unknownGeneral(4)) { try OralMessages.run(p, m: 1) }
    }
}
