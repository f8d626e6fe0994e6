import Testing
@testable import ByzantineEngine

/// The exact method against two slower oracles: a literal brute force over
/// every strategy (every value or nothing on every message of every faulty
/// general, by its whole path, to every receiver; every placement and order),
/// and the enumerator of the earlier `verify`, whose strategy space is
/// complete for OM with m ≤ 2 and SM with m ≤ 1.
@Suite struct ExactVerificationPropertyTests {
    /// What a brute force finds: whether some strategy violates, and the
    /// fewest faulty generals and then deviating messages that do.
    struct Verdict: Equatable {
        var violates: Bool
        var faulty: Int?
        var deviatingMessages: Int?
    }

    /// Every message a general of `faulty` sends in OM(m)/SM(m): each path of
    /// distinct generals from the commander, of at most m + 1, ending with a
    /// faulty sender, and each receiver off the path.
    /// Only a link carries a message.
    static func slots(generals: Int, commander: Int, m: Int, faulty: Set<Int>, links: Links? = nil) -> [(path: [Int], receiver: Int)] {
        let links = links ?? .complete(generals)
        var slots: [(path: [Int], receiver: Int)] = []
        func walk(_ path: [Int]) {
            guard let sender = path.last, path.count <= m + 1 else { return }
            for receiver in 0..<generals where !path.contains(receiver) {
                if faulty.contains(sender), links.areLinked(sender, receiver) { slots.append((path, receiver)) }
                walk(path + [receiver])
            }
        }
        walk([commander])
        return slots
    }

    static func bruteForce(_ request: VerificationRequest) throws -> Verdict {
        let n = request.generalCount
        for size in 0...request.traitors {
            var fewest: Int?
            for faulty in subsets(of: Array(0..<n), size: size) {
                let slots = slots(
                    generals: n, commander: request.commander, m: request.m, faulty: Set(faulty), links: request.delivery.links)
                let choices = request.valueCount + 1
                var total = 1
                for _ in slots { total *= choices }
                for order in request.orders {
                    for index in 0..<total {
                        var rest = index
                        var messages: [DeviatingMessage] = []
                        for slot in slots {
                            let choice = rest % choices
                            rest /= choices
                            messages.append(DeviatingMessage(path: slot.path, receiver: slot.receiver, value: choice == request.valueCount ? nil : choice))
                        }
                        let outcome = try request.algorithm.run(
                            request.problem(order: order, DeviatingMessage.deviations(messages)), m: request.m)
                        guard Evaluator.violates(outcome) else { continue }
                        fewest = min(fewest ?? .max, outcome.lies + outcome.drops)
                    }
                }
            }
            if let fewest { return Verdict(violates: true, faulty: size, deviatingMessages: fewest) }
        }
        return Verdict(violates: false)
    }

    static func subsets(of items: [Int], size: Int) -> [[Int]] {
        guard size > 0 else { return [[]] }
        guard let first = items.first else { return [] }
        let rest = Array(items.dropFirst())
        return subsets(of: rest, size: size - 1).map { [first] + $0 } + subsets(of: rest, size: size)
    }

    static func exact(_ request: VerificationRequest) throws -> Verdict {
        let result = try Verifier.verify(request)
        #expect(result.exhaustive)
        guard case .counterexample(let found) = result.verdict else { return Verdict(violates: false) }
        return Verdict(violates: true, faulty: found.faulty.count, deviatingMessages: found.deviatingMessages)
    }

    static func request(
        _ algorithm: ByzantineAlgorithm, generals: Int, m: Int, traitors: Int, values: Int = 2, orders: [Int]? = nil,
        cuts: [(Int, Int)] = []
    ) -> VerificationRequest {
        var links = Links.complete(generals)
        for (a, b) in cuts { links.cut(a, b) }
        return VerificationRequest(
            algorithm: algorithm, m: m, generalCount: generals, commander: 0, orders: orders ?? Array(0..<values),
            defaultValue: 1, valueCount: values, traitors: traitors, delivery: Delivery(links: links))
    }

    /// OM on small armies: the same verdict, the same fewest faulty generals
    /// and the same fewest deviating messages as trying every strategy.
    @Test(arguments: [
        (3, 1, 1, 2), (3, 1, 1, 3), (4, 1, 1, 2), (4, 1, 2, 2), (4, 2, 1, 2), (4, 2, 2, 2), (5, 1, 1, 2), (4, 1, 1, 3),
    ])
    func omMatchesTheBruteForce(generals: Int, m: Int, traitors: Int, values: Int) throws {
        let request = Self.request(.om, generals: generals, m: m, traitors: traitors, values: values)
        #expect(try Self.exact(request) == Self.bruteForce(request))
    }

