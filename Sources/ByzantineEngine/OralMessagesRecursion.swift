/// The streaming recursion behind `OralMessages.run`. It follows the paper's
/// definition literally (every message is made, and a faulty sender's
/// deviations are applied to each; a message `Delivery` does not deliver in
/// time is missing, and its receiver uses `default`), but keeps all state in buffers allocated
/// once per run, one slice per level of the recursion, so the hot path neither
/// allocates nor builds paths. It is generic over its recorder: with
/// `NoRecorder` every recording branch compiles away.
final class OralMessagesRecursion<Recorder: RunRecorder> {
    private let n: Int
    private let m: Int
    private let valueCount: Int
    private let order: Int32
    private let defaultValue: Int32
    private let commander: Int
    private let deviations: CompiledDeviations
    private let delivery: CompiledDelivery
    /// Every message reaches its receiver in its round: a loyal sender's
    /// messages need no look.
    private let deliversEverywhere: Bool
    /// `random` rules or a lossy channel read the path's hash.
    private let hashesPaths: Bool

    /// Level d holds the lieutenants of the OM(m − d) being run, in army order.
    private let lieutenants: UnsafeMutablePointer<Int32>
    /// Level d: the value each of those lieutenants received from its commander.
    private let received: UnsafeMutablePointer<Int32>
    /// Level d: per lieutenant (by position), a count per value.
    private let tally: UnsafeMutablePointer<Int32>
    /// Level d: the decision of each general (by general number) in the OM(m − d) just run.
    private let decided: UnsafeMutablePointer<Int32>
    /// The path of the current message: commander of level 0 at index 0.
    private let path: UnsafeMutablePointer<Int32>
    private let pathHash: UnsafeMutablePointer<UInt64>
    /// Recording only, level d: what lieutenant i (by position) weighed from
    /// lieutenant j (by position), at i · n + j.
    private let weighed: UnsafeMutablePointer<Int32>

    var recorder: Recorder
    private(set) var messagesPerRound: [Int]
    /// Messages whose value a faulty sender changed, and messages it dropped.
    private(set) var lies = 0
    private(set) var drops = 0
    private(set) var network = NetworkCounts()
    private var messagesSinceCheck = 0
    private static var checkInterval: Int { 1 << 16 }

    convenience init(problem: GeneralsProblem, m: Int, recorder: Recorder) {
        self.init(deviations: CompiledDeviations(problem: problem), problem: problem, m: m, recorder: recorder)
    }

    /// With deviations compiled beforehand: `verify` installs a strategy table in them.
    init(deviations: CompiledDeviations, problem: GeneralsProblem, m: Int, recorder: Recorder) {
        n = problem.generalCount
        self.m = m
        self.recorder = recorder
        valueCount = problem.valueCount
        order = Int32(problem.order)
        defaultValue = Int32(problem.defaultValue)
        commander = problem.commander
        self.deviations = deviations
        delivery = CompiledDelivery(problem: problem)
        deliversEverywhere = delivery.isEverywhere
        hashesPaths = delivery.needsPathHash || problem.deviations.joined().contains { $0.action == .random }
        let levels = m + 1
        lieutenants = .allocate(capacity: levels * n)
        received = .allocate(capacity: levels * n)
        tally = .allocate(capacity: levels * n * valueCount)
        decided = .allocate(capacity: levels * n)
        path = .allocate(capacity: levels + 1)
        pathHash = .allocate(capacity: levels + 1)
        // Only levels that take a majority (0..<m) weigh anything.
        weighed = .allocate(capacity: Recorder.isRecording ? m * n * n : 0)
        messagesPerRound = Array(repeating: 0, count: levels)
    }

    deinit {
        lieutenants.deallocate()
        received.deallocate()
        tally.deallocate()
        decided.deallocate()
        path.deallocate()
        pathHash.deallocate()
        weighed.deallocate()
    }

    /// Every general's decision in the top-level OM(m) (the commander's entry is its order).
    func run(shouldStop: () -> Bool) throws(EngineError) -> [Int] {
        try runInPlace(shouldStop: shouldStop)
        return (0..<n).map { Int(decided[$0]) }
    }

