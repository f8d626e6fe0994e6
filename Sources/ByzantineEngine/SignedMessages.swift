/// The signed-messages algorithm SM(m) of Lamport, Shostak and Pease (1982),
/// Section 4.
///
/// Every lieutenant i keeps V_i, the set of properly signed orders it has
/// received. (A) The commander's order v:0 becomes V_i = {v} and is relayed as
/// v:0:i to every other lieutenant. (B) A message v:0:j1:...:jk whose v is not
/// yet in V_i adds v to V_i and, while k < m, is relayed as v:0:j1:...:jk:i to
/// every lieutenant not on the chain. After round m + 1 each lieutenant obeys
/// choice(V_i): its single element, else `default` (the paper only requires
/// choice(∅) = retreat; we use `default` for every set that is not a singleton,
/// so a commander caught sending two orders is answered with the default).
/// Messages go only where `Delivery` lets them: with links missing, to the
/// sender's neighbours, the paper's SM on a graph (Section 5); one lost,
/// blocked or timed out is sent but never enters the receiver's V_i.
///
/// Signatures cannot be forged: a message is valid only if every loyal general
/// on its chain signed exactly that value with that chain prefix. Faulty
/// generals collude, each signing for the others, so a changed value is valid
/// only when every general on the chain is faulty. A receiver checks every
/// signature and discards an invalid message; discards are counted. The
/// signatures are `ModelledSignatures` unless a real scheme is given.
public enum SignedMessages {
    /// The messages SM(m) sends with a loyal commander and no faults:
    /// (n − 1) + (n − 1)(n − 2) for m ≥ 1, n − 1 for m = 0.
    public static func messageCount(generals n: Int, m: Int) -> Int {
        guard n >= 2 else { return 0 }
        return m == 0 ? n - 1 : (n - 1) + (n - 1) * (n - 2)
    }

    /// The most messages SM(m) can send: the commander's n − 1, and each
    /// lieutenant relaying each value at most once to at most n − 2 others;
    /// each of `choosing` generals with a `relay` rule may also extend every
    /// chain it receives, one of at most P(n − 2, 0) + … + P(n − 2, m − 1).
    /// nil when it does not fit in 64 bits.
    public static func messageBound(generals n: Int, m: Int, values: Int, choosing: Int = 0) -> Int? {
        guard n >= 2 else { return 0 }
        guard m > 0 else { return n - 1 }
        let (perValue, overflow1) = (n - 1).multipliedReportingOverflow(by: n - 2)
        let (relays, overflow2) = perValue.multipliedReportingOverflow(by: max(values, 1))
        var (total, overflow) = relays.addingReportingOverflow(n - 1)
        guard !overflow1, !overflow2, !overflow else { return nil }
        guard choosing > 0, n > 2 else { return total }
        // Chains of k lieutenants after the commander, none of them the receiver.
        var chains = 0
        var withLength = 1
        for k in 0..<m {
            if k > 0 { (withLength, overflow) = withLength.multipliedReportingOverflow(by: n - 1 - k) }
            guard !overflow else { return nil }
            (chains, overflow) = chains.addingReportingOverflow(withLength)
            guard !overflow else { return nil }
        }
        let (perGeneral, overflow4) = chains.multipliedReportingOverflow(by: n - 2)
        let (chosen, overflow5) = perGeneral.multipliedReportingOverflow(by: choosing)
        let (sum, overflow6) = total.addingReportingOverflow(chosen)
        return overflow4 || overflow5 || overflow6 ? nil : sum
    }

    /// `messageBound` for this problem's army, values and `relay` rules.
    public static func messageBound(_ problem: GeneralsProblem, m: Int) -> Int? {
        let choosing = problem.deviations.count { rules in rules.contains { $0.action == .relay } }
        return messageBound(generals: problem.generalCount, m: m, values: problem.valueCount, choosing: choosing)
    }

