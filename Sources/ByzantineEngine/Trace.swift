/// Every message of a run and, for OM(m), every majority a lieutenant took:
/// what `show trace`, `show tree` and the exports are drawn from. Recorded only
/// when asked for, so ordinary runs keep the streaming engine's speed.
public struct Trace: Sendable, Equatable {
    public struct Message: Sendable, Equatable {
        public enum Disposition: Sendable, Equatable {
            /// OM: the receiver uses it.
            case received
            /// SM: its value entered the receiver's V_i.
            case accepted
            /// SM: valid, but its value was already in V_i.
            case duplicate
            /// SM: a signature does not hold; the receiver threw it away.
            case discarded
            /// Not sent: the sender's rules dropped it (the receiver uses `default`).
            case dropped
            /// Sent, and lost by a lossy channel (the receiver uses `default`).
            case lost
            /// Sent, and kept from crossing by a partition (the receiver uses `default`).
            case blocked
            /// Sent, and arrived after the receiver's timeout: taken as
            /// missing, so the receiver uses `default`.
            case timedOut
        }

        /// 1 for the commander's orders.
        public var round: Int
        /// The generals the value passed through, commander first, sender last
        /// (for SM, the chain of signatures).
        public var path: [Int]
        public var receiver: Int
        /// What a loyal general in the sender's place would have sent.
        public var loyalValue: Int
        /// What was sent; nil when the message was dropped.
        public var value: Int?
        public var disposition: Disposition
        /// OM(m, p): the lieutenant a relayed value is headed for, when this
        /// message is one link of a path γ of Definition 1; nil when the
        /// receiver is the one meant.
        public var destination: Int? = nil
        /// How many rounds late the message arrived (0: in its round).
        public var delay = 0

        public var sender: Int { path.last ?? receiver }
        /// The receiver got it in time (even if it then threw it away).
        public var reachedReceiver: Bool {
            switch disposition {
            case .received, .accepted, .duplicate, .discarded: true
            case .dropped, .lost, .blocked, .timedOut: false
            }
        }
        /// The sender's rules changed the value.
        public var isLie: Bool { value.map { $0 != loyalValue } ?? false }
    }

    /// One lieutenant's majority in one OM(k) of the recursion.
    public struct Majority: Sendable, Equatable {
        /// The commanders of the nested runs from the top: `[C]` for OM(m)
        /// itself, `[C, L2]` for the OM(m − 1) that L2 commands, and so on.
        public var path: [Int]
        public var lieutenant: Int
        /// What the lieutenant weighed, in army order: from the run's commander
        /// (its own value) and from each other lieutenant of the run.
        public var inputs: [(from: Int, value: Int)]
        public var result: Int

        public static func == (a: Majority, b: Majority) -> Bool {
            a.path == b.path && a.lieutenant == b.lieutenant && a.result == b.result
                && a.inputs.map(\.from) == b.inputs.map(\.from) && a.inputs.map(\.value) == b.inputs.map(\.value)
        }
    }

    public var messages: [Message] = []
    public var majorities: [Majority] = []

    public init() {}
}

extension Trace.Message.Disposition {
    /// How OM's receiver took a message that was sent, as its fate made it.
    init(_ fate: Fate) {
        switch fate {
        case .arrives, .late, .noLink: self = .received
        case .lost: self = .lost
        case .blocked: self = .blocked
        case .timedOut: self = .timedOut
        }
    }
}

/// What the recursion tells about messages and majorities. The engine is
/// generic over it, so a run without a trace compiles to code that records
/// nothing and keeps its fast paths.
protocol RunRecorder {
    static var isRecording: Bool { get }
    mutating func message(_ message: Trace.Message)
    mutating func majority(_ majority: Trace.Majority)
}

struct NoRecorder: RunRecorder {
    static var isRecording: Bool { false }
    func message(_ message: Trace.Message) {}
    func majority(_ majority: Trace.Majority) {}
}

struct TraceRecorder: RunRecorder {
    static var isRecording: Bool { true }
    var trace = Trace()
    mutating func message(_ message: Trace.Message) {
        trace.messages.append(message)
    }
    mutating func majority(_ majority: Trace.Majority) {
        trace.majorities.append(majority)
    }
}
