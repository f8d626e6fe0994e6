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
    private let losses: LossDraw
    private let timeout: Int
    /// Per delay, how many rounds late the messages it selects arrive.
    private let delays: CompiledSelectors<Int>
    private let hasDelays: Bool
    private let arrivesOnTime: [Bool]

    init(problem: GeneralsProblem) {
        self.init(problem.delivery, seed: problem.seed)
    }

    init(_ delivery: Delivery, seed: UInt64) {
        let generalCount = delivery.links.generalCount
        isEverywhere = delivery.isEverywhere
        links = delivery.links
        partitions = delivery.partitions
        if case .lossy(let percent) = delivery.channel { lossPercent = percent } else { lossPercent = 0 }
        needsPathHash = lossPercent > 0
        losses = LossDraw(seed: seed, percent: lossPercent, generalCount: generalCount)
        var perSender = Array(repeating: [NetworkDelay](), count: generalCount)
        if case .asynchronous(let asynchrony) = delivery.timing {
            timeout = asynchrony.timeout
            for delay in asynchrony.delays where perSender.indices.contains(delay.sender) { perSender[delay.sender].append(delay) }
        } else {
            timeout = 1
        }
        delays = CompiledSelectors(perSender.map { $0.map { ($0.selector, $0.rounds) } }, generalCount: generalCount)
        hasDelays = !perSender.joined().isEmpty
        let onTime = delivery.links.isComplete && partitions.isEmpty && lossPercent == 0
        arrivesOnTime = perSender.map { onTime && $0.allSatisfy { $0.rounds == 0 } }
        losesOnly = delivery.links.isComplete && partitions.isEmpty && lossPercent > 0 && !hasDelays
    }

    /// A lossy channel is all that keeps messages from arriving in their
    /// round: `isLost` alone decides, the last round's loyal fast path.
    let losesOnly: Bool

    /// Whether the lossy channel loses the message to `receiver` along the
    /// path whose hash (through the sender) is `pathHash`.
    @inline(__always)
    func isLost(pathHash: UInt64, receiver: Int32) -> Bool {
        losses.isLost(pathHash: pathHash, receiver: Int(receiver))
    }

    /// `isLost` as 1 or 0, for the last round's branch-free tally.
    @inline(__always)
    func lossBit(pathHash: UInt64, receiver: Int32) -> Int32 {
        losses.lossBit(pathHash: pathHash, receiver: Int(receiver))
    }

    /// Every message `sender` sends arrives in its round: a loyal sender's
    /// messages need no look even where others' do.
    @inline(__always)
    func alwaysArrives(from sender: Int32) -> Bool {
        arrivesOnTime[Int(sender)]
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

    /// `fate` for a path written out (commander first, the sender last): for
    /// the runs and searches that build paths as arrays.
    func fate(path: [Int], to receiver: Int) -> Fate {
        guard let sender = path.last else { return .arrives }
        let flat = path.map { Int32($0) }
        return flat.withUnsafeBufferPointer { buffer in
            guard let start = buffer.baseAddress else { return .arrives }
            return fate(
                sender: Int32(sender), receiver: Int32(receiver), round: path.count,
                previous: path.count >= 2 ? Int32(path[path.count - 2]) : -1, path: start,
                pathHash: needsPathHash ? PathHash.of(path) : 0)
        }
    }

    /// What becomes of the message `sender` sends `receiver` in `round`;
    /// `previous` and `path` (the round − 1 generals before the sender) as
    /// for `CompiledDeviations.send`, `pathHash` the hash of the path through
    /// the sender.
    @inline(__always)
    func fate(sender: Int32, receiver: Int32, round: Int, previous: Int32, path: UnsafePointer<Int32>, pathHash: UInt64) -> Fate {
        if losesOnly { return isLost(pathHash: pathHash, receiver: receiver) ? .lost : .arrives }
        if let fate = lineFate(sender: Int(sender), receiver: Int(receiver), round: round) { return fate }
        if lossPercent > 0, isLost(pathHash: pathHash, receiver: receiver) {
            return .lost
        }
        guard hasDelays else { return .arrives }
        guard let rounds = delays.firstMatch(sender: sender, receiver: receiver, round: round, previous: previous, path: path),
              rounds > 0
        else { return .arrives }
        return rounds < timeout ? .late(by: rounds) : .timedOut(by: rounds)
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
}
