/// Every strategy one by one, where no exact method applies but the space
/// fits the budget (SM with links missing): for every placement and order,
/// every choice (a value in play, or nothing) of every message a faulty
/// general sends, named by its whole path and its receiver. Placements go
/// fewest faulty generals first, and within a size every strategy is run, so
/// the violation kept has the fewest faulty generals and then the fewest
/// deviating messages.
struct Enumeration {
    let request: VerificationRequest

    /// One message a faulty general may send: a path from the commander of at
    /// most m + 1 generals, ending with the sender, and a receiver off it that
    /// a link reaches.
    struct Slot {
        var path: [Int]
        var receiver: Int
    }

    func slots(faulty: Set<Int>) -> [Slot] {
        var slots: [Slot] = []
        func walk(_ path: [Int]) {
            guard let sender = path.last, path.count <= request.m + 1 else { return }
            for receiver in 0..<request.generalCount where !path.contains(receiver) {
                if faulty.contains(sender), request.delivery.reaches(from: sender, to: receiver) {
                    slots.append(Slot(path: path, receiver: receiver))
                }
                walk(path + [receiver])
            }
        }
        walk([request.commander])
        return slots
    }

    /// (values + 1)^slots: every strategy of one placement and order; nil past `limit`.
    func size(of slots: [Slot], limit: Int) -> Int? {
        var total = 1
        for _ in slots {
            let (next, overflow) = total.multipliedReportingOverflow(by: request.valueCount + 1)
            guard !overflow, next <= limit else { return nil }
            total = next
        }
        return total
    }

    /// Every strategy of every placement and order, or nil past `limit`.
    func size(limit: Int) -> Int? {
        var total = 0
        for size in Verifier.sizes(request) {
            for faulty in Verifier.faultySets(ofSize: size, generalCount: request.generalCount) {
                guard let one = self.size(of: slots(faulty: Set(faulty)), limit: limit) else { return nil }
                let (sum, overflow) = total.addingReportingOverflow(one * request.orders.count)
                guard !overflow, sum <= limit else { return nil }
                total = sum
            }
        }
        return total
    }

    /// The messages of strategy `index`: digit i of index in base values + 1 is slot i's choice.
    func messages(_ slots: [Slot], index: Int) -> [DeviatingMessage] {
        var rest = index
        let choices = request.valueCount + 1
        return slots.map { slot in
            let choice = rest % choices
            rest /= choices
            return DeviatingMessage(path: slot.path, receiver: slot.receiver, value: choice == request.valueCount ? nil : choice)
        }
    }

    /// The cheapest violation: its order, its messages and what it deviates in.
    struct Found {
        var order: Int
        var messages: [DeviatingMessage]
        var deviating: Int
    }

    /// Runs every strategy, a wave of chunks on every core at a time; nil
    /// when none violates. `progress` hears how many have run.
    func search(shouldStop: () -> Bool, progress: (Int) -> Void) throws(EngineError) -> Found? {
        var checked = 0
        let chunk = 256
        for size in Verifier.sizes(request) {
            var best: Found?
            for faulty in Verifier.faultySets(ofSize: size, generalCount: request.generalCount) {
                let slots = slots(faulty: Set(faulty))
                guard let count = self.size(of: slots, limit: .max) else {
                    throw .inconsistentVerification("a placement's strategies do not fit in 64 bits, past the budget the plan checked")
                }
                for order in request.orders {
                    var start = 0
                    while start < count {
                        if shouldStop() { throw .cancelled }
                        let starts = Array(stride(from: start, to: min(count, start + Parallel.width * chunk), by: chunk))
                        let enumeration = self
                        let cheapest = try Parallel.map(starts.count) { task throws(EngineError) -> (index: Int, deviating: Int)? in
                            var cheapest: (index: Int, deviating: Int)?
                            for index in starts[task]..<min(starts[task] + chunk, count) {
                                let deviations = DeviatingMessage.deviations(enumeration.messages(slots, index: index))
                                let outcome = try request.algorithm.run(
                                    request.problem(order: order, deviations), m: request.m, messageLimit: request.messageLimit)
                                guard Evaluator.violates(outcome), outcome.lies + outcome.drops < cheapest?.deviating ?? .max else { continue }
                                cheapest = (index, outcome.lies + outcome.drops)
                            }
                            return cheapest
                        }
                        for found in cheapest {
                            guard let found, found.deviating < best?.deviating ?? .max else { continue }
                            best = Found(order: order, messages: messages(slots, index: found.index), deviating: found.deviating)
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