    public static func validate(_ problem: GeneralsProblem, m: Int, messageLimit: Int) throws(EngineError) {
        try problem.validate()
        let n = problem.generalCount
        guard m >= 0, m < n - 1 else { throw .invalidRounds(m: m, generals: n) }
        let bound = messageBound(problem, m: m)
        guard let bound, bound <= messageLimit else { throw .tooManyMessages(needed: bound, limit: messageLimit) }
    }

    /// Runs SM(m). Round by round, each lieutenant handles the messages it
    /// received in one fixed order, by chain (generals compared by their place
    /// in the army, commander first) and then by value, so every run and the
    /// chain each relay extends are reproducible.
    public static func run(
        _ problem: GeneralsProblem, m: Int, messageLimit: Int = 1_000_000_000, recordTrace: Bool = false,
        shouldStop: () -> Bool = { false }
    ) throws(EngineError) -> Outcome {
        // Called with a concrete scheme inside the module, so the simulation is
        // specialised for the default signatures.
        try run(problem, m: m, messageLimit: messageLimit, recordTrace: recordTrace, signatures: ModelledSignatures(), shouldStop: shouldStop)
    }

    /// Runs SM(m) with the given signatures (e.g. real Ed25519 keys).
    public static func run<Scheme: SignatureScheme>(
        _ problem: GeneralsProblem, m: Int, messageLimit: Int = 1_000_000_000, recordTrace: Bool = false,
        signatures: Scheme, shouldStop: () -> Bool = { false }
    ) throws(EngineError) -> Outcome {
        try validate(problem, m: m, messageLimit: messageLimit)
        var simulation = SignedMessagesSimulation(problem: problem, m: m, signatures: signatures, recordsTrace: recordTrace)
        try simulation.run(shouldStop: shouldStop)
        var outcome = Outcome(problem: problem, allDecisions: simulation.decisions(), messagesPerRound: simulation.messagesPerRound)
        outcome.discarded = simulation.discarded
        outcome.lies = simulation.lies
        outcome.drops = simulation.drops
        outcome.network = simulation.network
        outcome.trace = simulation.trace
        outcome.sets = problem.lieutenants.reduce(into: [:]) { sets, lieutenant in
            if !problem.isFaulty(lieutenant) { sets[lieutenant] = simulation.sets[lieutenant] }
        }
        return outcome
    }
}

/// The state of one SM(m) run. Each lieutenant relays each value at most once,
/// so a round is a short list of relays (a chain and the value a loyal sender
/// passes on), sorted by chain; the message a relay makes for each receiver is
/// worked out when that receiver reads its inbox. Memory grows with the
/// relays (n · values · m), not with the messages; chains live in one flat pool.
struct SignedMessagesSimulation<Scheme: SignatureScheme> {
    struct Relay {
        /// The chain is `pool[chainStart ..< chainStart + chainLength]`, commander
        /// first, the sender last; its signatures sit at the same places of the
        /// signature pool, each over the value and the chain up to its signer.
        var chainStart: Int
        var chainLength: Int
        var value: Int32
        /// Extended because a `relay` rule chose the chain, not as the first
        /// to bring its value: sent only where such a rule selects it.
        var isChosenOnly = false
    }

    private let problem: GeneralsProblem
    private let signatures: Scheme
    private let m: Int
    private let deviations: CompiledDeviations
    private let delivery: CompiledDelivery
    private let rank: [Int]
    private(set) var sets: [[Int]]
    private(set) var messagesPerRound: [Int]
    private(set) var discarded = 0
    private(set) var lies = 0
    private(set) var drops = 0
    private(set) var network = NetworkCounts()
    /// Every message, when asked for; SM sends few messages, so one flag is enough.
    private(set) var trace: Trace?

    init(problem: GeneralsProblem, m: Int, signatures: Scheme, recordsTrace: Bool) {
        self.problem = problem
        self.m = m
        self.signatures = signatures
        trace = recordsTrace ? Trace() : nil
        deviations = CompiledDeviations(problem: problem)
        delivery = CompiledDelivery(problem: problem)
        // Generals compare by their place in the army, the commander first.
        rank = (0..<problem.generalCount).map { $0 == problem.commander ? -1 : $0 }
        sets = Array(repeating: [], count: problem.generalCount)
        messagesPerRound = Array(repeating: 0, count: m + 1)
    }

