import Testing
@testable import ByzantineEngine

/// `Links`' analysis for the paper's Section 5: regular sets of neighbours
/// (Definition 1) and p-regularity for OM(m, p), connectivity, and the
/// diameter SM relays over. Known graphs pin the answers; random graphs check
/// every path returned and compare with brute force from the definitions.
@Suite struct LinksAnalysisTests {
    // MARK: - Known graphs

    @Test(arguments: [2, 3, 4, 7, 25])
    func aCompleteGraphIsAsRegularAsItsDegree(generals: Int) {
        let links = Links.complete(generals)
        let all = Array(0..<generals)
        let regularity = links.regularity(within: all)
        #expect(regularity.p == generals - 1)
        #expect(regularity.failing == 0, "no general has more neighbours than n − 1")
        #expect(links.connectivity(within: all) == generals - 1)
        #expect(links.diameter(within: all) == 1)
        // The first set is every neighbour, and every path a direct link.
        let regular = links.regularSet(of: 0, size: generals - 1, within: all)
        #expect(regular?.neighbours == Array(1..<generals))
        #expect(regular?.paths[1]?.first == [1])
        #expect(regular?.paths[1]?.dropFirst().allSatisfy { $0.count == 2 } == true)
    }

    @Test(arguments: [4, 5, 6, 9])
    func aRingIsTwoRegularAndTwoConnected(generals: Int) {
        let ring = Links.ring(Array(0..<generals))
        let all = Array(0..<generals)
        let regularity = ring.regularity(within: all)
        #expect(regularity.p == 2 && regularity.failing == 0)
        #expect(ring.regularSet(of: 2, size: 3, within: all) == nil)
        #expect(ring.connectivity(within: all) == 2)
        #expect(ring.diameter(within: all) == generals / 2)
    }

