/// Each sender's `MessageSelector`s laid out flat, each with what its rule
/// does (`Payload`), so that finding the first rule that selects a message
/// is a short walk over plain integers: no sets or reference counting on
/// the hot path. Fault rules and network delays both compile to it.
struct CompiledSelectors<Payload> {
    private struct Entry {
        static var anyGeneral: Int32 { -1 }
        var firstRound: Int
        var lastRound: Int
        /// Index of this entry's receiver row in `receiverRows`, or -1 for every receiver.
        var receiverRow: Int
        /// The one general `about` names (compared with the previous sender
        /// alone), `anyGeneral`, or for a longer list −2 − where it starts in
        /// `pathEnds`: the entry stays as small as one without a list.
        var about: Int32
        var payload: Payload

        /// For a list of two generals or more (`about` below `anyGeneral`): where it starts in `pathEnds`.
        var pathEndStart: Int { Int(Self.anyGeneral - 1 - about) }
    }

    private let entries: [Entry]
    /// The `about` lists of two generals or more, each as its length and then its generals.
    private let pathEnds: [Int32]
    /// Per sender: the range of its rules in `entries`.
    let ranges: [Range<Int>]
    /// One row of `generalCount` flags per selector that names its receivers.
    private let receiverRows: [Bool]
    private let generalCount: Int

    /// `selectors[g]` are general g's, in the order they are tried.
    init(_ selectors: [[(selector: MessageSelector, payload: Payload)]], generalCount: Int) {
        self.generalCount = generalCount
        var entries: [Entry] = []
        var ranges: [Range<Int>] = []
        var rows: [Bool] = []
        var pathEnds: [Int32] = []
        for senderSelectors in selectors {
            let start = entries.count
            for (selector, payload) in senderSelectors {
                var receiverRow = -1
                if let receivers = selector.receivers {
                    receiverRow = rows.count / max(generalCount, 1)
                    rows += (0..<generalCount).map { receivers.contains($0) }
                }
                var about = Entry.anyGeneral
                if selector.about.count == 1 {
                    about = Int32(selector.about[0])
                } else if selector.about.count > 1 {
                    about = Entry.anyGeneral - 1 - Int32(pathEnds.count)
                    pathEnds += [Int32(selector.about.count)] + selector.about.map { Int32($0) }
                }
                entries.append(Entry(
                    firstRound: selector.rounds.lowerBound, lastRound: selector.rounds.upperBound, receiverRow: receiverRow,
                    about: about, payload: payload))
            }
            ranges.append(start..<entries.count)
        }
        self.entries = entries
        self.ranges = ranges
        self.receiverRows = rows
        self.pathEnds = pathEnds
    }

    /// What the first of `sender`'s rules that selects the message to
    /// `receiver` in `round` does; nil when none does. `previous` is the path's
    /// previous sender (-1 in round 1); `path` points at the path before the
    /// sender, its round − 1 generals, commander first (so `previous` is the
    /// last of them); only selectors about two generals or more read it.
    @inline(__always)
    func firstMatch(sender: Int32, receiver: Int32, round: Int, previous: Int32, path: UnsafePointer<Int32>) -> Payload? {
        for index in ranges[Int(sender)] {
            let entry = entries[index]
            if entry.receiverRow >= 0, !receiverRows[entry.receiverRow * generalCount + Int(receiver)] { continue }
            if round < entry.firstRound || round > entry.lastRound { continue }
            if entry.about != Entry.anyGeneral, entry.about != previous {
                guard entry.about < Entry.anyGeneral, pathEnd(at: entry.pathEndStart, ends: path, length: round - 1) else { continue }
            }
            return entry.payload
        }
        return nil
    }

    /// Whether the `about` list at `start` in `pathEnds` ends the `length` generals at `path`.
    @inline(__always)
    private func pathEnd(at start: Int, ends path: UnsafePointer<Int32>, length: Int) -> Bool {
        let count = Int(pathEnds[start])
        guard length >= count else { return false }
        for offset in 0..<count where path[length - count + offset] != pathEnds[start + 1 + offset] { return false }
        return true
    }
}