    mutating func run(shouldStop: () -> Bool) throws(EngineError) {
        var pool: [Int32] = [Int32(problem.commander)]
        var signed = [signatures.sign(value: problem.order, chain: pool[...], signer: problem.commander)]
        var relays = [Relay(chainStart: 0, chainLength: 1, value: Int32(problem.order))]
        for round in 1...(m + 1) {
            if shouldStop() { throw .cancelled }
            var nextPool: [Int32] = []
            var nextSigned: [Scheme.Signature] = []
            var nextRelays: [Relay] = []
            for receiver in problem.lieutenants {
                for relay in relays {
                    let range = relay.chainStart..<(relay.chainStart + relay.chainLength)
                    let chain = pool[range]
                    guard !chain.contains(Int32(receiver)) else { continue }
                    guard !relay.isChosenOnly || choosesChain(chain, to: receiver, round: round) else { continue }
                    let fate = self.fate(of: chain, to: receiver, round: round)
                    // Only along a link: a lieutenant relays to its neighbours.
                    guard fate.isSent else { continue }
                    guard let (value, carried, isValid) = deliver(relay, on: chain, signed: signed[range], to: receiver, round: round) else {
                        drops += 1
                        record(round: round, chain: chain, to: receiver, relay: relay, value: nil, .dropped)
                        continue
                    }
                    messagesPerRound[round - 1] += 1
                    if value != relay.value { lies += 1 }
                    network.count(fate)
                    guard fate.isReceived else {
                        record(round: round, chain: chain, to: receiver, relay: relay, value: value, .init(fate), delay: fate.delay)
                        continue
                    }
                    guard isValid else {
                        discarded += 1
                        record(round: round, chain: chain, to: receiver, relay: relay, value: value, .discarded, delay: fate.delay)
                        continue
                    }
                    let isNew = !sets[receiver].contains(Int(value))
                    record(round: round, chain: chain, to: receiver, relay: relay, value: value, isNew ? .accepted : .duplicate, delay: fate.delay)
                    if isNew { sets[receiver].append(Int(value)) }
                    // Relay while the chain holds fewer than m lieutenant signatures.
                    guard chain.count - 1 < m else { continue }
                    guard isNew || choosesAnyReceiver(extending: chain, by: receiver, round: round + 1) else { continue }
                    nextRelays.append(Relay(chainStart: nextPool.count, chainLength: chain.count + 1, value: value, isChosenOnly: !isNew))
                    nextPool += chain
                    nextPool.append(Int32(receiver))
                    nextSigned += carried
                    nextSigned.append(signatures.sign(value: Int(value), chain: nextPool[(nextPool.count - chain.count - 1)...], signer: receiver))
                }
            }
            nextRelays.sort { precedes($0, $1, in: nextPool) }
            relays = nextRelays
            pool = nextPool
            signed = nextSigned
        }
    }

    /// Whether a `relay` rule of the chain's last general selects its message
    /// to `receiver`; the chain before it is the message's path.
    private func choosesChain(_ chain: ArraySlice<Int32>, to receiver: Int, round: Int) -> Bool {
        guard let sender = chain.last else { return false }
        return chain.withUnsafeBufferPointer { path in
            guard let start = path.baseAddress else { return false }
            return deviations.choosesChain(from: sender, to: Int32(receiver), round: round, path: start)
        }
    }

    /// Whether a `relay` rule of `general` chooses to extend `chain` in
    /// `round`, towards any lieutenant the extension can reach.
    private func choosesAnyReceiver(extending chain: ArraySlice<Int32>, by general: Int, round: Int) -> Bool {
        guard deviations.hasChainChoices(Int32(general)) else { return false }
        return chain.withUnsafeBufferPointer { path in
            guard let start = path.baseAddress else { return false }
            return problem.lieutenants.contains { receiver in
                receiver != general && !chain.contains(Int32(receiver))
                    && deviations.choosesChain(from: Int32(general), to: Int32(receiver), round: round, path: start)
            }
        }
    }