    /// OM with links missing, where no two generals need play the same part:
    /// the same verdict and the same fewest faulty generals and deviating
    /// messages as trying every strategy on the messages the links carry.
    @Test(arguments: [
        (4, 1, 1, 2, [(0, 1)]), (4, 1, 1, 2, [(1, 2)]), (4, 1, 2, 2, [(2, 3)]), (5, 1, 1, 2, [(0, 1)]),
        (5, 1, 1, 2, [(1, 2), (3, 4)]), (5, 1, 1, 3, [(0, 4)]), (5, 2, 1, 2, [(0, 1), (2, 3)]), (5, 2, 1, 2, [(1, 4)]),
        (6, 1, 1, 2, [(0, 1), (0, 2), (3, 4)]),
    ])
    func omOnAGraphMatchesTheBruteForce(generals: Int, m: Int, traitors: Int, values: Int, cuts: [(Int, Int)]) throws {
        let request = Self.request(.om, generals: generals, m: m, traitors: traitors, values: values, cuts: cuts)
        #expect(try Self.exact(request) == Self.bruteForce(request))
    }

    /// SM with links missing, every strategy one by one: the same verdict,
    /// fewest faulty generals and fewest deviating messages as the brute force.
    @Test(arguments: [
        (4, 1, 1, [(0, 1)]), (4, 1, 2, [(1, 2)]), (5, 1, 1, [(0, 1), (2, 3)]), (4, 2, 1, [(0, 3)]), (5, 0, 1, [(0, 2)]),
    ])
    func smOnAGraphMatchesTheBruteForce(generals: Int, m: Int, traitors: Int, cuts: [(Int, Int)]) throws {
        let request = Self.request(.sm, generals: generals, m: m, traitors: traitors, cuts: cuts)
        #expect(try Verifier.plan(request).method == .enumerate)
        #expect(try Self.exact(request) == Self.bruteForce(request))
    }

    /// SM on small armies: the same verdict, the same fewest faulty generals,
    /// and here the same fewest deviating messages (in general the SM
    /// counterexample is only irreducible: no message can be left out).
    @Test(arguments: [(3, 1, 1), (3, 1, 2), (4, 1, 1), (4, 1, 2), (4, 2, 2), (3, 0, 1), (4, 0, 1)])
    func smMatchesTheBruteForce(generals: Int, m: Int, traitors: Int) throws {
        let request = Self.request(.sm, generals: generals, m: m, traitors: traitors)
        let exact = try Self.exact(request)
        let brute = try Self.bruteForce(request)
        #expect(exact.violates == brute.violates)
        #expect(exact.faulty == brute.faulty)
        if let found = exact.deviatingMessages, let fewest = brute.deviatingMessages { #expect(found == fewest) }
    }

    /// On armies too big for the brute force, the earlier enumerator's
    /// verdict, placement by placement and order by order, wherever its space
    /// is every strategy: OM with m ≤ 2, and SM with m ≤ 1 (beyond, it leaves
    /// out the messages faulty generals send each other, which under SM
    /// decide what they relay).
    @Test(arguments: [
        (ByzantineAlgorithm.om, 4, 1, 1), (.om, 5, 1, 2), (.om, 5, 2, 1), (.om, 6, 1, 1), (.om, 4, 2, 2),
        (.sm, 4, 1, 2), (.sm, 5, 1, 2), (.sm, 5, 1, 1), (.sm, 4, 0, 1),
    ])
    func matchesTheEnumerator(algorithm: ByzantineAlgorithm, generals: Int, m: Int, traitors: Int) throws {
        let request = Self.request(algorithm, generals: generals, m: m, traitors: traitors, values: 3)
        let choices: [StrategySpace.Choice] = [.value(0), .value(1), .value(2)] + (algorithm == .sm ? [.nothing] : [])
        var enumerated = false
        for order in request.orders {
            for faulty in Verifier.canonicalPlacements(request) {
                let space = StrategySpace(
                    generalCount: generals, commander: 0, rounds: m + 1, faulty: faulty, choices: choices)
                var search = Search(request: request, order: order, planned: 0, progress: { _ in })
                if try search.exhaust(space, shouldStop: { false }) != nil { enumerated = true }
            }
        }
        #expect(try Self.exact(request).violates == enumerated)
    }

    /// Replays of the exact method's counterexamples break what they say, for
    /// every m, with links missing too.
    @Test(arguments: [
        (3, 1, []), (6, 2, []), (9, 3, []), (12, 4, []), (5, 2, []), (8, 3, []),
        (5, 1, [(0, 1)]), (7, 2, [(1, 2), (3, 4)]), (8, 2, [(0, 7), (2, 5), (3, 6)]), (7, 1, [(2, 3)]),
    ] as [(Int, Int, [(Int, Int)])])
    func everyCounterexampleReplays(generals: Int, m: Int, cuts: [(Int, Int)]) throws {
        let request = Self.request(.om, generals: generals, m: m, traitors: m, values: 3, cuts: cuts)
        let result = try Verifier.verify(request)
        #expect(result.exhaustive)
        guard case .counterexample(let found) = result.verdict else {
            Issue.record("expected a counterexample")
            return
        }
        let replayed = try OralMessages.run(request.problem(order: found.order, found.deviations), m: m)
        #expect(replayed == found.outcome)
        #expect(!replayed.agreement || !replayed.validity)
    }
}
