/// Every strategy one by one, where no exact method applies but the space
/// fits the budget (SM with links missing, a broadcast or lossy channel,
/// partitions and asynchrony beyond what the exact methods model): for every
/// placement and order, every choice of every message an adversary may
/// change, named by its whole path and receiver. A faulty general may send
/// any value in play or nothing (under broadcast one choice per path, for all
/// its receivers); under asynchronous timing the network may withhold any
/// loyal general's message. Placements go fewest faulty generals first, and
/// within a size every strategy is run, so the violation kept has the fewest
/// faulty generals and then the fewest deviating messages. Past the budget,
/// a seeded sample of the same strategies.
struct Enumeration {
    let request: VerificationRequest

    /// What an adversary chooses once: a faulty sender's message on one path
    /// (to one receiver, or to all of them under broadcast), or one loyal
    /// message the network may withhold.
    struct Slot: Sendable {
        var path: [Int]
        var receivers: [Int]
        var byNetwork: Bool

        /// Values in play and nothing for a faulty sender; arrive or not for the network.
        func choices(values: Int) -> Int { byNetwork ? 2 : values + 1 }
    }

    func slots(faulty: Set<Int>) -> [Slot] {
        let broadcast = request.delivery.channel == .broadcast
        let withholds = request.delivery.networkCanWithhold
        let delivery = CompiledDelivery(request.delivery, seed: request.seed)
        var slots: [Slot] = []
        func walk(_ path: [Int]) {
            guard let sender = path.last, path.count <= request.m + 1 else { return }
            let receivers = (0..<request.generalCount).filter { !path.contains($0) && delivery.fate(path: path, to: $0).isSent }
            if faulty.contains(sender) {
                slots += broadcast
                    ? (receivers.isEmpty ? [] : [Slot(path: path, receivers: receivers, byNetwork: false)])
                    : receivers.map { Slot(path: path, receivers: [$0], byNetwork: false) }
            } else if withholds {
                slots += receivers.map { Slot(path: path, receivers: [$0], byNetwork: true) }
            }
            for receiver in 0..<request.generalCount where !path.contains(receiver) { walk(path + [receiver]) }
        }
        walk([request.commander])
        return slots
    }

    /// The product of the slots' choices: every strategy of one placement and order; nil past `limit`.
    func size(of slots: [Slot], limit: Int) -> Int? {
        var total = 1
        for slot in slots {
            let (next, overflow) = total.multipliedReportingOverflow(by: slot.choices(values: request.valueCount))
            guard !overflow, next <= limit else { return nil }
            total = next
        }
        return total
    }

    /// Every strategy of every placement and order, or nil past `limit`.
    func size(limit: Int) -> Int? {
        // Every placement and order has at least one strategy.
        guard Verifier.placementCount(request) * Double(request.orders.count) <= Double(limit) else { return nil }
        var total = 0
        for faulty in placements {
            guard let one = self.size(of: slots(faulty: Set(faulty)), limit: limit) else { return nil }
            let (sum, overflow) = total.addingReportingOverflow(one * request.orders.count)
            guard !overflow, sum <= limit else { return nil }
            total = sum
        }
        return total
    }

    /// A sample of at most this many strategies runs in about the time the
    /// budget's strategy-table sample takes: each is a whole run of the engine.
    static let largestSample = 200_000

    /// A sample's whole work, in messages times the rules each is checked
    /// against: some seconds of runs, however large the army.
    static let largestSampleWork = 2e9

    /// A sample's strategies per placement and order, and in all: an equal
    /// share of `largestSample`, fewer where each run is long. A run's cost is
    /// its messages, each of a faulty sender checked against that sender's
    /// rules (one per path it sends on, about messages / n of them).
    var sampleShare: (perPlacement: Int, planned: Int) {
        let n = Double(request.generalCount)
        let placements = Verifier.sizes(request).reduce(0.0) { $0 + min(binomial(request.generalCount, $1), Double(Self.largestPlacementSample)) }
        let cases = max(placements * Double(request.orders.count), 1)
        let messages = Double(request.algorithm.messageBound(request.problem(order: request.orders.first ?? 0, [:]), m: request.m) ?? Verifier.largestRun)
        let cost = messages * (1 + Double(request.traitors) * messages / (2 * n * n))
        let byWork = Self.largestSampleWork / cost
        let perPlacement = max(1, Int(min(Double(min(request.budget, Self.largestSample)), byWork) / cases))
        return (perPlacement, Int(min(Double(perPlacement) * cases, Double(Int.max / 2))))
    }

    /// Every placement, fewest faulty generals first.
    var placements: [[Int]] {
        Verifier.sizes(request).flatMap { Verifier.faultySets(ofSize: $0, generalCount: request.generalCount) }
    }

    /// A sample searches at most this many placements of one size.
    static let largestPlacementSample = 4_096

