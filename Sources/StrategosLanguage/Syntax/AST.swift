/// The syntax tree of a Strategos script. Every node keeps the span of the text
/// it came from, so the interpreter can point at the exact word that is wrong.

/// A general's name as written: `C`, `L3`, `Alice`.
public struct Name: Sendable, Equatable {
    public var text: String
    public var span: SourceSpan
    public init(_ text: String, span: SourceSpan) {
        self.text = text
        self.span = span
    }
}

/// A value as written: a name (`attack`) or an integer (`0`). Values are opaque
/// symbols compared by spelling, so `0` and `retreat` are different values.
public struct Value: Sendable, Equatable {
    public var text: String
    public var span: SourceSpan
    public init(_ text: String, span: SourceSpan) {
        self.text = text
        self.span = span
    }
}

/// An integer literal, e.g. the `4` of `generals 4` or the `1` of `om(1)`.
public struct IntegerLiteral: Sendable, Equatable {
    public var value: Int
    public var span: SourceSpan
    public init(_ value: Int, span: SourceSpan) {
        self.value = value
        self.span = span
    }
}

/// A string literal with its escapes already decoded.
public struct StringLiteral: Sendable, Equatable {
    public var text: String
    public var span: SourceSpan
    public init(_ text: String, span: SourceSpan) {
        self.text = text
        self.span = span
    }
}

public struct Program: Sendable, Equatable {
    public var statements: [Statement]
    public init(statements: [Statement]) {
        self.statements = statements
    }
}

public struct Statement: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `generals 4`
        case generalsCount(IntegerLiteral)
        /// `generals A, B, C, D`
        case generalsNamed([Name])
        /// `commander B`
        case commander(Name)
        /// `order attack`
        case order(Value)
        /// `default retreat`
        case defaultValue(Value)
        /// `general L3 loyal`
        case loyal(Name)
        /// `general L3 traitor lies 0 to L1`, `general L3 crashes after round 1`, ...
        /// One rule per clause, in the order written.
        case faults(Name, [FaultRule])
        /// `seed 7`
        case seed(IntegerLiteral)
        /// `signatures ed25519`: how SM(m) signs.
        case signatures(Signatures)
        /// `links ring`: the whole graph of links, forgetting earlier `cut` and `link`.
        case links(Topology)
        /// `cut L1 - L2, C - L3`: remove those links.
        case cut([LinkPair])
        /// `link L1 - L2`: add those links.
        case link([LinkPair])
        /// `channel reliable`, `channel lossy 20%`, `channel broadcast`
        case channel(ChannelChoice)
        /// `partition L1, L2 | L3, L4 from round 2 until round 3`, `partition none`
        case partition(PartitionSpec?)
        /// `timing synchronous`, `timing asynchronous`
        case timing(TimingChoice)
        /// `delay C to L1 by 2`, `delay at most 2`
        case delay(DelaySpec)
        /// `timeout 3`
        case timeout(IntegerLiteral)
        /// `run om(1)`, `run om(1, 3)`, `run om`
        case run(AlgorithmCall)
        /// `verify om(1)`, `verify om(1) with 2 traitors for order attack save "attack.strat"`
        case verify(VerifyCall)
        /// `sweep verify om for generals 3 to 10, m 1 to 3`
        case sweep(SweepCall)
        /// `expect ...`
        case expect(Expectation)
        /// `reset`
        case reset
        /// `print "text"`
        case print(StringLiteral)
        /// `load "file.strat"`
        case load(StringLiteral)
        /// `show trace`, `show tree L1`, `show stats`, `show army`
        case show(View)
        /// `export trace "run.dot"`, `export tree L1 "tree.dot"`
        case export(View, to: StringLiteral)
        /// `lose 2`, `A attacks always`, `loss 30%`, `estimate twogenerals(3)`, `shop with rollback`, ...
        case twoGenerals(TwoGeneralsStatement)
    }

    public var kind: Kind
    /// From the statement's first token to its last.
    public var span: SourceSpan
    public init(_ kind: Kind, span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
}

