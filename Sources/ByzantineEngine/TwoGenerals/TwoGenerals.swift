/// The Two Generals Problem (Akkoyunlu, Ekanadham and Huber 1975; Gray 1978):
/// generals A and B camp on either side of a city. Together they take it;
/// one attacking alone is defeated. They talk only through messengers who
/// must cross the city, which may capture any of them. No protocol with
/// finitely many messengers makes them certain to act together
/// (`TwoGeneralsVerification` checks this for every pair of threshold rules).
///
/// Messengers are numbered from 1. A loss pattern is the set of messengers the
/// city captures; a messenger that is never sent cannot be captured, so
/// under `alternating` only the first captured one matters.
public struct TwoGenerals: Sendable, Equatable {
    public enum General: String, Sendable, CaseIterable {
        case a = "A"
        case b = "B"

        public var other: General { self == .a ? .b : .a }
    }

    /// How the messengers go.
    public enum Messaging: String, Sendable, Equatable, CaseIterable {
        /// A sends the order (messenger 1); B, once it has it, sends the
        /// acknowledgement (messenger 2); further messengers alternate, each
        /// sent only after the previous one arrived.
        case alternating
        /// A sends all its messengers at once, each carrying the order, and
        /// nobody answers.
        case flooding
    }

    /// Something with one value for each general: its decision, what it received.
    public struct PerGeneral<Value: Sendable & Equatable>: Sendable, Equatable {
        public var a: Value
        public var b: Value

        public init(a: Value, b: Value) {
            self.a = a
            self.b = b
        }

        public subscript(general: General) -> Value {
            get { general == .a ? a : b }
            set { if general == .a { a = newValue } else { b = newValue } }
        }
    }

    /// What became of one messenger.
    public enum Delivery: Sendable, Equatable {
        case arrived
        case captured
        /// Never set out: under `alternating`, a messenger before it was captured.
        case notSent
    }

    /// Runs and estimates take up to this many messengers: enough to watch
    /// the odds approach certainty, few enough that a million trials stay quick.
    public static let messengerLimit = 100

    public var messengers: Int
    public var messaging: Messaging
    public var rules: PerGeneral<TwoGeneralsRule>

    /// Rules left out are the messaging's defaults (`defaultRule(for:)`).
    public init(messengers: Int, messaging: Messaging = .alternating, rules: [General: TwoGeneralsRule] = [:]) {
        self.messengers = messengers
        self.messaging = messaging
        self.rules = PerGeneral(
            a: rules[.a] ?? messaging.defaultRule(for: .a), b: rules[.b] ?? messaging.defaultRule(for: .b))
    }

    /// Who sends messenger `number`.
    public func sender(of number: Int) -> General {
        switch messaging {
        case .alternating: number % 2 == 1 ? .a : .b
        case .flooding: .a
        }
    }

    /// How many messengers are addressed to `general`: the most it can receive.
    public func messengers(to general: General) -> Int {
        switch (messaging, general) {
        case (.alternating, .a): messengers / 2
        case (.alternating, .b): (messengers + 1) / 2
        case (.flooding, .a): 0
        case (.flooding, .b): messengers
        }
    }

    /// Whether `general` attacks after receiving `received` messengers.
    public func attacks(_ general: General, received: Int) -> Bool {
        rules[general].attacks(received: received, addressed: messengers(to: general))
    }

    /// What becomes of each messenger (index 0 is messenger 1) when the city
    /// captures the messengers numbered in `lost`.
    public func deliveries(losing lost: Set<Int>) -> [Delivery] {
        var deliveries: [Delivery] = []
        deliveries.reserveCapacity(max(messengers, 0))
        var stopped = false
        for number in stride(from: 1, through: messengers, by: 1) {
            if stopped {
                deliveries.append(.notSent)
            } else if lost.contains(number) {
                deliveries.append(.captured)
                stopped = messaging == .alternating
            } else {
                deliveries.append(.arrived)
            }
        }
        return deliveries
    }

    public func outcome(losing lost: Set<Int>) -> TwoGeneralsOutcome {
        outcome(of: deliveries(losing: lost))
    }

    /// The decisions that follow from what arrived.
    public func outcome(of deliveries: [Delivery]) -> TwoGeneralsOutcome {
        var received = PerGeneral(a: 0, b: 0)
        for (index, delivery) in deliveries.enumerated() where delivery == .arrived {
            received[sender(of: index + 1).other] += 1
        }
        let attacks = PerGeneral(a: attacks(.a, received: received.a), b: attacks(.b, received: received.b))
        return TwoGeneralsOutcome(deliveries: deliveries, received: received, attacks: attacks)
    }
}

extension TwoGenerals.Messaging {
    /// The rule a general follows unless told otherwise. Alternating: attack
    /// when every messenger addressed to it arrived (B on the order, A only on
    /// the acknowledgement). Flooding: A attacks regardless and B on the first
    /// copy of the order to arrive.
    public func defaultRule(for general: TwoGenerals.General) -> TwoGeneralsRule {
        switch (self, general) {
        case (.alternating, _): .ifReceivedAll
        case (.flooding, .a): .always
        case (.flooding, .b): .ifReceived(1)
        }
    }
}
