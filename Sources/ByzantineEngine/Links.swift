/// Which generals can message each other directly: an undirected graph on the
/// generals `0..<generalCount`, without loops. The paper's Sections 1 to 4
/// assume every pair is linked; its Section 5 drops that.
public struct Links: Sendable, Hashable {
    public let generalCount: Int
    /// Row i, bit j: i and j are linked. Nil while every pair is, so a
    /// complete army of any size costs nothing and asks nothing per message.
    private var bits: [UInt64]?
    private var wordsPerRow: Int { (generalCount + 63) / 64 }

    /// Every pair linked: the default.
    public static func complete(_ generalCount: Int) -> Links {
        Links(generalCount: generalCount, bits: nil)
    }

    /// No pair linked; `link` adds them.
    public static func none(_ generalCount: Int) -> Links {
        Links(generalCount: generalCount, bits: Array(repeating: 0, count: generalCount * ((generalCount + 63) / 64)))
    }

    /// Each general linked to the next and the previous in `order` (every
    /// general once), the last to the first.
    public static func ring(_ order: [Int]) -> Links {
        var links = none(order.count)
        for (index, general) in order.enumerated() { links.link(general, order[(index + 1) % order.count]) }
        return links
    }

    public var isComplete: Bool { bits == nil }

    @inline(__always)
    public func areLinked(_ a: Int, _ b: Int) -> Bool {
        guard let bits else { return a != b }
        return bits[a * wordsPerRow + b / 64] & (1 << UInt64(b % 64)) != 0
    }

    public mutating func link(_ a: Int, _ b: Int) {
        guard a != b, bits != nil else { return }
        set(a, b, to: true)
        set(b, a, to: true)
        if isEveryPairLinked { bits = nil }
    }

    public mutating func cut(_ a: Int, _ b: Int) {
        guard a != b else { return }
        if bits == nil { bits = Self.everyPair(generalCount) }
        set(a, b, to: false)
        set(b, a, to: false)
    }

    public func neighbours(of general: Int) -> [Int] {
        (0..<generalCount).filter { areLinked(general, $0) }
    }

    /// Every pair that is not linked, each once, smaller general first.
    public var missingLinks: [(Int, Int)] {
        guard bits != nil else { return [] }
        return (0..<generalCount).flatMap { a in ((a + 1)..<max(a + 1, generalCount)).filter { !areLinked(a, $0) }.map { (a, $0) } }
    }

    private mutating func set(_ a: Int, _ b: Int, to linked: Bool) {
        let index = a * wordsPerRow + b / 64
        let mask: UInt64 = 1 << UInt64(b % 64)
        if linked { bits?[index] |= mask } else { bits?[index] &= ~mask }
    }

    private var isEveryPairLinked: Bool {
        (0..<generalCount).allSatisfy { a in (0..<generalCount).allSatisfy { b in a == b || areLinked(a, b) } }
    }

    private static func everyPair(_ generalCount: Int) -> [UInt64] {
        var links = none(generalCount)
        for a in 0..<generalCount {
            for b in 0..<generalCount where a != b { links.set(a, b, to: true) }
        }
        return links.bits ?? []
    }
}