/// One rule of a faulty general: what it does to the messages it sends, and
/// which of those messages the rule applies to.
public struct FaultRule: Sendable, Equatable {
    public enum Behaviour: Sendable, Equatable {
        /// `lies V`: the message carries V.
        case lies(Value)
        /// `flips` (and bare `traitor`): `order` becomes `default`, anything else `order`.
        case flips
        /// `silent`: the message is not sent.
        case silent
        /// `random`: a seeded random value in play.
        case random
        /// `relays`: under SM, the general also extends each chain the rule
        /// selects; it changes no message and plays no part in first match.
        case relays
    }

    public enum Rounds: Sendable, Equatable {
        /// `in round K`
        case only(IntegerLiteral)
        /// `crashes after round K`: every round after K.
        case after(IntegerLiteral)
    }

    public var behaviour: Behaviour
    /// `to X, Y`; empty means every receiver.
    public var receivers: [Name]
    public var rounds: Rounds?
    /// `about X, Y`: only messages whose path, before the sender, ends with X
    /// then Y (`about X` alone: relays of the value the general got from X);
    /// empty means any message.
    public var about: [Name]
    /// The clause's text, e.g. `lies 0 to L1, L2` or `crashes after round 1`.
    public var span: SourceSpan

    public init(_ behaviour: Behaviour, receivers: [Name] = [], rounds: Rounds? = nil, about: [Name] = [], span: SourceSpan) {
        self.behaviour = behaviour
        self.receivers = receivers
        self.rounds = rounds
        self.about = about
        self.span = span
    }
}

/// The algorithm named by `run`: `om(1)`, `sm(2)`, or `om` with m left to the interpreter.
public struct AlgorithmCall: Sendable, Equatable {
    public enum Algorithm: String, Sendable, Equatable, CaseIterable {
        /// Oral messages, OM(m).
        case om
        /// Signed messages, SM(m).
        case sm
        /// The Two Generals Problem over a lossy channel, with k messengers.
        case twogenerals
    }

    public var algorithm: Algorithm
    /// nil for `run om`: m is the number of faulty generals.
    public var m: IntegerLiteral?
    /// The p of `om(m, p)`, the paper's OM(m, p) on a p-regular graph; nil for
    /// plain OM(m). Only `om` takes one (the parser sees to it).
    public var p: IntegerLiteral?
    public var span: SourceSpan

    public init(_ algorithm: Algorithm, m: IntegerLiteral?, p: IntegerLiteral? = nil, span: SourceSpan) {
        self.algorithm = algorithm
        self.m = m
        self.p = p
        self.span = span
    }
}

/// The graph a `links` statement sets, before any `cut` or `link` edits it.
public enum Topology: String, Sendable, Equatable, CaseIterable {
    /// Every pair of generals linked: the paper's Sections 1 to 4, and the default.
    case complete
    /// Each general linked to the next and the previous in army order
    /// (commander first), the last to the first.
    case ring
    /// No links at all; `link` adds them.
    case empty = "none"
}

/// `L1 - L2` in `cut` or `link`: two generals, in the order written.
public struct LinkPair: Sendable, Equatable {
    public var first: Name
    public var second: Name
    public var span: SourceSpan

    public init(_ first: Name, _ second: Name, span: SourceSpan) {
        self.first = first
        self.second = second
        self.span = span
    }
}

/// How a line carries messages: `channel reliable|lossy N%|broadcast`.
public enum ChannelChoice: Sendable, Equatable {
    /// Point to point, and every message arrives (the default).
    case reliable
    /// Point to point, each message lost with this probability in percent.
    case lossy(IntegerLiteral)
    /// Everything a general sends on one path reaches all its receivers with one value.
    case broadcast
}

/// `partition L1, L2 | L3, L4 from round 2 until round 3`.
public struct PartitionSpec: Sendable, Equatable {
    /// Two groups or more, each as written.
    public var groups: [[Name]]
    /// nil: from round 1.
    public var from: IntegerLiteral?
    /// nil: to the end of the run.
    public var until: IntegerLiteral?
    public var span: SourceSpan

    public init(groups: [[Name]], from: IntegerLiteral? = nil, until: IntegerLiteral? = nil, span: SourceSpan) {
        self.groups = groups
        self.from = from
        self.until = until
        self.span = span
    }
}