    /// On a ring every path is forced: one way round from each neighbour.
    @Test func aRingsRegularSetGoesBothWaysRound() {
        let regular = Links.ring(Array(0..<5)).regularSet(of: 0, size: 2, within: Array(0..<5))
        #expect(regular?.neighbours == [1, 4])
        #expect(regular?.paths == [
            1: [[1], [4, 3, 2, 1]], 2: [[1, 2], [4, 3, 2]], 3: [[1, 2, 3], [4, 3]], 4: [[1, 2, 3, 4], [4]],
        ])
    }

    @Test func aPathIsOnlyZeroRegular() {
        var path = Links.none(5)
        for general in 0..<4 { path.link(general, general + 1) }
        let all = Array(0..<5)
        let regularity = path.regularity(within: all)
        #expect(regularity.p == 0)
        #expect(regularity.failing == 1, "an end's neighbour reaches everyone else, an inner general's do not")
        #expect(path.regularSet(of: 0, size: 1, within: all)?.neighbours == [1])
        #expect(path.connectivity(within: all) == 1)
        #expect(path.diameter(within: all) == 4)
    }

    @Test func aDisconnectedGraphHasNoRegularSetAtAll() {
        var triangles = Links.none(6)
        for (a, b) in [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5)] { triangles.link(a, b) }
        let all = Array(0..<6)
        let regularity = triangles.regularity(within: all)
        #expect(regularity.p == 0 && regularity.failing == 0)
        #expect(triangles.connectivity(within: all) == 0)
        #expect(triangles.diameter(within: all) == nil)
        #expect(triangles.regularSet(of: 0, size: 0, within: all) == RegularSet(
            neighbours: [], paths: [1: [], 2: [], 3: [], 4: [], 5: []]))
        // One triangle alone is complete.
        #expect(triangles.regularity(within: [3, 4, 5]) == (p: 2, failing: 3))
    }

    /// Leaving a general out of `within` leaves it out of every path: a ring
    /// without one general is a path.
    @Test func aRingWithoutOneGeneralIsAPath() {
        let ring = Links.ring(Array(0..<6))
        let within = [0, 1, 2, 3, 5]
        let regularity = ring.regularity(within: within)
        #expect(regularity.p == 0 && regularity.failing == 0)
        #expect(ring.regularSet(of: 0, size: 1, within: within) == nil)
        #expect(ring.regularSet(of: 5, size: 1, within: within)?.paths[3] == [[0, 1, 2, 3]])
        #expect(ring.connectivity(within: within) == 1)
        #expect(ring.diameter(within: within) == 4)
    }

    /// K_4 and the cube Q_3: as many links at each general as Definition 1
    /// needs, and 3-connected, so 3-regular.
    @Test func theCubeAndK4AreThreeRegular() {
        var cube = Links.none(8)
        for a in 0..<8 {
            for bit in [1, 2, 4] where a < a ^ bit { cube.link(a, a ^ bit) }
        }
        let all = Array(0..<8)
        #expect(cube.regularity(within: all) == (p: 3, failing: 0))
        #expect(cube.regularSet(of: 0, size: 3, within: all)?.paths[7]?.map(\.count) == [3, 3, 3])
        #expect(cube.connectivity(within: all) == 3)
        #expect(cube.diameter(within: all) == 3)
        #expect(Links.complete(4).regularity(within: [0, 1, 2, 3]) == (p: 3, failing: 0))
    }

    /// A hub linked to a ring of five: the hub has five neighbours but no
    /// regular set of three (without it, each rim general is reached by two
    /// paths only), though the graph is 3-connected.
    @Test func aWheelsHubHasManyNeighboursButNoRegularSetOfThree() {
        let wheel = Self.wheel
        let all = Array(0..<6)
        #expect(wheel.neighbours(of: 0).count == 5)
        #expect(wheel.regularSet(of: 0, size: 3, within: all) == nil)
        #expect(wheel.regularSet(of: 0, size: 2, within: all)?.neighbours == [1, 2])
        #expect(wheel.regularSet(of: 1, size: 3, within: all)?.neighbours == [0, 2, 5])
        #expect(wheel.regularity(within: all) == (p: 2, failing: 0))
        #expect(wheel.connectivity(within: all) == 3)
        #expect(wheel.diameter(within: all) == 2)
    }

    /// Two K_4 sharing general 3: it has six neighbours but no regular set even
    /// of one, since each side reaches the other only through it.
    @Test func aCutGeneralHasNoRegularSet() {
        var links = Links.none(7)
        for side in [[0, 1, 2, 3], [3, 4, 5, 6]] {
            for a in side { for b in side where a < b { links.link(a, b) } }
        }
        let all = Array(0..<7)
        #expect(links.regularSet(of: 3, size: 1, within: all) == nil)
        #expect(links.regularSet(of: 0, size: 1, within: all)?.neighbours == [1])
        #expect(links.regularSet(of: 0, size: 2, within: all) == nil)
        #expect(links.regularity(within: all) == (p: 0, failing: 3))
        #expect(links.connectivity(within: all) == 1)
        #expect(links.diameter(within: all) == 2)
    }

    /// Ten generals, three links each, 3-connected: 3-regular, quickly.
    @Test func thePetersenGraphIsThreeRegular() {
        var petersen = Links.none(10)
        for i in 0..<5 {
            petersen.link(i, (i + 1) % 5)
            petersen.link(i, i + 5)
            petersen.link(5 + i, 5 + (i + 2) % 5)
        }
        let all = Array(0..<10)
        #expect(petersen.regularity(within: all) == (p: 3, failing: 0))
        #expect(petersen.connectivity(within: all) == 3)
        #expect(petersen.diameter(within: all) == 2)
    }

    @Test func oneGeneralOrNoneHasNothingToFail() {
        #expect(Links.complete(3).regularity(within: [1]) == (p: 0, failing: nil))
        #expect(Links.complete(3).regularity(within: []) == (p: 0, failing: nil))
        #expect(Links.complete(3).connectivity(within: [2]) == 0)
        #expect(Links.complete(3).diameter(within: [2]) == 0)
        #expect(Links.complete(3).regularSet(of: 2, size: 0, within: [2]) == RegularSet(neighbours: [], paths: [:]))
        #expect(Links.complete(3).regularSet(of: 2, size: 1, within: [2]) == nil)
    }

    /// Odd input is answered, not trapped on: a general outside `within` or the
    /// army, a negative size, repeats and strangers in `within`.
    @Test func oddInputIsAnsweredWithoutCrashing() {
        let ring = Links.ring(Array(0..<5))
        #expect(ring.regularSet(of: 0, size: 1, within: [1, 2, 3]) == nil)
        #expect(ring.regularSet(of: 9, size: 1, within: [0, 9]) == nil)
        #expect(ring.regularSet(of: -1, size: 0, within: [-1]) == nil)
        #expect(ring.regularSet(of: 0, size: -1, within: Array(0..<5)) == nil)
        let messy = [4, 3, 3, -2, 0, 1, 2, 77, 0]
        #expect(ring.regularSet(of: 0, size: 2, within: messy) == ring.regularSet(of: 0, size: 2, within: Array(0..<5)))
        #expect(ring.regularity(within: messy) == (p: 2, failing: 0))
        #expect(ring.connectivity(within: messy) == 2)
        #expect(ring.diameter(within: messy) == 2)
        #expect(Links.none(0).regularity(within: [0, 1]) == (p: 0, failing: nil))
    }

    // MARK: - Random graphs

    /// Every path returned is made of links inside `within`, avoids the node,
    /// starts at its neighbour and ends at k; the paths for one k share only k;
    /// and asking again gives the same answer.
    @Test(arguments: 0..<4)
    func everyPathIsADisjointPathOfLinks(batch: UInt64) {
        Self.forEachQuestion(seed: 0x6EA9_0000 + batch, generals: 1...8) { links, within, node, _, size in
            let regular = links.regularSet(of: node, size: size, within: within)
            #expect(regular == links.regularSet(of: node, size: size, within: within))
            guard let regular else { return }
            #expect(Self.isRegularSet(regular, of: node, size: size, within: within, links: links),
                    "\(links.missingLinks) within \(within): \(node), size \(size): \(regular)")
        }
    }

    /// `regularSet` finds a set exactly when one exists, and the first in
    /// lexicographic order, judged by enumerating every family of simple paths.
    @Test(arguments: 0..<4)
    func regularSetsAgreeWithBruteForce(batch: UInt64) {
        Self.forEachQuestion(seed: 0xB207_0000 + batch, generals: 1...6) { links, within, node, neighbours, size in
            let expected = subsets(of: neighbours.count, atMost: size)
                .filter { $0.count == size }
                .map { $0.map { neighbours[$0] } }
                .first { Self.bruteForceIsRegular($0, of: node, within: within, links: links) }
            let found = links.regularSet(of: node, size: size, within: within)?.neighbours
            #expect(found == expected, "\(links.missingLinks) within \(within): \(node), size \(size)")
        }
    }

    /// `regularity` (which only tries p = κ and κ + 1) against the definition
    /// tried at every p; connectivity and diameter against brute force.
    @Test(arguments: 0..<4)
    func measuresAgreeWithTheirDefinitions(batch: UInt64) {
        var rng = TestRNG(seed: 0xC0DE_0000 + batch)
        for _ in 0..<40 {
            let (links, within) = Self.randomGraph(generals: Int.random(in: 1...7, using: &rng), using: &rng)
            let context = "\(links.missingLinks) within \(within)"
            let regularity = links.regularity(within: within)
            let expected = Self.regularityByDefinition(links, within: within)
            #expect(regularity.p == expected.p && regularity.failing == expected.failing, "\(context)")
            #expect(links.connectivity(within: within) == Self.bruteForceConnectivity(links, within: within), "\(context)")
            #expect(links.diameter(within: within) == Self.floydWarshallDiameter(links, within: within), "\(context)")
        }
    }

    /// Definition 1 is not inherited: K_8 without the links 1–3, 2–6 and 4–7
    /// is 6-regular, but without general 0 only 4-regular. General 5, linked
    /// to all six others there, must leave one out of a set of five, and each
    /// of them then has four links only. OM(m, p)'s recursion still finds its
    /// sets: general 0's first regular set is the one that leaves 5 out.
    @Test func withoutOneGeneralAGraphCanLoseTwoDegreesOfRegularity() {
        var links = Links.complete(8)
        for (a, b) in [(1, 3), (2, 6), (4, 7)] { links.cut(a, b) }
        let all = Array(0..<8)
        let rest = Array(1..<8)
        #expect(links.regularity(within: all) == (p: 6, failing: 0))
        #expect(links.regularity(within: rest) == (p: 4, failing: 5))
        #expect(links.connectivity(within: rest) == 5)
        #expect(links.regularSet(of: 5, size: 5, within: rest) == nil)
        let commanders = links.regularSet(of: 0, size: 6, within: all)
        #expect(commanders?.neighbours == [1, 2, 3, 4, 6, 7])
        #expect(commanders?.neighbours.allSatisfy { links.regularSet(of: $0, size: 5, within: rest) != nil } == true)
    }

    /// Ten generals, sparse: the searches that fail take longest.
    @Test func sparseGraphsOfTenAnswerQuickly() {
        var rng = TestRNG(seed: 0x10)
        for _ in 0..<20 {
            var links = Links.none(10)
            for a in 0..<10 {
                for b in (a + 1)..<10 where Int.random(in: 0..<10, using: &rng) < 4 { links.link(a, b) }
            }
            let all = Array(0..<10)
            let regularity = links.regularity(within: all)
            #expect(regularity.p <= links.connectivity(within: all))
            #expect(regularity.failing != nil)
        }
    }

    // MARK: - Helpers

    static let wheel: Links = {
        var links = Links.none(6)
        for rim in 1...5 {
            links.link(0, rim)
            links.link(rim, rim % 5 + 1)
        }
        return links
    }()

    /// A graph of `generals` with links of a random density, and `within`
    /// every general or, one time in three, all but one.
    static func randomGraph(generals: Int, using rng: inout TestRNG) -> (Links, [Int]) {
        var links = Links.none(generals)
        let density = Int.random(in: 2...9, using: &rng)
        for a in 0..<generals {
            for b in (a + 1)..<max(a + 1, generals) where Int.random(in: 0..<10, using: &rng) < density {
                links.link(a, b)
            }
        }
        var within = Array(0..<generals)
        if generals > 1, Int.random(in: 0..<3, using: &rng) == 0 { within.remove(at: Int.random(in: 0..<generals, using: &rng)) }
        return (links, within)
    }

    /// Every question `regularSet` can be asked of 40 random graphs: each
    /// general of `within` (with its neighbours there), each size from 0 to
    /// one more than it has neighbours.
    static func forEachQuestion(
        seed: UInt64, generals: ClosedRange<Int>, _ body: (Links, [Int], Int, [Int], Int) -> Void
    ) {
        var rng = TestRNG(seed: seed)
        for _ in 0..<40 {
            let (links, within) = randomGraph(generals: Int.random(in: generals, using: &rng), using: &rng)
            for node in within {
                let neighbours = within.filter { links.areLinked(node, $0) }
                for size in 0...(neighbours.count + 1) { body(links, within, node, neighbours, size) }
            }
        }
    }

    /// Definition 1 checked path by path.
    static func isRegularSet(_ regular: RegularSet, of node: Int, size: Int, within: [Int], links: Links) -> Bool {
        let members = regular.neighbours
        guard members.count == size, members == members.sorted(), Set(members).count == size,
              members.allSatisfy({ within.contains($0) && links.areLinked(node, $0) }),
              Set(regular.paths.keys) == Set(within.filter { $0 != node })
        else { return false }
        return regular.paths.allSatisfy { k, paths in
            guard paths.count == size else { return false }
            let shapes = zip(members, paths).allSatisfy { member, path in
                path.first == member && path.last == k && Set(path).count == path.count
                    && path.allSatisfy { within.contains($0) && $0 != node }
                    && zip(path, path.dropFirst()).allSatisfy { links.areLinked($0, $1) }
            }
            let disjoint = paths.indices.allSatisfy { i in
                paths.indices.allSatisfy { j in i >= j || Set(paths[i]).intersection(paths[j]) == [k] }
            }
            return shapes && disjoint
        }
    }

    /// Definition 1 from scratch: for every k, some choice of one simple path
    /// per member (inside `within`, avoiding `node`) pairwise sharing only k.
    static func bruteForceIsRegular(_ members: [Int], of node: Int, within: [Int], links: Links) -> Bool {
        let allowed = Set(within).subtracting([node])
        return allowed.allSatisfy { k in
            let choices = members.map { $0 == k ? [[k]] : simplePaths(links, from: $0, to: k, inside: allowed) }
            func choose(_ index: Int, used: Set<Int>) -> Bool {
                guard index < choices.count else { return true }
                return choices[index].contains { path in
                    let inner = Set(path).subtracting([k])
                    return inner.isDisjoint(with: used) && choose(index + 1, used: used.union(inner))
                }
            }
            return choose(0, used: [])
        }
    }

    static func simplePaths(_ links: Links, from start: Int, to target: Int, inside allowed: Set<Int>) -> [[Int]] {
        var found: [[Int]] = []
        func extend(_ path: [Int]) {
            guard let last = path.last else { return }
            if last == target { found.append(path); return }
            for next in allowed.sorted() where links.areLinked(last, next) && !path.contains(next) { extend(path + [next]) }
        }
        extend([start])
        return found
    }

    /// The largest p every general has a regular set of, tried p by p.
    static func regularityByDefinition(_ links: Links, within: [Int]) -> (p: Int, failing: Int?) {
        guard within.count > 1 else { return (0, nil) }
        var p = 0
        while within.allSatisfy({ links.regularSet(of: $0, size: p + 1, within: within) != nil }) { p += 1 }
        return (p, within.first { links.regularSet(of: $0, size: p + 1, within: within) == nil })
    }

    /// The fewest generals whose removal leaves at most one general or a
    /// disconnected graph, by trying every set of each size.
    static func bruteForceConnectivity(_ links: Links, within: [Int]) -> Int {
        for size in 0..<max(within.count, 1) {
            for removed in subsets(of: within.count, atMost: size) where removed.count == size {
                let rest = within.indices.filter { !removed.contains($0) }.map { within[$0] }
                if rest.count <= 1 || floydWarshallDiameter(links, within: rest) == nil { return size }
            }
        }
        return max(within.count - 1, 0)
    }

    static func floydWarshallDiameter(_ links: Links, within: [Int]) -> Int? {
        let unreachable = Int.max / 2
        var distance = within.map { a in within.map { b in a == b ? 0 : links.areLinked(a, b) ? 1 : unreachable } }
        for via in within.indices {
            for a in within.indices {
                for b in within.indices { distance[a][b] = min(distance[a][b], distance[a][via] + distance[via][b]) }
            }
        }
        let longest = distance.flatMap { $0 }.max() ?? 0
        return longest >= unreachable ? nil : longest
    }
}
