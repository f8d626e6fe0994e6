/// The exact method for SM(m): which values can enter a loyal lieutenant's
/// V_i, and by which round.
///
/// A valid message whose chain holds a loyal general carries exactly what
/// that general signed, so faulty generals can bring a value in on their own
/// only along a chain of faulty generals from the commander: in round r
/// through a faulty commander and r − 1 faulty lieutenants. A loyal
/// lieutenant that takes a value in round r ≤ m relays it to every lieutenant
/// off its chain, so by round m + 1 every loyal lieutenant has it: the value is
/// public. Only a value first brought in round m + 1, by faulty generals alone,
/// can reach some loyal lieutenants and not others. So every loyal
/// lieutenant ends with V_i = P ∪ Q_i: P public and shared, Q_i its own
/// round-(m + 1) values, and the decisions are choice(P ∪ Q_i).
struct SignedMessagesReachability {
    let m: Int
    let valueCount: Int
    let defaultValue: Int
    let order: Int
    let commanderIsLoyal: Bool
    let faultyLieutenants: Int
    let loyalLieutenants: Int

    /// The rounds in which faulty generals alone can deliver a value: 1 to
    /// f + 1 behind a faulty commander, none behind a loyal one.
    var privateRounds: ClosedRange<Int>? {
        commanderIsLoyal ? nil : 1...(faultyLieutenants + 1)
    }

    /// Whether a value can reach some loyal lieutenants and not others.
    var canSplit: Bool {
        privateRounds?.contains(m + 1) ?? false
    }

    /// What every loyal lieutenant can hold in common: a loyal commander's
    /// order; any set of values from a faulty commander, sent in round 1 and
    /// relayed (with m = 0 nobody relays, so nothing is public).
    var publicSets: [Set<Int>] {
        if commanderIsLoyal { return [[order]] }
        guard m >= 1 else { return [[]] }
        return subsets(of: Array(0..<valueCount))
    }

    private func subsets(of values: [Int]) -> [Set<Int>] {
        values.reduce([Set<Int>()]) { sets, value in sets + sets.map { $0.union([value]) } }
    }

    private func choice(_ set: Set<Int>) -> Int {
        set.count == 1 ? set.first ?? defaultValue : defaultValue
    }

    /// The decisions one loyal lieutenant can reach.
    var singles: Set<Int> {
        var decided = Set<Int>()
        for common in publicSets {
            for own in canSplit ? subsets(of: Array(Set(0..<valueCount).subtracting(common))) : [[]] {
                decided.insert(choice(common.union(own)))
            }
        }
        return decided
    }

    /// The decisions two loyal lieutenants can reach together.
    var pairs: Set<[Int]> {
        var decided = Set<[Int]>()
        for common in publicSets {
            let own = canSplit ? subsets(of: Array(Set(0..<valueCount).subtracting(common))) : [[]]
            for first in own {
                for second in own { decided.insert([choice(common.union(first)), choice(common.union(second))]) }
            }
        }
        return decided
    }

    /// Some strategy breaks IC2 (a loyal commander) or IC1 (a faulty one).
    var violates: Bool {
        if commanderIsLoyal { return loyalLieutenants >= 1 && singles.contains { $0 != order } }
        return loyalLieutenants >= 2 && pairs.contains { $0[0] != $0[1] }
    }
}

/// The messages of an SM(m) violation behind a faulty commander: a value
/// `public` that every loyal lieutenant holds, and a second value carried by
/// the faulty lieutenants f1 … fm, one after another, each taking it fresh
/// and handing it on to the next alone, so that fm brings it in round m + 1
/// to every loyal lieutenant but the first. The first decides the public
/// value and the others the default (with m = 0 the commander simply tells
/// the first loyal lieutenant something else). A message that keeps its
/// loyal value marks a faulty general that otherwise sends nothing amiss.
struct SignedMessagesWitness {
    let request: VerificationRequest
    let order: Int
    /// The faulty lieutenants, in army order; the first m carry the value.
    let faultyLieutenants: [Int]

    var messages: [DeviatingMessage] {
        let messages = carrying
        guard let head = faultyLieutenants.first, !messages.contains(where: { $0.sender == request.commander }) else {
            return messages
        }
        // The faulty generals sign for each other only if the commander counts
        // as faulty, so it keeps one message as it is, by a rule of its own.
        return [DeviatingMessage(path: [request.commander], receiver: head, value: order)] + messages
    }

    private var carrying: [DeviatingMessage] {
        let commander = request.commander
        let faulty = Set(faultyLieutenants)
        let loyal = request.lieutenants.filter { !faulty.contains($0) }
        guard let first = loyal.first else { return [] }
        let values = Array(0..<request.valueCount)
        let m = request.m
        guard m >= 1 else {
            return [DeviatingMessage(path: [commander], receiver: first, value: values.first { $0 != order })]
        }
        // The public value must not be the default, or choice would not tell the lieutenants apart.
        let common = order != request.defaultValue ? order : values.first { $0 != request.defaultValue } ?? order
        let carried = values.first { $0 != common } ?? order
        let chain = Array(faultyLieutenants.prefix(m))
        var messages: [DeviatingMessage] = []
        if common != order {
            messages += loyal.map { DeviatingMessage(path: [commander], receiver: $0, value: common) }
        }
        // A carrier already holding the carried value would not take it fresh.
        if carried == order {
            messages += chain.dropFirst().map { DeviatingMessage(path: [commander], receiver: $0, value: nil) }
        }
        guard let head = chain.first else { return messages }
        let offChain = { (path: [Int]) in request.lieutenants.filter { !path.contains($0) } }
        // The head holds the order: it relays that where it is harmless (it is
        // public, or goes to a carrier), and the carried value to the next carrier.
        let headPath = [commander, head]
        if chain.count == 1 {
            for receiver in offChain(headPath) where !faulty.contains(receiver) {
                let wanted: Int? = receiver == first ? (order != common ? order : carried) : (order == common ? order : nil)
                if wanted != order { messages.append(DeviatingMessage(path: headPath, receiver: receiver, value: wanted)) }
            }
            return messages
        }
        for receiver in offChain(headPath) where receiver != chain[1] && order != common {
            messages.append(DeviatingMessage(path: headPath, receiver: receiver, value: nil))
        }
        if carried != order { messages.append(DeviatingMessage(path: headPath, receiver: chain[1], value: carried)) }
        // The carriers in between hand the value to the next carrier only.
        var path = headPath
        for (index, carrier) in chain.enumerated().dropFirst() {
            path.append(carrier)
            let isLast = index == chain.count - 1
            for receiver in offChain(path) {
                if isLast {
                    if receiver == first { messages.append(DeviatingMessage(path: path, receiver: receiver, value: nil)) }
                } else if receiver != chain[index + 1] {
                    messages.append(DeviatingMessage(path: path, receiver: receiver, value: nil))
                }
            }
        }
        return messages
    }
}
