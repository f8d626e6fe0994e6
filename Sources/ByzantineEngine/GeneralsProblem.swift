/// An instance of the Byzantine Generals Problem as the engine sees it: generals
/// and values are small integers (the language interns names and values before a
/// run), so the hot path compares integers and never builds a string.
public struct GeneralsProblem: Sendable, Equatable {
    /// Generals are numbered `0..<generalCount`.
    public var generalCount: Int
    public var commander: Int
    /// Values are numbered `0..<valueCount`; `order` and `defaultValue` are two of them.
    public var valueCount: Int
    /// What a loyal commander orders.
    public var order: Int
    /// The value used for a missing message and when no strict majority exists.
    public var defaultValue: Int
    /// Each general's deviations, in order; an empty list is a loyal general.
    public var deviations: [[Deviation]]
    /// The seed of `random` deviations.
    public var seed: UInt64
    /// Which messages reach their receivers: every one, unless links are missing.
    public var delivery: Delivery

    public init(
        generalCount: Int, commander: Int = 0, valueCount: Int = 2, order: Int = 0, defaultValue: Int = 1,
        deviations: [Int: [Deviation]] = [:], seed: UInt64 = 0, delivery: Delivery? = nil
    ) {
        self.generalCount = generalCount
        self.commander = commander
        self.valueCount = valueCount
        self.order = order
        self.defaultValue = defaultValue
        self.deviations = (0..<max(generalCount, 0)).map { deviations[$0] ?? [] }
        self.seed = seed
        self.delivery = delivery ?? .everywhere(max(generalCount, 0))
    }

    /// Checks what every algorithm needs: at least three generals, and a
    /// commander, values and deviations that name generals and values that exist.
    public func validate() throws(EngineError) {
        let n = generalCount
        guard n >= 3 else { throw .armyTooSmall(generals: n) }
        // The deviations list must cover exactly the army (both are public vars).
        guard deviations.count == n else { throw .unknownGeneral(min(deviations.count, n)) }
        guard delivery.links.generalCount == n else { throw .unknownGeneral(min(delivery.links.generalCount, n)) }
        guard (0..<n).contains(commander) else { throw .unknownGeneral(commander) }
        let values = 0..<valueCount
        guard values.contains(order) else { throw .unknownValue(order) }
        guard values.contains(defaultValue) else { throw .unknownValue(defaultValue) }
        for deviation in deviations.joined() {
            if case .lie(let value) = deviation.action, !values.contains(value) { throw .unknownValue(value) }
            for general in deviation.receivers ?? [] where !(0..<n).contains(general) { throw .unknownGeneral(general) }
            for general in deviation.about where !(0..<n).contains(general) { throw .unknownGeneral(general) }
        }
        try delivery.validate(generalCount: n, deviations: deviations)
    }

    /// Generals with at least one deviation (traitors and crashed generals).
    public var faulty: [Int] {
        deviations.indices.filter { !deviations[$0].isEmpty }
    }

    public func isFaulty(_ general: Int) -> Bool {
        deviations.indices.contains(general) && !deviations[general].isEmpty
    }

    /// The lieutenants in army order.
    public var lieutenants: [Int] {
        (0..<generalCount).filter { $0 != commander }
    }

    /// The fault behaviour and the network as one function: what `path.last`
    /// sends `receiver` when a loyal general would send `loyalValue` (nil:
    /// its rules drop it), and what becomes of it. `path` runs from the
    /// commander to the sender, so its count is the message's round.
    public func transmit(path: [Int], to receiver: Int, loyalValue: Int) -> (sent: Int?, fate: Fate) {
        let fate = delivery.fate(path: path, to: receiver, seed: seed)
        guard fate.isSent else { return (nil, fate) }
        return (sent(path: path, to: receiver, loyalValue: loyalValue), fate)
    }

    /// What arrives in time for the receiver to use: nil when nothing does.
    public func message(path: [Int], to receiver: Int, loyalValue: Int) -> Int? {
        let (sent, fate) = transmit(path: path, to: receiver, loyalValue: loyalValue)
        return fate.isReceived ? sent : nil
    }

    /// What the sender's rules make of a message (nil: they drop it).
    func sent(path: [Int], to receiver: Int, loyalValue: Int) -> Int? {
        guard let sender = path.last, deviations.indices.contains(sender) else { return loyalValue }
        let round = path.count
        let before = path.dropLast()
        for deviation in deviations[sender] where deviation.matches(receiver: receiver, round: round, pathBeforeSender: before) {
            switch deviation.action {
            case .lie(let value): return value
            case .flip: return loyalValue == order ? defaultValue : order
            case .silent: return nil
            case .relay: continue
            case .random:
                let drawnFor = delivery.channel == .broadcast ? -1 : receiver
                return RandomValue.pick(seed: seed, pathHash: PathHash.of(path), receiver: drawnFor, valueCount: valueCount)
            }
        }
        return loyalValue
    }
}