    /// What becomes of the chain's last general's message to `receiver`.
    private func fate(of chain: ArraySlice<Int32>, to receiver: Int, round: Int) -> Fate {
        guard let sender = chain.last else { return .noLink }
        guard !delivery.isEverywhere else { return .arrives }
        let previous = chain.count >= 2 ? chain[chain.endIndex - 2] : -1
        let hash = delivery.needsPathHash ? chain.reduce(PathHash.empty) { PathHash.extend($0, with: Int($1)) } : 0
        return chain.withUnsafeBufferPointer { path in
            guard let start = path.baseAddress else { return .noLink }
            return delivery.fate(sender: sender, receiver: Int32(receiver), round: round, previous: previous, path: start, pathHash: hash)
        }
    }

    /// The message the chain's last general sends `receiver`: its value, the
    /// signatures it carries and whether every one of them holds. The sender's
    /// deviations may change or drop the value; a changed value comes with
    /// fresh signatures from the faulty generals on the chain but the loyal
    /// ones' old signatures, which the check catches.
    private func deliver(
        _ relay: Relay, on chain: ArraySlice<Int32>, signed: ArraySlice<Scheme.Signature>, to receiver: Int, round: Int
    ) -> (Int32, ArraySlice<Scheme.Signature>, Bool)? {
        var value = relay.value
        if let sender = chain.last, !deviations.isLoyal(sender) {
            let previous = chain.count >= 2 ? chain[chain.endIndex - 2] : -1
            let hash = chain.reduce(PathHash.empty) { PathHash.extend($0, with: Int($1)) }
            // The chain is the path; its first round − 1 generals come before the sender.
            value = chain.withUnsafeBufferPointer { path in
                guard let start = path.baseAddress else { return relay.value }
                return deviations.send(
                    from: sender, to: Int32(receiver), round: round, previous: previous, path: start, loyal: relay.value,
                    pathHash: hash)
            }
            guard value >= 0 else { return nil }
        }
        // An unchanged value travels with the signatures it came with; only a
        // changed one needs new ones.
        let carried = value == relay.value ? signed : ArraySlice(zip(chain, signed).enumerated().map { offset, pair in
            deviations.isLoyal(pair.0)
                ? pair.1 : signatures.sign(value: Int(value), chain: chain.prefix(offset + 1), signer: Int(pair.0))
        })
        for offset in 0..<chain.count {
            let signer = chain[chain.startIndex + offset]
            let signature = carried[carried.startIndex + offset]
            guard signatures.verify(signature, value: Int(value), chain: chain.prefix(offset + 1), signer: Int(signer)) else {
                return (value, carried, false)
            }
        }
        return (value, carried, true)
    }

    private mutating func record(
        round: Int, chain: ArraySlice<Int32>, to receiver: Int, relay: Relay, value: Int32?, _ disposition: Trace.Message.Disposition,
        delay: Int = 0
    ) {
        guard trace != nil else { return }
        trace?.messages.append(Trace.Message(
            round: round, path: chain.map(Int.init), receiver: receiver, loyalValue: Int(relay.value),
            value: value.map(Int.init), disposition: disposition, delay: delay))
    }

    private func precedes(_ a: Relay, _ b: Relay, in pool: [Int32]) -> Bool {
        let first = pool[a.chainStart..<(a.chainStart + a.chainLength)]
        let second = pool[b.chainStart..<(b.chainStart + b.chainLength)]
        for (x, y) in zip(first, second) where x != y {
            return rank[Int(x)] < rank[Int(y)]
        }
        if first.count != second.count { return first.count < second.count }
        return a.value < b.value
    }

    /// choice(V_i) for every lieutenant; the commander's entry is its order.
    func decisions() -> [Int] {
        (0..<problem.generalCount).map { general in
            guard general != problem.commander else { return problem.order }
            return sets[general].count == 1 ? sets[general][0] : problem.defaultValue
        }
    }
}
