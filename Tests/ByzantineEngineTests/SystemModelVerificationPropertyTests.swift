import Testing
@testable import ByzantineEngine

/// `verify` under each system model against a literal brute force written
/// from the models' definitions: every placement, order and strategy, where
/// a faulty general chooses any value in play or nothing for each message
/// (under broadcast once per path, for all its receivers) and, under
/// asynchronous timing with delays that can outlast the timeout, the network
/// chooses for each loyal message whether it arrives. The verifier's answer
/// (exact, or every strategy one by one) must be the same verdict with the
/// same fewest faulty generals and then deviating messages, and none of its
/// symmetry reductions may apply.
@Suite struct SystemModelVerificationPropertyTests {
    struct Verdict: Equatable {
        var violates: Bool
        var faulty: Int?
        var deviatingMessages: Int?
    }

    /// One choice of the adversary: a faulty general's message on a path (to
    /// the receivers listed), or a loyal message the network may withhold.
    struct Choice {
        var path: [Int]
        var receivers: [Int]
        var byNetwork: Bool
    }

    static func choices(_ request: VerificationRequest, faulty: Set<Int>) -> [Choice] {
        let broadcast = request.delivery.channel == .broadcast
        var choices: [Choice] = []
        func walk(_ path: [Int]) {
            guard let sender = path.last, path.count <= request.m + 1 else { return }
            let receivers = (0..<request.generalCount).filter {
                !path.contains($0) && request.delivery.links.areLinked(sender, $0)
            }
            if faulty.contains(sender) {
                choices += broadcast && !receivers.isEmpty
                    ? [Choice(path: path, receivers: receivers, byNetwork: false)]
                    : receivers.map { Choice(path: path, receivers: [$0], byNetwork: false) }
            } else if request.delivery.networkCanWithhold {
                choices += receivers.map { Choice(path: path, receivers: [$0], byNetwork: true) }
            }
            for receiver in 0..<request.generalCount where !path.contains(receiver) { walk(path + [receiver]) }
        }
        walk([request.commander])
        return choices
    }

    static func bruteForce(_ request: VerificationRequest) throws -> Verdict {
        var timeout = 1
        if case .asynchronous(let asynchrony) = request.delivery.timing { timeout = asynchrony.timeout }
        for size in 0...request.traitors {
            var fewest: Int?
            for faulty in ExactVerificationPropertyTests.subsets(of: Array(0..<request.generalCount), size: size) {
                let choices = choices(request, faulty: Set(faulty))
                let bases = choices.map { $0.byNetwork ? 2 : request.valueCount + 1 }
                let total = bases.reduce(1, *)
                for order in request.orders {
                    for index in 0..<total {
                        var rest = index
                        var deviations: [Int: [Deviation]] = [:]
                        var withheld: [NetworkDelay] = []
                        for (choice, base) in zip(choices, bases) {
                            let digit = rest % base
                            rest /= base
                            guard let sender = choice.path.last else { continue }
                            let round = choice.path.count
                            let before = Array(choice.path.dropLast())
                            if choice.byNetwork {
                                if digit == 1 {
                                    withheld.append(NetworkDelay(
                                        sender: sender,
                                        selector: MessageSelector(receivers: Set(choice.receivers), rounds: round...round, about: before),
                                        rounds: timeout))
                                }
                                continue
                            }
                            let action: Deviation.Action = digit == request.valueCount ? .silent : .lie(digit)
                            let receivers: Set<Int>? = request.delivery.channel == .broadcast ? nil : Set(choice.receivers)
                            deviations[sender, default: []].append(
                                Deviation(action, receivers: receivers, rounds: round...round, about: before))
                        }
                        let outcome = try request.algorithm.run(
                            request.problem(order: order, deviations, withheld: withheld), m: request.m)
                        guard Evaluator.violates(outcome) else { continue }
                        fewest = min(fewest ?? .max, outcome.lies + outcome.drops + outcome.network.timedOut)
                    }
                }
            }
            if let fewest { return Verdict(violates: true, faulty: size, deviatingMessages: fewest) }
        }
        return Verdict(violates: false)
    }

    static func verified(_ request: VerificationRequest) throws -> Verdict {
        let result = try Verifier.verify(request)
        #expect(result.exhaustive)
        #expect(!result.plan.scope.symmetric, "no symmetry reduction applies outside the default model")
        guard case .counterexample(let found) = result.verdict else { return Verdict(violates: false) }
        return Verdict(violates: true, faulty: found.faulty.count, deviatingMessages: found.deviatingMessages)
    }

    static func request(_ algorithm: ByzantineAlgorithm, generals: Int, m: Int, traitors: Int, _ delivery: Delivery) -> VerificationRequest {
        VerificationRequest(
            algorithm: algorithm, m: m, generalCount: generals, commander: 0, orders: [0, 1], defaultValue: 1, valueCount: 2,
            traitors: traitors, seed: 5, delivery: delivery)
    }

    static let models: [(String, Int, Delivery)] = [
        ("partition from round 2", 4, Delivery(links: .complete(4), partitions: [Partition(groups: [0, 0, 1, 1], rounds: 2...2)])),
        ("partition from round 1", 5, Delivery(links: .complete(5), partitions: [Partition(groups: [0, 0, 0, 1, 1], rounds: 1...Int.max)])),
        ("withholding network", 4, Delivery(links: .complete(4), timing: .asynchronous(Asynchrony()))),
        ("withholding network, timeout 2", 4, Delivery(links: .complete(4), timing: .asynchronous(Asynchrony(timeout: 2, bound: 3)))),
        ("broadcast", 4, Delivery(links: .complete(4), channel: .broadcast)),
        ("broadcast", 5, Delivery(links: .complete(5), channel: .broadcast)),
        ("lossy 30%", 4, Delivery(links: .complete(4), channel: .lossy(percent: 30))),
        ("lossy 30%", 5, Delivery(links: .complete(5), channel: .lossy(percent: 30))),
    ]

    /// OM(0) and OM(1), up to one and two faulty generals, under each model.
    @Test(arguments: models, [(0, 1), (1, 1), (0, 2)])
    func omMatchesTheBruteForce(model: (String, Int, Delivery), rounds: (m: Int, traitors: Int)) throws {
        let (name, generals, delivery) = model
        // Two traitors with a withholding network on five generals is past a test's patience.
        guard rounds.traitors == 1 || !delivery.networkCanWithhold else { return }
        let request = Self.request(.om, generals: generals, m: rounds.m, traitors: rounds.traitors, delivery)
        #expect(try Self.verified(request) == Self.bruteForce(request), "\(name), OM(\(rounds.m)) up to \(rounds.traitors)")
    }

    @Test(arguments: models)
    func smMatchesTheBruteForce(model: (String, Int, Delivery)) throws {
        let (name, generals, delivery) = model
        let request = Self.request(.sm, generals: generals, m: 1, traitors: 1, delivery)
        #expect(try Self.verified(request) == Self.bruteForce(request), "\(name), SM(1)")
    }

    /// A counterexample under every model replays as found, its withheld
    /// messages as delays of the timeout's length.
    @Test func everyCounterexampleReplays() throws {
        for (name, generals, delivery) in Self.models {
            let request = Self.request(.om, generals: generals, m: 1, traitors: 1, delivery)
            guard case .counterexample(let found) = try Verifier.verify(request).verdict else { continue }
            let replay = try OralMessages.run(request.problem(order: found.order, found.deviations, withheld: found.delays), m: 1)
            #expect(replay == found.outcome, "\(name)")
            #expect(Evaluator.violates(replay), "\(name)")
        }
    }
}
