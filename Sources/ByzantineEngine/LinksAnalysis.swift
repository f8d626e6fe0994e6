/// What the paper's Section 5 asks of a graph that is not complete: regular
/// sets of neighbours (Definition 1) for OM(m, p), the diameter for SM, and
/// the vertex connectivity the two are measured against.
///
/// Every question is asked of the graph on `within` alone: OM(m, p) recurses
/// on the graph without its commander, so a general left out of `within` is
/// left out of every path too. Generals outside the army and repeats in
/// `within` are ignored rather than trusted, so no input can index out of range.
extension Links {
    /// The paper's Definition 1, within the generals `within` (an ascending list that contains `node`;
    /// only links between generals of `within` count, so a general removed from the graph is left out):
    /// a regular set of `size` neighbours of `node` is p = size distinct neighbours i_1 < ... < i_p of `node`
    /// (in `within`) such that for every other general k of `within` (k ≠ node) there are paths γ_{j,k}
    /// from i_j to k, inside `within`, not passing through `node`, any two of them sharing no general but k.
    /// For k = i_j the path γ_{j,k} is [k] itself, so the other paths reach k without passing through
    /// any other member of the set.
    ///
    /// Returns the first such set in lexicographic order of the neighbour lists, with its paths; nil if
    /// none (also when `node` is not in `within` or `size` is negative). The same graph always gives the
    /// same set and the same paths, so a run of OM(m, p) built on them is reproducible.
    public func regularSet(of node: Int, size: Int, within: [Int]) -> RegularSet? {
        let graph = LinkedGenerals(self, within: within)
        guard let center = graph.position(of: node) else { return nil }
        return graph.firstRegularSet(around: center, size: size)
    }

    /// The largest p ≥ 0 such that every general of `within` has a regular set of p neighbours within it
    /// (so the graph on `within` is p-regular in the paper's sense), and the first general (in `within`'s
    /// order) that has no regular set of p + 1 neighbours (nil only when within.count ≤ 1: a lone general
    /// has no one to hear from, so nothing fails).
    ///
    /// p is the connectivity κ or κ − 1, which saves trying every p: a regular set of p neighbours of i
    /// gives p paths from i to any k sharing only i and k, so p-regular means κ ≥ p (Menger); and when
    /// κ ≥ p + 1 the graph without i is p-connected, so any p neighbours of i reach every k by paths
    /// sharing only k (the fan lemma), so κ ≥ p + 1 means p-regular.
    public func regularity(within: [Int]) -> (p: Int, failing: Int?) {
        let graph = LinkedGenerals(self, within: within)
        guard graph.count > 1 else { return (0, nil) }
        let connectivity = graph.connectivity()
        let lacks = { (center: Int, size: Int) in graph.firstRegularSet(around: center, size: size) == nil }
        if connectivity > 0, let failing = graph.generals.indices.first(where: { lacks($0, connectivity) }) {
            return (connectivity - 1, graph.generals[failing])
        }
        let failing = graph.generals.indices.first { lacks($0, connectivity + 1) }
        return (connectivity, failing.map { graph.generals[$0] })
    }

    /// Vertex connectivity of the graph on `within`: the fewest generals whose removal disconnects it
    /// (or leaves one general); within.count − 1 for a complete graph, 0 when it is already disconnected
    /// (and for one general or none). Dolev's bound for agreement is against it.
    public func connectivity(within: [Int]) -> Int {
        LinkedGenerals(self, within: within).connectivity()
    }

    /// The diameter of the graph on `within` (the longest shortest path, in links); nil when it is not
    /// connected; 0 for a single general (and for none). SM(m + d − 1) relays over it.
    public func diameter(within: [Int]) -> Int? {
        LinkedGenerals(self, within: within).diameter()
    }
}

/// A regular set of neighbours (Definition 1) and its paths.
public struct RegularSet: Sendable, Equatable {
    /// i_1 < … < i_p.
    public var neighbours: [Int]
    /// For every general k of `within` other than the node: `paths[k][j]` is γ_{j,k}, the generals from
    /// neighbours[j] to k inclusive (so it starts with neighbours[j] and ends with k), in neighbours' order.
    public var paths: [Int: [[Int]]]
}

// MARK: - The graph on `within`

/// The generals of `within`, numbered by position so the searches index
/// arrays rather than hash generals.
private struct LinkedGenerals {
    /// Ascending, distinct, each in the army.
    let generals: [Int]
    /// Positions linked to each position, ascending.
    let adjacency: [[Int]]
    private let isLinked: [[Bool]]

