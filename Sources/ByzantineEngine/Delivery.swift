/// The system model's communication and timing: which messages reach their
/// receivers, when, and with what. The one place it is decided: OM's
/// recursion, OM(m, p), SM's rounds, the reference model and the verifier
/// all ask `fate` (through `CompiledDelivery` on the hot paths). The
/// defaults are the paper's Sections 1 to 4: a complete graph, reliable
/// point-to-point channels, synchronous rounds.
public struct Delivery: Sendable, Hashable {
    public var links: Links
    public var channel: Channel = .reliable
    /// Rounds in which no message crosses between groups.
    public var partitions: [Partition] = []
    public var timing: Timing = .synchronous

    public init(links: Links, channel: Channel = .reliable, partitions: [Partition] = [], timing: Timing = .synchronous) {
        self.links = links
        self.channel = channel
        self.partitions = partitions
        self.timing = timing
    }

    /// Every message reaches its receiver.
    public static func everywhere(_ generalCount: Int) -> Delivery {
        Delivery(links: .complete(generalCount))
    }

    /// Whether a line joins sender and receiver at all. Without one the
    /// message is never sent, and the receiver uses `default`.
    @inline(__always)
    public func reaches(from sender: Int, to receiver: Int) -> Bool {
        links.areLinked(sender, receiver)
    }

    /// What becomes of a message `path.last` sends `receiver` (the path runs
    /// from the commander to the sender, so its count is the round). `seed`
    /// draws a lossy channel's losses.
    public func fate(path: [Int], to receiver: Int, seed: UInt64) -> Fate {
        CompiledDelivery(self, seed: seed).fate(path: path, to: receiver)
    }

    /// Checks what a run needs of the model: partitions and delays about
    /// generals of the army, numbers in range, and under broadcast no rule
    /// that picks some receivers of a message and not others.
    func validate(generalCount n: Int, deviations: [[Deviation]]) throws(EngineError) {
        for partition in partitions where partition.groups.count != n || partition.rounds.lowerBound < 1 {
            throw .invalidNetwork("a partition must give every general of the army a group, from round 1 on")
        }
        if case .lossy(let percent) = channel, !(0...100).contains(percent) {
            throw .invalidNetwork("a loss rate must be 0 to 100 percent")
        }
        if case .asynchronous(let asynchrony) = timing {
            guard asynchrony.timeout >= 1 else { throw .invalidNetwork("a timeout must be at least 1 round") }
            for delay in asynchrony.delays {
                guard (0..<n).contains(delay.sender), delay.rounds >= 0 else { throw .invalidNetwork("a delay must name a general and be 0 or more rounds") }
                if let bound = asynchrony.bound, delay.rounds > bound { throw .invalidNetwork("a delay past the network's bound") }
            }
        }
        guard channel == .broadcast else { return }
        for (general, rules) in deviations.enumerated() where rules.contains(where: { $0.receivers != nil }) {
            throw .twoFacedUnderBroadcast(general: general)
        }
    }

    /// True when every message of a run reaches its receiver in its round: the
    /// algorithms' fast paths apply. (A broadcast channel delivers everything;
    /// what it changes is what a faulty general can send.)
    public var isEverywhere: Bool {
        guard links.isComplete, partitions.isEmpty else { return false }
        switch channel {
        case .reliable, .broadcast: break
        case .lossy(let percent): guard percent == 0 else { return false }
        }
        switch timing {
        case .synchronous: return true
        case .asynchronous(let asynchrony): return asynchrony.delays.allSatisfy { $0.rounds == 0 }
        }
    }

    /// Under asynchronous timing `verify` lets the network delay any message
    /// by as much as its bound allows: true when that can outlast a
    /// receiver's timeout, so the network can make any message go missing.
    public var networkCanWithhold: Bool {
        guard case .asynchronous(let asynchrony) = timing else { return false }
        return asynchrony.bound.map { $0 >= asynchrony.timeout } ?? true
    }