/// How time behaves: `timing synchronous|asynchronous`.
public enum TimingChoice: String, Sendable, Equatable, CaseIterable {
    /// Every message arrives within its round (the default).
    case synchronous
    /// Messages may be late; a receiver waits `timeout` rounds.
    case asynchronous
}

/// `delay C to L1 by 2 in round 1 about …` or `delay at most 2`.
public enum DelaySpec: Sendable, Equatable {
    /// Messages of `sender` (those `to`, `in round` and `about` select) arrive `by` rounds late.
    case messages(sender: Name, receivers: [Name], by: IntegerLiteral, rounds: IntegerLiteral?, about: [Name])
    /// The network delays no message by more than this (partial synchrony).
    case bound(IntegerLiteral)
}

/// How SM(m) signs its messages.
public enum Signatures: String, Sendable, Equatable, CaseIterable {
    /// The engine's model: unforgeable by construction, and fast.
    case modelled
    /// Real Ed25519 keys per general: forgeries are real bytes that fail verification.
    case ed25519
}

/// A way of looking at the last run (or at the scenario, for `army`).
public enum View: Sendable, Equatable {
    /// Every message of the last run, optionally only those `to` a general,
    /// `from` a general (its sender), or in one `round`.
    case trace(to: Name?, from: Name?, round: IntegerLiteral?)
    /// Why a lieutenant decided what it decided.
    case tree(Name)
    /// Messages per round against the paper's count, lies, drops, discards.
    case stats
    /// The army, the commander, the order, the default and every fault rule.
    case army
    /// The graph of links: each general's neighbours, regularity, connectivity, diameter.
    case links
    /// The last two-generals run's truth table: every loss pattern.
    case table
    /// The last `sweep`'s table: a cell per army size and m.
    case sweep
    /// The last run as a page to step through (`export report "run.html"`).
    case report
}

/// `sweep verify om for generals 3 to 10, m 1 to 3`: the same question for
/// every army size and m in the ranges, as a table.
public struct SweepCall: Sendable, Equatable {
    public enum Action: String, Sendable, Equatable, CaseIterable {
        /// Each cell runs the algorithm with the scenario's faulty generals.
        case run
        /// Each cell verifies it against every strategy of up to m faulty generals.
        case verify
    }

    public var action: Action
    /// `om` or `sm` (the parser sees to it).
    public var algorithm: AlgorithmCall.Algorithm
    public var generals: ClosedRange<Int>
    public var m: ClosedRange<Int>
    /// The ranges as written, for errors.
    public var generalsSpan: SourceSpan
    public var mSpan: SourceSpan

    public init(
        _ action: Action, _ algorithm: AlgorithmCall.Algorithm, generals: ClosedRange<Int>, m: ClosedRange<Int>,
        generalsSpan: SourceSpan, mSpan: SourceSpan
    ) {
        self.action = action
        self.algorithm = algorithm
        self.generals = generals
        self.m = m
        self.generalsSpan = generalsSpan
        self.mSpan = mSpan
    }
}

/// `verify om(1) with 2 traitors for order attack save "file.strat"`: search
/// every traitor strategy for a violation of IC1 or IC2.
public struct VerifyCall: Sendable, Equatable {
    public var call: AlgorithmCall
    /// How many generals may be faulty; nil means m.
    public var traitors: IntegerLiteral?
    /// `for order X`: the one order checked; nil means every value in play.
    public var order: Value?
    /// Where to write the counterexample, if one is found.
    public var save: StringLiteral?

    public init(_ call: AlgorithmCall, traitors: IntegerLiteral? = nil, order: Value? = nil, save: StringLiteral? = nil) {
        self.call = call
        self.traitors = traitors
        self.order = order
        self.save = save
    }
}

public enum Expectation: Sendable, Equatable {
    case agreement
    case validity
    case consensus
    case violation
    /// `expect holds`: the last verify proved IC1 and IC2.
    case holds
    /// `expect counterexample`: the last verify found a violation.
    case counterexample
    /// `expect L1 decides attack`, `expect L1, L2 decide attack`
    case decides([Name], Value)
    /// `expect messages 9`
    case messages(IntegerLiteral)
}