    /// Runs again, leaving every general's decision in `decision(of:)` instead
    /// of building an array: `verify` runs millions of strategies.
    func runInPlace(shouldStop: () -> Bool) throws(EngineError) {
        for round in messagesPerRound.indices { messagesPerRound[round] = 0 }
        lies = 0
        drops = 0
        network = NetworkCounts()
        var count = 0
        for general in 0..<n where general != commander {
            lieutenants[count] = Int32(general)
            count += 1
        }
        let top = decided
        for general in 0..<n { top[general] = order }
        try om(level: 0, count: count, commander: Int32(commander), value: order, shouldStop: shouldStop)
    }

    /// A general's decision in the last run (the commander's is its order).
    @inline(__always)
    func decision(of general: Int) -> Int32 {
        decided[general]
    }

    /// Runs OM(m − level) with `commander` sending `value` (the value a loyal
    /// commander sends) to the `count` lieutenants at this level, and writes
    /// their decisions into this level's slice of `decided`.
    private func om(level: Int, count: Int, commander: Int32, value: Int32, shouldStop: () -> Bool) throws(EngineError) {
        let members = lieutenants + level * n
        let values = received + level * n
        let decisions = decided + level * n
        let previous: Int32 = level > 0 ? path[level - 1] : -1
        path[level] = commander
        pathHash[level] = hashesPaths ? PathHash.extend(level > 0 ? pathHash[level - 1] : PathHash.empty, with: Int(commander)) : 0

        // Step 1: the commander sends its value to every lieutenant.
        let round = level + 1
        let loyalCommander = deviations.isLoyal(commander)
        if loyalCommander && (deliversEverywhere || delivery.alwaysArrives(from: commander)) && !Recorder.isRecording {
            for i in 0..<count { values[i] = value }
            messagesPerRound[level] &+= count
        } else {
            var sent = 0
            for i in 0..<count {
                let message = transmit(
                    from: commander, isLoyal: loyalCommander, to: members[i], round: round, previous: previous, loyal: value,
                    pathHash: pathHash[level])
                if message.sent >= 0 { sent += 1 }
                // Nothing in time (no line, a drop, the network): the lieutenant uses the default.
                values[i] = message.received >= 0 ? message.received : defaultValue
                if Recorder.isRecording, message.fate.isSent {
                    record(level: level, sender: nil, to: members[i], loyal: value, got: message.sent, fate: message.fate)
                }
            }
            messagesPerRound[level] &+= sent
        }
        if level == m {
            for i in 0..<count { decisions[Int(members[i])] = values[i] }
            return
        }

        // Step 2: each lieutenant relays its value in OM(m − level − 1); each
        // counts its own value and what it got from every other lieutenant.
        let counts = tally + level * n * valueCount
        counts.update(repeating: 0, count: count * valueCount)
        for i in 0..<count { counts[i * valueCount + Int(values[i])] += 1 }
        if level + 1 == m {
            try relayFinalRound(level: level, count: count, commander: commander, counts: counts, shouldStop: shouldStop)
        } else {
            let next = lieutenants + (level + 1) * n
            let subDecisions = decided + (level + 1) * n
            for j in 0..<count {
                var k = 0
                for i in 0..<count where i != j {
                    next[k] = members[i]
                    k += 1
                }
                try om(level: level + 1, count: count - 1, commander: members[j], value: values[j], shouldStop: shouldStop)
                for i in 0..<count where i != j {
                    let got = subDecisions[Int(members[i])]
                    counts[i * valueCount + Int(got)] += 1
                    if Recorder.isRecording { weighed[level * n * n + i * n + j] = got }
                }
            }
        }

        // Step 3: each lieutenant takes the strict majority, else `default`.
        for i in 0..<count {
            decisions[Int(members[i])] = majority(counts + i * valueCount, of: count)
        }
        if Recorder.isRecording { recordMajorities(level: level, count: count) }
    }

