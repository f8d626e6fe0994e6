/// Seeded randomness for `random` deviations. A value depends only on the seed,
/// the message's path and its receiver (not on the order messages are made in),
/// so the same seed gives the same run however the engine walks the messages.
enum RandomValue {
    @inline(__always)
    static func pick(seed: UInt64, pathHash: UInt64, receiver: Int, valueCount: Int) -> Int {
        let mixed = SplitMix64.mix(seed ^ SplitMix64.mix(pathHash &+ UInt64(truncatingIfNeeded: receiver) &* 0x9E37_79B9_7F4A_7C15))
        return Int(mixed % UInt64(max(valueCount, 1)))
    }
}

enum PathHash {
    static let empty: UInt64 = 0x243F_6A88_85A3_08D3

    @inline(__always)
    static func extend(_ hash: UInt64, with general: Int) -> UInt64 {
        SplitMix64.mix(hash ^ UInt64(truncatingIfNeeded: general &+ 1))
    }

    static func of(_ path: [Int]) -> UInt64 {
        path.reduce(empty, extend)
    }
}

enum SplitMix64 {
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A lossy channel's losses: whether one message is lost depends only on the
/// seed, its path and its receiver, like a `random` value, so the same seed
/// loses the same messages however the engine walks them. The path's hash
/// is already mixed; each receiver brings a key drawn from the seed, and one
/// multiply spreads the two over 64 bits, compared with the loss rate's
/// share of them: a handful of instructions a message, on the hot path.
struct LossDraw {
    private let receiverKeys: [UInt64]
    /// Lost when the spread value is at most this: the rate's share of 2^64,
    /// less one (so 100% loses all). Asked only of a rate above 0%.
    private let largestLost: UInt64

    init(seed: UInt64, percent: Int, generalCount: Int) {
        let key = SplitMix64.mix(~seed)
        receiverKeys = (0..<generalCount).map { SplitMix64.mix(key ^ UInt64($0 &+ 1)) }
        let share = Double(min(max(percent, 1), 100)) / 100 * 18_446_744_073_709_551_616
        largestLost = share >= 18_446_744_073_709_551_615 ? .max : UInt64(share.rounded(.down)) - 1
    }

    @inline(__always)
    func isLost(pathHash: UInt64, receiver: Int) -> Bool {
        lossBit(pathHash: pathHash, receiver: receiver) != 0
    }

    /// 1 when the message is lost, 0 when not, as data rather than a
    /// branch: a loss at random is the one thing a branch predictor cannot learn.
    @inline(__always)
    func lossBit(pathHash: UInt64, receiver: Int) -> Int32 {
        let spread = (pathHash ^ receiverKeys[receiver]) &* 0xD1B5_4A32_D192_ED03
        let kept = largestLost.subtractingReportingOverflow(spread).overflow
        return 1 &- Int32(unsafeBitCast(kept, to: UInt8.self))
    }
}