    /// The model `verify` searches: the scenario's own delays are not
    /// assumed, since the network's delays are the adversary's to choose.
    public var forVerification: Delivery {
        var delivery = self
        if case .asynchronous(var asynchrony) = timing {
            asynchrony.delays = []
            delivery.timing = .asynchronous(asynchrony)
        }
        return delivery
    }

    /// What the verifier may assume of the army.
    public var symmetry: Symmetry {
        isEverywhere && channel == .reliable && !networkCanWithhold ? .loyalLieutenantsInterchangeable : .none
    }

    public enum Symmetry: Sendable, Hashable {
        /// Any two loyal lieutenants (and any two faulty ones) can trade places
        /// without changing what can happen: only how many there are matters.
        case loyalLieutenantsInterchangeable
        /// Every general plays its own part.
        case none
    }
}

/// How a line carries messages.
public enum Channel: Sendable, Hashable {
    /// Point to point, and every message arrives: the paper's assumption A1.
    case reliable
    /// Point to point; each message is lost independently with this
    /// probability in percent, drawn from the seed and the message's path and
    /// receiver, so the same seed loses the same messages.
    case lossy(percent: Int)
    /// Everything a general sends along one path reaches all its receivers
    /// with one value: nobody can tell two receivers different things.
    case broadcast
}

/// Rounds in which the army is split: no message crosses between two groups.
public struct Partition: Sendable, Hashable {
    /// Each general's group.
    public var groups: [Int]
    public var rounds: ClosedRange<Int>

    public init(groups: [Int], rounds: ClosedRange<Int>) {
        self.groups = groups
        self.rounds = rounds
    }

    @inline(__always)
    public func separates(_ a: Int, _ b: Int, in round: Int) -> Bool {
        rounds.contains(round) && groups[a] != groups[b]
    }
}

public enum Timing: Sendable, Hashable {
    /// Every message arrives within its round, so an absence is detected.
    case synchronous
    /// Messages may arrive late; a receiver waits `timeout` rounds.
    case asynchronous(Asynchrony)
}

public struct Asynchrony: Sendable, Hashable {
    /// How many rounds a receiver waits for a message before it takes it as
    /// missing: a message delayed by fewer rounds arrives in time.
    public var timeout: Int
    /// The delays of this scenario's network, first match wins.
    public var delays: [NetworkDelay]
    /// The most any message can be delayed (partial synchrony); nil when
    /// delays are unbounded.
    public var bound: Int?

    public init(timeout: Int = 1, delays: [NetworkDelay] = [], bound: Int? = nil) {
        self.timeout = timeout
        self.delays = delays
        self.bound = bound
    }
}

/// The network holding back some of one sender's messages.
public struct NetworkDelay: Sendable, Hashable {
    public var sender: Int
    public var selector: MessageSelector
    /// How many rounds late the messages arrive.
    public var rounds: Int

    public init(sender: Int, selector: MessageSelector = MessageSelector(), rounds: Int) {
        self.sender = sender
        self.selector = selector
        self.rounds = rounds
    }
}

/// What becomes of one message.
public enum Fate: Sendable, Hashable {
    /// It arrives in its round.
    case arrives
    /// It arrives this many rounds late, before the receiver's timeout.
    case late(by: Int)
    /// It arrives this many rounds late, after the receiver stopped waiting:
    /// the receiver takes it as missing.
    case timedOut(by: Int)
    /// The lossy channel lost it.
    case lost
    /// A partition kept it from crossing.
    case blocked
    /// No line joins sender and receiver, so it is never sent.
    case noLink

    /// A line carries it, so it is sent (whatever then becomes of it). A
    /// switch, not `==`, so that the hot paths fold it away where the fate is known.
    public var isSent: Bool {
        switch self {
        case .noLink: false
        case .arrives, .late, .timedOut, .lost, .blocked: true
        }
    }

    /// The receiver has it in time to use it.
    public var isReceived: Bool {
        switch self {
        case .arrives, .late: true
        case .timedOut, .lost, .blocked, .noLink: false
        }
    }

    /// How many rounds late it is (0 unless delayed).
    public var delay: Int {
        switch self {
        case .late(let rounds), .timedOut(let rounds): rounds
        case .arrives, .lost, .blocked, .noLink: 0
        }
    }
}
