/// `Delivery` laid out for the hot paths of a run, with a delay's selectors
/// precomputed: where the fate of every message is decided.
struct CompiledDelivery {
    /// Every message arrives in its round: callers skip `fate` altogether.
    let isEverywhere: Bool
    /// A lossy channel draws from the path's hash, so the caller must keep one.
    let needsPathHash: Bool
    private let links: Links
    private let partitions: [Partition]
    private let lossPercent: Int
    private let seed: UInt64
    private let timeout: Int
    private let delays: CompiledSelectors
    /// Per compiled delay selector, how many rounds late its messages arrive.
    private let delayRounds: [Int]
    private let hasDelays: Bool

    init(problem: GeneralsProblem) {
        self.init(problem.delivery, seed: problem.seed)
    }

    init(_ delivery: Delivery, seed: UInt64) {
        let generalCount = delivery.links.generalCount
        isEverywhere = delivery.isEverywhere
        links = delivery.links
        partitions = delivery.partitions
        self.seed = seed
        if case .lossy(let percent) = delivery.channel { lossPercent = percent } else { lossPercent = 0 }
        needsPathHash = lossPercent > 0
        var perSender = Array(repeating: [NetworkDelay](), count: generalCount)
        if case .asynchronous(let asynchrony) = delivery.timing {
            timeout = asynchrony.timeout
            for delay in asynchrony.delays where perSender.indices.contains(delay.sender) { perSender[delay.sender].append(delay) }
        } else {
            timeout = 1
        }
        delays = CompiledSelectors(perSender.map { $0.map(\.selector) }, generalCount: generalCount)
        delayRounds = perSender.flatMap { $0.map(\.rounds) }
        hasDelays = !delayRounds.isEmpty
    }

    /// What the line and the round alone decide of a message: no line, or a
    /// partition in the way; nil when the rest of `fate` decides. Without a
    /// lossy channel or delays, nil means it arrives.
    @inline(__always)
    func lineFate(sender: Int, receiver: Int, round: Int) -> Fate? {
        guard links.areLinked(sender, receiver) else { return .noLink }
        for partition in partitions where partition.separates(sender, receiver, in: round) { return .blocked }
        return nil
    }

    /// What becomes of the message `sender` sends `receiver` in `round`;
    /// `previous` and `path` (the round − 1 generals before the sender) as
    /// for `CompiledDeviations.send`, `pathHash` the hash of the path through
    /// the sender.
    @inline(__always)
    func fate(sender: Int32, receiver: Int32, round: Int, previous: Int32, path: UnsafePointer<Int32>, pathHash: UInt64) -> Fate {
        if let fate = lineFate(sender: Int(sender), receiver: Int(receiver), round: round) { return fate }
        if lossPercent > 0, LossDraw.isLost(seed: seed, pathHash: pathHash, receiver: Int(receiver), percent: lossPercent) {
            return .lost
        }
        guard hasDelays else { return .arrives }
        let match = delays.firstMatch(sender: sender, receiver: receiver, round: round, previous: previous, path: path)
        guard match >= 0, delayRounds[match] > 0 else { return .arrives }
        return delayRounds[match] < timeout ? .late(by: delayRounds[match]) : .timedOut(by: delayRounds[match])
    }
}

/// What a run's network did to the messages that were sent, as `Outcome` reports it.
public struct NetworkCounts: Sendable, Equatable {
    /// Lost by a lossy channel.
    public var lost = 0
    /// Kept from crossing by a partition.
    public var blocked = 0
    /// Arrived late, before the receiver's timeout.
    public var late = 0
    /// Arrived after the receiver's timeout, so taken as missing.
    public var timedOut = 0

    public init() {}

    /// Counts one sent message's fate.
    @inline(__always)
    mutating func count(_ fate: Fate) {
        switch fate {
        case .arrives, .noLink: break
        case .late: late += 1
        case .timedOut: timedOut += 1
        case .lost: lost += 1
        case .blocked: blocked += 1
        }
    }

    /// Sent messages the receiver never used.
    public var missing: Int { lost + blocked + timedOut }
}