    init(_ links: Links, within: [Int]) {
        let generals = Set(within.filter { (0..<links.generalCount).contains($0) }).sorted()
        let isLinked = generals.map { a in generals.map { b in links.areLinked(a, b) } }
        self.generals = generals
        self.isLinked = isLinked
        adjacency = isLinked.map { row in row.indices.filter { row[$0] } }
    }

    var count: Int { generals.count }

    func position(of general: Int) -> Int? {
        generals.firstIndex(of: general)
    }

    /// Definition 1 by enumeration: candidate sets in lexicographic order, each
    /// tried against every target, stopping at the first set that reaches all.
    func firstRegularSet(around center: Int, size: Int) -> RegularSet? {
        let candidates = adjacency[center]
        guard size >= 0, size <= candidates.count else { return nil }
        var network = SplitNetwork(self, without: center)
        var targets = generals.indices.filter { $0 != center }
        var chosen = Array(0..<size)
        repeat {
            let members = chosen.map { candidates[$0] }
            var paths: [Int: [[Int]]] = [:]
            for (index, target) in targets.enumerated() {
                guard let found = network.disjointPaths(from: members, to: target) else {
                    // A target that defeats one set tends to defeat the next: try it first.
                    targets.swapAt(0, index)
                    break
                }
                paths[generals[target]] = found.map { path in path.map { generals[$0] } }
            }
            if paths.count == targets.count {
                return RegularSet(neighbours: members.map { generals[$0] }, paths: paths)
            }
        } while Self.advance(&chosen, below: candidates.count)
        return nil
    }

    /// The next `chosen.count` of `0..<limit` in lexicographic order; false after the last.
    private static func advance(_ chosen: inout [Int], below limit: Int) -> Bool {
        let size = chosen.count
        guard let last = chosen.indices.last(where: { chosen[$0] < limit - size + $0 }) else { return false }
        chosen[last] += 1
        for index in (last + 1)..<size { chosen[index] = chosen[index - 1] + 1 }
        return true
    }

    /// The smallest local connectivity over the pairs that are not linked.
    /// Even's bound: a smallest separating set misses one of the first κ + 1
    /// generals, and that one is cut from some general it is not linked to,
    /// so only pairs that start among them need a flow.
    func connectivity() -> Int {
        guard count > 1 else { return 0 }
        var network = SplitNetwork(self, without: nil)
        var fewest = count - 1
        var first = 0
        while first <= fewest, first < count {
            for second in (first + 1)..<count where !isLinked[first][second] {
                fewest = min(fewest, network.disjointPathCount(from: first, to: second, atMost: fewest))
            }
            first += 1
        }
        return fewest
    }

    func diameter() -> Int? {
        var longest = 0
        for start in generals.indices {
            var distance = Array(repeating: -1, count: count)
            distance[start] = 0
            var queue = [start]
            var next = 0
            while next < queue.count {
                let here = queue[next]
                next += 1
                for neighbour in adjacency[here] where distance[neighbour] < 0 {
                    distance[neighbour] = distance[here] + 1
                    queue.append(neighbour)
                }
            }
            guard let farthest = distance.max(), !distance.contains(-1) else { return nil }
            longest = max(longest, farthest)
        }
        return longest
    }
}

// MARK: - Menger's construction

/// Paths that share no general, found as a flow: each general becomes an entry
/// and an exit joined by one unit of capacity, so no two units pass through it;
/// a link becomes an arc each way from exit to entry. A target is its entry,
/// the sink, so paths may all end at it. Augmenting paths are found breadth
/// first, arcs in the order they were added, so the paths are short and the
/// same graph always gives the same ones.
private struct SplitNetwork {
    /// Arcs come in pairs, forward (even) and residual (odd): arc ^ 1 is the other.
    private var head: [Int] = []
    private var initial: [Int] = []
    private var capacity: [Int] = []
    private var arcs: [[Int]]
    /// The super-source, joined to the entry of each neighbour of the general left out.
    private let source: Int
    /// Per position, the arc from the super-source, or -1.
    private var sourceArc: [Int]
    /// Per position, the arc from its entry to its exit, or -1.
    private var throughArc: [Int]
    /// At `from * count + to`, the arc from `from`'s exit to `to`'s entry, or -1.
    private var linkArc: [Int]
    private let count: Int

    private static func entry(_ position: Int) -> Int { 2 * position }
    private static func exit(_ position: Int) -> Int { 2 * position + 1 }