    /// OM(0) run by every lieutenant of this level, folded into the tally: the
    /// last round, where the bulk of the messages are, so it is kept flat.
    private func relayFinalRound(level: Int, count: Int, commander: Int32, counts: UnsafeMutablePointer<Int32>, shouldStop: () -> Bool) throws(EngineError) {
        let members = lieutenants + level * n
        let values = received + level * n
        let round = level + 2
        let stride = valueCount
        var sent = 0
        for j in 0..<count {
            let sender = members[j]
            let value = values[j]
            let loyalSender = deviations.isLoyal(sender)
            // The path through the sender: `random` rules and a lossy channel draw from it.
            let hash = hashesPaths ? PathHash.extend(pathHash[level], with: Int(sender)) : 0
            // Fast paths where nothing is recorded: every message arrives in
            // its round, or a lossy channel alone decides; the rest (and
            // every recorded message) asks `transmit`.
            let onTime = deliversEverywhere || delivery.alwaysArrives(from: sender)
            if loyalSender && onTime && !Recorder.isRecording {
                let column = counts + Int(value)
                for i in 0..<j { column[i * stride] += 1 }
                for i in (j + 1)..<max(j + 1, count) { column[i * stride] += 1 }
                sent += count - 1
            } else if loyalSender && delivery.losesOnly && !Recorder.isRecording {
                // A loyal sender on a lossy channel alone: each receiver counts
                // the value or, lost, the default; 0 or 1 as data, not a branch.
                let sentColumn = counts + Int(value)
                let defaultColumn = counts + Int(defaultValue)
                var lost: Int32 = 0
                for i in 0..<count where i != j {
                    let isLost = delivery.lossBit(pathHash: hash, receiver: members[i])
                    sentColumn[i * stride] &+= 1 &- isLost
                    defaultColumn[i * stride] &+= isLost
                    lost &+= isLost
                }
                network.lost &+= Int(lost)
                sent += count - 1
            } else if onTime && !Recorder.isRecording {
                // A faulty sender whose every message arrives: its rules alone.
                for i in 0..<count where i != j {
                    let got = deviate(from: sender, to: members[i], round: round, previous: commander, loyal: value, pathHash: hash)
                    if got >= 0 { sent += 1 }
                    counts[i * stride + Int(got >= 0 ? got : defaultValue)] += 1
                }
            } else if delivery.losesOnly && !Recorder.isRecording {
                // A faulty sender on a lossy channel alone: its rules, then the channel.
                var lost: Int32 = 0
                for i in 0..<count where i != j {
                    let got = deviate(from: sender, to: members[i], round: round, previous: commander, loyal: value, pathHash: hash)
                    guard got >= 0 else {
                        counts[i * stride + Int(defaultValue)] += 1
                        continue
                    }
                    sent += 1
                    let isLost = delivery.lossBit(pathHash: hash, receiver: members[i])
                    counts[i * stride + Int(got)] &+= 1 &- isLost
                    counts[i * stride + Int(defaultValue)] &+= isLost
                    lost &+= isLost
                }
                network.lost &+= Int(lost)
            } else {
                for i in 0..<count where i != j {
                    let message = transmit(
                        from: sender, isLoyal: loyalSender, to: members[i], round: round, previous: commander, loyal: value, pathHash: hash)
                    if message.sent >= 0 { sent += 1 }
                    let used = message.received >= 0 ? message.received : defaultValue
                    counts[i * stride + Int(used)] += 1
                    if Recorder.isRecording {
                        if message.fate.isSent {
                            record(level: level, sender: sender, to: members[i], loyal: value, got: message.sent, fate: message.fate)
                        }
                        weighed[level * n * n + i * n + j] = used
                    }
                }
            }
        }
        messagesPerRound[level + 1] &+= sent
        messagesSinceCheck &+= sent
        if messagesSinceCheck >= Self.checkInterval {
            messagesSinceCheck = 0
            if shouldStop() { throw .cancelled }
        }
    }