    /// Every placement of `size` faulty generals or, for a sample of more
    /// than `largestPlacementSample`, that many drawn at random (seeded).
    func placements(ofSize size: Int, sampled: Bool) -> [[Int]] {
        let n = request.generalCount
        guard sampled, binomial(n, size) > Double(Self.largestPlacementSample) else {
            return Verifier.faultySets(ofSize: size, generalCount: n)
        }
        var state = SplitMix64.mix(request.seed ^ UInt64(size))
        return (0..<Self.largestPlacementSample).map { _ in
            var chosen = Set<Int>()
            while chosen.count < size {
                state = SplitMix64.mix(state)
                chosen.insert(Int(state % UInt64(n)))
            }
            return chosen.sorted()
        }
    }

    /// The messages of one strategy: digit i of `digits` is slot i's choice
    /// (for a faulty sender a value, or nothing as the last; for the network,
    /// 1 withholds).
    func messages(_ slots: [Slot], digits: [Int]) -> [DeviatingMessage] {
        zip(slots, digits).flatMap { slot, choice -> [DeviatingMessage] in
            if slot.byNetwork {
                return choice == 0 ? [] : slot.receivers.map { DeviatingMessage(path: slot.path, receiver: $0, value: nil, byNetwork: true) }
            }
            let value = choice == request.valueCount ? nil : choice
            return slot.receivers.map { DeviatingMessage(path: slot.path, receiver: $0, value: value) }
        }
    }

    /// Strategy `index` of a placement's slots: in mixed radix, slot 0 the
    /// fastest digit, or for a sample a seeded draw.
    struct Picker: Sendable {
        var slots: [Slot]
        var values: Int
        var sampled: Bool
        var seed: UInt64

        func digits(_ index: Int) -> [Int] {
            var rest = index
            var state = SplitMix64.mix(seed ^ UInt64(index))
            return slots.map { slot in
                let base = slot.choices(values: values)
                guard sampled else {
                    defer { rest /= base }
                    return rest % base
                }
                state = SplitMix64.mix(state)
                return Int(state % UInt64(base))
            }
        }
    }

    /// The cheapest violation: its order, its messages and what it deviates in.
    struct Found {
        var order: Int
        var messages: [DeviatingMessage]
        var deviating: Int
    }

    /// Runs every strategy (`sample` nil) or a seeded sample of `sample`
    /// strategies per placement and order, a wave of chunks on every core at
    /// a time; nil when none violates. `progress` hears how many have run.
    func search(sample: Int? = nil, shouldStop: () -> Bool, progress: (Int) -> Void) throws(EngineError) -> Found? {
        var checked = 0
        let chunk = 256
        for size in Verifier.sizes(request) {
            var best: Found?
            for (placement, faulty) in placements(ofSize: size, sampled: sample != nil).enumerated() {
                let slots = slots(faulty: Set(faulty))
                let exhaustive = self.size(of: slots, limit: .max)
                guard let count = sample.map({ min($0, exhaustive ?? .max) }) ?? exhaustive else {
                    throw .inconsistentVerification("a placement's strategies do not fit in 64 bits, past the budget the plan checked")
                }
                let picker = Picker(
                    slots: slots, values: request.valueCount, sampled: count != exhaustive,
                    seed: request.seed ^ UInt64(truncatingIfNeeded: size << 32 | placement) &* 0x9E37_79B9_7F4A_7C15)
                for order in request.orders {
                    var start = 0
                    while start < count {
                        if shouldStop() { throw .cancelled }
                        let starts = Array(stride(from: start, to: min(count, start + Parallel.width * chunk), by: chunk))
                        let enumeration = self
                        let cheapest = try Parallel.map(starts.count) { task throws(EngineError) -> (digits: [Int], deviating: Int)? in
                            var cheapest: (digits: [Int], deviating: Int)?
                            for index in starts[task]..<min(starts[task] + chunk, count) {
                                let digits = picker.digits(index)
                                let outcome = try enumeration.request.algorithm.run(
                                    enumeration.request.problem(order: order, enumeration.messages(slots, digits: digits)),
                                    m: enumeration.request.m, messageLimit: enumeration.request.messageLimit)
                                guard Evaluator.violates(outcome), outcome.deviating < cheapest?.deviating ?? .max else { continue }
                                cheapest = (digits, outcome.deviating)
                            }
                            return cheapest
                        }
                        for found in cheapest {
                            guard let found, found.deviating < best?.deviating ?? .max else { continue }
                            best = Found(order: order, messages: messages(slots, digits: found.digits), deviating: found.deviating)
                        }
                        checked += min(count, start + Parallel.width * chunk) - start
                        progress(checked)
                        start += Parallel.width * chunk
                    }
                }
            }
            if let best { return best }
        }
        return nil
    }
}