    /// The network of `graph` without `removed`: Definition 1's paths may not
    /// pass through the general whose neighbours they start from.
    init(_ graph: LinkedGenerals, without removed: Int?) {
        count = graph.count
        source = 2 * count
        arcs = Array(repeating: [], count: 2 * count + 1)
        sourceArc = Array(repeating: -1, count: count)
        throughArc = Array(repeating: -1, count: count)
        linkArc = Array(repeating: -1, count: count * count)
        for position in 0..<count where position != removed {
            throughArc[position] = addArc(from: Self.entry(position), to: Self.exit(position), capacity: 1)
        }
        for position in 0..<count where position != removed {
            for neighbour in graph.adjacency[position] where neighbour != removed {
                linkArc[position * count + neighbour] =
                    addArc(from: Self.exit(position), to: Self.entry(neighbour), capacity: 1)
            }
        }
        if let removed {
            for neighbour in graph.adjacency[removed] {
                sourceArc[neighbour] = addArc(from: source, to: Self.entry(neighbour), capacity: 0)
            }
        }
        capacity = initial
    }

    private mutating func addArc(from tail: Int, to end: Int, capacity: Int) -> Int {
        let arc = head.count
        head += [end, tail]
        initial += [capacity, 0]
        arcs[tail].append(arc)
        arcs[end].append(arc + 1)
        return arc
    }

    /// Paths from each of `members` to `target` (positions) that pairwise share
    /// only `target`, in members' order, a member that is the target being its
    /// own path; nil when there are not that many. Members must be neighbours
    /// of the general left out.
    mutating func disjointPaths(from members: [Int], to target: Int) -> [[Int]]? {
        capacity = initial
        let starts = members.filter { $0 != target }
        var routed = 0
        for start in starts {
            guard sourceArc.indices.contains(start), sourceArc[start] >= 0 else { return nil }
            capacity[sourceArc[start]] = 1
            // A direct link is as short as a path gets: take it before searching,
            // which spares a complete graph every search.
            let direct = linkArc[start * count + target]
            if direct >= 0 {
                for arc in [sourceArc[start], throughArc[start], direct] {
                    capacity[arc] -= 1
                    capacity[arc ^ 1] += 1
                }
                routed += 1
            }
        }
        while routed < starts.count {
            guard augment(from: source, to: Self.entry(target)) else { return nil }
            routed += 1
        }
        var paths: [[Int]] = []
        for member in members {
            guard let path = member == target ? [target] : flowPath(from: member, to: target) else { return nil }
            paths.append(path)
        }
        return paths
    }

    /// Menger: the most paths from `first` to `second` (not linked) that share
    /// no general but their ends, counted no further than `limit`.
    mutating func disjointPathCount(from first: Int, to second: Int, atMost limit: Int) -> Int {
        capacity = initial
        var paths = 0
        while paths < limit, augment(from: Self.exit(first), to: Self.entry(second)) { paths += 1 }
        return paths
    }

    /// One more unit from `root` to `sink` along a shortest residual path;
    /// false when there is none. The sink is never passed through.
    private mutating func augment(from root: Int, to sink: Int) -> Bool {
        var arrivedBy = Array(repeating: -1, count: arcs.count)
        var reached = Array(repeating: false, count: arcs.count)
        reached[root] = true
        var queue = [root]
        var next = 0
        search: while next < queue.count {
            let vertex = queue[next]
            next += 1
            for arc in arcs[vertex] where capacity[arc] > 0 && !reached[head[arc]] {
                reached[head[arc]] = true
                arrivedBy[head[arc]] = arc
                if head[arc] == sink { break search }
                queue.append(head[arc])
            }
        }
        guard reached[sink] else { return false }
        var vertex = sink
        while vertex != root, arrivedBy[vertex] >= 0 {
            let arc = arrivedBy[vertex]
            capacity[arc] -= 1
            capacity[arc ^ 1] += 1
            vertex = head[arc ^ 1]
        }
        return true
    }

    /// The path the flow takes from `start`'s exit: one unit leaves each exit
    /// it reaches, since one unit at most enters each entry. Nil if the flow
    /// does not lead to `target` (it always does once the flow is complete).
    private func flowPath(from start: Int, to target: Int) -> [Int]? {
        var path = [start]
        var position = start
        while position != target {
            let carrying = arcs[Self.exit(position)].first { $0 % 2 == 0 && capacity[$0] < initial[$0] }
            guard let carrying, path.count < count else { return nil }
            position = head[carrying] / 2
            path.append(position)
        }
        return path
    }
}
