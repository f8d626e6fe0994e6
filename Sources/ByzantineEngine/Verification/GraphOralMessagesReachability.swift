import Foundation

/// The exact method for OM(m) where the generals are not interchangeable
/// (links missing): the composition of `OralMessagesReachability`, over
/// concrete sub-invocations of one placement of the faulty generals.
///
/// A sub-invocation's outcome depends on its commander, the set of its
/// lieutenants and the value the commander holds, not on the order of the
/// path that led there, so equal ones are solved once. A message a missing
/// link or a partition keeps from its receiver is the default, and no faulty
/// general can change it; under asynchronous timing the network may withhold
/// a loyal general's message too, one deviating message, which the receiver
/// takes as the default.
struct GraphOralMessagesReachability: OralMessagesModel {
    let valueCount: Int
    let defaultValue: Int
    private let delivery: CompiledDelivery
    /// The network may delay any message past the receiver's timeout.
    private let withholds: Bool
    /// The top invocation's m: a sub-invocation with r rounds left sends in round m − r + 1.
    private let m: Int
    let isFaulty: [Bool]
    /// Pairs matter only behind a faulty top commander (IC1); behind a loyal
    /// one IC2 asks each lieutenant alone, and singles need only singles below.
    let solvesPairs: Bool
    private var reaches: [Key: Reached] = [:]

    struct Key: Hashable {
        var commander: Int
        var members: UInt64
        var held: Int
    }

    /// What one sub-invocation can make each of its loyal lieutenants, and
    /// each pair of them (the first earlier in army order), decide.
    struct Reached {
        private var singles: [Int: [Cost]] = [:]
        private var pairs: [Int: [Cost]] = [:]

        func single(_ lieutenant: Int) -> [Cost] { singles[lieutenant] ?? [] }
        func pair(_ first: Int, _ second: Int) -> [Cost] { pairs[Self.key(first, second)] ?? [] }

        mutating func set(_ lieutenant: Int, _ costs: [Cost]) { singles[lieutenant] = costs }
        mutating func set(_ first: Int, _ second: Int, _ costs: [Cost]) { pairs[Self.key(first, second)] = costs }

        private static func key(_ first: Int, _ second: Int) -> Int { first << 8 | second }
    }

    /// Whether the method covers `request`'s system model: every message's
    /// fate must depend on its line and round alone (no lossy channel, whose
    /// draws depend on the path), every receiver must be free to hear
    /// something else (no broadcast), and the generals must fit a set of 64.
    static func models(_ request: VerificationRequest) -> Bool {
        let pathFree = switch request.delivery.channel {
        case .reliable: true
        case .lossy(let percent): percent == 0
        case .broadcast: false
        }
        return pathFree && request.generalCount <= 64
    }

    init(request: VerificationRequest, faulty: [Int]) {
        valueCount = request.valueCount
        defaultValue = request.defaultValue
        m = request.m
        delivery = CompiledDelivery(request.delivery, seed: request.seed)
        withholds = request.delivery.networkCanWithhold
        let commander = request.commander
        var isFaulty = Array(repeating: false, count: request.generalCount)
        for general in faulty { isFaulty[general] = true }
        self.isFaulty = isFaulty
        solvesPairs = isFaulty[commander]
    }

    /// Solves `call` and everything below it, then says what it reaches.
    mutating func solve(_ call: Call, shouldStop: () -> Bool) throws(EngineError) -> Reached {
        let key = Self.key(call)
        if let known = reaches[key] { return known }
        if shouldStop() { throw .cancelled }
        if call.rounds > 0 {
            for member in call.members {
                for sending in sendable(call, to: member) {
                    _ = try solve(call.child(member, holding: sending.value), shouldStop: shouldStop)
                }
            }
        }
        let loyal = call.members.filter { !isFaulty[$0] }
        var reached = Reached()
        for (index, first) in loyal.enumerated() {
            reached.set(first, decisions(call, deciding: [first]))
            guard solvesPairs else { continue }
            for second in loyal[(index + 1)...] {
                reached.set(first, second, decisions(call, deciding: [first, second]))
            }
        }
        reaches[key] = reached
        return reached
    }

    /// Sub-invocations solved so far.
    var solved: Int { reaches.count }

    func sendable(_ call: Call, to member: Int) -> [(value: Int, cost: Cost)] {
        // Without losses or delays (`models`), the line and the round decide.
        if delivery.lineFate(sender: call.commander, receiver: member, round: m - call.rounds + 1) != nil {
            return [(defaultValue, 0)]
        }
        guard isFaulty[call.commander] else {
            let loyal: (value: Int, cost: Cost) = (call.held, 0)
            return withholds && call.held != defaultValue ? [loyal, (defaultValue, Cost(1))] : [loyal]
        }
        return [(call.held, 0)] + (0..<valueCount).filter { $0 != call.held }.map { ($0, 1) }
    }

    func isWithheld(_ call: Call, to member: Int, value: Int) -> Bool {
        withholds && !isFaulty[call.commander] && value != call.held
    }

    func reach(_ call: Call, child member: Int, holding value: Int, deciding: [Int]) -> [Cost] {
        guard let reached = reaches[Self.key(call.child(member, holding: value))] else {
            return Array(repeating: .unreachable, count: deciding.count == 1 ? valueCount : valueCount * valueCount)
        }
        return deciding.count == 1 ? reached.single(deciding[0]) : reached.pair(deciding[0], deciding[1])
    }

    private static func key(_ call: Call) -> Key {
        Key(commander: call.commander, members: call.members.reduce(0) { $0 | 1 << UInt64($1) }, held: call.held)
    }

    /// The work to solve every sub-invocation of one placement of `faulty`
    /// generals, in tally steps (as `OralMessagesReachability.work`): a
    /// level's sub-invocations are its commander and the set of generals
    /// before it on the path, each holding one value where the general
    /// before it is loyal and any where it is faulty; OM(0) weighs nothing;
    /// pairs only behind a faulty commander.
    static func work(generalCount n: Int, m: Int, valueCount: Int, faulty: Int, commanderIsFaulty: Bool) -> Double {
        let heldValues = 1 + Double(valueCount - 1) * Double(faulty) / Double(n)
        var work = 0.0
        for level in 0...m {
            let calls = level == 0 ? 1 : Double(level) * binomial(n - 1, level) * heldValues
            let members = n - 1 - level
            guard members >= 1 else { continue }
            let pairs = commanderIsFaulty ? Double(members * (members - 1) / 2) : 0
            guard level < m else {
                work += calls * (Double(members * valueCount) + pairs * Double(valueCount * valueCount))
                continue
            }
            let combination = OralMessagesReachability.combinationWork(lieutenants: members, valueCount: valueCount)
            work += calls * (Double(members) * combination.single + pairs * combination.pair)
        }
        return work
    }
}