    /// What `sender` sends and what becomes of it on the way (a message
    /// without a line is not sent at all). A message of round r has r − 1
    /// generals on its path before the sender, and `path` starts with them:
    /// for a commander of level d (round d + 1) they are path[0..<d], for a
    /// relay in the final round after level d (round d + 2) path[0...d].
    @inline(__always)
    private func transmit(
        from sender: Int32, isLoyal: Bool, to receiver: Int32, round: Int, previous: Int32, loyal: Int32, pathHash: UInt64
    ) -> Transmission {
        guard !(deliversEverywhere || delivery.alwaysArrives(from: sender)) else {
            let got = isLoyal ? loyal : deviate(from: sender, to: receiver, round: round, previous: previous, loyal: loyal, pathHash: pathHash)
            return Transmission(sent: got, received: got, fate: .arrives)
        }
        return transmitThroughNetwork(
            from: sender, isLoyal: isLoyal, to: receiver, round: round, previous: previous, loyal: loyal, pathHash: pathHash)
    }

    /// One message: what its sender sent and what its receiver uses, as
    /// plain values (-1 for nothing) so a fast path folds the fate away.
    private struct Transmission {
        var sent: Int32
        var received: Int32
        var fate: Fate
    }

    /// `transmit` where the system model can keep a message from arriving in
    /// its round, counting what the network did to the messages sent.
    private func transmitThroughNetwork(
        from sender: Int32, isLoyal: Bool, to receiver: Int32, round: Int, previous: Int32, loyal: Int32, pathHash: UInt64
    ) -> Transmission {
        let fate = delivery.fate(sender: sender, receiver: receiver, round: round, previous: previous, path: path, pathHash: pathHash)
        guard fate.isSent else { return Transmission(sent: -1, received: -1, fate: fate) }
        let got = isLoyal ? loyal : deviate(from: sender, to: receiver, round: round, previous: previous, loyal: loyal, pathHash: pathHash)
        if got >= 0 { network.count(fate) }
        return Transmission(sent: got, received: fate.isReceived ? got : -1, fate: fate)
    }

    /// What a faulty `sender`'s deviations make of a message where a loyal
    /// general would send `loyal` (-1 for nothing), counting lies and drops.
    @inline(__always)
    private func deviate(from sender: Int32, to receiver: Int32, round: Int, previous: Int32, loyal: Int32, pathHash: UInt64) -> Int32 {
        let got = deviations.send(
            from: sender, to: receiver, round: round, previous: previous, path: path, loyal: loyal, pathHash: pathHash)
        if got < 0 {
            drops += 1
        } else if got != loyal {
            lies += 1
        }
        return got
    }

    @inline(__always)
    private func majority(_ counts: UnsafeMutablePointer<Int32>, of total: Int) -> Int32 {
        for value in 0..<valueCount where Int(counts[value]) * 2 > total {
            return Int32(value)
        }
        return defaultValue
    }

    // MARK: - Recording

    /// A message of this level's commander (`sender` nil) or, in the final
    /// round, of lieutenant `sender` relaying what that commander sent it.
    private func record(level: Int, sender: Int32?, to receiver: Int32, loyal: Int32, got: Int32, fate: Fate) {
        var route = (0...level).map { Int(path[$0]) }
        if let sender { route.append(Int(sender)) }
        recorder.message(Trace.Message(
            round: route.count, path: route, receiver: Int(receiver), loyalValue: Int(loyal),
            value: got >= 0 ? Int(got) : nil, disposition: got >= 0 ? Trace.Message.Disposition(fate) : .dropped, delay: fate.delay))
    }

    private func recordMajorities(level: Int, count: Int) {
        let members = lieutenants + level * n
        let values = received + level * n
        let decisions = decided + level * n
        let route = (0...level).map { Int(path[$0]) }
        for i in 0..<count {
            var inputs: [(from: Int, value: Int)] = [(Int(path[level]), Int(values[i]))]
            for j in 0..<count where j != i {
                inputs.append((Int(members[j]), Int(weighed[level * n * n + i * n + j])))
            }
            recorder.majority(Trace.Majority(path: route, lieutenant: Int(members[i]), inputs: inputs, result: Int(decisions[Int(members[i])])))
        }
    }
}
